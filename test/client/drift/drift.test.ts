// The drift view, CodeLens and plan/apply commands over the Host fake and the in-memory admin server.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { SourceFile } from '../../../client/src/clientsAsCode/clientFiles';
import type { ConnectionConfig } from '../../../client/src/connections/connectionConfig';
import { clientLenses } from '../../../client/src/drift/codeLens';
import { APPLY, COPY, type DriftDeps, PARTIAL_SCAN, applyAndDelete, applyWorkspace, compareDrift, compareFileClient, deleteClients, planWorkspace, pushClient } from '../../../client/src/drift/driftCommands';
import { DriftModel } from '../../../client/src/drift/driftModel';
import { DriftSection } from '../../../client/src/drift/driftTree';
import { ExplorerModel } from '../../../client/src/explorer/explorerModel';
import { ContextValue, type ExplorerNode, NodeType, type SectionNode } from '../../../client/src/explorer/explorerNode';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { FakeHost, registryFor } from '../fakeHost';

const cc = (id: string, extra: Record<string, unknown> = {}) => ({ client_id: id, client_name: id.toUpperCase(), grant_types: ['client_credentials'], ...extra });
const SEED = [cc('api', { scope: 'read' }), cc('web'), cc('old')];

class Workspace {
  files: SourceFile[] = [];
  listed = 0;
  set(files: Record<string, string | object>) {
    this.files = Object.entries(files).map(([name, c]) => ({ name, uri: `file:///ws/${name}`, text: typeof c === 'string' ? c : JSON.stringify(c, null, 2) }));
  }
  async list(): Promise<SourceFile[] | { files: SourceFile[]; partial: true }> {
    this.listed++;
    return this.files;
  }
  file(name: string): SourceFile {
    return this.files.find((f) => f.name === name)!;
  }
}

/** Cancels the progress task after its first report, as the notification's Cancel button would. */
class CancellingHost extends FakeHost {
  override withProgress<T>(_t: string, task: (signal: AbortSignal, report?: (m: string) => void) => Promise<T>): Promise<T> {
    const ac = new AbortController();
    return task(ac.signal, (m) => {
      this.progress.push(m);
      ac.abort();
    });
  }
}

