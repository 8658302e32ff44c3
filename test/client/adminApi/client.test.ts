// adminApiClient.ts against scripted servers: version detection, v1.11 offset paging, v2 Link paging,
// update conflict detection, the hydra #3935 workaround, patch and delete.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import type { AdminConnection } from '../../../client/src/adminApi/connection';
import type { HttpRequest, HttpResponse } from '../../../client/src/adminApi/httpTransport';
import { json, startScriptedServer, type Handler, type ScriptedServer } from './scriptedServer';
import { rejects } from './rejects';

const FAST = { retry: { delaysMs: [5, 10] } };
const ROUTE_404 = { error: { code: 404, message: 'Not Found', reason: 'The requested route does not exist.' } };
const conn = (adminUrl: string, extra: Partial<AdminConnection> = {}): AdminConnection => ({ name: 'test', adminUrl, auth: { kind: 'none' }, ...extra });

const servers: ScriptedServer[] = [];
async function server(h: Handler) {
  const s = await startScriptedServer(h);
  servers.push(s);
  return s;
}
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});


test('detectVersion: release versions from /version', async () => {
  for (const [v, want] of [['v1.11.10', 'v1.11'], ['v2.3.0', 'v2'], ['v26.2.0', 'v2']] as const) {
    const s = await server((_req, res) => json(res, 200, { version: v }));
    assert.equal(await new AdminApiClient(conn(s.url), undefined, FAST).detectVersion(), want);
    assert.equal(s.requests.length, 1);
  }
});

test('detectVersion: "master" → fingerprint (route 404 → v1.11, 200 → v2); unknown answers fail clearly', async () => {
  const v1 = await server((req, res) => (req.url === '/version' ? json(res, 200, { version: 'master' }) : json(res, 404, ROUTE_404)));
  assert.equal(await new AdminApiClient(conn(v1.url), undefined, FAST).detectVersion(), 'v1.11');
  assert.equal(v1.requests[1]!.url, '/admin/clients?page_size=1');
  const v2 = await server((req, res) => (req.url === '/version' ? json(res, 200, { version: 'master' }) : json(res, 200, [])));
  assert.equal(await new AdminApiClient(conn(v2.url), undefined, FAST).detectVersion(), 'v2');
  const ory = await server((req, res) => (req.url === '/version' ? json(res, 404, ROUTE_404) : json(res, 200, [])));
  assert.equal(await new AdminApiClient(conn(ory.url), undefined, FAST).detectVersion(), 'v2');
  const denied = await server((_req, res) => json(res, 401, { error: 'unauthorized', error_description: '' }));
  const e = await rejects(new AdminApiClient(conn(denied.url), undefined, FAST).detectVersion());
  assert.equal(e.status, 401);
  assert.match(e.message, /check the credentials for connection "test"/);
  const odd = await server((_req, res) => json(res, 418, {}));
  assert.equal((await rejects(new AdminApiClient(conn(odd.url), undefined, FAST).detectVersion())).kind, 'invalid-response');
});

test('apiVersion "auto" detects once and reuses the result; explicit versions never call /version', async () => {
  const s = await server((req, res) => (req.url === '/version' ? json(res, 200, { version: 'v1.11.10' }) : json(res, 200, { client_id: 'x' })));
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'auto' }), undefined, FAST);
  await c.get('x');
  await c.get('x');
  assert.deepEqual(s.requests.map((r) => r.url), ['/version', '/clients/x', '/clients/x']);
  const fixed = await server((_req, res) => json(res, 200, { client_id: 'x' }));
  await new AdminApiClient(conn(fixed.url, { apiVersion: 'v2' }), undefined, FAST).get('a/b c');
  assert.deepEqual(fixed.requests.map((r) => r.url), ['/admin/clients/a%2Fb%20c']);
});

test('v1.11 paging: limit/offset, the token is the next offset, filters passed through', async () => {
  const all = Array.from({ length: 7 }, (_, i) => ({ client_id: `c${i}`, grant_types: null }));
  const s = await server((req, res) => {
    const u = new URL(req.url, 'http://x');
    const limit = Number(u.searchParams.get('limit'));
    const offset = Number(u.searchParams.get('offset'));
    json(res, 200, all.slice(offset, offset + limit), { 'x-total-count': String(all.length) });
  });
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'v1.11' }), undefined, FAST);
  const p1 = await c.listPage({ pageSize: 3, owner: 'o', clientName: 'n' });
  assert.deepEqual(p1.clients.map((x) => x.client_id), ['c0', 'c1', 'c2']);
  assert.deepEqual(p1.clients[0]!.grant_types, []);
  assert.equal(p1.nextPageToken, '3');
  assert.equal(s.requests[0]!.url, '/clients?client_name=n&owner=o&limit=3&offset=0');
  const ids: unknown[] = [];
  for await (const x of c.listAll({ pageSize: 3 })) ids.push(x.client_id);
  assert.deepEqual(ids, all.map((x) => x.client_id));
  await assert.rejects(c.listPage({ pageToken: 'abc' }), RangeError);
});

test('v2 paging: stops on a short page even when v2.3.0 sends rel="next"; loops on a repeated token end', async () => {
  const s = await server((req, res) => {
    const u = new URL(req.url, 'http://x');
    const tok = u.searchParams.get('page_token');
    if (!tok) return json(res, 200, [{ client_id: 'a' }, { client_id: 'b' }], { link: '</admin/clients?page_size=2&page_token=T1>; rel="next"' });
    if (tok === 'T1') return json(res, 200, [{ client_id: 'b' }, { client_id: 'c' }], { link: '</admin/clients?page_size=2&page_token=T1>; rel="next"' });
    return json(res, 500, {});
  });
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'v2' }), undefined, FAST);
  const ids: unknown[] = [];
  for await (const x of c.listAll({ pageSize: 2 })) ids.push(x.client_id);
  assert.deepEqual(ids, ['a', 'b', 'c'], 'no duplicates, no endless loop');
  const short = await server((_req, res) => json(res, 200, [{ client_id: 'a' }], { link: '</admin/clients?page_token=X>; rel="next"' }));
  assert.equal((await new AdminApiClient(conn(short.url, { apiVersion: 'v2' }), undefined, FAST).listPage({ pageSize: 2 })).nextPageToken, undefined);
});

