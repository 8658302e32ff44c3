// The language server through the real protocol: JSON-RPC over stdio, as an editor drives it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { LspClient } from '../helpers/lspClient';
import { rangeText, summarize } from '../helpers/text';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('YAML client file: diagnostics with exact ranges, severities and messages', async () => {
  const uri = 'file:///w/web.oauth2-client.yaml';
  const text = 'client_name: 7\nredirect_uri: https://app/cb\ntoken_endpoint_auth_method: client_secret_basik\n';
  await client.open(uri, text);
  const diags = await client.diagnostics(uri, 1);
  assert.deepEqual(summarize(text, diags), ['enum-mismatch@client_secret_basik', 'type-mismatch@7', 'unknown-key@redirect_uri']);
  const byCode = Object.fromEntries(diags.map((d) => [d.code, d]));
  assert.equal(byCode['type-mismatch'].severity, 1);
  assert.equal(byCode['unknown-key'].severity, 2);
  assert.deepEqual(byCode['type-mismatch'].range, { start: { line: 0, character: 13 }, end: { line: 0, character: 14 } });
  assert.match(byCode['unknown-key'].message, /Did you mean "redirect_uris"/);
  assert.equal(byCode['type-mismatch'].source, 'oauth2-client');
});

test('JSON client file: the same mistakes on the same tokens', async () => {
  const uri = 'file:///w/web.oauth2-client.json';
  const text = '{\n  "client_name": 7,\n  "redirect_uri": "https://app/cb"\n}\n';
  await client.open(uri, text);
  const diags = await client.diagnostics(uri, 1);
  assert.deepEqual(summarize(text, diags), ['type-mismatch@7', 'unknown-key@"redirect_uri"']);
});

test('incremental edits re-validate, and the fix clears the diagnostic', async () => {
  const uri = 'file:///w/edit.oauth2-client.yaml';
  const text = 'client_id: a\nsubject_type: publik\n';
  await client.open(uri, text);
  assert.equal((await client.diagnostics(uri, 1)).length, 1);
  // "publik" → "public": replace the last character.
  await client.change(uri, 2, [{ range: { start: { line: 1, character: 19 }, end: { line: 1, character: 20 } }, text: 'c' }]);
  assert.deepEqual(await client.diagnostics(uri, 2), []);
  // Introduce a new error by inserting a line.
  await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'owner: [x]\n' }]);
  const d3 = await client.diagnostics(uri, 3);
  assert.deepEqual(summarize('client_id: a\nsubject_type: public\nowner: [x]\n', d3), ['type-mismatch@[x]']);
});

test('a burst of edits never publishes results for a superseded version', async () => {
  const uri = 'file:///w/burst.oauth2-client.json';
  await client.open(uri, '{"client_name": "a"}');
  await client.diagnostics(uri, 1);
  for (let v = 2; v <= 30; v++) {
    await client.change(uri, v, [{ text: `{"client_name": ${v % 2 === 0 ? '"ok"' : v}}` }]);
  }
  const last = await client.diagnostics(uri, 30);
  assert.deepEqual(last, []);
  const versions = client.publications(uri).map((p) => p.version!);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'publications arrive in version order');
  assert.equal(versions[versions.length - 1], 30);
});

test('other JSON and YAML files get nothing from us', async () => {
  const uri = 'file:///w/package.json';
  await client.open(uri, '{"name": 7, "version": "1.0.0"}');
  assert.deepEqual(await client.diagnostics(uri, 1), []);
  const yamlUri = 'file:///w/.github/workflows/ci.yaml';
  await client.open(yamlUri, 'on: push\njobs: {}\n');
  assert.deepEqual(await client.diagnostics(yamlUri, 1), []);
});

