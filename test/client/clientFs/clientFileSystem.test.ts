// The oauth2-client:// file system over real HTTP: read = GET, save = PUT, conflicts, failures, guards.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { ClientFsCore, KEEP_EDITING, OVERWRITE } from '../../../client/src/clientFs/clientFileSystemProvider';
import { parseClientUri, toClientUri } from '../../../client/src/clientFs/clientUri';
import type { ConnectionConfig } from '../../../client/src/connections/connectionConfig';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { FAKE_FS_ERRORS, FakeFsError, FakeHost, registryFor } from '../fakeHost';

const SEED = [{ client_id: 'web', client_name: 'Web', redirect_uris: ['https://web.example/cb'], grant_types: ['authorization_code'], response_types: ['code'] }];
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function rejectsFs(p: Promise<unknown>, code: FakeFsError['code']): Promise<FakeFsError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof FakeFsError, `expected a FileSystemError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail('expected a rejection');
}

describe('client file system', () => {
  let srv: AdminServer;
  before(async () => {
    srv = await startAdminServer({ hydraVersion: 'v26', seed: SEED });
  });
  after(() => srv.close());
  afterEach(() => srv.setFault(undefined));

  function setup(extra: Partial<ConnectionConfig> = {}, format: 'json' | 'yaml' = 'json') {
    const host = new FakeHost();
    const written: string[] = [];
    const registry = registryFor([{ name: 'local', adminUrl: srv.adminUrl, auth: 'none', ...extra }]);
    const fs = new ClientFsCore(registry, host, FAKE_FS_ERRORS, (_u, ref) => written.push(ref.clientId));
    return { host, fs, written, uri: toClientUri({ connection: 'local', clientId: 'web', format }) };
  }
  const edit = (text: string, f: (c: Record<string, unknown>) => void) => {
    const c = JSON.parse(text) as Record<string, unknown>;
    f(c);
    return enc(JSON.stringify(c, null, 2));
  };

  test('URIs: one owner builds and parses them', () => {
    const uri = toClientUri({ connection: 'local', clientId: 'web', format: 'yaml' });
    assert.deepEqual(uri, { scheme: 'oauth2-client', authority: 'local', path: '/web.yaml' });
    assert.deepEqual(parseClientUri(uri), { connection: 'local', clientId: 'web', format: 'yaml' });
    assert.equal(parseClientUri({ scheme: 'file', authority: '', path: '/web.json' }), undefined);
  });

  test('open → edit → save is a PUT the server keeps', async () => {
    const { fs, uri, written } = setup();
    const text = dec(await fs.readFile(uri));
    assert.equal(JSON.parse(text).client_name, 'Web');
    assert.equal((await fs.stat(uri)).size, enc(text).byteLength);
    await fs.writeFile(uri, edit(text, (c) => (c.client_name = 'Web v2')));
    assert.equal(srv.store.get('web')?.client_name, 'Web v2');
    assert.deepEqual(written, ['web']);
    // A second save starts from the new updated_at: no false conflict.
    await fs.writeFile(uri, edit(dec(await fs.readFile(uri)), (c) => (c.client_name = 'Web v3')));
    assert.equal(srv.store.get('web')?.client_name, 'Web v3');
  });

  test('YAML documents round-trip', async () => {
    const { fs, uri } = setup({}, 'yaml');
    const text = dec(await fs.readFile(uri));
    assert.match(text, /^client_id: web$/m);
    await fs.writeFile(uri, enc(text.replace(/^client_name: .*$/m, 'client_name: From YAML')));
    assert.equal(srv.store.get('web')?.client_name, 'From YAML');
  });

  test('conflict: nothing written, diff offered; Keep editing keeps the server copy, Overwrite writes', async () => {
    const { fs, uri, host } = setup();
    const text = dec(await fs.readFile(uri));
    srv.store.update('web', { client_name: 'Changed elsewhere' });
    host.answers.push(KEEP_EDITING);
    await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.client_name = 'Mine'))), 'Unavailable');
    assert.equal(srv.store.get('web')?.client_name, 'Changed elsewhere');
    assert.equal(host.diffs.length, 1);
    assert.match(host.diffs[0].left.content, /Changed elsewhere/);
    assert.deepEqual(host.diffs[0].right, uri);
    const modal = host.shown.find((s) => s.modal);
    assert.deepEqual(modal?.items, [OVERWRITE, KEEP_EDITING]);
    assert.equal(modal?.closeWith, KEEP_EDITING, 'Keep editing is the close button: no extra Cancel beside it');

    host.answers.push(OVERWRITE);
    await fs.writeFile(uri, edit(text, (c) => (c.client_name = 'Mine')));
    assert.equal(srv.store.get('web')?.client_name, 'Mine');
  });

  test('a 400 throws, names the field, and writes nothing', async () => {
    const { fs, uri } = setup();
    const text = dec(await fs.readFile(uri));
    const err = await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.redirect_uris = ['not a url']))), 'Unavailable');
    assert.match(err.message, /redirect_uri/);
    assert.deepEqual(srv.store.get('web')?.redirect_uris, ['https://web.example/cb']);
  });

  test('401 → NoPermissions; invalid text → Unavailable; nothing written', async () => {
    const { fs, uri } = setup();
    const text = dec(await fs.readFile(uri));
    srv.setFault((r) => (r.method === 'PUT' ? { status: 401, body: { error: 'unauthorized' } } : undefined));
    await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.client_name = 'X'))), 'NoPermissions');
    srv.setFault(undefined);
    await rejectsFs(fs.writeFile(uri, enc('{ "client_name": ')), 'Unavailable');
    assert.notEqual(srv.store.get('web')?.client_name, 'X');
  });

  test('a network failure on save throws and writes nothing', async () => {
    const down = await startAdminServer({ hydraVersion: 'v26', seed: SEED });
    const host = new FakeHost();
    const fs = new ClientFsCore(registryFor([{ name: 'down', adminUrl: down.adminUrl, auth: 'none', apiVersion: 'v2' }]), host, FAKE_FS_ERRORS);
    const uri = toClientUri({ connection: 'down', clientId: 'web', format: 'json' });
    const text = dec(await fs.readFile(uri));
    await down.close();
    await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.client_name = 'Lost'))), 'Unavailable');
  });

  test('edits to server-set fields are reported and not sent', async () => {
    const { fs, uri, host } = setup();
    const text = dec(await fs.readFile(uri));
    const before = srv.store.get('web')?.created_at;
    await fs.writeFile(uri, edit(text, (c) => {
      c.created_at = '2000-01-01T00:00:00Z';
      c.client_name = 'Still saved';
    }));
    assert.equal(srv.store.get('web')?.created_at, before);
    assert.equal(srv.store.get('web')?.client_name, 'Still saved');
    assert.ok(host.shown.some((s) => /created_at is set by the server/.test(s.message)), JSON.stringify(host.shown));
  });

  test('client_id cannot change through the document', async () => {
    const { fs, uri } = setup();
    const text = dec(await fs.readFile(uri));
    await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.client_id = 'other'))), 'NoPermissions');
    assert.equal(srv.store.has('other'), false);
  });

  test('a read-only connection refuses the save', async () => {
    const { fs, uri } = setup({ readOnly: true });
    const text = dec(await fs.readFile(uri));
    const err = await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.client_name = 'RO'))), 'NoPermissions');
    assert.match(err.message, /read-only/);
    assert.notEqual(srv.store.get('web')?.client_name, 'RO');
  });

  test('confirmWrites asks, naming client and connection; No writes nothing, Write writes', async () => {
    const { fs, uri, host } = setup({ confirmWrites: true });
    const text = dec(await fs.readFile(uri));
    await rejectsFs(fs.writeFile(uri, edit(text, (c) => (c.client_name = 'Confirmed'))), 'NoPermissions');
    const ask = host.shown.find((s) => s.modal);
    assert.match(ask?.message ?? '', /client "web"/);
    assert.match(ask?.message ?? '', /connection "local"/);
    assert.notEqual(srv.store.get('web')?.client_name, 'Confirmed');
    host.answers.push('Write');
    await fs.writeFile(uri, edit(text, (c) => (c.client_name = 'Confirmed')));
    assert.equal(srv.store.get('web')?.client_name, 'Confirmed');
  });

  test('a missing client is FileNotFound', async () => {
    const { fs } = setup();
    await rejectsFs(fs.readFile(toClientUri({ connection: 'local', clientId: 'nope', format: 'json' })), 'FileNotFound');
  });
});
