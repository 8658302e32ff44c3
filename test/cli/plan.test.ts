// `oauth2-client-lint plan|apply` as CI runs it, against the in-repo Hydra over real HTTP: exit codes,
// both formats, credentials from the environment only, and no secret in any output.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type AdminServer, startAdminServer } from '../adminServer/adminServer';
import { projectRoot } from '../helpers/lspClient';

const cli = path.join(projectRoot, 'dist/cli/oauth2-client-lint.js');
const NO_CREDENTIALS = { HYDRA_ADMIN_TOKEN: '', HYDRA_ADMIN_USERNAME: '', HYDRA_ADMIN_PASSWORD: '' };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Asynchronous: the admin server answers from this same process.
function run(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...NO_CREDENTIALS, ...env }, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function workspace(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const cc = (id: string, extra: Record<string, unknown> = {}) => ({ client_id: id, client_name: id, grant_types: ['client_credentials'], ...extra });

describe('oauth2-client-lint plan', () => {
  let srv: AdminServer;
  before(async () => {
    srv = await startAdminServer({ hydraVersion: 'v26', seed: [cc('api', { scope: 'read' }), cc('web')] });
  });
  after(() => srv.close());

  test('in sync: exit 0 and a one-line summary', async () => {
    const dir = workspace({ 'oauth2-clients/api.json': cc('api', { scope: 'read' }), 'oauth2-clients/web.yaml': 'client_id: web\nclient_name: web\ngrant_types: [client_credentials]\n' });
    const r = await run(['plan', '--admin-url', srv.adminUrl, dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `Plan for ${srv.adminUrl}: 0 to create, 0 to update, 2 unchanged, 0 only on the server.\n`);
  });

  test('drift: exit 3; text names each client, its file and the changed fields', async () => {
    const dir = workspace({ 'oauth2-clients/api.json': cc('api', { scope: 'read write' }), 'oauth2-clients/new.json': cc('new') });
    const r = await run(['plan', '--admin-url', srv.adminUrl, dir]);
    assert.equal(r.status, 3, r.stderr);
    const file = (n: string) => path.join(dir, 'oauth2-clients', n);
    assert.equal(r.stdout, [
      `~ update          api  ${file('api.json')}:1`,
      '    scope: "read" → "read write"',
      `+ create          new  ${file('new.json')}:1`,
      '- only on server  web',
      `Plan for ${srv.adminUrl}: 1 to create, 1 to update, 0 unchanged, 1 only on the server.`,
      '',
    ].join('\n'));
  });

  test('JSON output: counts, every client with its action, changes as server/local', async () => {
    const dir = workspace({ 'a.oauth2-client.json': [cc('api', { scope: 'read write' }), cc('web')] });
    const r = await run(['plan', '--format', 'json', '--admin-url', srv.adminUrl, dir]);
    assert.equal(r.status, 3, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.counts, { create: 0, update: 1, unchanged: 1, onlyOnServer: 0, refusedFiles: 0 });
    assert.deepEqual(out.clients.find((c: { client_id: string }) => c.client_id === 'api'), {
      action: 'update', client_id: 'api', file: path.join(dir, 'a.oauth2-client.json'), line: 1, changes: [{ field: 'scope', server: 'read', local: 'read write' }],
    });
  });

  test('a client_secret in a file is never compared nor printed, in either format', async () => {
    const dir = workspace({ 'oauth2-clients/api.json': cc('api', { scope: 'read write', client_secret: 'file-secret-987654' }) });
    for (const format of ['text', 'json']) {
      const r = await run(['plan', '--format', format, '--admin-url', srv.adminUrl, dir]);
      assert.equal(r.status, 3, r.stderr);
      assert.ok(!(r.stdout + r.stderr).includes('file-secret-987654'), format);
      assert.match(r.stdout, /scope/);
      assert.doesNotMatch(r.stdout, /client_secret/);
    }
  });

  test('a file with a lint error: exit 1, the error named like the linter does', async () => {
    const dir = workspace({ 'oauth2-clients/api.yaml': 'client_id: api\nclient_name: 7\n', 'oauth2-clients/web.json': cc('web') });
    const r = await run(['plan', '--admin-url', srv.adminUrl, dir]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, new RegExp(`^${path.join(dir, 'oauth2-clients/api.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:14: error type-mismatch client_name must be a string`, 'm'));
    assert.match(r.stdout, /1 file\(s\) refused for lint errors/);
    assert.doesNotMatch(r.stdout, /only on the server  api/);
  });

  test('usage and connection problems exit 2', async () => {
    const dir = workspace({ 'oauth2-clients/web.json': cc('web') });
    const cases: [string[], RegExp][] = [
      [['plan', dir], /--admin-url is required/],
      [['plan', '--admin-url', srv.adminUrl], /no files or directories/],
      [['plan', '--admin-url', srv.adminUrl, '--header', 'Authorization: Bearer x', dir], /credentials come only from the environment/],
      [['plan', '--admin-url', srv.adminUrl.replace('http://', 'http://u:p@'), dir], /must not carry credentials/],
      [['plan', '--admin-url', srv.adminUrl, '--yes', dir], /belong to apply/],
      [['plan', '--admin-url', 'http://127.0.0.1:1', dir], /127\.0\.0\.1:1/],
      [['plan', '--admin-url', srv.adminUrl, path.join(dir, 'missing')], /no such file or directory/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });

  test('--help documents the subcommands, the exit codes and the environment variables', async () => {
    const r = await run(['plan', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /HYDRA_ADMIN_TOKEN/);
    assert.match(r.stdout, /3 drift/);
    const top = await run(['--help']);
    assert.match(top.stdout, /write \.\/plan or \.\/apply/);
  });

  test('a file named "plan" is still linted as ./plan, with the old exit codes', async () => {
    const dir = workspace({ plan: { client_id: 'p', client_name: 7 } });
    const r = await run(['./plan'], {}, dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^\.\/plan:\d+:\d+: error type-mismatch/m);
  });
});

describe('oauth2-client-lint apply', () => {
  test('without --yes: the plan is printed and nothing is written (exit 2); with --yes it is applied', async () => {
    const srv = await startAdminServer({ hydraVersion: 'v26', seed: [cc('api'), cc('old')] });
    try {
      const dir = workspace({ 'oauth2-clients/all.json': [cc('api', { owner: 'team' }), cc('new')] });
      const dry = await run(['apply', '--admin-url', srv.adminUrl, dir]);
      assert.equal(dry.status, 2);
      assert.match(dry.stdout, /\+ create {10}new/);
      assert.match(dry.stderr, /2 change\(s\) planned; run apply with --yes/);
      assert.equal(srv.store.has('new'), false);

      const r = await run(['apply', '--yes', '--admin-url', srv.adminUrl, dir]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(srv.store.get('api')?.owner, 'team');
      const secret = srv.store.get('new')?.client_secret;
      assert.ok(typeof secret === 'string' && secret.length > 0);
      assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), 'the generated secret is never printed');
      assert.match(r.stdout, /^created {3}new$/m);
      assert.match(r.stdout, /note: Hydra generated a secret for new; it is not printed/);
      assert.match(r.stdout, /Applied: 1 created, 1 updated, 0 deleted, 0 conflict\(s\), 0 failed\./);
      assert.ok(srv.store.has('old'), 'only-on-server clients stay without --delete-missing');

      const del = await run(['apply', '--yes', '--delete-missing', '--format', 'json', '--admin-url', srv.adminUrl, dir]);
      assert.equal(del.status, 0, del.stderr);
      assert.deepEqual(JSON.parse(del.stdout).results, [{ action: 'delete', clientId: 'old', outcome: 'deleted' }]);
      assert.equal(srv.store.has('old'), false);
    } finally {
      await srv.close();
    }
  });

  test('a client Hydra rejects: the others are written, exit 4 with Hydra\'s message', async () => {
    const srv = await startAdminServer({ hydraVersion: 'v26' });
    try {
      const dir = workspace({ 'oauth2-clients/all.json': [cc('a'), cc('bad', { tos_uri: 'ftp://x.example/tos' })] });
      const r = await run(['apply', '--yes', '--hydra-version', 'v2.3', '--admin-url', srv.adminUrl, dir]);
      assert.equal(r.status, 4, r.stderr);
      assert.match(r.stdout, /^failed {4}bad: Hydra rejected the client \(invalid_client_metadata\): .*tos_uri/m);
      assert.ok(srv.store.has('a'));
    } finally {
      await srv.close();
    }
  });

  test('refused files: nothing is applied, exit 1', async () => {
    const srv = await startAdminServer({ hydraVersion: 'v26' });
    try {
      const dir = workspace({ 'oauth2-clients/a.json': cc('a'), 'oauth2-clients/b.json': { client_id: 'b', client_name: 7 } });
      const r = await run(['apply', '--yes', '--admin-url', srv.adminUrl, dir]);
      assert.equal(r.status, 1);
      assert.equal(srv.store.size, 0);
    } finally {
      await srv.close();
    }
  });
});

describe('credentials from the environment', () => {
  let server: ReturnType<typeof createServer>;
  let url = '';
  const seen: (string | undefined)[] = [];
  before(async () => {
    // An admin API behind a proxy that wants credentials: 401 without the expected header.
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push(req.headers.authorization);
      const ok = req.headers.authorization === 'Bearer env-token-123' || req.headers.authorization === `Basic ${Buffer.from('admin:env-pass-456').toString('base64')}`;
      res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json', 'X-Seen-Header': String(req.headers['x-tenant']) });
      res.end(ok ? '[]' : JSON.stringify({ error: 'unauthorized', error_description: 'no' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('HYDRA_ADMIN_TOKEN (bearer) and HYDRA_ADMIN_USERNAME/PASSWORD (basic); never echoed', async () => {
    const dir = workspace({ 'oauth2-clients/a.json': cc('a') });
    const bearer = await run(['plan', '--admin-url', url, '--header', 'X-Tenant: t1', dir], { HYDRA_ADMIN_TOKEN: 'env-token-123' });
    assert.equal(bearer.status, 3, bearer.stderr);
    assert.equal(seen.pop(), 'Bearer env-token-123');
    const basic = await run(['plan', '--admin-url', url, dir], { HYDRA_ADMIN_USERNAME: 'admin', HYDRA_ADMIN_PASSWORD: 'env-pass-456' });
    assert.equal(basic.status, 3, basic.stderr);
    const wrong = await run(['plan', '--admin-url', url, dir], { HYDRA_ADMIN_TOKEN: 'wrong-token-789' });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /401 Unauthorized\): check the credentials/);
    for (const r of [bearer, basic, wrong]) {
      for (const secret of ['env-token-123', 'env-pass-456', 'wrong-token-789']) assert.ok(!(r.stdout + r.stderr).includes(secret), secret);
    }
    const both = await run(['plan', '--admin-url', url, dir], { HYDRA_ADMIN_TOKEN: 't', HYDRA_ADMIN_USERNAME: 'u' });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /not both/);
  });
});
