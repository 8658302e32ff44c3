// Hydra checks 13 and 15 (redirect and post-logout URIs), and what /oauth2/auth refuses later.
import { ALL, V1_V23, V2, error, information, metadataError, redirectError, warning, type HydraVerdictCase } from '../verdictCase';

const FRAGMENT = 'Redirect URIs must not contain fragments (#).';
const insecure = (unless: string) => `Hydra stores this http:// redirect URI, but its authorization endpoint refuses http except for localhost, *.localhost and loopback IPs (${unless}). Use https.`;
const INSECURE = insecure('unless Hydra runs with --dev');
const INSECURE_V1 = insecure('unless Hydra lists it in --dangerous-allow-insecure-redirect-urls');
const LOCALHOST = 'Hydra matches "localhost" redirect URIs exactly, port included. Only loopback IPs (http://127.0.0.1/… or http://[::1]/…) may use any port at login (RFC 8252 §7.3), which native apps on a random port need.';
const mismatchV26 = (uri: string) => `post_logout_redirect_uri '${uri}' must match the domain, port, scheme of at least one of the registered redirect URIs but did not`;
const mismatchOld = (uri: string) => `${mismatchV26(uri)}'`;
const APP = 'https://app.example.com/callback';

export const redirectCases: HydraVerdictCase[] = [
  {
    name: 'a relative redirect URI',
    versions: ALL, client: { redirect_uris: ['callback'] }, hydraRejects: true, hydraAnswer: redirectError('Unable to parse redirect URL: callback'),
    expect: 'reject', diagnostics: [error('invalid-redirect-uri', 'Unable to parse redirect URL: callback', 'callback')],
  },
  {
    name: 'an empty redirect URI',
    versions: ALL, client: { redirect_uris: [''] }, hydraRejects: true, hydraAnswer: redirectError('Unable to parse redirect URL: '),
    expect: 'reject', diagnostics: [error('invalid-redirect-uri', 'Unable to parse redirect URL: ', '')],
  },
  {
    name: 'a redirect URI with a fragment',
    versions: ALL, client: { redirect_uris: [`${APP}#done`] }, hydraRejects: true, hydraAnswer: redirectError(FRAGMENT),
    expect: 'reject', diagnostics: [error('invalid-redirect-uri-fragment', FRAGMENT, `${APP}#done`)],
  },
  {
    name: 'an unparsable redirect URI with a fragment: v26 checks # first',
    versions: ['v26'], client: { redirect_uris: ['callback#done'] }, hydraRejects: true, hydraAnswer: redirectError(FRAGMENT),
    expect: 'reject', diagnostics: [error('invalid-redirect-uri-fragment', FRAGMENT, 'callback#done')],
  },
  {
    name: 'an unparsable redirect URI with a fragment: v1.11 and v2.3 parse first',
    versions: V1_V23, client: { redirect_uris: ['callback#done'] }, hydraRejects: true, hydraAnswer: redirectError('Unable to parse redirect URL: callback#done'),
    expect: 'reject', diagnostics: [error('invalid-redirect-uri', 'Unable to parse redirect URL: callback#done', 'callback#done')],
  },
  {
    name: 'custom-scheme, absolute-path and IPv6 loopback redirect URIs',
    versions: ALL, client: { redirect_uris: ['com.example.app:/oauth2redirect', '/callback', 'http://[::1]:8080/cb', 'http://127.0.0.1/cb', 'http://app.localhost/cb'] },
    hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an http redirect URI to a public host',
    versions: V2, client: { redirect_uris: ['http://app.example.com/callback'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('insecure-redirect-uri', INSECURE, 'http://app.example.com/callback')],
  },
  {
    name: 'an http redirect URI to a public host (v1.11)',
    versions: ['v1.11'], client: { redirect_uris: ['http://app.example.com/callback'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('insecure-redirect-uri', INSECURE_V1, 'http://app.example.com/callback')],
  },
  {
    name: 'http to 127.0.0.2 is loopback from v2 on',
    versions: V2, client: { redirect_uris: ['http://127.0.0.2:8080/cb'] }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'http to 127.0.0.2 is refused at login by v1.11',
    versions: ['v1.11'], client: { redirect_uris: ['http://127.0.0.2:8080/cb'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('insecure-redirect-uri', INSECURE_V1, 'http://127.0.0.2:8080/cb')],
  },
  {
    name: 'a localhost redirect URI is matched with its port',
    versions: ALL, client: { redirect_uris: ['http://localhost:8080/callback'] }, hydraRejects: false,
    expect: 'accept', diagnostics: [information('localhost-redirect-exact-port', LOCALHOST, 'http://localhost:8080/callback')],
  },
  // 15: post_logout_redirect_uris
  {
    name: 'a post-logout URI on a redirect URI\'s scheme, host and port',
    versions: ALL, client: { redirect_uris: [APP], post_logout_redirect_uris: ['https://app.example.com/logged-out'] }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'a post-logout URI on another host',
    versions: ['v26'], client: { redirect_uris: [APP], post_logout_redirect_uris: ['https://other.example.com/bye'] },
    hydraRejects: true, hydraAnswer: metadataError(mismatchV26('https://other.example.com/bye')),
    expect: 'reject', diagnostics: [error('post-logout-redirect-uri-mismatch', mismatchV26('https://other.example.com/bye'), 'https://other.example.com/bye')],
  },
  {
    name: 'a post-logout URI on another host (stray quote before v26)',
    versions: V1_V23, client: { redirect_uris: [APP], post_logout_redirect_uris: ['https://other.example.com/bye'] },
    hydraRejects: true, hydraAnswer: metadataError(mismatchOld('https://other.example.com/bye')),
    expect: 'reject', diagnostics: [error('post-logout-redirect-uri-mismatch', mismatchOld('https://other.example.com/bye'), 'https://other.example.com/bye')],
  },
  {
    name: 'a post-logout URI on another port',
    versions: ['v26'], client: { redirect_uris: ['https://app.example.com:8443/cb'], post_logout_redirect_uris: ['https://app.example.com/bye'] },
    hydraRejects: true, hydraAnswer: metadataError(mismatchV26('https://app.example.com/bye')),
    expect: 'reject', diagnostics: [error('post-logout-redirect-uri-mismatch', mismatchV26('https://app.example.com/bye'), 'https://app.example.com/bye')],
  },
  {
    name: 'host names are compared case-sensitively',
    versions: ['v26'], client: { redirect_uris: [APP], post_logout_redirect_uris: ['https://App.example.com/bye'] },
    hydraRejects: true, hydraAnswer: metadataError(mismatchV26('https://App.example.com/bye')),
    expect: 'reject', diagnostics: [error('post-logout-redirect-uri-mismatch', mismatchV26('https://App.example.com/bye'), 'https://App.example.com/bye')],
  },
  {
    name: 'a post-logout URI without redirect URIs',
    versions: ['v26'], client: { post_logout_redirect_uris: ['https://app.example.com/bye'] },
    hydraRejects: true, hydraAnswer: metadataError(mismatchV26('https://app.example.com/bye')),
    expect: 'reject', diagnostics: [error('post-logout-redirect-uri-mismatch', mismatchV26('https://app.example.com/bye'), 'https://app.example.com/bye')],
  },
  {
    name: 'a relative post-logout URI',
    versions: ALL, client: { redirect_uris: [APP], post_logout_redirect_uris: ['logged-out'] },
    hydraRejects: true, hydraAnswer: metadataError('Unable to parse post_logout_redirect_uri: logged-out'),
    expect: 'reject', diagnostics: [error('post-logout-redirect-uri-unparsable', 'Unable to parse post_logout_redirect_uri: logged-out', 'logged-out')],
  },
];
