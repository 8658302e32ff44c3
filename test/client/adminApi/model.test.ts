// oauth2Client.ts, pagination.ts and adminApiError.ts: pure functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { httpError, parseHydraErrorBody, redact, validationHint } from '../../../client/src/adminApi/adminApiError';
import { connectionSecrets, displayUrl } from '../../../client/src/adminApi/connection';
import { classifySocketError } from '../../../client/src/adminApi/httpTransport';
import { isEmptyJwks, normalizeClient, toWritableClient } from '../../../client/src/adminApi/oauth2Client';
import { clampPageSize, nextPageTokenFromLink, parseLinkHeader } from '../../../client/src/adminApi/pagination';
import { versionFromString } from '../../../client/src/adminApi/adminApiClient';

const ctx = { connectionName: 'dev', what: 'PUT /admin/clients/a', clientId: 'a' };
const BASE =
  "The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client's Metadata.";

test('normalizeClient turns null arrays into [] and keeps other values', () => {
  const c = normalizeClient({ client_id: 'a', grant_types: null, response_types: null, contacts: null, redirect_uris: ['x'], metadata: null, scope: 'openid' });
  assert.deepEqual(c.grant_types, []);
  assert.deepEqual(c.response_types, []);
  assert.deepEqual(c.contacts, []);
  assert.deepEqual(c.redirect_uris, ['x']);
  assert.equal(c.metadata, null);
  assert.equal(c.scope, 'openid');
});

test('normalizeClient drops the empty jwks only when jwks_uri is set', () => {
  assert.equal('jwks' in normalizeClient({ jwks_uri: 'https://x/jwks', jwks: {} }), false);
  assert.equal('jwks' in normalizeClient({ jwks_uri: 'https://x/jwks', jwks: { keys: [] } }), false);
  assert.deepEqual(normalizeClient({ jwks: {} }).jwks, {});
  assert.deepEqual(normalizeClient({ jwks_uri: 'https://x', jwks: { keys: [{ kty: 'EC' }] } }).jwks, { keys: [{ kty: 'EC' }] });
});

test('toWritableClient strips server-set fields and applies the #3935 workaround', () => {
  const w = toWritableClient({
    client_id: 'a',
    client_secret: 'keep-me',
    created_at: 't',
    updated_at: 't',
    registration_access_token: 'r',
    registration_client_uri: 'u',
    client_secret_expires_at: 0,
    jwks_uri: 'https://x/jwks',
    jwks: { keys: [] },
  });
  assert.deepEqual(w, { client_id: 'a', client_secret: 'keep-me', jwks_uri: 'https://x/jwks' });
  assert.equal('jwks' in toWritableClient({ jwks_uri: 'https://x', jwks: null }), false);
  assert.deepEqual(toWritableClient({ jwks: {} }).jwks, {}, 'without jwks_uri the empty jwks is harmless and kept');
  assert.ok(isEmptyJwks({}) && isEmptyJwks({ keys: [] }) && !isEmptyJwks({ keys: [{}] }) && !isEmptyJwks(null) && !isEmptyJwks([]));
});

test('Link header: rel="next" page_token, several rels, relative and absolute URLs', () => {
  const h = '</admin/clients?page_size=2&page_token=abc>; rel="first",</admin/clients?page_size=2&page_token=n%3D1>; rel="next"';
  assert.equal(nextPageTokenFromLink(h), 'n=1');
  assert.equal(parseLinkHeader(h).get('first'), '/admin/clients?page_size=2&page_token=abc');
  assert.equal(nextPageTokenFromLink('<http://h/admin/clients?page_token=z>; rel=next'), 'z');
  assert.equal(nextPageTokenFromLink('</admin/clients?page_token=a>; rel="first"'), undefined);
  assert.equal(nextPageTokenFromLink(undefined), undefined);
  assert.equal(clampPageSize(undefined), 100);
  assert.equal(clampPageSize(0), 1);
  assert.equal(clampPageSize(1000), 500);
});

