// The extension side of the server checks, over real HTTP: the in-repo Hydra-compatible server's
// discovery document is read, cached per URL, re-read on refresh, and sent with the associations;
// an unreachable server becomes a reason, never an exception.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { associations, ServerConfigurationSync } from '../../../client/src/discovery/serverConfigurationSync';
import { discoveryUrl, fetchDiscovery } from '../../../client/src/discovery/fetchDiscovery';
import { parseConnections, type ConnectionConfig } from '../../../client/src/connections/connectionConfig';
import type { ServerConfigurations } from '../../../server/src/engine/discovery/serverConfiguration';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { serverDiagnostics } from '../../../server/src/engine/discovery/serverDiagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { makeTestPki } from '../adminApi/scriptedServer';

let srv: AdminServer;
let discoveryReads = 0;
before(async () => {
  srv = await startAdminServer({ hydraVersion: 'v2.3' });
  srv.setFault((req) => {
    if (req.path === '/.well-known/openid-configuration') discoveryReads++;
    return undefined;
  });
});
after(() => srv.close());

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test("the in-repo server's discovery document over HTTP; an unreachable server is a reason", async () => {
  const ok = await fetchDiscovery(srv.url);
  assert.ok('document' in ok, JSON.stringify(ok));
  assert.equal(ok.url, discoveryUrl(srv.url));
  assert.deepEqual(ok.document.subject_types_supported, ['public']);
  const down = await fetchDiscovery(`http://127.0.0.1:${await closedPort()}/`);
  assert.ok('unreachable' in down);
  assert.equal(down.unreachable, 'ECONNREFUSED');
  const notFound = await fetchDiscovery(`${srv.url}/nothing-here`);
  assert.ok('unreachable' in notFound && /^HTTP 404$/.test(notFound.unreachable));
});

test('push: documents per connection with a publicUrl, associations, the status-bar pick; cached until forced', async () => {
  const port = await closedPort();
  const { connections, problems } = parseConnections([
    { name: 'local', adminUrl: srv.adminUrl, publicUrl: `${srv.url}/` },
    { name: 'gone', adminUrl: 'http://127.0.0.1:1', publicUrl: `http://127.0.0.1:${port}` },
    { name: 'adminOnly', adminUrl: srv.adminUrl },
    { name: 'leaky', adminUrl: srv.adminUrl, publicUrl: 'https://user:pw@auth.example' },
  ]);
  assert.deepEqual(problems, ['Connection "leaky": the publicUrl cannot hold credentials; it is ignored.']);
  const sent: ServerConfigurations[] = [];
  const sync = new ServerConfigurationSync({
    connections: () => connections as ConnectionConfig[],
    activeName: () => 'gone',
    connectionForFiles: () => ({ '**/clients/**': 'local', bad: 7 }),
    send: (c) => void sent.push(c),
  });
  discoveryReads = 0;
  await sync.push();
  assert.equal(discoveryReads, 1);
  const config = sent[0];
  assert.deepEqual(config.servers.map((s) => [s.name, 'document' in s && s.document !== undefined, s.unreachable]), [['local', true, undefined], ['gone', false, 'ECONNREFUSED']]);
  assert.deepEqual(config.associations, [{ pattern: '**/clients/**', server: 'local' }]);
  assert.equal(config.defaultServer, 'gone');
  await sync.push();
  assert.equal(discoveryReads, 1, 'cached');
  await sync.push(true);
  assert.equal(discoveryReads, 2, 'refresh re-reads');

  // What the server then reports for a client on that v2.3 server: device_code is not offered.
  const text = 'client_id: a\ngrant_types: [client_credentials, urn:ietf:params:oauth:grant-type:device_code]\nsubject_type: pairwise\n';
  const doc = analyseDocument('file:///w/clients/a.oauth2-client.yaml', 1, text, 'yaml', DEFAULT_SETTINGS);
  const local = sent[2].servers.find((s) => s.name === 'local')!;
  assert.deepEqual(serverDiagnostics(doc, local).map((d) => d.code).sort(), ['server-grant-type-unsupported', 'server-subject-type-unsupported']);
});

test('overlapping pushes: a slow read of a connection since removed never overwrites the newer configuration', async () => {
  let connections: ConnectionConfig[] = [
    { name: 'slow', adminUrl: 'http://127.0.0.1:1', publicUrl: 'https://slow.example' } as ConnectionConfig,
  ];
  let releaseSlow!: (r: { url: string; unreachable: string }) => void;
  const sent: string[][] = [];
  const sync = new ServerConfigurationSync(
    { connections: () => connections, activeName: () => undefined, connectionForFiles: () => undefined, send: (c) => void sent.push(c.servers.map((s) => s.name)) },
    (c) => (c.name === 'slow' ? new Promise((r) => (releaseSlow = r)) : Promise.resolve({ url: c.publicUrl, unreachable: 'HTTP 503' })),
  );
  const first = sync.push();
  connections = [{ name: 'fast', adminUrl: 'http://127.0.0.1:1', publicUrl: 'https://fast.example' } as ConnectionConfig];
  await sync.push();
  releaseSlow({ url: 'https://slow.example', unreachable: 'ETIMEDOUT' });
  const stale = await first;
  assert.deepEqual(stale.servers.map((s) => s.name), ['slow'], 'the stale push still answers its caller');
  assert.deepEqual(sent, [['fast']], 'but only the newest configuration reaches the language server');
});

test('associations: only string targets, in setting order', () => {
  assert.deepEqual(associations({ 'a/**': 'x', 'b/**': 3, '': 'y', 'c/**': 'z' }), [{ pattern: 'a/**', server: 'x' }, { pattern: 'c/**', server: 'z' }]);
  assert.deepEqual(associations([1, 2]), []);
  assert.deepEqual(associations(undefined), []);
});

test("TLS: the connection's caFile is trusted for the discovery document; an unknown CA is a reason", async (t) => {
  let pki;
  try {
    pki = makeTestPki();
  } catch {
    return t.skip('openssl is not available');
  }
  const tlsServer = await startAdminServer({ hydraVersion: 'v26', tls: { key: pki.key, cert: pki.cert } });
  try {
    const trusted = await fetchDiscovery(tlsServer.url, { caFile: pki.caFile });
    assert.ok('document' in trusted, JSON.stringify(trusted));
    assert.ok((trusted.document.grant_types_supported ?? []).includes('urn:ietf:params:oauth:grant-type:device_code'));
    const untrusted = await fetchDiscovery(tlsServer.url);
    assert.ok('unreachable' in untrusted);
    assert.match(untrusted.unreachable, /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED/);
  } finally {
    await tlsServer.close();
  }
});
