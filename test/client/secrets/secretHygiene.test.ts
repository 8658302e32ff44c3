// Secret hygiene across a scripted session of the extension's logic, with bearer and with basic auth:
// add a connection, set its credentials, create clients (a generated and a given secret), open, edit
// and save one (a secret rotation, a rejected save), meet a hostile proxy that echoes credentials in
// its errors, export, delete. Then no token, password or client_secret may appear in what would be
// written to settings, in the log, in any message, in exported files or in files under test/.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { ClientFsCore } from '../../../client/src/clientFs/clientFileSystemProvider';
import { toClientUri } from '../../../client/src/clientFs/clientUri';
import { COPY, DELETE, type CommandDeps, createClient, deleteClient, exportClient } from '../../../client/src/commands/clientCommands';
import { promptNewConnection, setCredentials } from '../../../client/src/commands/connectionCommands';
import { runSafe } from '../../../client/src/commands/runSafe';
import { ConnectionRegistry } from '../../../client/src/connections/connectionRegistry';
import { ExplorerModel } from '../../../client/src/explorer/explorerModel';
import { NodeType } from '../../../client/src/explorer/explorerNode';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { type FaultProxy, startFaultProxy } from '../../helpers/faultProxy';
import { projectRoot } from '../../helpers/lspClient';
import { FAKE_FS_ERRORS, FakeHost, MemorySecrets } from '../fakeHost';
import { EditorBuffer } from '../faults/editorBuffer';

let srv: AdminServer;
let proxy: FaultProxy;
before(async () => {
  srv = await startAdminServer({ hydraVersion: 'v26' });
  proxy = await startFaultProxy(srv.adminUrl);
});
after(async () => {
  await proxy.close();
  await srv.close();
});

/** Fresh random values per run: a hit anywhere can only come from this run. */
const fresh = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    const s = statSync(p);
    if (s.isDirectory()) out = out.concat(filesUnder(p));
    else if (s.size < 5_000_000) out.push(p);
  }
  return out;
}

