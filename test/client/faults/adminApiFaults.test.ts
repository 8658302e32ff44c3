// Fault injection between the extension and the admin API (a misbehaving proxy in front of the in-repo
// server): in every scenario the message is clear, a failed save leaves the editor's text intact and
// dirty, nothing is written that shouldn't be, and the tree keeps working once the fault is gone.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { ClientFsCore, KEEP_EDITING } from '../../../client/src/clientFs/clientFileSystemProvider';
import { toClientUri } from '../../../client/src/clientFs/clientUri';
import { DELETE, deleteClient } from '../../../client/src/commands/clientCommands';
import { runSafe } from '../../../client/src/commands/runSafe';
import type { ConnectionConfig } from '../../../client/src/connections/connectionConfig';
import { ConnectionRegistry } from '../../../client/src/connections/connectionRegistry';
import { ExplorerModel } from '../../../client/src/explorer/explorerModel';
import { NodeType, type ExplorerNode } from '../../../client/src/explorer/explorerNode';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { type FaultProxy, startFaultProxy } from '../../helpers/faultProxy';
import { makeTestPki } from '../adminApi/scriptedServer';
import { FAKE_FS_ERRORS, FakeFsError, FakeHost, MemorySecrets } from '../fakeHost';
import { EditorBuffer } from './editorBuffer';

const SEED = [
  { client_id: 'web', client_name: 'Web', redirect_uris: ['https://web.example/cb'], grant_types: ['authorization_code'], response_types: ['code'] },
  { client_id: 'svc', client_name: 'Service', grant_types: ['client_credentials'] },
];
const DELAYS = [30, 60];
const CONNECTION = { nodeType: NodeType.connection, connection: 'prod' } as const;

let srv: AdminServer;
let proxy: FaultProxy;
before(async () => {
  srv = await startAdminServer({ hydraVersion: 'v26', seed: SEED });
  proxy = await startFaultProxy(srv.adminUrl);
});
after(async () => {
  await proxy.close();
  await srv.close();
});

/** A small world: the connection goes through the proxy; its client retries GETs with DELAYS. */
function world(extra: Partial<ConnectionConfig> = {}, timeoutMs = 2_000) {
  const host = new FakeHost();
  const requestLog: string[] = [];
  const registry = new ConnectionRegistry(new MemorySecrets(), (c) => new AdminApiClient({ ...c, timeoutMs }, undefined, { log: (l) => requestLog.push(l), retry: { delaysMs: DELAYS } }));
  registry.setConfigs([{ name: 'prod', adminUrl: proxy.url, auth: 'none', apiVersion: 'v2', ...extra }]);
  const fs = new ClientFsCore(registry, host, FAKE_FS_ERRORS);
  const explorer = new ExplorerModel(registry);
  const editor = new EditorBuffer(fs, toClientUri({ connection: 'prod', clientId: 'web', format: 'json' }));
  return { host, registry, fs, explorer, editor, requestLog };
}

/** The tree's rows under the connection: client ids, or the one error row's text. */
async function treeRows(explorer: ExplorerModel): Promise<{ ids: string[]; error?: string }> {
  explorer.refresh('prod');
  const nodes: ExplorerNode[] = await explorer.getChildren(CONNECTION);
  const error = nodes.find((n) => n.nodeType === NodeType.message && n.isError);
  if (error) return { ids: [], error: explorer.getTreeItem(error).label };
  return { ids: nodes.flatMap((n) => (n.nodeType === NodeType.client ? [String(n.client.client_id)] : [])) };
}

/** A failed save: the editor keeps its text and stays dirty, the error is a FileSystemError of `code`. */
function assertFailedSave(editor: EditorBuffer, err: Error | undefined, code: FakeFsError['code'], textBefore: string, message: RegExp): void {
  assert.ok(err instanceof FakeFsError, `expected a FileSystemError, got ${String(err)}`);
  assert.equal(err.code, code, err.message);
  assert.match(err.message, message);
  assert.equal(editor.text, textBefore, 'the editor text is intact');
  assert.equal(editor.dirty, true, 'the editor is still dirty');
}

async function openError(fs: ClientFsCore, clientId = 'web'): Promise<FakeFsError> {
  try {
    await fs.readFile(toClientUri({ connection: 'prod', clientId, format: 'json' }));
  } catch (err) {
    assert.ok(err instanceof FakeFsError, String(err));
    return err;
  }
  return assert.fail('the open should fail');
}

const webName = () => srv.store.get('web')?.client_name;

