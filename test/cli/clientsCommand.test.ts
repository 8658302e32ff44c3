// `plan|apply` run in-process (the subprocess tests in plan.test.ts cannot time a Ctrl-C): an
// interruption while the server is being listed exits 130, with nothing written.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseClientsArgs } from '../../server/src/cli/clientsArgs';
import { EXIT, runClientsCommand } from '../../server/src/cli/clientsCommand';
import { startAdminServer } from '../adminServer/adminServer';

test('Ctrl-C while the server is listed: exit 130 (interrupted), not 2, and nothing is created', async () => {
  const srv = await startAdminServer({ hydraVersion: 'v26' });
  try {
    let listing!: () => void;
    const listed = new Promise<void>((r) => (listing = r));
    srv.setFault((req) => {
      if (req.method !== 'GET') return undefined;
      listing();
      return { status: 200, body: [], delayMs: 2_000 };
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'clients-command-'));
    const file = path.join(dir, 'a.oauth2-client.json');
    writeFileSync(file, JSON.stringify({ client_id: 'new', grant_types: ['client_credentials'] }));
    const ac = new AbortController();
    const out: string[] = [];
    const run = runClientsCommand(['apply', '--yes', '--admin-url', srv.adminUrl, file], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), env: {}, signal: ac.signal });
    await listed;
    ac.abort();
    assert.equal(await run, EXIT.interrupted, out.join(''));
    assert.equal(srv.store.has('new'), false);
  } finally {
    await srv.close();
  }
});

test('credentials over plain http:// to another host: a warning names the host (never the token); loopback and no credentials stay quiet', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clients-command-'));
  const file = path.join(dir, 'a.oauth2-client.json');
  writeFileSync(file, JSON.stringify({ client_id: 'a', grant_types: ['client_credentials'] }));
  const stderrOf = async (adminUrl: string, env: NodeJS.ProcessEnv) => {
    // Aborted before the first request: what is printed before any byte is sent.
    const ac = new AbortController();
    ac.abort();
    const err: string[] = [];
    await runClientsCommand(['plan', '--admin-url', adminUrl, file], { stdout: () => undefined, stderr: (t) => err.push(t), env, signal: ac.signal });
    return err.join('');
  };
  const token = { HYDRA_ADMIN_TOKEN: 'tok-3f9a0c2e7b' };
  const remote = await stderrOf('http://192.0.2.10:4445', token);
  assert.match(remote, /warning: the admin credentials go to 192\.0\.2\.10:4445 over plain http:\/\//);
  assert.ok(!remote.includes(token.HYDRA_ADMIN_TOKEN));
  assert.doesNotMatch(await stderrOf('http://127.0.0.1:4445', token), /warning/);
  assert.doesNotMatch(await stderrOf('https://192.0.2.10:4445', token), /warning/);
  assert.doesNotMatch(await stderrOf('http://192.0.2.10:4445', {}), /warning/);
});

test('--header refuses every credential-carrying name (they would end up in shell history and CI logs)', () => {
  const parse = (header: string) => () => parseClientsArgs(['plan', '--admin-url', 'http://127.0.0.1:4445', '--header', header, 'dir']);
  for (const h of ['Authorization: Bearer x', 'Proxy-Authorization: Basic eA==', 'X-Auth-Token: x', 'X-Auth: x', 'Cookie: a=b', 'X-Session-Id: s', 'X-Api-Key: k', 'X-Credentials: c', 'X-Passwd: p']) {
    assert.throws(parse(h), /credentials come only from the environment/, h);
  }
  const ok = parseClientsArgs(['plan', '--admin-url', 'http://127.0.0.1:4445', '--header', 'X-Tenant: t1', 'dir']);
  assert.ok(ok !== 'help');
  assert.deepEqual(ok.headers, { 'X-Tenant': 't1' });
});