test('create strips server-set fields and returns the one-time secret; 409 → already exists', async () => {
  const s = await server((req, res, n) => {
    if (n === 1) return json(res, 201, { ...JSON.parse(req.body), client_secret: 'generated-secret', grant_types: null, created_at: 'now' }, { location: '/admin/clients/a' });
    return json(res, 409, { error: 'Unable to insert or update resource because a resource with that value exists already', error_description: '' });
  });
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'v2' }), undefined, FAST);
  const created = await c.create({ client_id: 'a', created_at: 'x', updated_at: 'y', registration_access_token: 'r', client_secret_expires_at: 0 });
  assert.deepEqual(JSON.parse(s.requests[0]!.body), { client_id: 'a' });
  assert.equal(s.requests[0]!.method, 'POST');
  assert.equal(s.requests[0]!.url, '/admin/clients');
  assert.equal(created.client_secret, 'generated-secret');
  assert.deepEqual(created.grant_types, []);
  const e = await rejects(c.create({ client_id: 'a' }));
  assert.equal(e.status, 409);
  assert.match(e.message, /^Already exists: client "a"/);
});

test('update: PUTs the full object with the path id, drops the empty jwks next to jwks_uri (#3935)', async () => {
  const s = await server((req, res) => json(res, 200, JSON.parse(req.body)));
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'v1.11' }), undefined, FAST);
  await c.update('a', { client_id: 'other', client_name: 'n', jwks_uri: 'https://k/jwks', jwks: { keys: [] }, updated_at: 'u', metadata: { a: 1 } });
  assert.equal(s.requests[0]!.method, 'PUT');
  assert.equal(s.requests[0]!.url, '/clients/a');
  assert.deepEqual(JSON.parse(s.requests[0]!.body), { client_id: 'a', client_name: 'n', jwks_uri: 'https://k/jwks', metadata: { a: 1 } });
});

test('update with expectedUpdatedAt: writes when unchanged, refuses with conflict.server when changed', async () => {
  let stored = { client_id: 'a', client_name: 'old', updated_at: '2026-01-01T00:00:00Z' };
  const s = await server((req, res) => {
    if (req.method === 'GET') return json(res, 200, stored);
    stored = { ...JSON.parse(req.body), updated_at: '2026-01-02T00:00:00Z' };
    return json(res, 200, stored);
  });
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'v2' }), undefined, FAST);
  const ok = await c.update('a', { ...stored, client_name: 'mine' }, { expectedUpdatedAt: '2026-01-01T00:00:00Z' });
  assert.equal(ok.client_name, 'mine');
  assert.deepEqual(s.requests.map((r) => r.method), ['GET', 'PUT']);
  const e = await rejects(c.update('a', { client_name: 'stale' }, { expectedUpdatedAt: '2026-01-01T00:00:00Z' }));
  assert.equal(e.kind, 'http');
  assert.equal(e.conflict?.server.client_name, 'mine');
  assert.match(e.message, /was changed on the server/);
  assert.deepEqual(s.requests.map((r) => r.method), ['GET', 'PUT', 'GET'], 'nothing written on conflict');
});

test('patch sends JSON Patch and refuses /client_id ops; delete accepts 204 and maps 404', async () => {
  const s = await server((req, res) => {
    if (req.method === 'PATCH') return json(res, 200, { client_id: 'a', client_name: 'p' });
    if (req.url.endsWith('/gone')) return json(res, 404, { error: 'Unable to locate the resource', error_description: '' });
    res.writeHead(204);
    res.end();
  });
  const c = new AdminApiClient(conn(s.url, { apiVersion: 'v2' }), undefined, FAST);
  const ops = [{ op: 'replace' as const, path: '/client_name', value: 'p' }];
  assert.equal((await c.patch('a', ops)).client_name, 'p');
  assert.deepEqual(JSON.parse(s.requests[0]!.body), ops);
  await assert.rejects(c.patch('a', [{ op: 'replace', path: '/client_id', value: 'b' }]), RangeError);
  await assert.rejects(c.patch('a', [{ op: 'move', from: '/client_id', path: '/owner' }]), RangeError);
  assert.equal(s.requests.length, 1);
  await c.delete('a');
  assert.equal(s.requests[1]!.method, 'DELETE');
  const e = await rejects(c.delete('gone'));
  assert.equal(e.status, 404);
  assert.match(e.message, /^Not found: client "gone"/);
});

test('an injected transport replaces HTTP entirely', async () => {
  const seen: HttpRequest[] = [];
  const fake = async (r: HttpRequest): Promise<HttpResponse> => {
    seen.push(r);
    return { status: 200, headers: {}, body: JSON.stringify({ client_id: 'z' }) };
  };
  const c = new AdminApiClient(conn('https://slug.projects.oryapis.com/', { apiVersion: 'v2', auth: { kind: 'bearer', token: 'ory_apikey_1' } }), fake);
  assert.equal((await c.get('z')).client_id, 'z');
  assert.equal(seen[0]!.url, 'https://slug.projects.oryapis.com/admin/clients/z');
  assert.equal(seen[0]!.headers['Authorization'], 'Bearer ory_apikey_1');
});