for (const kind of ['bearer', 'basic'] as const) {
  test(`${kind} auth: a whole session leaks no token, password or client secret`, async () => {
    const token = fresh('ory_pat');
    const password = fresh('pw');
    const givenSecret = fresh('given-client-secret');
    const rotatedSecret = fresh('rotated-client-secret');
    const username = 'admin-user';
    const credential = kind === 'bearer' ? token : password;

    const host = new FakeHost();
    const secrets = new MemorySecrets();
    const requestLog: string[] = [];
    const registry = new ConnectionRegistry(secrets, (c) => new AdminApiClient(c, undefined, { log: (l) => requestLog.push(l), retry: { delaysMs: [5] } }));
    const errors: string[] = [];
    const run = (name: string, body: () => unknown) => runSafe(host, name, body);

    // Add the connection as the command does: the entry is what goes into settings.json.
    host.inputs.push(proxy.url, 'prod');
    host.pick = (items) => items.find((i) => i.label === kind);
    const entry = await promptNewConnection(host, []);
    assert.ok(entry);
    if (kind === 'basic') entry.username = username;
    const settingsWritten = [JSON.stringify(entry)];
    registry.setConfigs([{ ...entry, apiVersion: 'v2' }]);
    host.inputs.push(...(kind === 'basic' ? [username, password] : [token]));
    assert.equal(await setCredentials(host, registry, secrets, 'prod'), true);
    settingsWritten.push(JSON.stringify(registry.all()));

    const deps: CommandDeps = { host, registry, liveFormat: () => 'json', changed: () => undefined };
    // A client from a template: Hydra generates the secret, shown once in a modal.
    host.pick = (items) => items.find((i) => /machine/i.test(i.label)) ?? items[0];
    host.answers.push(COPY);
    const generated = await createClient(deps, 'prod');
    assert.ok(generated);
    const generatedId = String(generated.client_id);
    const generatedSecret = String(srv.store.get(generatedId)?.client_secret);
    assert.ok(generatedSecret.length >= 6);
    // A client with a secret of our own, as "create from the active editor" sends it.
    const mine = await createClient(deps, 'prod', { client_name: 'mine', client_secret: givenSecret, grant_types: ['client_credentials'] });
    const mineId = String(mine?.client_id);

    // Open it, rotate the secret, save; then a save Hydra rejects (a secret too short).
    const fs = new ClientFsCore(registry, host, FAKE_FS_ERRORS);
    const editor = await new EditorBuffer(fs, toClientUri({ connection: 'prod', clientId: mineId, format: 'json' })).open();
    editor.edit((c) => (c.client_secret = rotatedSecret));
    assert.equal(await editor.save(), undefined);
    assert.equal(srv.store.get(mineId)?.client_secret, rotatedSecret);
    editor.edit((c) => (c.client_secret = 'abc'));
    const rejected = await editor.save();
    assert.ok(rejected, 'a 3-byte secret is rejected');
    errors.push(rejected.message);

    // A hostile proxy echoes the request's credentials and body (with the client secret) in its errors.
    for (const status of [400, 401, 500]) {
      proxy.set({ fault: { kind: 'echo', status } });
      editor.edit((c) => (c.client_secret = rotatedSecret));
      const err = await editor.save();
      assert.ok(err);
      errors.push(err.message);
      const explorer = new ExplorerModel(registry);
      const [row] = await explorer.getChildren({ nodeType: NodeType.connection, connection: 'prod' });
      errors.push(explorer.getTreeItem(row).label, String(explorer.getTreeItem(row).tooltip));
      await run('exportClient', () => exportClient(deps, { connection: 'prod', clientId: mineId }, 'yaml'));
      await run('createClient', () => createClient(deps, 'prod', { client_name: 'x', client_secret: givenSecret }));
    }
    proxy.set(undefined);

    await run('exportClient', () => exportClient(deps, { connection: 'prod', clientId: mineId }, 'json'));
    for (const id of [generatedId, mineId]) {
      host.answers.push(DELETE);
      await run('deleteClient', () => deleteClient(deps, { connection: 'prod', clientId: id }));
      assert.equal(srv.store.get(id), undefined, `${id} deleted`);
    }

    // The credentials really were in play: in secret storage, and on the wire.
    assert.match(secrets.map.get('oauth2Client.connection/prod') ?? '', new RegExp(credential));
    const wire = kind === 'bearer' ? `Bearer ${token}` : `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    assert.ok(proxy.seen.some((r) => r.authorization === wire), 'requests carried the credentials');
    assert.ok(host.shown.some((s) => s.kind === 'error'), 'failures were shown');
    assert.ok(host.saved.length >= 1, 'an export was written');

    // The one place a secret may show: the modal right after a create, once per created client.
    const oneTime = (s: (typeof host.shown)[number]) => s.modal && /Its secret is shown only now/.test(s.message);
    assert.deepEqual(host.shown.filter(oneTime).map((s) => s.detail), [generatedSecret, givenSecret]);
    const everything = [
      ...settingsWritten,
      host.allText(),
      ...host.logs,
      ...requestLog,
      ...errors,
      ...host.shown.filter((s) => !oneTime(s)).map((s) => `${s.message} ${s.detail ?? ''} ${s.items.join(' ')}`),
      ...host.saved.map((s) => `${s.name}\n${s.content}`),
    ].join('\n');
    const forbidden = { token, password, givenSecret, rotatedSecret, generatedSecret, basic: Buffer.from(`${username}:${password}`).toString('base64') };
    for (const [name, value] of Object.entries(forbidden)) assert.ok(!everything.includes(value), `${name} leaked:\n${everything.slice(Math.max(0, everything.indexOf(value) - 200), everything.indexOf(value) + 100)}`);
    assert.equal(host.clipboard, generatedSecret, 'copied on request');
    // host.allText() includes modal messages but not their details: check those separately.
    assert.ok(!host.allText().includes(generatedSecret));

    // Nothing of this run reached a file under test/ (snapshots, artifacts, fixtures).
    const hits = filesUnder(path.join(projectRoot, 'test')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return Object.values(forbidden).some((v) => text.includes(v));
    });
    assert.deepEqual(hits, []);
  });
}