describe('drift', () => {
  let srv: AdminServer;
  before(async () => {
    srv = await startAdminServer({ hydraVersion: 'v26' });
  });
  after(() => srv.close());
  afterEach(() => {
    srv.store.clear();
  });

  function setup(extra: Partial<ConnectionConfig> = {}, host = new FakeHost()) {
    for (const c of SEED) srv.store.add(c);
    const requests: string[] = [];
    const registry = registryFor([{ name: 'local', adminUrl: srv.adminUrl, auth: 'none', ...extra }], requests);
    const ws = new Workspace();
    ws.set({
      'oauth2-clients/api.json': cc('api', { scope: 'read write' }),
      'oauth2-clients/web.yaml': 'client_id: web\nclient_name: WEB\ngrant_types: [client_credentials]\n',
      'oauth2-clients/new.json': cc('new'),
      'package.json': { name: 'not-a-client' },
    });
    const drift = new DriftModel(registry, ws, () => DEFAULT_SETTINGS);
    const changed: string[] = [];
    const deps: DriftDeps = { host, registry, drift, settings: () => DEFAULT_SETTINGS, liveFormat: () => 'json', changed: (c) => changed.push(c) };
    return { host, registry, ws, drift, deps, requests, changed };
  }

  test('"Workspace vs server" under the connection: differing, missing, refused and only-on-server clients', async () => {
    const { registry, drift, ws, requests } = setup();
    ws.files.push({ name: 'oauth2-clients/bad.yaml', uri: 'file:///ws/oauth2-clients/bad.yaml', text: 'client_id: broken\nclient_name: 7\n' });
    const explorer = new ExplorerModel(registry);
    explorer.addSection(new DriftSection(drift));
    const [conn] = await explorer.getChildren();
    const under = await explorer.getChildren(conn);
    assert.equal(under[0]?.nodeType, NodeType.section);
    assert.deepEqual(under.slice(1).map((n) => (n.nodeType === NodeType.client ? n.client.client_id : n.nodeType)), ['api', 'old', 'web']);
    const root = under[0]!;
    const rootItem = explorer.getTreeItem(root);
    assert.equal(rootItem.label, 'Workspace vs server');
    assert.equal(rootItem.contextValue, ContextValue.drift);
    const rows = await explorer.getChildren(root);
    const items = rows.map((n) => explorer.getTreeItem(n));
    assert.deepEqual(items.map((i) => [i.label, i.description]), [
      ['oauth2-clients/bad.yaml', 'lint errors: not compared'],
      ['API', 'differs: scope'],
      ['NEW', 'not on the server'],
      ['Only on the server (1)', undefined],
    ]);
    assert.match(items[0]!.tooltip!, /bad\.yaml:2: client_name must be a string/);
    const only = await explorer.getChildren(rows[3]!);
    assert.deepEqual(only.map((n) => [explorer.getTreeItem(n).label, explorer.getTreeItem(n).description]), [['OLD', 'not in the workspace']]);
    // Once planned, the root says what differs.
    assert.equal(explorer.getTreeItem(root).description, '1 differ, 1 not on the server, 1 only on the server, 1 lint error(s)');
    // One list for the explorer page, one for the plan: never a GET per client.
    assert.ok(requests.every((l) => l.startsWith('GET /admin/clients?')), requests.join('\n'));
  });

  test('in sync: one row says so', async () => {
    const { drift, ws } = setup();
    ws.set({ 'a.oauth2-client.json': SEED });
    const section = new DriftSection(drift);
    const rows = await section.children(section.roots('local')[0]!);
    assert.deepEqual(rows.map((r) => (r.nodeType === NodeType.message ? r.message : '?')), ['In sync: 3 client(s) in the workspace match the server.']);
  });

  test('an unreachable server: the section shows the error as a row', async () => {
    const { drift } = setup();
    srv.setFault(() => ({ status: 503, body: { error: 'down', error_description: 'maintenance' } }));
    try {
      const section = new DriftSection(drift);
      const rows = await section.children(section.roots('local')[0]!);
      assert.equal(rows.length, 1);
      assert.ok(rows[0]!.nodeType === NodeType.message && rows[0]!.isError);
    } finally {
      srv.setFault(undefined);
    }
  });

  test('clicking a row: a differing client opens file ↔ live, a missing one its file, an only-on-server one the live client', async () => {
    const { drift, deps, host } = setup();
    const section = new DriftSection(drift);
    const rows = (await section.children(section.roots('local')[0]!)) as SectionNode[];
    await compareDrift(deps, rows[0]!);
    assert.equal(host.diffs.length, 1);
    assert.deepEqual(host.diffs[0]!.right, { scheme: 'oauth2-client', authority: 'local', path: '/api.json' });
    assert.equal(JSON.parse(host.diffs[0]!.left.content).scope, 'read write');
    await compareDrift(deps, rows[1]!);
    assert.deepEqual(host.opened.pop(), { scheme: 'file', authority: '', path: '/ws/oauth2-clients/new.json' });
    const [old] = (await section.children(rows[2]!)) as SectionNode[];
    await compareDrift(deps, old!);
    assert.deepEqual(host.opened.pop(), { scheme: 'oauth2-client', authority: 'local', path: '/old.json' });
  });

  test('CodeLens: in sync / differs (fields) / missing, with Compare and Push, from the snapshot without new requests', async () => {
    const { drift, requests, ws, deps, host } = setup();
    const server = await drift.serverClients('local');
    assert.equal(ws.listed, 0, 'a CodeLens never scans the workspace');
    assert.equal(await drift.serverClients('local'), server);
    const before = requests.length;
    const file: SourceFile = { name: 'oauth2-clients/all.yaml', uri: 'file:///ws/oauth2-clients/all.yaml', text: 'client_id: web\nclient_name: WEB\ngrant_types: [client_credentials]\n---\nclient_id: api\nscope: other\n---\nclient_id: brand-new\n' };
    const lenses = clientLenses(file, 'local', server, DEFAULT_SETTINGS, drift.normaliseOptions());
    assert.deepEqual(lenses.map((l) => [l.line, l.title]), [
      [0, 'live (local): in sync'],
      [0, 'Compare'],
      [4, 'live (local): differs (client_name, grant_types, scope)'],
      [4, 'Compare'],
      [4, 'Push'],
      [7, 'live (local): missing'],
      [7, 'Push'],
    ]);
    assert.deepEqual(lenses[4]!.command, { command: 'oauth2Client.pushFileClient', arguments: ['local', file.uri, 'api'] });
    assert.equal(requests.length, before);
    assert.deepEqual(clientLenses(ws.file('package.json'), 'local', server, DEFAULT_SETTINGS, drift.normaliseOptions()), []);
    const down = clientLenses(file, 'local', new Error('unreachable'), DEFAULT_SETTINGS, drift.normaliseOptions());
    assert.deepEqual(down.map((l) => l.title), ['live (local): unavailable', 'live (local): unavailable', 'live (local): unavailable']);
    await compareFileClient(deps, 'local', file, 'api');
    assert.equal(JSON.parse(host.diffs[0]!.left.content).scope, 'other');
  });

  test('a save re-plans from the cached server list: no request', async () => {
    const { drift, requests, ws } = setup();
    await drift.snapshot('local');
    const n = requests.length;
    ws.set({ 'oauth2-clients/api.json': cc('api', { scope: 'read' }) });
    drift.refreshFiles();
    const s = await drift.snapshot('local');
    assert.equal(requests.length, n);
    assert.deepEqual(s.plan.counts, { create: 0, update: 0, unchanged: 1, onlyOnServer: 2 });
    drift.refresh('local');
    await drift.snapshot('local');
    assert.equal(requests.length, n + 1);
  });

  test('apply: a modal names the connection and counts each kind; creates and updates; the secret shown once with Copy', async () => {
    const { host, deps, changed } = setup();
    host.answers = [APPLY, COPY];
    const summary = await applyWorkspace(deps, 'local');
    const confirm = host.shown[0]!;
    assert.equal(confirm.modal, true);
    assert.equal(confirm.message, `Apply the workspace's clients to connection "local" (${srv.adminUrl})? 1 to create, 1 to update, 1 unchanged, 1 only on the server.`);
    assert.deepEqual(confirm.items, [APPLY, applyAndDelete(1)]);
    assert.match(confirm.detail!, /Create 1: new\nUpdate 1: api\nUnchanged: 1\nOnly on the server 1 \(kept unless you choose to delete them\): old/);
    assert.deepEqual(summary?.results.map((r) => `${r.clientId} ${r.outcome}`), ['new created', 'api updated']);
    assert.equal(srv.store.get('api')?.scope, 'read write');
    assert.ok(srv.store.has('old'));
    const secret = srv.store.get('new')?.client_secret as string;
    const secretModal = host.shown.find((s) => s.detail === secret)!;
    assert.deepEqual([secretModal.modal, secretModal.items], [true, [COPY]]);
    assert.equal(host.clipboard, secret);
    assert.ok(!host.allText().includes(secret), 'the secret is in no message, log or diff');
    assert.equal(host.shown.at(-1)!.message, 'Applied to "local": 1 created, 1 updated, 0 deleted.');
    assert.deepEqual(host.progress, ['1/2: created new', '2/2: updated api']);
    assert.deepEqual(changed, ['local']);
  });

  test("a cancelled plan ends only its own wait: the tree and CodeLens reading the same listing still get it", async () => {
    const { drift } = setup();
    const ac = new AbortController();
    const planned = drift.replan('local', ac.signal);
    const lens = drift.serverClients('local');
    const tree = drift.snapshot('local');
    ac.abort();
    await assert.rejects(planned, (e: unknown) => e instanceof Error && (e as { kind?: string }).kind === 'cancelled');
    assert.deepEqual([...(await lens).keys()].sort(), SEED.map((c) => c.client_id).sort());
    assert.equal((await tree).plan.counts.create, 1);
  });

  test('a workspace listing cut off at its limit: no client is "only on the server", none offered for deletion', async () => {
    const { host, deps, ws, drift } = setup();
    ws.list = async () => ({ files: ws.files, partial: true as const });
    const snapshot = await drift.snapshot('local');
    assert.equal(snapshot.partial, true);
    assert.deepEqual(snapshot.plan.counts, { create: 1, update: 1, unchanged: 1, onlyOnServer: 0 });
    const section = new DriftSection(drift);
    const rows = await section.children(section.roots('local')[0]!);
    const messages = rows.map((r) => (r.nodeType === NodeType.message ? r.message : '?'));
    assert.ok(messages.some((m) => m.includes('clients only on the server are not listed')), messages.join('\n'));
    assert.ok(!rows.some((r) => r.nodeType === NodeType.section && (r.data as { kind: string }).kind === 'onlyOnServer'));
    host.answers = [undefined];
    await applyWorkspace(deps, 'local');
    assert.deepEqual(host.shown[0]!.items, [APPLY]);
    assert.match(host.shown[0]!.detail!, /Not every workspace file could be read/);
    assert.ok(srv.store.has('old'));
    // The Plan command's message says so too.
    host.answers = [undefined];
    await planWorkspace(deps, 'local');
    assert.equal(host.shown.at(-1)!.message, `Workspace vs "local": 1 to create, 1 to update, 1 unchanged, 0 only on the server. ${PARTIAL_SCAN}`);
  });

  test('a cut-short listing whose files are all in sync: Apply says in sync, and that not every file was read', async () => {
    const { host, deps, ws } = setup();
    ws.files = ws.files.filter((f) => f.name === 'oauth2-clients/web.yaml');
    ws.list = async () => ({ files: ws.files, partial: true as const });
    assert.equal(await applyWorkspace(deps, 'local'), undefined);
    assert.equal(host.shown.length, 1);
    assert.equal(host.shown[0]!.message, `The workspace is in sync with "local" (1 client(s)). ${PARTIAL_SCAN}`);
  });

  test('apply and delete: a second modal lists the clients by id; dismissing it writes nothing', async () => {
    const { host, deps } = setup();
    host.answers = [applyAndDelete(1), undefined];
    assert.equal(await applyWorkspace(deps, 'local'), undefined);
    assert.equal(host.shown[1]!.detail, 'old (OLD)');
    assert.match(host.shown[1]!.message, /Delete these 1 client\(s\) from connection "local"/);
    assert.equal(srv.store.has('new'), false);
    host.answers = [applyAndDelete(1), deleteClients(1)];
    const summary = await applyWorkspace(deps, 'local');
    assert.deepEqual(summary?.results.map((r) => `${r.action} ${r.clientId} ${r.outcome}`), ['create new created', 'update api updated', 'delete old deleted']);
    assert.equal(srv.store.has('old'), false);
  });

  test('apply cancelled from the progress notification: what was done is reported, nothing else written', async () => {
    const { host, deps } = setup({}, new CancellingHost());
    host.answers = [APPLY];
    const summary = await applyWorkspace(deps, 'local');
    assert.equal(summary?.cancelled, true);
    assert.deepEqual(summary?.results.map((r) => r.clientId), ['new']);
    assert.equal(srv.store.get('api')?.scope, 'read');
    const last = host.shown.at(-1)!;
    assert.equal(last.kind, 'warning');
    assert.equal(last.message, 'Applied to "local": 1 created, 0 updated, 0 deleted, cancelled: 1 not done.');
  });

  test('apply refuses files with lint errors (naming the error) and read-only connections', async () => {
    const { host, deps, ws } = setup();
    ws.files.push({ name: 'oauth2-clients/bad.yaml', uri: 'file:///ws/oauth2-clients/bad.yaml', text: 'client_id: broken\nclient_name: 7\n' });
    assert.equal(await applyWorkspace(deps, 'local'), undefined);
    assert.match(host.shown[0]!.message, /^Nothing applied: oauth2-clients\/bad\.yaml:2: client_name must be a string/);
    assert.equal(srv.store.has('new'), false);
    srv.store.clear();
    const ro = setup({ readOnly: true });
    await assert.rejects(applyWorkspace(ro.deps, 'local'), /read-only/);
  });

  test('apply with a client changed on the server since the plan: skipped and reported, the others written', async () => {
    const { host, deps } = setup();
    host.answers = [APPLY];
    // The plan is made inside applyWorkspace; change "api" between the plan and its write.
    const original = deps.host.withProgress.bind(host);
    let calls = 0;
    host.withProgress = async (title, task) => {
      if (++calls === 2) {
        await new Promise((r) => setTimeout(r, 1100));
        srv.store.replace('api', { ...srv.store.get('api')!, client_name: 'edited', updated_at: new Date(Date.now()).toISOString().replace(/\.\d+Z$/, 'Z') });
      }
      return original(title, task);
    };
    const summary = await applyWorkspace(deps, 'local');
    assert.deepEqual(summary?.results.map((r) => `${r.clientId} ${r.outcome}`), ['new created', 'api conflict']);
    assert.equal(srv.store.get('api')?.client_name, 'edited');
    const last = host.shown.at(-1)!;
    assert.equal(last.kind, 'warning');
    assert.match(last.message, /1 changed on the server since the plan \(skipped\)/);
    assert.match(last.detail!, /^api: changed on the server since the plan/);
  });

  test('plan command: counts in a message, details in the log, Apply… offered when there is work', async () => {
    const { host, deps } = setup();
    const plan = await planWorkspace(deps, 'local');
    assert.deepEqual(plan.counts, { create: 1, update: 1, unchanged: 1, onlyOnServer: 1 });
    assert.equal(host.shown[0]!.message, 'Workspace vs "local": 1 to create, 1 to update, 1 unchanged, 1 only on the server.');
    assert.deepEqual(host.shown[0]!.items, ['Apply…']);
    assert.ok(host.logs.includes('info: update api: scope'));
  });

  test('push from a CodeLens: lint gate, create with the secret once, update, conflict offers Compare', async () => {
    const { host, deps, ws } = setup();
    const bad: SourceFile = { name: 'b.oauth2-client.yaml', uri: 'file:///ws/b.oauth2-client.yaml', text: 'client_id: x\nclient_name: 7\n' };
    await assert.rejects(pushClient(deps, 'local', bad, 'x'), /Not pushed: b\.oauth2-client\.yaml:2: client_name must be a string/);
    host.answers = [undefined];
    assert.equal((await pushClient(deps, 'local', ws.file('oauth2-clients/new.json'), 'new'))?.outcome, 'created');
    assert.equal(host.shown.filter((s) => s.modal && s.detail === srv.store.get('new')?.client_secret).length, 1);
    assert.equal((await pushClient(deps, 'local', ws.file('oauth2-clients/api.json'), 'api'))?.outcome, 'updated');
    // The snapshot is now stale for "web": someone edits it on the server after it was read.
    await deps.drift.snapshot('local');
    await new Promise((r) => setTimeout(r, 1100));
    srv.store.replace('web', { ...srv.store.get('web')!, updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
    const edited = { ...ws.file('oauth2-clients/web.yaml'), text: 'client_id: web\nclient_name: Renamed\n' };
    host.answers = [];
    const r = await pushClient(deps, 'local', edited, 'web');
    assert.equal(r?.outcome, 'conflict');
    assert.equal(srv.store.get('web')?.client_name, 'WEB');
    assert.deepEqual(host.shown.at(-1)!.items, ['Compare']);
  });
});

// The section is the only thing the explorer learned: without it, a connection's children are unchanged.
test('explorer without sections lists clients only', async () => {
  const srv = await startAdminServer({ hydraVersion: 'v26', seed: [cc('a')] });
  try {
    const explorer = new ExplorerModel(registryFor([{ name: 'local', adminUrl: srv.adminUrl, auth: 'none' }]));
    const [conn] = await explorer.getChildren();
    assert.deepEqual((await explorer.getChildren(conn)).map((n: ExplorerNode) => n.nodeType), [NodeType.client]);
  } finally {
    await srv.close();
  }
});
