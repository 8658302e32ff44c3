// The in-memory Hydra admin API over real HTTP: endpoints, defaults, pagination, errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAdminServer, type AdminServer, type OAuth2ClientJson } from './adminServer';
import { SEED_CLIENTS } from './seedClients';

const METADATA_BASE = "The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client's Metadata.";

interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
}

async function call(server: AdminServer, method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Res> {
  const r = await fetch(server.url + path, {
    method,
    redirect: 'manual',
    headers: { accept, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}

/** Link header → rel → URL (relative to the server). */
function links(res: Res): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (res.headers.get('link') ?? '').split(',')) {
    const m = /<([^>]*)>;\s*rel="([^"]+)"/.exec(part);
    if (m) out[m[2]] = m[1];
  }
  return out;
}

async function walk(server: AdminServer, first: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let next: string | undefined = first;
  let pages = 0;
  while (next) {
    const res = await call(server, 'GET', next);
    assert.equal(res.status, 200);
    pages++;
    for (const c of res.json as OAuth2ClientJson[]) ids.push(String(c.client_id));
    next = links(res).next;
    assert.ok(pages < 1000, 'pagination does not end');
  }
  return { ids, pages };
}

function assertSortedUnique(ids: string[]): void {
  assert.equal(new Set(ids).size, ids.length, 'no duplicates');
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1] < ids[i], `ordered by client_id at ${i}`);
}

