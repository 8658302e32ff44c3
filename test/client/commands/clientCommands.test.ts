// Command bodies over real HTTP: create shows the secret once (and nowhere else), delete asks naming
// client and connection, guards on read-only / confirmWrites, push and compare of workspace files.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COPY, DELETE, type CommandDeps, compareWithLive, createClient, deleteClient, exportClient, pushFile } from '../../../client/src/commands/clientCommands';
import { setCredentials } from '../../../client/src/commands/connectionCommands';
import { clientFromTemplate, CLIENT_TEMPLATES } from '../../../client/src/commands/templateClient';
import { type ConnectionConfig, secretKey, toAdminConnection } from '../../../client/src/connections/connectionConfig';
import { WriteRefusedError } from '../../../client/src/connections/writeGuard';
import { ConnectionRegistry } from '../../../client/src/connections/connectionRegistry';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { FakeHost, MemorySecrets, registryFor } from '../fakeHost';

describe('client commands', () => {
  let srv: AdminServer;
  before(async () => {
    srv = await startAdminServer({ hydraVersion: 'v26', seed: [{ client_id: 'keep', client_name: 'Keep me' }] });
  });
  after(() => srv.close());

  function deps(extra: Partial<ConnectionConfig> = {}) {
    const host = new FakeHost();
    const requestLog: string[] = [];
    const changed: string[] = [];
    const d: CommandDeps = {
      host,
      registry: registryFor([{ name: 'local', adminUrl: srv.adminUrl, auth: 'none', ...extra }], requestLog),
      liveFormat: () => 'json',
      changed: (c) => changed.push(c),
    };
    return { d, host, requestLog, changed };
  }

  test('templates become clients without placeholders or client_id', () => {
    for (const t of CLIENT_TEMPLATES) {
      const c = clientFromTemplate(t);
      assert.equal(c.client_id, undefined);
      assert.ok(!JSON.stringify(c).includes('"placeholder"'), t.id);
    }
  });

  test('create from a template shows the secret once, copies it on request, and logs it nowhere', async () => {
    const { d, host, requestLog, changed } = deps();
    host.pick = (items) => items.find((i) => /web app/i.test(i.label));
    host.answers.push(COPY);
    const created = await createClient(d, 'local');
    assert.ok(created);
    const id = String(created.client_id);
    const secret = srv.store.get(id)?.client_secret;
    assert.ok(typeof secret === 'string' && secret.length > 0);
    assert.equal(created.client_secret, undefined, 'the returned client keeps no secret');
    const modals = host.shown.filter((s) => s.detail === secret);
    assert.equal(modals.length, 1);
    assert.ok(modals[0].modal);
    assert.deepEqual(modals[0].items, [COPY]);
    assert.equal(host.clipboard, secret);
    assert.ok(!host.allText().includes(secret), 'secret in a message or log line');
    assert.ok(!requestLog.join('\n').includes(secret), 'secret in the request log');
    assert.deepEqual(host.opened, [{ scheme: 'oauth2-client', authority: 'local', path: `/${id}.json` }]);
    assert.deepEqual(changed, ['local']);
  });

  test('create on a read-only connection is refused before any request', async () => {
    const { d, requestLog } = deps({ readOnly: true });
    await assert.rejects(createClient(d, 'local', { client_name: 'nope' }), WriteRefusedError);
    assert.equal(requestLog.length, 0);
  });

  test('confirmWrites: create asks naming the target; dismissing writes nothing', async () => {
    const { d, host } = deps({ confirmWrites: true });
    const before = srv.store.size;
    await assert.rejects(createClient(d, 'local', { client_name: 'Asked' }), (e) => e instanceof WriteRefusedError && e.cancelled);
    assert.match(host.shown[0].message, /Create client "Asked" on connection "local"/);
    assert.equal(srv.store.size, before);
  });

  test('delete asks, naming client and connection; only "Delete" deletes', async () => {
    srv.store.add({ client_id: 'doomed', client_name: 'Doomed app' });
    const { d, host } = deps();
    assert.equal(await deleteClient(d, { connection: 'local', clientId: 'doomed', clientName: 'Doomed app' }), false);
    assert.ok(srv.store.has('doomed'));
    const ask = host.shown[0];
    assert.ok(ask.modal);
    assert.match(ask.message, /"Doomed app" \(doomed\)/);
    assert.match(ask.message, /connection "local"/);
    host.answers.push(DELETE);
    assert.equal(await deleteClient(d, { connection: 'local', clientId: 'doomed', clientName: 'Doomed app' }), true);
    assert.ok(!srv.store.has('doomed'));
  });

  test('delete on a read-only connection refuses without asking', async () => {
    const { d, host } = deps({ readOnly: true });
    await assert.rejects(deleteClient(d, { connection: 'local', clientId: 'keep' }), /read-only/);
    assert.equal(host.shown.length, 0);
    assert.ok(srv.store.has('keep'));
  });

  test('export writes the live client as YAML', async () => {
    const { d, host } = deps();
    await exportClient(d, { connection: 'local', clientId: 'keep' }, 'yaml');
    assert.equal(host.saved[0].name, 'keep.oauth2-client.yaml');
    assert.match(host.saved[0].content, /^client_name: Keep me$/m);
  });

  test('compare opens a diff of the live client against the file', async () => {
    const { d, host } = deps();
    const file = { scheme: 'file', authority: '', path: '/ws/keep.oauth2-client.json' };
    await compareWithLive(d, 'local', file, JSON.stringify({ client_id: 'keep', client_name: 'Local name' }));
    assert.equal(host.diffs.length, 1);
    assert.match(host.diffs[0].left.content, /Keep me/);
    assert.deepEqual(host.diffs[0].right, file);
  });

  test('push: creates a new client, updates an existing one, and stops on a conflict', async () => {
    const { d, host } = deps();
    const file = { scheme: 'file', authority: '', path: '/ws/pushed.oauth2-client.json' };
    assert.equal(await pushFile(d, 'local', file, JSON.stringify({ $schema: 'x', client_id: 'pushed', client_name: 'Pushed', token_endpoint_auth_method: 'none' })), 'created');
    assert.equal(srv.store.get('pushed')?.client_name, 'Pushed');
    const stale = String(srv.store.get('pushed')?.updated_at);
    assert.equal(await pushFile(d, 'local', file, JSON.stringify({ client_id: 'pushed', client_name: 'Pushed 2', token_endpoint_auth_method: 'none', updated_at: stale })), 'updated');
    assert.equal(srv.store.get('pushed')?.client_name, 'Pushed 2');
    // Someone changes the client after the file was pushed: the file's updated_at is stale now.
    const fileUpdatedAt = String(srv.store.get('pushed')?.updated_at);
    srv.store.update('pushed', { client_name: 'Elsewhere' });
    host.answers.length = 0;
    assert.equal(await pushFile(d, 'local', file, JSON.stringify({ client_id: 'pushed', client_name: 'Pushed 3', token_endpoint_auth_method: 'none', updated_at: fileUpdatedAt })), 'cancelled');
    assert.equal(srv.store.get('pushed')?.client_name, 'Elsewhere');
    assert.equal(host.diffs.length, 1);
  });

  test('credentials go to the secret store only, and reach the connection', async () => {
    const secrets = new MemorySecrets();
    const registry = new ConnectionRegistry(secrets);
    const config: ConnectionConfig = { name: 'ory', adminUrl: 'https://demo.projects.oryapis.com', auth: 'bearer' };
    registry.setConfigs([config]);
    const host = new FakeHost();
    host.inputs.push('ory_pat_secret_token');
    assert.equal(await setCredentials(host, registry, secrets, 'ory'), true);
    assert.match(secrets.map.get(secretKey('ory')) ?? '', /ory_pat_secret_token/);
    assert.ok(!host.allText().includes('ory_pat_secret_token'));
    assert.deepEqual((await toAdminConnection(config, secrets)).auth, { kind: 'bearer', token: 'ory_pat_secret_token' });
  });
});
