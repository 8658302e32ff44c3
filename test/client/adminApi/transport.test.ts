// httpTransport.ts and retry.ts against throwaway servers: timeouts, cancellation, truncation,
// connection refused, TLS with a private CA, retries of reads only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import type { AdminConnection } from '../../../client/src/adminApi/connection';
import { closedPort, json, makeTestPki, startScriptedServer, type ScriptedServer, type TestPki } from './scriptedServer';
import { rejects } from './rejects';

const FAST = { retry: { delaysMs: [5, 10] } };
const conn = (adminUrl: string, extra: Partial<AdminConnection> = {}): AdminConnection => ({ name: 'test', adminUrl, apiVersion: 'v2', auth: { kind: 'none' }, ...extra });


const servers: ScriptedServer[] = [];
async function server(...args: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...args);
  servers.push(s);
  return s;
}
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

test('sends Accept, auth and custom headers; GET retried with the configured backoff', async () => {
  const s = await server((_req, res, n) => (n < 3 ? json(res, n === 1 ? 503 : 502, { error: 'x' }) : json(res, 200, { client_id: 'a' })));
  const c = new AdminApiClient(conn(s.url, { auth: { kind: 'bearer', token: 'ory_pat_xyz' }, headers: { 'X-Extra': '1' } }), undefined, FAST);
  const got = await c.get('a');
  assert.equal(got.client_id, 'a');
  assert.equal(s.requests.length, 3);
  const h = s.requests[0]!.headers;
  assert.equal(h.accept, 'application/json');
  assert.equal(h.authorization, 'Bearer ory_pat_xyz');
  assert.equal(h['x-extra'], '1');
  assert.equal(s.requests[0]!.url, '/admin/clients/a');
});

test('GET gives up after 3 tries (default 200 ms, 400 ms backoff) and reports the last status', async () => {
  const s = await server((_req, res) => json(res, 504, { error: 'gateway timeout', error_description: '' }));
  const c = new AdminApiClient(conn(s.url, { auth: { kind: 'basic', username: 'admin', password: 'pw' } }));
  const t0 = Date.now();
  const e = await rejects(c.get('a'));
  const ms = Date.now() - t0;
  assert.equal(s.requests.length, 3);
  assert.ok(ms >= 550 && ms < 3000, `backoff took ${ms} ms`);
  assert.equal(e.kind, 'http');
  assert.equal(e.status, 504);
  assert.equal(s.requests[0]!.headers.authorization, 'Basic ' + Buffer.from('admin:pw').toString('base64'));
});

test('writes are never retried', async () => {
  const s = await server((_req, res) => json(res, 503, { error: 'unavailable', error_description: '' }));
  const c = new AdminApiClient(conn(s.url), undefined, FAST);
  assert.equal((await rejects(c.create({ client_name: 'x' }))).status, 503);
  assert.equal((await rejects(c.update('a', { client_name: 'x' }))).status, 503);
  assert.equal((await rejects(c.delete('a'))).status, 503);
  assert.equal((await rejects(c.patch('a', [{ op: 'replace', path: '/client_name', value: 'y' }]))).status, 503);
  assert.equal(s.requests.length, 4);
  assert.equal(s.requests[0]!.headers['content-type'], 'application/json');
});

test('network errors on GET are retried: a reset connection then success', async () => {
  const s = await server((_req, res, n) => (n === 1 ? res.socket?.destroy() : json(res, 200, { client_id: 'a' })));
  const c = new AdminApiClient(conn(s.url), undefined, FAST);
  assert.equal((await c.get('a')).client_id, 'a');
  assert.equal(s.requests.length, 2);
});

test('connection refused → network error, retried, no secret in the message', async () => {
  const port = await closedPort();
  const c = new AdminApiClient(conn(`http://127.0.0.1:${port}`, { auth: { kind: 'bearer', token: 'tok-secret-1' } }), undefined, FAST);
  const e = await rejects(c.get('a'));
  assert.equal(e.kind, 'network');
  assert.equal(e.code, 'ECONNREFUSED');
  assert.match(e.message, /GET \/admin\/clients\/a on connection "test" failed with a network error: ECONNREFUSED/);
  assert.ok(!e.message.includes('tok-secret-1'));
});