describe('admin server (v26)', () => {
  let server: AdminServer;
  before(async () => {
    server = await startAdminServer({ seed: true });
  });
  after(() => server.close());

  it('listens on 127.0.0.1 and reports version, health and discovery', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.adminUrl, server.url);
    assert.deepEqual((await call(server, 'GET', '/version')).json, { version: 'v26.2.0' });
    assert.deepEqual((await call(server, 'GET', '/admin/version')).json, { version: 'v26.2.0' });
    assert.deepEqual((await call(server, 'GET', '/health/alive')).json, { status: 'ok' });
    assert.deepEqual((await call(server, 'GET', '/health/ready')).json, { status: 'ok' });
    assert.equal((await call(server, 'GET', '/admin/health/ready')).status, 200);
    const d = (await call(server, 'GET', '/.well-known/openid-configuration')).json;
    assert.deepEqual(d.subject_types_supported, ['public']);
    assert.deepEqual(d.token_endpoint_auth_methods_supported, ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'none']);
    for (const k of ['grant_types_supported', 'response_types_supported', 'scopes_supported', 'id_token_signing_alg_values_supported']) assert.ok(Array.isArray(d[k]), k);
  });

  it('is seeded with the sample clients, in client_id order, without secrets', async () => {
    const res = await call(server, 'GET', '/admin/clients');
    assert.equal(res.status, 200);
    const ids = (res.json as OAuth2ClientJson[]).map((c) => String(c.client_id));
    assert.deepEqual(ids, SEED_CLIENTS.map((c) => String(c.client_id)).sort());
    assert.ok(SEED_CLIENTS.length >= 12);
    assert.ok((res.json as OAuth2ClientJson[]).every((c) => !('client_secret' in c)));
    assert.equal(res.headers.get('x-total-count'), null, 'v26 sends no X-Total-Count');
    assert.deepEqual(Object.keys(links(res)), ['first']);
    const pkj = (res.json as OAuth2ClientJson[]).find((c) => c.token_endpoint_auth_method === 'private_key_jwt');
    assert.ok(pkj);
  });

  it('creates a client with Hydra defaults: 201, Location, the secret once', async () => {
    const res = await call(server, 'POST', '/admin/clients', { client_name: 'Created', redirect_uris: ['https://app.example.com/cb'] });
    assert.equal(res.status, 201);
    const c = res.json;
    assert.match(c.client_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(res.headers.get('location'), `/admin/clients/${c.client_id}`);
    assert.match(c.client_secret, /^[A-Za-z0-9_.~-]{26}$/);
    assert.equal(c.scope, 'offline_access offline openid');
    assert.equal(c.token_endpoint_auth_method, 'client_secret_basic');
    assert.equal(c.userinfo_signed_response_alg, 'none');
    assert.equal(c.subject_type, 'public');
    assert.match(c.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(c.updated_at, c.created_at);
    assert.ok(c.registration_access_token);
    assert.equal(typeof c.registration_client_uri, 'string');
    assert.deepEqual([c.jwks, c.metadata, c.grant_types, c.audience], [{}, {}, null, []], 'unsent plain arrays echo as null, like Hydra');
    assert.equal(c.skip_consent, false);
    assert.equal(c.authorization_code_grant_access_token_lifespan, null);
    assert.equal(c.device_authorization_grant_access_token_lifespan, null);

    const got = await call(server, 'GET', `/admin/clients/${c.client_id}`);
    assert.equal(got.status, 200);
    assert.ok(!('client_secret' in got.json));
    assert.ok(!('registration_access_token' in got.json) && !('registration_client_uri' in got.json));
    assert.deepEqual(got.json.jwks, {});
    assert.deepEqual(got.json.metadata, {});
    assert.deepEqual(got.json.grant_types, [], 'reads give []');
  });

  it('keeps a given client_id, escapes it in Location, omits the secret for public clients, normalises lifespans', async () => {
    const res = await call(server, 'POST', '/admin/clients', {
      client_id: 'my app/1', token_endpoint_auth_method: 'none', authorization_code_grant_access_token_lifespan: '1.5h', allowed_cors_origins: ['https://a.example.com/'],
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), '/admin/clients/my%20app%2F1');
    assert.ok(!('client_secret' in res.json));
    assert.equal(res.json.authorization_code_grant_access_token_lifespan, '1h30m0s');
    assert.deepEqual(res.json.allowed_cors_origins, ['https://a.example.com']);
    assert.equal((await call(server, 'GET', '/admin/clients/my%20app%2F1')).status, 200);
  });

  it('answers 409 for a duplicate client_id', async () => {
    const res = await call(server, 'POST', '/admin/clients', { client_id: 'billing-web' });
    assert.equal(res.status, 409);
    assert.deepEqual(res.json, { error: 'Unable to insert or update resource because a resource with that value exists already', error_description: '' });
  });

  it('filters by client_name and owner (exact)', async () => {
    const byOwner = await call(server, 'GET', '/admin/clients?owner=team-data');
    assert.deepEqual(byOwner.json.map((c: OAuth2ClientJson) => c.client_id), ['inventory-sync', 'reporting-worker']);
    const byName = await call(server, 'GET', `/admin/clients?client_name=${encodeURIComponent('CRM')}`);
    assert.deepEqual(byName.json.map((c: OAuth2ClientJson) => c.client_id), ['crm-web']);
    assert.deepEqual((await call(server, 'GET', '/admin/clients?client_name=CR')).json, []);
  });

  it('PUT replaces the client: omitted fields reset, omitted secret kept, a sent secret echoed once', async () => {
    const created = (await call(server, 'POST', '/admin/clients', {
      client_id: 'put-me', client_name: 'Before', client_secret: 'original-secret', metadata: { a: 1 }, skip_consent: true,
      authorization_code_grant_access_token_lifespan: '1h', allowed_cors_origins: ['https://x.example.com'], redirect_uris: ['https://x.example.com/cb'],
    })).json;
    assert.equal(created.client_secret, 'original-secret');
    const put = await call(server, 'PUT', '/admin/clients/put-me', { client_id: 'ignored', client_name: 'After' });
    assert.equal(put.status, 200);
    assert.equal(put.json.client_id, 'put-me');
    assert.equal(put.json.client_name, 'After');
    assert.ok(!('client_secret' in put.json));
    assert.deepEqual(put.json.metadata, {});
    assert.equal(put.json.skip_consent, false);
    assert.equal(put.json.authorization_code_grant_access_token_lifespan, null);
    assert.deepEqual(put.json.allowed_cors_origins, []);
    assert.equal(put.json.redirect_uris, null, 'an unsent plain array echoes as null');
    assert.equal(put.json.scope, 'offline_access offline openid');
    assert.equal(put.json.created_at, created.created_at);
    assert.equal(server.store.get('put-me')?.client_secret, 'original-secret', 'secret kept');
    const withSecret = await call(server, 'PUT', '/admin/clients/put-me', { client_name: 'After', client_secret: 'a-new-secret' });
    assert.equal(withSecret.json.client_secret, 'a-new-secret');
    assert.ok(!('client_secret' in (await call(server, 'GET', '/admin/clients/put-me')).json));
    assert.equal((await call(server, 'PUT', '/admin/clients/nobody', { client_name: 'x' })).status, 404);
  });

  it('PATCH applies add/remove/replace, denies /id and other ops', async () => {
    await call(server, 'POST', '/admin/clients', { client_id: 'patch-me', client_name: 'P', contacts: ['a@example.com'], client_secret: 'patch-secret' });
    const res = await call(server, 'PATCH', '/admin/clients/patch-me', [
      { op: 'replace', path: '/client_name', value: 'Patched' },
      { op: 'add', path: '/contacts/-', value: 'b@example.com' },
      { op: 'replace', path: '/policy_uri', value: 'https://example.com/policy' },
      { op: 'add', path: '/metadata/nested/deep', value: true },
      { op: 'remove', path: '/contacts/0' },
    ]);
    assert.equal(res.status, 200);
    assert.equal(res.json.client_name, 'Patched');
    assert.deepEqual(res.json.contacts, ['b@example.com']);
    assert.equal(res.json.policy_uri, 'https://example.com/policy');
    assert.deepEqual(res.json.metadata, { nested: { deep: true } });
    assert.ok(!('client_secret' in res.json), 'secret untouched, not echoed');
    assert.equal(server.store.get('patch-me')?.client_secret, 'patch-secret');
    const secret = await call(server, 'PATCH', '/admin/clients/patch-me', [{ op: 'replace', path: '/client_secret', value: 'changed-secret' }]);
    assert.equal(secret.json.client_secret, 'changed-secret');
    const unrecognizable = { error: 'error', error_description: 'The error is unrecognizable' };
    const denied = await call(server, 'PATCH', '/admin/clients/patch-me', [{ op: 'replace', path: '/id', value: 'x' }]);
    assert.deepEqual([denied.status, denied.json], [500, unrecognizable]);
    const move = await call(server, 'PATCH', '/admin/clients/patch-me', [{ op: 'move', from: '/client_name', path: '/owner' }]);
    assert.equal(move.status, 500);
    const invalid = await call(server, 'PATCH', '/admin/clients/patch-me', [{ op: 'replace', path: '/client_secret', value: 'abc' }]);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.json.error, 'invalid_client_metadata');
    assert.equal((await call(server, 'PATCH', '/admin/clients/nobody', [])).status, 404);
  });

  it('PUT …/lifespans replaces every lifespan and nothing else', async () => {
    await call(server, 'POST', '/admin/clients', { client_id: 'life', client_name: 'L', client_credentials_grant_access_token_lifespan: '1h', metadata: { keep: true } });
    const res = await call(server, 'PUT', '/admin/clients/life/lifespans', { authorization_code_grant_id_token_lifespan: '90m' });
    assert.equal(res.status, 200);
    assert.equal(res.json.authorization_code_grant_id_token_lifespan, '1h30m0s');
    assert.equal(res.json.client_credentials_grant_access_token_lifespan, null);
    assert.deepEqual(res.json.metadata, { keep: true });
    assert.ok(!('client_secret' in res.json));
    assert.equal((await call(server, 'PUT', '/admin/clients/nobody/lifespans', {})).status, 404);
  });

  it('DELETE answers 204, then 404 with Hydra\'s body', async () => {
    await call(server, 'POST', '/admin/clients', { client_id: 'delete-me' });
    const del = await call(server, 'DELETE', '/admin/clients/delete-me');
    assert.deepEqual([del.status, del.text], [204, '']);
    const notFound = { error: 'Unable to locate the resource', error_description: '' };
    for (const m of ['GET', 'DELETE']) {
      const res = await call(server, m, '/admin/clients/delete-me');
      assert.deepEqual([res.status, res.json], [404, notFound]);
    }
  });

  it('rejects what Hydra rejects, with its first error', async () => {
    const cases: [OAuth2ClientJson, string, string][] = [
      [{ token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', "When token_endpoint_auth_method is 'private_key_jwt', either jwks or jwks_uri must be set."],
      [{ token_endpoint_auth_method: 'private_key_jwt', jwks: {} }, 'invalid_client_metadata', "When token_endpoint_auth_method is 'private_key_jwt', either jwks or jwks_uri must be set."],
      [{ jwks: { keys: [] }, jwks_uri: 'https://example.com/jwks.json' }, 'invalid_client_metadata', 'Fields jwks and jwks_uri can not both be set, you must choose one.'],
      [{ redirect_uris: ['https://example.com/cb#frag'] }, 'invalid_redirect_uri', 'Redirect URIs must not contain fragments (#).'],
      [{ client_secret: 'short' }, 'invalid_client_metadata', 'Field client_secret must contain a secret that is at least 6 characters long.'],
      [{ userinfo_signed_response_alg: 'HS256' }, 'invalid_client_metadata', "Field userinfo_signed_response_alg can either be 'none' or 'RS256'."],
      [{ subject_type: 'pairwise' }, 'invalid_client_metadata', 'Subject type pairwise is not supported by server, only [public] are allowed.'],
      [{ access_token_strategy: 'magic' }, 'invalid_client_metadata', 'invalid access token strategy: expected one of [jwt, opaque] but got magic'],
      [{ redirect_uris: ['https://example.com/cb'], post_logout_redirect_uris: ['https://other.example.com/bye'] }, 'invalid_client_metadata', "post_logout_redirect_uri 'https://other.example.com/bye' must match the domain, port, scheme of at least one of the registered redirect URIs but did not"],
      [{ allowed_cors_origins: ['https://example.com/path'] }, 'invalid_client_metadata', 'Origin URL https://example.com/path must have an empty path, query, and fragment but one of the parts is not empty.'],
      [{ tos_uri: 'ftp://example.com/tos' }, 'invalid_client_metadata', 'ftp://example.com/tos must use https:// or http:// as HTTP scheme for field tos_uri.'],
    ];
    for (const [body, error, hint] of cases) {
      const res = await call(server, 'POST', '/admin/clients', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const base = error === 'invalid_redirect_uri' ? 'The value of one or more redirect_uris is invalid.' : METADATA_BASE;
      assert.deepEqual(res.json, { error, error_description: `${base} ${hint}` });
    }
    // Check order: private_key_jwt (2a) before the secret length (7).
    const first = await call(server, 'POST', '/admin/clients', { client_secret: 'abc', token_endpoint_auth_method: 'private_key_jwt' });
    assert.match(first.json.error_description, /private_key_jwt/);
    assert.equal(server.store.list().filter((c) => c.client_secret === 'short').length, 0, 'nothing stored');
  });

  it('answers body decode errors like Go', async () => {
    const malformed = 'The request was malformed or contained invalid parameters';
    const cases: [string, string][] = [
      ['{"client_name":', 'unexpected EOF'],
      ['', 'EOF'],
      ['{"redirect_uris":"https://a.example.com"}', 'json: cannot unmarshal string into Go struct field Client.redirect_uris of type sqlxx.StringSliceJSONFormat'],
      ['{"authorization_code_grant_access_token_lifespan":"soon"}', 'time: invalid duration "soon"'],
      ['[]', 'json: cannot unmarshal array into Go value of type client.Client'],
    ];
    for (const [body, goError] of cases) {
      const res = await call(server, 'POST', '/admin/clients', body);
      assert.deepEqual([res.status, res.json], [400, { error: malformed, error_description: `Unable to decode the request body: ${goError}` }], body);
    }
    const put = await call(server, 'PUT', '/admin/clients/billing-web', '{"skip_consent":"yes"}');
    assert.equal(put.status, 400);
    assert.match(put.json.error_description, /^Unable to decode the request body: json: cannot unmarshal string into Go struct field Client\.skip_consent of type bool$/);
  });

  it('answers unknown routes with the router 404 (JSON on request, else HTML)', async () => {
    const res = await call(server, 'GET', '/admin/nothing');
    assert.equal(res.status, 404);
    assert.deepEqual(res.json.error.code, 404);
    assert.equal(res.json.error.message, 'Not Found');
    assert.match(res.json.error.reason, /^The requested route does not exist/);
    const html = await call(server, 'GET', '/admin/nothing', undefined, 'text/html');
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
  });

  it('serves unprefixed client paths too (v26 rewrites them)', async () => {
    assert.equal((await call(server, 'GET', '/clients/billing-web')).status, 200);
  });

  it('store.update changes a client behind the API, bumping updated_at by at least a second', async () => {
    const before = (await call(server, 'GET', '/admin/clients/crm-web')).json;
    server.store.update('crm-web', { client_name: 'CRM (changed)' });
    const after = (await call(server, 'GET', '/admin/clients/crm-web')).json;
    assert.equal(after.client_name, 'CRM (changed)');
    assert.ok(Date.parse(after.updated_at) - Date.parse(before.updated_at) >= 1000);
  });

  it('fault hook answers instead of the API', async () => {
    server.setFault((r) => (r.path === '/admin/clients' ? { status: 503, body: { error: 'down' } } : undefined));
    assert.equal((await call(server, 'GET', '/admin/clients')).status, 503);
    server.setFault(undefined);
    assert.equal((await call(server, 'GET', '/admin/clients')).status, 200);
  });
});

describe('pagination over 10,000 clients', () => {
  const N = 10_000;
  const many = (server: AdminServer): void => {
    for (let i = 0; i < N; i++) server.store.add({ client_id: `c-${String((i * 7919) % N).padStart(5, '0')}`, client_name: i % 2 ? 'odd' : 'even', client_secret: 'bulk-secret' });
  };

  it('v26: keyset pages, Link first + next only, default 100, max 500', async () => {
    const server = await startAdminServer();
    try {
      many(server);
      const first = await call(server, 'GET', '/admin/clients');
      assert.equal(first.json.length, 100);
      assert.equal(first.headers.get('x-total-count'), null);
      assert.deepEqual(Object.keys(links(first)).sort(), ['first', 'next']);
      assert.equal((await call(server, 'GET', '/admin/clients?page_size=5000')).json.length, 500);
      assert.equal((await call(server, 'GET', '/admin/clients?page_size=0')).json.length, 100);
      const bad = await call(server, 'GET', '/admin/clients?page_size=abc');
      assert.equal(bad.status, 400);
      assert.match(bad.json.error_description, /^Unable to parse pagination parameters: /);
      assert.equal((await call(server, 'GET', '/admin/clients?page_token=garbage')).status, 400);

      const { ids, pages } = await walk(server, '/admin/clients?page_size=500');
      assert.equal(ids.length, N);
      assert.equal(pages, 20);
      assertSortedUnique(ids);
      const all = await walk(server, '/admin/clients');
      assert.equal(all.ids.length, N);
      const odd = await walk(server, '/admin/clients?client_name=odd&page_size=300');
      assert.equal(odd.ids.length, N / 2);
      assertSortedUnique(odd.ids);
    } finally {
      await server.close();
    }
  });

  it('v2.3: base64url offset tokens, X-Total-Count, default 250, 307 for unprefixed paths', async () => {
    const server = await startAdminServer({ hydraVersion: 'v2.3' });
    try {
      many(server);
      const first = await call(server, 'GET', '/admin/clients');
      assert.equal(first.json.length, 250);
      assert.equal(first.headers.get('x-total-count'), String(N));
      const next = new URL(links(first).next, server.url).searchParams.get('page_token') ?? '';
      assert.deepEqual(JSON.parse(Buffer.from(next, 'base64url').toString()), { offset: '250', v: 2 });
      const { ids } = await walk(server, '/admin/clients?page_size=1000');
      assert.equal(ids.length, N);
      assertSortedUnique(ids);
      const filtered = await call(server, 'GET', '/admin/clients?client_name=odd&page_size=10');
      assert.equal(filtered.headers.get('x-total-count'), String(N), 'unfiltered total');
      const redirect = await call(server, 'GET', '/clients?page_size=2');
      assert.equal(redirect.status, 307);
      assert.equal(redirect.headers.get('location'), `${server.url}/admin/clients?page_size=2`);
      assert.deepEqual((await call(server, 'GET', '/version')).json, { version: 'v2.3.0' });
    } finally {
      await server.close();
    }
  });

  it('v1.11: /clients with limit/offset, X-Total-Count and Link first/next/prev/last', async () => {
    const server = await startAdminServer({ hydraVersion: 'v1.11' });
    try {
      many(server);
      const page = await call(server, 'GET', '/clients?limit=500&offset=1000');
      assert.equal(page.json.length, 500);
      assert.equal(page.json[0].client_id, 'c-01000');
      assert.equal(page.headers.get('x-total-count'), String(N));
      const l = links(page);
      assert.deepEqual(Object.keys(l).sort(), ['first', 'last', 'next', 'prev']);
      assert.equal(l.next, '/clients?limit=500&offset=1500');
      assert.equal(l.last, '/clients?limit=500&offset=9500');
      assert.equal((await call(server, 'GET', '/clients?limit=5000')).json.length, 500);
      assert.equal((await call(server, 'GET', '/clients')).json.length, 100);
      assert.equal((await call(server, 'GET', '/clients?limit=10&offset=15')).json[0].client_id, 'c-00010', 'offset rounds down');
      const { ids } = await walk(server, '/clients?limit=500');
      assert.equal(ids.length, N);
      assertSortedUnique(ids);
    } finally {
      await server.close();
    }
  });
});

describe('admin server (v1.11)', () => {
  let server: AdminServer;
  before(async () => {
    server = await startAdminServer({ hydraVersion: 'v1.11', seed: true });
  });
  after(() => server.close());

  it('serves the unprefixed paths and 404s /admin', async () => {
    assert.deepEqual((await call(server, 'GET', '/version')).json, { version: 'v1.11.10' });
    assert.equal((await call(server, 'GET', '/clients/billing-web')).status, 200);
    const admin = await call(server, 'GET', '/admin/clients');
    assert.equal(admin.status, 404);
    assert.equal(admin.json.error.code, 404);
    const created = await call(server, 'POST', '/clients', { client_id: 'v1-client', skip_consent: true });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('location'), '/clients/v1-client');
    assert.ok(!('skip_consent' in created.json), 'no v2 fields');
    const ignored = await call(server, 'POST', '/clients', { access_token_strategy: 'magic', skip_consent: 'yes' });
    assert.equal(ignored.status, 201, 'v1 ignores keys it does not know');
    assert.equal(created.json.password_grant_access_token_lifespan, null);
  });

  it('answers create decode errors with an untyped 500, PUT decode errors with 400', async () => {
    const create = await call(server, 'POST', '/clients', '{"redirect_uris":"x"}');
    assert.deepEqual([create.status, create.json], [500, { error: 'error', error_description: 'The error is unrecognizable' }]);
    const put = await call(server, 'PUT', '/clients/billing-web', '{"redirect_uris":"x"}');
    assert.equal(put.status, 400);
    assert.match(put.json.error_description, /StringSlicePipeDelimiter/);
  });

  it('accepts any jwks object as set (hydra #3935): PATCH of a jwks_uri client fails', async () => {
    const res = await call(server, 'PATCH', '/clients/payments-service', [{ op: 'replace', path: '/client_name', value: 'x' }]);
    assert.equal(res.status, 400);
    assert.match(res.json.error_description, /Fields jwks and jwks_uri can not both be set/);
    const ok = await call(server, 'PATCH', '/clients/payments-service', [{ op: 'remove', path: '/jwks' }, { op: 'replace', path: '/client_name', value: 'x' }]);
    assert.equal(ok.status, 200);
  });
});