describe('admin API faults', () => {
  beforeEach(() => {
    proxy.set(undefined);
    proxy.seen.length = 0;
  });
  afterEach(() => {
    proxy.set(undefined);
    if (!srv.store.get('web')) srv.store.add(SEED[0]);
    srv.store.update('web', { client_name: 'Web' });
  });

  test('connection refused: tree error row, open and save fail clearly, all recover once it is back', async () => {
    const { explorer, fs, editor } = world();
    await editor.open();
    editor.edit((c) => (c.client_name = 'Web (edited offline)'));
    const before = editor.text;
    await proxy.refuse();
    try {
      const rows = await treeRows(explorer);
      assert.match(rows.error ?? '', /network error: ECONNREFUSED/);
      assert.match(rows.error ?? '', /connection "prod"/);
      assert.match((await openError(fs)).message, /ECONNREFUSED/);
      assertFailedSave(editor, await editor.save(), 'Unavailable', before, /network error: ECONNREFUSED/);
    } finally {
      await proxy.accept();
    }
    assert.deepEqual((await treeRows(explorer)).ids, ['svc', 'web']);
    assert.equal(await editor.save(), undefined, 'the same save works once the server is back');
    assert.equal(webName(), 'Web (edited offline)');
    assert.equal(editor.dirty, false);
  });

  test('a server that never answers: tree and save time out; a cancelled command stops and deletes nothing', async () => {
    const { explorer, editor } = world({}, 300);
    await editor.open();
    editor.edit((c) => (c.client_name = 'Never saved'));
    const before = editor.text;
    proxy.set({ fault: { kind: 'hang' } });
    assert.match((await treeRows(explorer)).error ?? '', /timed out after 300 ms/);
    assertFailedSave(editor, await editor.save(), 'Unavailable', before, /timed out after 300 ms/);
    assert.equal(webName(), 'Web');

    // Cancel: the progress notification's Cancel aborts the request in flight.
    const cancelling = new (class extends FakeHost {
      override withProgress<T>(_title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
        const ac = new AbortController();
        setTimeout(() => ac.abort(), 50);
        return task(ac.signal);
      }
    })();
    cancelling.answers.push(DELETE);
    const { registry } = world({}, 10_000);
    await registry.client('prod'); // connect before the fault: only the DELETE hangs
    proxy.set({ fault: { kind: 'hang' }, method: 'DELETE' });
    const started = Date.now();
    await runSafe(cancelling, 'deleteClient', () => deleteClient({ host: cancelling, registry, liveFormat: () => 'json', changed: () => undefined }, { connection: 'prod', clientId: 'web' }));
    assert.ok(Date.now() - started < 5_000, 'the cancel ends the wait, not the 10 s timeout');
    assert.deepEqual(cancelling.shown.filter((s) => s.kind === 'error'), [], 'a cancel shows no error');
    assert.ok(cancelling.logs.some((l) => /deleteClient: cancelled/.test(l)), cancelling.logs.join('\n'));
    proxy.set(undefined);
    assert.ok(srv.store.get('web'), 'nothing was deleted');
    assert.deepEqual((await treeRows(explorer)).ids, ['svc', 'web'], 'the tree works again');
  });

  for (const status of [500, 502, 503]) {
    test(`HTTP ${status}: GETs retried with backoff up to a cap; a write is sent once and never retried`, async () => {
      const { explorer, editor } = world();
      // Two failures, then the server answers: the tree fills after three tries.
      proxy.set({ fault: { kind: 'status', status }, method: 'GET', times: 2 });
      assert.deepEqual((await treeRows(explorer)).ids, ['svc', 'web']);
      const lists = proxy.seen.filter((r) => r.method === 'GET' && r.path.startsWith('/admin/clients?'));
      assert.equal(lists.length, 3);
      // Backoff: each wait at least the configured delay (the schedule, not a speed measurement).
      assert.ok(lists[1].at - lists[0].at >= DELAYS[0] - 5 && lists[2].at - lists[1].at >= DELAYS[1] - 5, JSON.stringify(lists.map((r) => r.at - lists[0].at)));

      // Always failing: the cap is three tries, then a message that names the status.
      proxy.seen.length = 0;
      proxy.set({ fault: { kind: 'status', status }, method: 'GET' });
      const rows = await treeRows(explorer);
      assert.match(rows.error ?? '', new RegExp(`HTTP ${status}.*connection "prod"`));
      assert.equal(proxy.seen.length, 3, 'three tries, then it gives up');

      // Writes: one PUT, never repeated; the editor keeps the edit.
      proxy.set(undefined);
      await editor.open();
      editor.edit((c) => (c.client_name = `Saved through ${status}`));
      const before = editor.text;
      proxy.seen.length = 0;
      proxy.set({ fault: { kind: 'status', status }, method: 'PUT' });
      assertFailedSave(editor, await editor.save(), 'Unavailable', before, new RegExp(`HTTP ${status}`));
      assert.equal(proxy.seen.filter((r) => r.method === 'PUT').length, 1, 'the PUT was not retried');
      assert.equal(webName(), 'Web');
      proxy.set(undefined);
      assert.equal(await editor.save(), undefined);
      assert.equal(webName(), `Saved through ${status}`);
    });
  }

  test('truncated and non-JSON bodies: clear messages on open, tree and save', async () => {
    const { explorer, fs, editor } = world();
    proxy.set({ fault: { kind: 'truncate' }, method: 'GET' });
    assert.match((await openError(fs)).message, /truncated/);
    assert.match((await treeRows(explorer)).error ?? '', /truncated/);
    proxy.set({ fault: { kind: 'non-json', status: 200 }, method: 'GET' });
    assert.match((await openError(fs)).message, /not JSON/);
    assert.match((await treeRows(explorer)).error ?? '', /invalid response: .*not JSON/);
    proxy.set({ fault: { kind: 'non-json', status: 502 }, method: 'GET' });
    assert.match((await treeRows(explorer)).error ?? '', /HTTP 502 and an HTML page/);

    proxy.set(undefined);
    await editor.open();
    editor.edit((c) => (c.client_name = 'Edited'));
    const before = editor.text;
    proxy.set({ fault: { kind: 'non-json', status: 200 }, method: 'PUT' });
    assertFailedSave(editor, await editor.save(), 'Unavailable', before, /not JSON/);
    proxy.set(undefined);
    assert.deepEqual((await treeRows(explorer)).ids, ['svc', 'web']);
  });

  for (const status of [401, 403]) {
    test(`HTTP ${status}: every surface says to check the credentials of the connection`, async () => {
      const { explorer, fs, editor, host } = world();
      await editor.open();
      editor.edit((c) => (c.client_name = 'Denied'));
      const before = editor.text;
      proxy.set({ fault: { kind: 'status', status, body: JSON.stringify({ error: 'request_unauthorized' }) } });
      proxy.seen.length = 0;
      const check = /check the credentials for connection "prod"/;
      assert.match((await treeRows(explorer)).error ?? '', check);
      assert.equal(proxy.seen.length, 1, `${status} is not retried`);
      const err = await openError(fs);
      assert.equal(err.code, 'NoPermissions');
      assert.match(err.message, check);
      assertFailedSave(editor, await editor.save(), 'NoPermissions', before, check);
      assert.ok(host.logs.some((l) => check.test(l)), 'logged too');
      assert.equal(webName(), 'Web');
    });
  }

  test('TLS error: an untrusted certificate is a TLS error everywhere; trusting the CA fixes it', async (t) => {
    let pki;
    try {
      pki = makeTestPki();
    } catch {
      t.skip('openssl is not available');
      return;
    }
    const tls = await startAdminServer({ hydraVersion: 'v26', seed: SEED, tls: { key: pki.key, cert: pki.cert } });
    try {
      const host = new FakeHost();
      const registry = new ConnectionRegistry(new MemorySecrets(), (c) => new AdminApiClient(c, undefined, { retry: { delaysMs: [] } }));
      registry.setConfigs([{ name: 'prod', adminUrl: tls.adminUrl, auth: 'none', apiVersion: 'v2' }]);
      const explorer = new ExplorerModel(registry);
      const fs = new ClientFsCore(registry, host, FAKE_FS_ERRORS);
      assert.match((await treeRows(explorer)).error ?? '', /TLS error: (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/);
      assert.match((await openError(fs)).message, /TLS error/);
      registry.setConfigs([{ name: 'prod', adminUrl: tls.adminUrl, auth: 'none', apiVersion: 'v2', caFile: pki.caFile }]);
      assert.deepEqual((await treeRows(explorer)).ids, ['svc', 'web']);
    } finally {
      await tls.close();
    }
  });

  test('changed on the server while open: nothing written, diff offered, Keep editing keeps the editor dirty', async () => {
    const { editor, host, explorer } = world();
    await editor.open();
    srv.store.update('web', { client_name: 'Changed by a colleague' });
    editor.edit((c) => (c.client_name = 'Mine'));
    const before = editor.text;
    host.answers.push(KEEP_EDITING);
    assertFailedSave(editor, await editor.save(), 'Unavailable', before, /changed on the server/);
    assert.equal(webName(), 'Changed by a colleague');
    assert.equal(host.diffs.length, 1);
    assert.match(host.diffs[0].left.content, /Changed by a colleague/);
    assert.ok(host.shown.some((s) => s.modal && /changed on connection "prod" since you opened it\. Nothing was written/.test(s.message)));
    assert.deepEqual((await treeRows(explorer)).ids, ['svc', 'web']);
  });

  test('deleted on the server while open: the save says so, writes nothing, keeps the editor; the tree drops the row', async () => {
    const { editor, explorer } = world();
    await editor.open();
    editor.edit((c) => (c.client_name = 'Edited after delete'));
    const before = editor.text;
    srv.store.delete('web');
    assertFailedSave(editor, await editor.save(), 'FileNotFound', before, /client "web" does not exist on connection "prod"/);
    assert.equal(srv.store.get('web'), undefined, 'the save did not re-create it');
    assert.deepEqual((await treeRows(explorer)).ids, ['svc']);
  });
});