test('a YAML file with several clients in several documents is detected by content', async () => {
  const uri = 'file:///w/clients.yaml';
  const text = 'client_id: a\ngrant_types: [client_credentials]\n---\nclient_id: b\ngrant_types: client_credentials\n';
  await client.open(uri, text);
  const diags = await client.diagnostics(uri, 1);
  assert.deepEqual(summarize(text, diags), ['type-mismatch@client_credentials']);
  assert.equal(diags[0].range.start.line, 4);
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'file:///w/close.oauth2-client.json';
  await client.open(uri, '{"client_name": 1}');
  assert.equal((await client.diagnostics(uri, 1)).length, 1);
  await client.close(uri);
  for (let i = 0; i < 100 && client.publications(uri).at(-1)?.diagnostics.length; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(client.publications(uri).at(-1)?.diagnostics, []);
});

test('bad input never crashes the server, and it keeps answering', async () => {
  const cases: [string, string][] = [
    ['file:///w/empty.oauth2-client.json', ''],
    ['file:///w/binary.oauth2-client.json', '\u0000\u0001\u0002\ufffd\ud800garbage'],
    ['file:///w/binary.oauth2-client.yaml', '\u0000\u0007: [\ud800'],
    ['file:///w/deep.oauth2-client.json', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['file:///w/deepy.oauth2-client.yaml', '['.repeat(10_000) + ']'.repeat(10_000)],
    // Unclosed deep flow nesting once aborted the process inside the tolerant YAML parser.
    ['file:///w/unclosed.oauth2-client.yaml', '['.repeat(5000)],
    ['file:///w/unclosed.oauth2-client.json', '{"a":'.repeat(5000)],
    ['file:///w/bomb.oauth2-client.yaml', bomb()],
    ['file:///w/proto.oauth2-client.json', '{"__proto__": {"client_name": 1}, "constructor": 2, "client_id": "x"}'],
    ['file:///w/crlf.oauth2-client.yaml', '\ufeffclient_id: a\r\nclient_name: 5\r\n'],
  ];
  for (const [uri, text] of cases) {
    await client.open(uri, text);
    const diags = await client.diagnostics(uri, 1, 20_000);
    for (const d of diags) {
      assert.ok(d.range.start.line >= 0 && d.range.end.line <= text.split(/\r\n|\r|\n/).length, `${uri}: range inside the document`);
    }
  }
  for (const uri of ['file:///w/deepy.oauth2-client.yaml', 'file:///w/unclosed.oauth2-client.yaml', 'file:///w/unclosed.oauth2-client.json']) {
    assert.equal((await client.diagnostics(uri, 1))[0]?.code, 'too-deep', uri);
  }
  const crlf = cases[cases.length - 1][1];
  const crlfDiags = await client.diagnostics('file:///w/crlf.oauth2-client.yaml', 1);
  assert.deepEqual(summarize(crlf, crlfDiags), ['type-mismatch@5']);
  assert.equal(client.exitCode, null);
});

test('a file above the size limit gets one information diagnostic, quickly', async () => {
  const uri = 'file:///w/huge.oauth2-client.json';
  const text = `[${Array.from({ length: 120_000 }, (_, i) => `{"client_id": "c${i}", "client_name": "${'x'.repeat(400)}"}`).join(',')}]`;
  assert.ok(text.length > 50 * 1024 * 1024);
  await client.open(uri, text);
  const diags = await client.diagnostics(uri, 1, 30_000);
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'file-too-large');
  assert.equal(diags[0].severity, 3);
  await client.close(uri);
});

test('settings: hydraVersion from the client changes which keys are known', async () => {
  const c = await LspClient.start({ settings: { hydraVersion: 'v1.11' } });
  try {
    const uri = 'file:///w/v1.oauth2-client.yaml';
    const text = 'client_id: a\nskip_consent: true\n';
    await c.open(uri, text);
    assert.deepEqual(summarize(text, await c.diagnostics(uri, 1)), ['key-not-in-version@skip_consent']);
  } finally {
    await c.stop();
  }
});

test('pull diagnostics are answered when the client asks for them', async () => {
  const c = await LspClient.start({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {}, publishDiagnostics: {} } } });
  try {
    const uri = 'file:///w/pull.oauth2-client.json';
    const text = '{"client_name": 1}';
    await c.open(uri, text);
    const report = await c.request<{ kind: string; items: { code: string; range: never }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => `${d.code}@${rangeText(text, d.range)}`), ['type-mismatch@1']);
    assert.equal(c.publications(uri).length, 0, 'no push when the client pulls');
  } finally {
    await c.stop();
  }
});

test('with no settings at all (configuration answered with null) the defaults apply', async () => {
  const c = await LspClient.start({ capabilities: {} });
  try {
    const uri = 'file:///w/nocfg.oauth2-client.yaml';
    await c.open(uri, 'client_name: 7\n');
    assert.equal((await c.diagnostics(uri, 1))[0]?.code, 'type-mismatch');
  } finally {
    await c.stop();
  }
});

function bomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  }
  lines.push('client_id: x', 'client_name: *i');
  return lines.join('\n') + '\n';
}

test('after many edits across clients, diagnostics equal those of a fresh open of the final text', async () => {
  const uri = 'file:///w/many.oauth2-client.json';
  const clients = Array.from({ length: 30 }, (_, i) => ({ client_id: `c${i}`, client_name: `n${i}`, scope: 'openid', grant_types: ['authorization_code'] }));
  let text = JSON.stringify(clients, null, 2);
  await client.open(uri, text);
  await client.diagnostics(uri, 1);
  // Deterministic pseudo-random edits: break and fix values in various clients.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let v = 2; v <= 40; v++) {
    const i = (next() >> 12) % clients.length;
    const from = text.indexOf(`"client_name": `, text.indexOf(`"c${i}"`));
    const end = text.indexOf('\n', from);
    const replacement = (next() >> 12) % 2 ? `"client_name": ${v},` : `"client_name": "fixed ${v}",`;
    const lines = text.slice(0, from).split('\n');
    const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const stop = { line: start.line, character: start.character + (end - from) };
    text = text.slice(0, from) + replacement + text.slice(end);
    await client.change(uri, v, [{ range: { start, end: stop }, text: replacement }]);
  }
  const edited = await client.diagnostics(uri, 40);
  const fresh = 'file:///w/many-fresh.oauth2-client.json';
  await client.open(fresh, text);
  assert.deepEqual(edited, await client.diagnostics(fresh, 1));
  assert.ok(edited.length > 0, 'the edits left some errors to compare');
});

test('a client_secret in a file committed to git is noted by the server too, and not in an untracked file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'git-secret-'));
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  const committed = 'client_id: a\nclient_secret: supersecret-value\n';
  writeFileSync(path.join(dir, 'c.oauth2-client.yaml'), committed);
  assert.equal(git('init', '-q').status, 0, 'git is needed for this test');
  git('add', 'c.oauth2-client.yaml');
  assert.equal(git('commit', '-qm', 'x').status, 0);
  const codes = async (name: string, text: string) => {
    const uri = pathToFileURL(path.join(dir, name)).href;
    await client.open(uri, text);
    return (await client.diagnostics(uri, 1)).map((d) => d.code);
  };
  assert.deepEqual(await codes('c.oauth2-client.yaml', committed), ['client-secret-in-git']);
  assert.deepEqual(await codes('u.oauth2-client.yaml', 'client_id: b\nclient_secret: another-secret\n'), []);
});
