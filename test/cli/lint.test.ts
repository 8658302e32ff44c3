// oauth2-client-lint as CI runs it: exit codes, both output formats, directories, unreadable files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../helpers/lspClient';

const cli = path.join(projectRoot, 'dist/cli/oauth2-client-lint.js');
const lint = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('exit 0 and no output for a clean file', () => {
  const dir = workspace({ 'ok.oauth2-client.json': JSON.stringify({ client_name: 'ok', grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_basic' }) });
  const r = lint(path.join(dir, 'ok.oauth2-client.json'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test('exit 1 with path:line:col: severity code message lines (1-based) for errors', () => {
  const dir = workspace({ 'bad.oauth2-client.yaml': 'client_id: a\nclient_name: 7\n' });
  const file = path.join(dir, 'bad.oauth2-client.yaml');
  const r = lint(file);
  assert.equal(r.status, 1);
  assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:14: error type-mismatch client_name must be a string`, 'm'));
});

test('warnings alone exit 0', () => {
  const dir = workspace({ 'w.oauth2-client.yaml': 'client_id: a\nredirect_uri: https://a.example/cb\n' });
  const r = lint(path.join(dir, 'w.oauth2-client.yaml'));
  assert.equal(r.status, 0);
  assert.match(r.stdout, /:2:1: warning unknown-key Unknown key "redirect_uri"/);
});

test('JSON output: [{file, diagnostics:[{severity, code, message, range}]}] with 0-based positions', () => {
  const dir = workspace({ 'bad.oauth2-client.json': '{\n  "client_name": 7\n}\n' });
  const file = path.join(dir, 'bad.oauth2-client.json');
  const r = lint('--format', 'json', file);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out, [{
    file,
    diagnostics: [{
      severity: 'error',
      code: 'type-mismatch',
      message: out[0].diagnostics[0].message,
      range: { start: { line: 1, character: 17 }, end: { line: 1, character: 18 } },
    }],
  }]);
});

test('directories are walked for our file patterns only', () => {
  const dir = workspace({
    'a.oauth2-client.json': '{"client_name": 1}',
    'nested/oauth2-clients/b.yaml': 'client_name: 2\n',
    'nested/c.oauth2-client.yml': 'client_id: fine\n',
    'package.json': '{"name": 7}',
    'node_modules/x/d.oauth2-client.json': '{"client_name": 3}',
  });
  const r = lint('--format', 'json', dir);
  assert.equal(r.status, 1);
  const files = JSON.parse(r.stdout).map((f: { file: string }) => path.relative(dir, f.file)).sort();
  assert.deepEqual(files, ['a.oauth2-client.json', 'nested/c.oauth2-client.yml', 'nested/oauth2-clients/b.yaml']);
});

test('an unreadable or missing file is reported, the others are still linted, exit 2', () => {
  const dir = workspace({ 'bad.oauth2-client.json': '{"client_name": 1}', 'locked.oauth2-client.json': '{}' });
  const locked = path.join(dir, 'locked.oauth2-client.json');
  chmodSync(locked, 0o000);
  const missing = path.join(dir, 'missing.oauth2-client.json');
  const r = lint('--format', 'json', missing, path.join(dir, 'bad.oauth2-client.json'), locked);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /missing\.oauth2-client\.json: no such file or directory/);
  const out = JSON.parse(r.stdout) as { file: string; error?: string; diagnostics: unknown[] }[];
  assert.equal(out.find((f) => f.file.endsWith('bad.oauth2-client.json'))?.diagnostics.length, 1);
  assert.equal(out.find((f) => f.file === missing)?.error, 'no such file or directory');
  // root reads anything: only assert the locked file's outcome when permissions apply.
  if (process.getuid?.() !== 0) assert.equal(out.find((f) => f.file === locked)?.error, 'permission denied');
});

test('usage problems exit 2 with a message', () => {
  for (const args of [['--no-such-flag'], [], ['--format', 'xml', 'x'], ['--hydra-version', 'v3', 'x']]) {
    const r = lint(...args);
    assert.equal(r.status, 2, `args ${args.join(' ')}`);
    assert.match(r.stderr, /oauth2-client-lint: .+\n\nUsage:/);
  }
  assert.equal(lint('--help').status, 0);
});

test('--hydra-version changes the verdict on version-specific keys', () => {
  const dir = workspace({ 'v.oauth2-client.yaml': 'client_id: a\nskip_consent: true\n' });
  const file = path.join(dir, 'v.oauth2-client.yaml');
  assert.equal(lint('--format', 'json', file).stdout.includes('key-not-in-version'), false);
  assert.equal(lint('--format', 'json', '--hydra-version', 'v1.11', file).stdout.includes('key-not-in-version'), true);
});

test('a client_secret in a file committed to git is noted (information), not in an untracked file', () => {
  const dir = workspace({ 'c.oauth2-client.yaml': 'client_id: a\nclient_secret: supersecret-value\n', 'u.oauth2-client.yaml': 'client_id: b\nclient_secret: another-secret\n' });
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  if (git('init', '-q').status !== 0) return; // no git here: nothing to check
  git('add', 'c.oauth2-client.yaml');
  git('commit', '-qm', 'x');
  const out = JSON.parse(lint('--format', 'json', dir).stdout) as { file: string; diagnostics: { code: string; severity: string }[] }[];
  const codes = (name: string) => out.find((f) => f.file.endsWith(name))!.diagnostics.map((d) => `${d.code}/${d.severity}`);
  assert.deepEqual(codes('c.oauth2-client.yaml'), ['client-secret-in-git/information']);
  assert.deepEqual(codes('u.oauth2-client.yaml'), []);
});
