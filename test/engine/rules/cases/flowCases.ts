// Hydra check 14 (subject_type), and the flows Hydra stores but fails on later.
import { ALL, V2, error, information, metadataError, warning, type HydraVerdictCase } from '../verdictCase';

const PAIRWISE_UNSUPPORTED = 'Subject type pairwise is not supported by server, only [public] are allowed.';
const PAIRWISE_SECTOR = 'With subject_type "pairwise" and several redirect_uris, Hydra needs a sector_identifier_uri: without one every login of this client fails. Set sector_identifier_uri, or keep a single redirect URI.';
const needs = (responseType: string, grantType: string) => warning('response-type-needs-grant-type', `Response type "${responseType}" needs the "${grantType}" grant, which grant_types does not include: Hydra stores the client, but this flow fails.`, responseType, { grantType });
const IMPLICIT = 'The implicit grant is discouraged (OAuth 2.0 Security BCP, RFC 9700 §2.1.2): tokens travel in the redirect URL. Use authorization_code with PKCE instead.';
const PUBLIC_CC = 'client_credentials needs client authentication, but token_endpoint_auth_method is "none": Hydra refuses this grant to public clients.';
const OFFLINE = "Hydra issues refresh tokens only when the offline_access (or offline) scope is granted, and this client's scope has neither. Add offline_access to scope.";
const SESSION = (c: string) => `${c}_logout_session_required is true but ${c}_logout_uri is not set, so Hydra never sends ${c} logout notifications to this client. Set ${c}_logout_uri or remove the flag.`;
const GIT = 'This file is committed to git, so this client_secret is shared with everyone who can read the repository. Keep it in a secret manager and inject it at deploy time, or omit client_secret and let Hydra generate one (the create response shows it once).';
const bothPairwise = { supportedSubjectTypes: ['public', 'pairwise'] };
const twoRedirects = ['https://a.example.com/cb', 'https://b.example.com/cb'];