test('versionFromString maps release versions and leaves master to fingerprinting', () => {
  assert.equal(versionFromString('v1.11.10'), 'v1.11');
  assert.equal(versionFromString('v2.3.0'), 'v2');
  assert.equal(versionFromString('v26.2.0'), 'v2');
  assert.equal(versionFromString('25.4.0'), 'v2');
  assert.equal(versionFromString('master'), undefined);
  assert.equal(versionFromString(''), undefined);
});

test('400 messages carry the validation hint without the boilerplate base', () => {
  const body = JSON.stringify({ error: 'invalid_client_metadata', error_description: `${BASE} Field client_secret must contain a secret that is at least 6 characters long.` });
  const e = httpError(400, body, ctx);
  assert.equal(e.kind, 'http');
  assert.equal(e.status, 400);
  assert.equal(e.error, 'invalid_client_metadata');
  assert.match(e.message, /^Hydra rejected the client \(invalid_client_metadata\): Field client_secret must contain/);
  assert.ok(!e.message.includes('MAY choose'));
  assert.equal(validationHint('The value of one or more redirect_uris is invalid. Redirect URIs must not contain fragments (#).'), 'Redirect URIs must not contain fragments (#).');
  assert.equal(validationHint('plain'), 'plain');
});

test('401/403/404/409/500 and route-404 messages', () => {
  assert.match(httpError(401, '', ctx).message, /check the credentials for connection "dev"/);
  assert.match(httpError(403, JSON.stringify({ error: 'The requested action was forbidden', error_description: '' }), ctx).message, /403 Forbidden.*check the credentials for connection "dev"/);
  const nf = httpError(404, JSON.stringify({ error: 'Unable to locate the resource', error_description: '' }), ctx);
  assert.match(nf.message, /^Not found: client "a" does not exist on connection "dev"/);
  assert.equal(nf.error, 'Unable to locate the resource');
  assert.match(httpError(409, JSON.stringify({ error: 'Unable to insert or update resource because a resource with that value exists already', error_description: '' }), ctx).message, /^Already exists: client "a"/);
  const route = httpError(404, JSON.stringify({ error: { code: 404, message: 'Not Found', reason: 'The requested route does not exist.' } }), ctx);
  assert.match(route.message, /no route for PUT \/admin\/clients\/a/);
  assert.equal(route.error, 'Not Found');
  assert.match(httpError(500, JSON.stringify({ error: 'error', error_description: 'The error is unrecognizable' }), ctx).message, /HTTP 500.*error: The error is unrecognizable/);
  assert.match(httpError(502, '<html>bad gateway</html>', ctx).message, /HTTP 502 and an HTML page/);
  assert.equal(parseHydraErrorBody('{"error":'), undefined);
  assert.equal(parseHydraErrorBody('[]'), undefined);
});

test('redaction, connection secrets and display URLs', () => {
  assert.equal(redact('token abc123 and abc123', ['abc123']), 'token *** and ***');
  const secrets = connectionSecrets({ name: 'n', adminUrl: 'https://u:urlpass@h/', auth: { kind: 'basic', username: 'u', password: 'pw-secret' }, headers: { 'X-Api-Key': 'hdr-secret', 'X-Trace': 'fine' } });
  assert.ok(secrets.includes('pw-secret') && secrets.includes('urlpass') && secrets.includes('hdr-secret') && !secrets.includes('fine'));
  assert.ok(secrets.includes(Buffer.from('u:pw-secret').toString('base64')));
  assert.equal(displayUrl('https://u:p@h:4445/base/?q=1'), 'https://h:4445/base');
  const e = httpError(400, JSON.stringify({ error: 'x', error_description: 'bad value s3cr3t-value' }), ctx).redacted(['s3cr3t-value']);
  assert.ok(!e.message.includes('s3cr3t-value') && !e.errorDescription!.includes('s3cr3t-value'));
});

test('socket error codes: TLS vs network', () => {
  for (const c of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER']) {
    assert.equal(classifySocketError(c), 'tls', c);
  }
  for (const c of ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', undefined]) assert.equal(classifySocketError(c), 'network', String(c));
});
