// AdminApiClient against the in-memory Hydra-compatible admin server, for each emulated version:
// version detection, every endpoint, paging over 10,000 clients, error mapping, update conflicts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import type { AdminConnection } from '../../../client/src/adminApi/connection';
import { createNodeTransport, type HttpRequest, type HttpTransport } from '../../../client/src/adminApi/httpTransport';
import { startAdminServer, type AdminServer } from '../../adminServer/adminServer';
import { rejects } from './rejects';

const FAST = { retry: { delaysMs: [5, 10] } };


/** The node transport, recording each request. */
function recording(): { transport: HttpTransport; requests: HttpRequest[] } {
  const inner = createNodeTransport();
  const requests: HttpRequest[] = [];
  return { requests, transport: (r) => (requests.push(r), inner(r)) };
}

const VERSIONS = [
  { server: 'v1.11', api: 'v1.11' },
  { server: 'v2.3', api: 'v2' },
  { server: 'v26', api: 'v2' },
] as const;

for (const { server: hydraVersion, api } of VERSIONS) {
  describe(`Hydra ${hydraVersion}`, () => {
    let srv: AdminServer;
    let conn: AdminConnection;
    before(async () => {
      srv = await startAdminServer({ hydraVersion });
      conn = { name: `local-${hydraVersion}`, adminUrl: srv.adminUrl, apiVersion: 'auto', auth: { kind: 'none' } };
    });
    after(() => srv.close());

    test('detects the API version', async () => {
      assert.equal(await new AdminApiClient(conn, undefined, FAST).detectVersion(), api);
    });

    test('create → get → list → update → patch → delete', async () => {
      const c = new AdminApiClient(conn, undefined, FAST);
      const created = await c.create({ client_id: 'crud-1', client_name: 'CRUD', redirect_uris: ['https://app/cb'], owner: 'team-a' });
      assert.equal(created.client_id, 'crud-1');
      assert.equal(typeof created.client_secret, 'string', 'create returns the one-time secret');
      assert.ok(Array.isArray(created.grant_types), 'null arrays normalised');
      const got = await c.get('crud-1');
      assert.equal(got.client_name, 'CRUD');
      assert.equal(got.client_secret, undefined, 'reads never carry the secret');
      const page = await c.listPage({ owner: 'team-a' });
      assert.deepEqual(page.clients.map((x) => x.client_id), ['crud-1']);
      assert.equal(page.nextPageToken, undefined);
      assert.deepEqual((await c.listPage({ clientName: 'nope' })).clients, []);

      const updated = await c.update('crud-1', { ...got, client_name: 'Renamed' }, { expectedUpdatedAt: String(got.updated_at) });
      assert.equal(updated.client_name, 'Renamed');
      assert.deepEqual(updated.redirect_uris, ['https://app/cb'], 'the full object was sent');
      const patched = await c.patch('crud-1', [{ op: 'replace', path: '/client_name', value: 'Patched' }]);
      assert.equal(patched.client_name, 'Patched');
      await c.delete('crud-1');
      const e = await rejects(c.get('crud-1'));
      assert.equal(e.status, 404);
      assert.match(e.message, /^Not found: client "crud-1" does not exist on connection "local-/);
    });

    test('error mapping: 409 duplicate, 400 validation hint, 404 on update/delete', async () => {
      const c = new AdminApiClient(conn, undefined, FAST);
      await c.create({ client_id: 'dup', client_name: 'x' });
      const dup = await rejects(c.create({ client_id: 'dup' }));
      assert.equal(dup.status, 409);
      assert.match(dup.message, /^Already exists: client "dup"/);
      const bad = await rejects(c.update('dup', { client_name: 'x', redirect_uris: ['https://a/cb#frag'] }));
      assert.equal(bad.status, 400);
      assert.equal(bad.error, 'invalid_redirect_uri');
      assert.match(bad.message, /fragments/);
      assert.equal((await rejects(c.update('missing', { client_name: 'x' }))).status, 404);
      assert.equal((await rejects(c.delete('missing'))).status, 404);
    });

    test('update refuses when the client changed on the server, and writes nothing', async () => {
      const c = new AdminApiClient(conn, undefined, FAST);
      await c.create({ client_id: 'conflict-1', client_name: 'v1' });
      const opened = await c.get('conflict-1');
      srv.store.update('conflict-1', { client_name: 'changed elsewhere' });
      const e = await rejects(c.update('conflict-1', { ...opened, client_name: 'mine' }, { expectedUpdatedAt: String(opened.updated_at) }));
      assert.equal(e.kind, 'http');
      assert.equal(e.conflict?.server.client_name, 'changed elsewhere');
      assert.equal((await c.get('conflict-1')).client_name, 'changed elsewhere');
    });

    test('GET→PUT of a client with jwks_uri omits the empty jwks (hydra #3935)', async () => {
      const rec = recording();
      const c = new AdminApiClient(conn, rec.transport, FAST);
      await c.create({ client_id: 'jwks-1', token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://keys.example/jwks.json' });
      const got = await c.get('jwks-1');
      await c.update('jwks-1', { ...got, client_name: 'edited', jwks: { keys: [] } });
      const put = rec.requests.find((r) => r.method === 'PUT')!;
      assert.equal('jwks' in JSON.parse(put.body!), false);
      assert.equal((await c.get('jwks-1')).client_name, 'edited');
    });

    test('faults: 401/403 name the connection, 503 on GET is retried, 503 on POST is not', async () => {
      const rec = recording();
      const c = new AdminApiClient(conn, rec.transport, FAST);
      await c.apiVersion();
      srv.setFault(() => ({ status: 401, body: { error: 'The request could not be authorized', error_description: '' } }));
      assert.match((await rejects(c.get('x'))).message, new RegExp(`check the credentials for connection "local-${hydraVersion.replace('.', '\\.')}"`));
      srv.setFault(() => ({ status: 403, body: { error: 'The requested action was forbidden', error_description: '' } }));
      assert.equal((await rejects(c.listPage())).status, 403);
      let n = 0;
      srv.setFault(() => (++n < 3 ? { status: 503, body: { error: 'unavailable', error_description: '' } } : undefined));
      assert.ok(Array.isArray((await c.listPage()).clients));
      assert.equal(n, 3);
      n = 0;
      srv.setFault((r) => (r.method === 'POST' ? (n++, { status: 503, body: { error: 'unavailable', error_description: '' } }) : undefined));
      assert.equal((await rejects(c.create({ client_name: 'x' }))).status, 503);
      assert.equal(n, 1);
      srv.setFault(undefined);
    });
  });
}

describe('paging over 10,000 clients', () => {
  const N = 10_000;
  const seed = Array.from({ length: N }, (_, i) => ({ client_id: `c-${String(i).padStart(5, '0')}`, client_name: `client ${i}` }));
  for (const { server: hydraVersion } of VERSIONS) {
    test(`Hydra ${hydraVersion}: first page after one request; all pages, in order, no duplicates`, async () => {
      const srv = await startAdminServer({ hydraVersion, seed });
      try {
        const rec = recording();
        // The version is detected, not configured: on v2 the first list request doubles as the check.
        const c = new AdminApiClient({ name: 'big', adminUrl: srv.adminUrl, auth: { kind: 'none' } }, rec.transport, FAST);
        const pages = c.listPages({ pageSize: 500 });
        const first = await pages.next();
        assert.equal(rec.requests.length, hydraVersion === 'v1.11' ? 2 : 1, 'the first page costs one request (v1.11: the v2 probe, then the page)');
        assert.equal(first.done, false);
        const ids: string[] = (first.value as { client_id?: string }[]).map((x) => String(x.client_id));
        for await (const page of pages) for (const x of page) ids.push(String(x.client_id));
        assert.equal(ids.length, N);
        assert.equal(new Set(ids).size, N);
        assert.deepEqual(ids, seed.map((s) => s.client_id));
        assert.ok(rec.requests.length <= N / 500 + 3, `${rec.requests.length} requests`);
        const again: string[] = [];
        for await (const x of c.listAll({ pageSize: 1000 })) if (again.push(String(x.client_id)) >= 600) break;
        assert.equal(again[599], 'c-00599', 'page sizes above 500 are clamped so paging stays correct');
      } finally {
        await srv.close();
      }
    });
  }
});
