// Save and create failures carry the explanation of Hydra's answer (field, why, fix, our
// diagnostic), against the in-repo admin server over real HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ClientFsCore } from '../../../client/src/clientFs/clientFileSystemProvider';
import { toClientUri } from '../../../client/src/clientFs/clientUri';
import { runSafe } from '../../../client/src/commands/runSafe';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { FAKE_FS_ERRORS, FakeHost, registryFor } from '../fakeHost';

const SEED = [{ client_id: 'web', client_name: 'Web', redirect_uris: ['https://web.example/cb'], grant_types: ['authorization_code'] }];
let srv: AdminServer;
before(async () => {
  srv = await startAdminServer({ hydraVersion: 'v26', seed: SEED });
});
after(() => srv.close());

function setup() {
  const host = new FakeHost();
  const registry = registryFor([{ name: 'local', adminUrl: srv.adminUrl, auth: 'none' }]);
  return { host, registry, fs: new ClientFsCore(registry, host, FAKE_FS_ERRORS, () => undefined), uri: toClientUri({ connection: 'local', clientId: 'web', format: 'json' }) };
}

test('a rejected save explains the field and the fix, and points at the diagnostic\'s line; the secret is not echoed', async () => {
  const { fs, uri } = setup();
  const client = JSON.parse(new TextDecoder().decode(await fs.readFile(uri))) as Record<string, unknown>;
  client.client_secret = 'abc12';
  const text = JSON.stringify(client, null, 2);
  const err = await fs.writeFile(uri, new TextEncoder().encode(text)).then(() => undefined, (e: Error) => e);
  assert.ok(err, 'the save must fail');
  assert.match(err.message, /Field: client_secret\./);
  assert.match(err.message, /Fix: Use a longer secret/);
  const line = text.split('\n').findIndex((l) => l.includes('"client_secret"')) + 1;
  assert.ok(line > 1);
  assert.match(err.message, new RegExp(`The linter reports this as "client-secret-too-short" at line ${line}\\.`));
  assert.ok(!err.message.includes('abc12'));
});

test('a create that collides explains the 409 in the one message shown', async () => {
  const { host, registry } = setup();
  await runSafe(host, 'createClient', async () => (await registry.client('local')).create({ client_id: 'web' }));
  assert.equal(host.shown.length, 1);
  assert.match(host.shown[0].message, /Field: client_id\. A client with this client_id already exists/);
});

test('a post-logout URI on another origin: the explanation points at our rule', async () => {
  const { host, registry } = setup();
  await runSafe(host, 'createClient', async () => (await registry.client('local')).create({ redirect_uris: ['https://a.example/cb'], post_logout_redirect_uris: ['https://b.example/bye'] }));
  assert.match(host.shown[0].message, /Field: post_logout_redirect_uris\./);
  assert.match(host.shown[0].message, /"post-logout-redirect-uri-mismatch"/);
});
