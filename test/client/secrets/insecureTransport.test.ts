// Credentials over plain http:// to another machine: a modal naming the host comes before any request,
// a refusal sends nothing, and a yes is remembered per connection for the session only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import type { AdminConnection } from '../../../client/src/adminApi/connection';
import type { HttpTransport } from '../../../client/src/adminApi/httpTransport';
import { createNodeTransport } from '../../../client/src/adminApi/httpTransport';
import { secretKey, type ConnectionConfig } from '../../../client/src/connections/connectionConfig';
import { ConnectionRegistry } from '../../../client/src/connections/connectionRegistry';
import { InsecureTransportGuard, InsecureTransportRefusedError, isLoopbackHost, SEND_ANYWAY } from '../../../client/src/connections/insecureTransportGuard';
import { ExplorerModel } from '../../../client/src/explorer/explorerModel';
import { NodeType } from '../../../client/src/explorer/explorerNode';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { FakeHost, MemorySecrets } from '../fakeHost';

const TOKEN = 'ory_pat_insecure-transport-token';

let srv: AdminServer;
before(async () => {
  srv = await startAdminServer({ hydraVersion: 'v26', seed: [{ client_id: 'web' }] });
});
after(() => srv.close());

/**
 * The extension's wiring (registry + guard) with a transport that sends every request to the local
 * server whatever host the URL names, so "hydra.internal" is reachable; `sent` records what left.
 */
function session(configs: ConnectionConfig[], host = new FakeHost(), guard = new InsecureTransportGuard(host)) {
  const sent: { url: string; authorization?: string }[] = [];
  const real = createNodeTransport();
  const transport: HttpTransport = (req) => {
    sent.push({ url: req.url, ...(req.headers.Authorization ? { authorization: req.headers.Authorization } : {}) });
    const u = new URL(req.url);
    return real({ ...req, url: srv.adminUrl + u.pathname + u.search });
  };
  const secrets = new MemorySecrets();
  for (const c of configs) void secrets.store(secretKey(c.name), JSON.stringify({ token: TOKEN, username: 'u', password: TOKEN }));
  const registry = new ConnectionRegistry(secrets, (c) => new AdminApiClient(c, transport, { retry: { delaysMs: [] } }), (c) => guard.check(c));
  registry.setConfigs(configs);
  const explorer = new ExplorerModel(registry);
  const rows = async (connection: string) => {
    explorer.refresh(connection);
    const nodes = await explorer.getChildren({ nodeType: NodeType.connection, connection });
    return nodes.map((n) => (n.nodeType === NodeType.client ? String(n.client.client_id) : n.nodeType === NodeType.message ? n.message : n.nodeType));
  };
  return { host, guard, registry, sent, rows };
}

const remote: ConnectionConfig = { name: 'staging', adminUrl: 'http://hydra.internal:4445', auth: 'bearer', apiVersion: 'v2' };

describe('credentials over plain http://', () => {
  test('a refusal sends nothing and the tree says why; asking again later is possible', async () => {
    const { host, sent, rows } = session([remote]);
    const [row] = await rows('staging');
    assert.equal(sent.length, 0, 'no request left before the answer');
    const [modal] = host.shown;
    assert.ok(modal.modal && modal.kind === 'warning');
    assert.match(modal.message, /"staging" would send its token to hydra\.internal:4445 over plain http:\/\//);
    assert.deepEqual(modal.items, [SEND_ANYWAY]);
    assert.match(row, /Credentials not sent: connection "staging" uses plain http:\/\/ to hydra\.internal:4445/);
    assert.ok(!host.allText().includes(TOKEN));
    // Refusals are not remembered: the next attempt asks again, and a yes connects.
    host.answers.push(SEND_ANYWAY);
    assert.deepEqual(await rows('staging'), ['web']);
    assert.equal(host.shown.length, 2);
    assert.ok(sent.length > 0 && sent.every((r) => r.authorization === `Bearer ${TOKEN}`));
  });

  test('a yes is remembered for the session, per connection and URL; a new session asks again', async () => {
    const { host, guard, registry, rows } = session([remote]);
    host.answers.push(SEND_ANYWAY);
    assert.deepEqual(await rows('staging'), ['web']);
    registry.invalidate('staging'); // new credentials: a new client, but the same connection
    assert.deepEqual(await rows('staging'), ['web']);
    assert.equal(host.shown.length, 1, 'asked once');
    // Another URL under the same name is another question.
    registry.setConfigs([{ ...remote, adminUrl: 'http://other.internal:4445' }]);
    assert.deepEqual(await rows('staging'), ['Credentials not sent: connection "staging" uses plain http:// to other.internal:4445. Switch the admin URL to https://, or confirm to send them anyway.']);
    assert.equal(host.shown.length, 2);
    // A new window (a new guard) starts with nothing remembered.
    const next = session([remote], new FakeHost());
    await next.rows('staging');
    assert.equal(next.host.shown.length, 1);
    assert.notEqual(next.guard, guard);
  });

  test('basic auth and credential headers are guarded too; loopback, https and no credentials are not', async () => {
    const basic = session([{ ...remote, auth: 'basic', username: 'u' }]);
    await basic.rows('staging');
    assert.match(basic.host.shown[0]?.message ?? '', /would send its password to hydra\.internal:4445/);
    const header = session([{ ...remote, auth: 'none', headers: { 'X-Api-Key': TOKEN } }]);
    await header.rows('staging');
    assert.match(header.host.shown[0]?.message ?? '', /credential headers/);
    for (const adminUrl of ['http://127.0.0.1:4445', 'http://localhost:4445', 'http://[::1]:4445', 'http://admin.localhost', 'https://hydra.internal']) {
      const s = session([{ ...remote, adminUrl }]);
      assert.deepEqual(await s.rows('staging'), ['web'], adminUrl);
      assert.deepEqual(s.host.shown, [], adminUrl);
    }
    const none = session([{ ...remote, auth: 'none' }]);
    assert.deepEqual(await none.rows('staging'), ['web']);
    assert.deepEqual(none.host.shown, []);
  });

  test('two requests at once share one question', async () => {
    const host = new FakeHost();
    const guard = new InsecureTransportGuard(host);
    const conn: AdminConnection = { name: 'staging', adminUrl: remote.adminUrl, auth: { kind: 'bearer', token: TOKEN } };
    host.answers.push(undefined);
    const results = await Promise.allSettled([guard.check(conn), guard.check(conn)]);
    assert.equal(host.shown.length, 1);
    assert.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof InsecureTransportRefusedError));
  });

  test('loopback hosts', () => {
    for (const h of ['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '[::ffff:7f00:1]']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['hydra.internal', '10.0.0.1', '128.0.0.1', 'localhost.example.com', '[::2]', '[::ffff:a00:1]', '127.0.0.1.nip.io']) assert.ok(!isLoopbackHost(h), h);
  });
});
