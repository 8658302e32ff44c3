// Hydra checks 6, 7, 9, 11, 12 and 16 (reference §3).
import { ALL, V1_V23, V2, error, information, metadataError, type HydraVerdictCase } from '../verdictCase';

const SHORT_SECRET = 'Field client_secret must contain a secret that is at least 6 characters long.';
const SECTOR_FETCHED = 'Hydra fetches this URL whenever the client is created or updated: it must answer with a JSON array of strings that contains every redirect_uri exactly, or Hydra rejects the client.';
const SECTOR_HTTPS = 'Value sector_identifier_uri must be an HTTPS URL but it is not.';
const SECTOR_UNPARSABLE = "Value of sector_identifier_uri could not be parsed because parse 'https://app.example.com:abc/sector.json': invalid port ':abc' after host.";
const cors = (origin: string) => ({ allowed_cors_origins: [origin] });

export const fieldCases: HydraVerdictCase[] = [
  // 6: tos_uri, policy_uri, logo_uri, client_uri (v26 only)
  {
    name: 'a tos_uri that is not a URI',
    versions: ['v26'], client: { tos_uri: 'terms' }, hydraRejects: true, hydraAnswer: metadataError('Field tos_uri must be a valid URI.'),
    expect: 'reject', diagnostics: [error('uri-field-invalid', 'Field tos_uri must be a valid URI.', 'terms')],
  },
  {
    name: 'a tos_uri that is not a URI is stored before v26',
    versions: V1_V23, client: { tos_uri: 'terms' }, hydraRejects: false,
    expect: 'accept', diagnostics: [{ code: 'format-mismatch', severity: 'warning', text: 'terms' }],
  },
  {
    name: 'a policy_uri with an ftp scheme',
    versions: ['v26'], client: { policy_uri: 'ftp://example.com/policy' },
    hydraRejects: true, hydraAnswer: metadataError('ftp://example.com/policy must use https:// or http:// as HTTP scheme for field policy_uri.'),
    expect: 'reject', diagnostics: [error('uri-field-scheme', 'ftp://example.com/policy must use https:// or http:// as HTTP scheme for field policy_uri.', 'ftp://example.com/policy')],
  },
  {
    name: 'a logo_uri that is an absolute path has no scheme',
    versions: ['v26'], client: { logo_uri: '/logo.png' },
    hydraRejects: true, hydraAnswer: metadataError('/logo.png must use https:// or http:// as HTTP scheme for field logo_uri.'),
    expect: 'reject', diagnostics: [error('uri-field-scheme', '/logo.png must use https:// or http:// as HTTP scheme for field logo_uri.', '/logo.png')],
  },
  {
    name: 'web page URIs over http and https',
    versions: ALL, client: { client_uri: 'https://app.example.com', tos_uri: 'http://app.example.com/tos', policy_uri: '', logo_uri: null }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  // 7: client_secret
  {
    name: 'a client_secret shorter than 6 characters',
    versions: ALL, client: { client_secret: 'abc12' }, hydraRejects: true, hydraAnswer: metadataError(SHORT_SECRET),
    expect: 'reject', diagnostics: [error('client-secret-too-short', SHORT_SECRET, 'abc12')],
  },
  {
    name: 'a client_secret of 6 bytes in 3 characters (Go counts bytes)',
    versions: ALL, client: { client_secret: 'äöü' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an empty client_secret lets Hydra generate one',
    versions: ALL, client: { client_secret: '' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  // 9: allowed_cors_origins
  {
    name: 'a CORS origin with an ftp scheme',
    versions: ALL, client: cors('ftp://example.com'), hydraRejects: true, hydraAnswer: metadataError('Origin URL ftp://example.com must use https:// or http:// as HTTP scheme.'),
    expect: 'reject', diagnostics: [error('cors-origin-scheme', 'Origin URL ftp://example.com must use https:// or http:// as HTTP scheme.', 'ftp://example.com')],
  },
  {
    name: 'a CORS origin with user info',
    versions: ALL, client: cors('https://user:pw@example.com'), hydraRejects: true,
    hydraAnswer: metadataError('Origin URL https://user:pw@example.com has HTTP user and/or password set which is not allowed.'),
    expect: 'reject', diagnostics: [error('cors-origin-userinfo', 'Origin URL https://user:pw@example.com has HTTP user and/or password set which is not allowed.', 'https://user:pw@example.com')],
  },
  {
    name: 'a CORS origin with a path',
    versions: ALL, client: cors('https://example.com/app'), hydraRejects: true,
    hydraAnswer: metadataError('Origin URL https://example.com/app must have an empty path, query, and fragment but one of the parts is not empty.'),
    expect: 'reject', diagnostics: [error('cors-origin-not-bare', 'Origin URL https://example.com/app must have an empty path, query, and fragment but one of the parts is not empty.', 'https://example.com/app')],
  },
  {
    name: 'a CORS origin with a query',
    versions: ALL, client: cors('https://example.com?x=1'), hydraRejects: true,
    hydraAnswer: metadataError('Origin URL https://example.com?x=1 must have an empty path, query, and fragment but one of the parts is not empty.'),
    expect: 'reject', diagnostics: [error('cors-origin-not-bare', 'Origin URL https://example.com?x=1 must have an empty path, query, and fragment but one of the parts is not empty.', 'https://example.com?x=1')],
  },
  {
    name: 'a CORS origin with a port that is not a number',
    versions: ALL, client: cors('https://example.com:abc'), hydraRejects: true,
    hydraAnswer: metadataError("Origin URL https://example.com:abc from allowed_cors_origins could not be parsed: parse 'https://example.com:abc': invalid port ':abc' after host"),
    expect: 'reject', diagnostics: [error('cors-origin-unparsable', "Origin URL https://example.com:abc from allowed_cors_origins could not be parsed: parse 'https://example.com:abc': invalid port ':abc' after host", 'https://example.com:abc')],
  },
  {
    name: 'a CORS origin with a bracketed non-IP host (Go 1.26 rejects it)',
    versions: ['v26'], client: cors('https://[v1.x]'), hydraRejects: true,
    hydraAnswer: metadataError("Origin URL https://[v1.x] from allowed_cors_origins could not be parsed: parse 'https://[v1.x]': invalid host: ParseAddr('v1.x'): unexpected character (at 'v1.x')"),
    expect: 'reject', diagnostics: [error('cors-origin-unparsable', "Origin URL https://[v1.x] from allowed_cors_origins could not be parsed: parse 'https://[v1.x]': invalid host: ParseAddr('v1.x'): unexpected character (at 'v1.x')", 'https://[v1.x]')],
  },
  {
    name: 'a CORS origin with a bracketed non-IP host (older Go accepts it)',
    versions: V1_V23, client: cors('https://[v1.x]'), hydraRejects: false, expect: 'accept', diagnostics: [],
    hydraRejectsWithGo126: true,
  },
  {
    name: 'CORS origins with and without a trailing slash',
    versions: ALL, client: { allowed_cors_origins: ['https://example.com/', 'http://localhost:3000'] }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  // 11: sector_identifier_uri
  {
    name: 'a sector_identifier_uri over http',
    versions: ALL, client: { sector_identifier_uri: 'http://app.example.com/sector.json' },
    hydraRejects: true, hydraAnswer: metadataError('The value of one of the Client Metadata fields is invalid'),
    expect: 'reject', diagnostics: [error('sector-identifier-uri-not-https', SECTOR_HTTPS, 'http://app.example.com/sector.json')],
  },
  {
    name: 'a sector_identifier_uri that does not parse',
    versions: ALL, client: { sector_identifier_uri: 'https://app.example.com:abc/sector.json' },
    hydraRejects: true, hydraAnswer: metadataError(SECTOR_UNPARSABLE),
    expect: 'reject', diagnostics: [error('sector-identifier-uri-unparsable', SECTOR_UNPARSABLE, 'https://app.example.com:abc/sector.json')],
  },
  {
    name: 'a sector_identifier_uri over https is fetched by Hydra',
    versions: ALL, client: { sector_identifier_uri: 'https://app.example.com/sector.json' },
    hydraRejects: true, hydraAnswer: metadataError('The value of one of the Client Metadata fields is invalid'),
    hydraCaveat: 'Hydra fetches the URL during validation: it accepts the client only if the URL answers with a JSON array holding every redirect URI.',
    knownGap: 'The editor cannot fetch the URL; it notes that Hydra will.',
    expect: 'accept', diagnostics: [information('sector-identifier-uri-fetched', SECTOR_FETCHED, 'https://app.example.com/sector.json')],
  },
  // 12: userinfo_signed_response_alg
  {
    name: 'userinfo_signed_response_alg other than none or RS256 (the schema reports it)',
    versions: ALL, client: { userinfo_signed_response_alg: 'HS256' },
    hydraRejects: true, hydraAnswer: metadataError("Field userinfo_signed_response_alg can either be 'none' or 'RS256'."),
    expect: 'reject', diagnostics: [{ code: 'enum-mismatch', severity: 'error', text: 'HS256' }],
  },
  {
    name: 'userinfo_signed_response_alg RS256, none or empty',
    versions: ALL, client: { userinfo_signed_response_alg: 'RS256' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  // 16: access_token_strategy
  {
    name: 'access_token_strategy in upper case',
    versions: V2, client: { access_token_strategy: 'JWT' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an unknown access_token_strategy (the schema reports it)',
    versions: V2, client: { access_token_strategy: 'Paseto' },
    hydraRejects: true, hydraAnswer: metadataError('invalid access token strategy: expected one of [jwt, opaque] but got paseto'),
    expect: 'reject', diagnostics: [{ code: 'enum-mismatch', severity: 'error', text: 'Paseto' }],
  },
  {
    name: 'v1.11 ignores access_token_strategy, whatever its value',
    versions: ['v1.11'], client: { access_token_strategy: 'Paseto' }, hydraRejects: false,
    expect: 'accept', diagnostics: [{ code: 'key-not-in-version', severity: 'warning', text: 'access_token_strategy' }],
  },
];