test('a server that never answers → timeout; an aborted signal → cancelled', async () => {
  const s = await server(() => undefined);
  const c = new AdminApiClient(conn(s.url, { timeoutMs: 150 }), undefined, FAST);
  const t0 = Date.now();
  const e = await rejects(c.get('a'));
  assert.equal(e.kind, 'timeout');
  assert.match(e.message, /timed out after 150 ms/);
  assert.ok(Date.now() - t0 < 2000);
  const ac = new AbortController();
  const slow = new AdminApiClient(conn(s.url, { timeoutMs: 5000 }), undefined, FAST);
  const p = slow.get('a', ac.signal);
  setTimeout(() => ac.abort(), 50);
  assert.equal((await rejects(p)).kind, 'cancelled');
  assert.equal((await rejects(slow.get('a', AbortSignal.abort()))).kind, 'cancelled');
});

test('truncated, non-JSON and empty bodies → invalid-response', async () => {
  const s = await server((req, res) => {
    if (req.url.endsWith('/trunc')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"client_id":"tr');
      setTimeout(() => res.socket?.destroy(), 20);
    } else if (req.url.endsWith('/html')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    } else if (req.url.endsWith('/cut')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"client_id":"cu');
    } else if (req.url.endsWith('/array')) {
      json(res, 200, [1, 2]);
    } else {
      res.writeHead(200);
      res.end();
    }
  });
  const c = new AdminApiClient(conn(s.url), undefined, FAST);
  for (const id of ['trunc', 'html', 'cut', 'array', 'empty']) {
    const e = await rejects(c.get(id));
    assert.equal(e.kind, 'invalid-response', id);
  }
  const list = await server((_req, res) => json(res, 200, { items: [] }));
  assert.equal((await rejects(new AdminApiClient(conn(list.url), undefined, FAST).listPage())).kind, 'invalid-response');
});

let pki: TestPki | undefined;
before(() => {
  try {
    pki = makeTestPki();
  } catch {
    pki = undefined;
  }
});

test('TLS: private CA file trusted, unknown CA rejected as tls, skip-verify opt-in, host mismatch', async (t) => {
  if (!pki) return t.skip('openssl is not available');
  const s = await server((_req, res) => json(res, 200, { client_id: 'a' }), { key: pki.key, cert: pki.cert });
  assert.equal((await new AdminApiClient(conn(s.url, { caFile: pki.caFile }), undefined, FAST).get('a')).client_id, 'a');
  const untrusted = await rejects(new AdminApiClient(conn(s.url), undefined, FAST).get('a'));
  assert.equal(untrusted.kind, 'tls');
  assert.match(untrusted.code ?? '', /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED/);
  assert.equal((await new AdminApiClient(conn(s.url, { insecureSkipTlsVerify: true }), undefined, FAST).get('a')).client_id, 'a');
  const host = await rejects(new AdminApiClient(conn(`https://localhost:${s.port}`, { caFile: pki.caFile }), undefined, FAST).get('a'));
  assert.equal(host.kind, 'tls');
  assert.equal(host.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  const missing = await rejects(new AdminApiClient(conn(s.url, { caFile: pki.dir + '/nope.pem' }), undefined, FAST).get('a'));
  assert.equal(missing.kind, 'tls');
  assert.match(missing.message, /cannot read the CA file/);
  // https to a plain-HTTP server is a TLS failure, not a hang.
  const plain = await server((_req, res) => json(res, 200, {}));
  assert.equal((await rejects(new AdminApiClient(conn(plain.url.replace('http:', 'https:')), undefined, FAST).get('a'))).kind, 'tls');
  const selfSigned = await server((_req, res) => json(res, 200, { client_id: 'a' }), { key: readKey(pki), cert: readCa(pki) });
  assert.equal((await rejects(new AdminApiClient(conn(selfSigned.url), undefined, FAST).get('a'))).kind, 'tls');
});

const readKey = (p: TestPki) => readFileSync(p.dir + '/ca.key', 'utf8');
const readCa = (p: TestPki) => readFileSync(p.caFile, 'utf8');
