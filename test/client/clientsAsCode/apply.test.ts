// Apply over real HTTP: creates before updates, a conflict in the middle, a client Hydra rejects, a
// cancelled run, explicit deletions, and secrets handed over once and kept nowhere.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { applyPlan, summaryCounts } from '../../../client/src/clientsAsCode/apply';
import { planAgainstServer } from '../../../client/src/clientsAsCode/plan';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { load } from './files';

const cc = (id: string, extra: Record<string, unknown> = {}) => ({ client_id: id, client_name: id, grant_types: ['client_credentials'], ...extra });

async function withServer(seed: Record<string, unknown>[], f: (srv: AdminServer, api: AdminApiClient, log: string[]) => Promise<void>): Promise<void> {
  const srv = await startAdminServer({ hydraVersion: 'v26', seed });
  const log: string[] = [];
  try {
    await f(srv, new AdminApiClient({ name: 'local', adminUrl: srv.adminUrl, auth: { kind: 'none' } }, undefined, { log: (l) => log.push(l), retry: { delaysMs: [] } }), log);
  } finally {
    await srv.close();
  }
}

describe('apply', () => {
  test('creates first, then updates; a client changed since the plan is skipped and reported, the others written', async () => {
    await withServer([cc('u1'), cc('u2'), cc('u3'), cc('keep')], async (srv, api, log) => {
      const files = { 'oauth2-clients/all.json': [cc('u1', { owner: 'a' }), cc('u2', { owner: 'a' }), cc('u3', { owner: 'a' }), cc('keep'), cc('n1'), cc('n2')] };
      const plan = await planAgainstServer(api, load(files), { hydraVersion: 'v26' });
      assert.deepEqual(plan.counts, { create: 2, update: 3, unchanged: 1, onlyOnServer: 0 });
      // Someone else edits u2 after the plan (a second later, so its updated_at moves).
      await new Promise((r) => setTimeout(r, 1100));
      await api.update('u2', cc('u2', { client_name: 'edited elsewhere' }));
      log.length = 0;
      const progress: string[] = [];
      const summary = await applyPlan(api, plan, { onProgress: (done, total, r) => progress.push(`${done}/${total} ${r.action} ${r.clientId} ${r.outcome}`) });
      assert.deepEqual(progress, ['1/5 create n1 created', '2/5 create n2 created', '3/5 update u1 updated', '4/5 update u2 conflict', '5/5 update u3 updated']);
      assert.match(summary.results[3]!.message!, /changed on the server since the plan/);
      assert.equal(srv.store.get('u2')?.client_name, 'edited elsewhere');
      assert.equal(srv.store.get('u2')?.owner, '');
      assert.equal(srv.store.get('u3')?.owner, 'a');
      assert.ok(srv.store.has('n1') && srv.store.has('n2'));
      // Writes happen in the plan's order: both POSTs before any PUT.
      const writes = log.filter((l) => /^(POST|PUT)/.test(l)).map((l) => l.split(' ')[0]);
      assert.deepEqual(writes, ['POST', 'POST', 'PUT', 'PUT']);
      assert.deepEqual(summaryCounts(summary), { created: 2, updated: 2, deleted: 0, conflict: 1, failed: 0, notDone: 0 });
    });
  });

  test('a client Hydra rejects fails with Hydra\'s message; the others are still written', async () => {
    await withServer([], async (srv, api) => {
      // Linted for v2.3 (where any URI scheme passes) but applied to a v26 server, which rejects ftp:.
      const loaded = load({ 'oauth2-clients/a.json': [cc('a'), cc('bad', { tos_uri: 'ftp://files.example/tos' }), cc('c')] }, 'v2.3');
      const plan = await planAgainstServer(api, loaded, { hydraVersion: 'v2.3' });
      const summary = await applyPlan(api, plan);
      assert.deepEqual(summary.results.map((r) => `${r.clientId} ${r.outcome}`), ['a created', 'bad failed', 'c created']);
      assert.match(summary.results[1]!.message!, /Hydra rejected the client \(invalid_client_metadata\): .*must use https:\/\/ or http:\/\/ as HTTP scheme for field tos_uri/);
      assert.ok(!srv.store.has('bad'));
    });
  });

  test('cancelled: what was done is reported, the rest listed as not done, nothing half-written', async () => {
    await withServer([cc('u1'), cc('u2')], async (srv, api) => {
      const plan = await planAgainstServer(api, load({ 'oauth2-clients/a.json': [cc('n1'), cc('n2'), cc('u1', { owner: 'x' }), cc('u2', { owner: 'x' })] }), { hydraVersion: 'v26' });
      const ac = new AbortController();
      const summary = await applyPlan(api, plan, { signal: ac.signal, onProgress: (done) => done === 2 && ac.abort() });
      assert.equal(summary.cancelled, true);
      assert.deepEqual(summary.results.map((r) => `${r.clientId} ${r.outcome}`), ['n1 created', 'n2 created']);
      assert.deepEqual(summary.notDone, [{ action: 'update', clientId: 'u1' }, { action: 'update', clientId: 'u2' }]);
      assert.equal(srv.store.get('u1')?.owner, '');
      assert.equal(srv.store.get('u2')?.owner, '');
      assert.equal(srv.store.size, 4);
    });
  });

  test('only-on-server clients are deleted only when named; a name not in the plan is refused before any write', async () => {
    await withServer([cc('keep'), cc('old1'), cc('old2')], async (srv, api) => {
      const plan = await planAgainstServer(api, load({ 'oauth2-clients/keep.json': cc('keep') }), { hydraVersion: 'v26' });
      assert.deepEqual((await applyPlan(api, plan)).results, []);
      assert.equal(srv.store.size, 3);
      await assert.rejects(applyPlan(api, plan, { deletes: ['keep'] }), /not in the plan as only on the server/);
      const summary = await applyPlan(api, plan, { deletes: ['old1'] });
      assert.deepEqual(summary.results, [{ action: 'delete', clientId: 'old1', outcome: 'deleted' }]);
      assert.deepEqual([srv.store.has('old1'), srv.store.has('old2')], [false, true]);
    });
  });

  test('a generated secret is handed over once and appears in no result or message', async () => {
    await withServer([], async (srv, api) => {
      const plan = await planAgainstServer(api, load({ 'oauth2-clients/a.json': [cc('gen'), cc('pub', { token_endpoint_auth_method: 'none' })] }), { hydraVersion: 'v26' });
      const secrets: [string, string][] = [];
      const summary = await applyPlan(api, plan, { onSecret: (id, s) => secrets.push([id, s]) });
      assert.equal(secrets.length, 1);
      assert.equal(secrets[0]![0], 'gen');
      assert.equal(srv.store.get('gen')?.client_secret, secrets[0]![1]);
      assert.ok(!JSON.stringify(summary).includes(secrets[0]![1]));
      assert.ok(!JSON.stringify(plan).includes(secrets[0]![1]));
    });
  });

  test("a file's own secret, echoed by the create, is not handed over as a generated one", async () => {
    await withServer([], async (srv, api) => {
      const loaded = load({ 'oauth2-clients/a.json': [cc('own', { client_secret: 'file-secret-abcdef-123456' })] });
      const secrets: string[] = [];
      const summary = await applyPlan(api, await planAgainstServer(api, loaded, { hydraVersion: 'v26' }), { onSecret: (id) => secrets.push(id) });
      assert.deepEqual(summary.results.map((r) => r.outcome), ['created']);
      assert.ok(srv.store.has('own'));
      assert.deepEqual(secrets, []);
    });
  });

  test('a file\'s own secret is sent but never shows in a failure message', async () => {
    await withServer([], async (_srv, api) => {
      const loaded = load({ 'oauth2-clients/a.json': [cc('s', { client_secret: 'file-secret-123456', tos_uri: 'ftp://x.example/t' })] }, 'v2.3');
      const summary = await applyPlan(api, await planAgainstServer(api, loaded, { hydraVersion: 'v2.3' }));
      assert.equal(summary.results[0]?.outcome, 'failed');
      assert.ok(!JSON.stringify(summary).includes('file-secret-123456'));
    });
  });
});