export const flowCases: HydraVerdictCase[] = [
  // 14: subject_type
  {
    name: 'pairwise on a server with the default subject types',
    versions: ALL, client: { subject_type: 'pairwise' }, hydraRejects: true, hydraAnswer: metadataError(PAIRWISE_UNSUPPORTED),
    expect: 'reject', diagnostics: [error('subject-type-unsupported', PAIRWISE_UNSUPPORTED, 'pairwise', { supported: ['public'] })],
  },
  {
    name: 'pairwise on a server that supports it',
    versions: ALL, client: { subject_type: 'pairwise', redirect_uris: ['https://app.example.com/cb'] }, options: bothPairwise,
    hydraRejects: false, hydraCaveat: 'Needs oidc.subject_identifiers.supported_types=[public, pairwise] and a pairwise salt on the server.',
    expect: 'accept', diagnostics: [],
  },
  {
    name: 'pairwise is dropped for a client with jwt access tokens',
    versions: V2, client: { subject_type: 'pairwise', access_token_strategy: 'jwt' }, options: bothPairwise,
    hydraRejects: true, hydraAnswer: metadataError(PAIRWISE_UNSUPPORTED), hydraCaveat: 'Needs pairwise among the server\'s supported subject types.',
    expect: 'reject', diagnostics: [error('subject-type-unsupported', PAIRWISE_UNSUPPORTED, 'pairwise', { supported: ['public'] })],
  },
  {
    name: 'an unknown subject type (the schema reports it)',
    versions: ALL, client: { subject_type: 'private' }, hydraRejects: true,
    hydraAnswer: metadataError('Subject type private is not supported by server, only [public] are allowed.'),
    expect: 'reject', diagnostics: [{ code: 'enum-mismatch', severity: 'error', text: 'private' }],
  },
  {
    name: 'pairwise with several redirect URIs and no sector_identifier_uri',
    versions: ALL, client: { subject_type: 'pairwise', redirect_uris: twoRedirects }, options: bothPairwise,
    hydraRejects: false, hydraCaveat: 'Needs pairwise among the server\'s supported subject types.',
    expect: 'accept', diagnostics: [warning('pairwise-needs-sector-identifier', PAIRWISE_SECTOR, 'redirect_uris')],
  },
  // grant and response types
  {
    name: 'response type code without the authorization_code grant',
    versions: ALL, client: { grant_types: ['client_credentials'], response_types: ['code'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [needs('code', 'authorization_code')],
  },
  {
    name: 'response type token without the implicit grant',
    versions: ALL, client: { grant_types: ['authorization_code'], response_types: ['token'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [needs('token', 'implicit')],
  },
  {
    name: 'response type id_token with the default grant types',
    versions: ALL, client: { response_types: ['id_token'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [needs('id_token', 'implicit')],
  },
  {
    name: 'hybrid code id_token needs only authorization_code',
    versions: ALL, client: { grant_types: ['authorization_code'], response_types: ['code', 'code id_token'] }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'hybrid code token needs implicit too',
    versions: ALL, client: { grant_types: ['authorization_code'], response_types: ['code token'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [needs('code token', 'implicit')],
  },
  {
    name: 'the implicit grant',
    versions: ALL, client: { grant_types: ['implicit'], response_types: ['token'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('implicit-grant-discouraged', IMPLICIT, 'implicit')],
  },
  {
    name: 'client_credentials for a public client',
    versions: ALL, client: { grant_types: ['client_credentials'], token_endpoint_auth_method: 'none' }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('public-client-credentials', PUBLIC_CC, 'client_credentials')],
  },
  {
    name: 'refresh_token without an offline scope',
    versions: ALL, client: { grant_types: ['authorization_code', 'refresh_token'], scope: 'openid profile' }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('refresh-token-without-offline-scope', OFFLINE, 'refresh_token')],
  },
  {
    name: 'refresh_token with scope words that only contain offline',
    versions: ALL, client: { grant_types: ['authorization_code', 'refresh_token'], scope: 'openid offline_access_v2 notoffline' }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('refresh-token-without-offline-scope', OFFLINE, 'refresh_token')],
  },
  {
    name: 'refresh_token with offline_access, or with the default scope',
    versions: ALL, client: { grant_types: ['authorization_code', 'refresh_token'], scope: 'openid offline_access' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an unknown grant type is stored',
    versions: ['v26'], client: { grant_types: ['password'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('unknown-grant-type', 'Hydra v26 does not support grant type "password": it stores it, but no flow can use it.', 'password')],
  },
  {
    name: 'a misspelt grant type',
    versions: ['v2.3'], client: { grant_types: ['client_credential'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('unknown-grant-type', 'Hydra v2.3 does not support grant type "client_credential": it stores it, but no flow can use it. Did you mean "client_credentials"?', 'client_credential', { suggestion: 'client_credentials' })],
  },
  {
    name: 'the device grant before v26',
    versions: ['v2.3'], client: { grant_types: ['urn:ietf:params:oauth:grant-type:device_code'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('unknown-grant-type', 'Hydra v2.3 does not support grant type "urn:ietf:params:oauth:grant-type:device_code" (it is supported from v26 on): it stores it, but no flow can use it.', 'urn:ietf:params:oauth:grant-type:device_code')],
  },
  {
    name: 'the device and jwt-bearer grants in v26',
    versions: ['v26'], client: { grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'urn:ietf:params:oauth:grant-type:jwt-bearer'] }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  // logout flags and the secret in git
  {
    name: 'frontchannel_logout_session_required without frontchannel_logout_uri',
    versions: ALL, client: { frontchannel_logout_session_required: true }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('logout-session-required-without-uri', SESSION('frontchannel'), 'true')],
  },
  {
    name: 'backchannel_logout_session_required with backchannel_logout_uri',
    versions: ALL, client: { backchannel_logout_session_required: true, backchannel_logout_uri: 'https://app.example.com/bc-logout' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'a client_secret in a file committed to git',
    versions: ALL, client: { client_secret: 'a-long-enough-secret' }, options: { committedToGit: true }, hydraRejects: false,
    expect: 'accept', diagnostics: [information('client-secret-in-git', GIT, 'a-long-enough-secret')],
  },
  {
    name: 'a client_secret in a file not committed to git',
    versions: ALL, client: { client_secret: 'a-long-enough-secret' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
];
