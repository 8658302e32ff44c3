// Completion, hover, outline and quick fixes through the real protocol, in JSON and YAML, including
// documents in the middle of being typed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { applyCompletion, applyTextEdits, caret } from '../helpers/edits';
import { LspClient } from '../helpers/lspClient';
import { rangeText } from '../helpers/text';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

let n = 0;
const uriFor = (ext: 'json' | 'yaml') => `file:///w/edit${++n}.oauth2-client.${ext}`;

async function completeAt(uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
  const r = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
  return r === null ? [] : Array.isArray(r) ? r : r.items;
}

/** Opens `src` (with a `|` caret) and asks for completion there. */
async function complete(src: string, ext: 'json' | 'yaml') {
  const { text, position } = caret(src);
  const uri = uriFor(ext);
  await client.open(uri, text);
  const items = await completeAt(uri, position);
  const pick = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no "${label}" among ${JSON.stringify(items.map((i) => i.label))}`);
    return applyCompletion(text, item as never);
  };
  return { uri, text, items, labels: items.map((i) => i.label), pick };
}

test('server advertises completion, hover, outline and quick fixes', async () => {
  // A request for each answers (rather than failing with "method not found").
  const uri = uriFor('yaml');
  await client.open(uri, 'client_id: a\n');
  assert.ok(Array.isArray(await client.request('textDocument/documentSymbol', { textDocument: { uri } })));
  assert.ok(Array.isArray(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })));
});

test('YAML: keys, then grant types after `- ` with nothing typed, while typing', async () => {
  const uri = uriFor('yaml');
  await client.open(uri, 'client_id: a\n');
  // Type "gr" on a new line, then accept grant_types.
  await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'gr' }]);
  const keys = await completeAt(uri, { line: 1, character: 2 });
  assert.ok(keys.some((i) => i.label === 'grant_types'));
  assert.ok(!keys.some((i) => i.label === 'client_id'), 'client_id is already there');
  const gt = keys.find((i) => i.label === 'grant_types')!;
  const afterKey = applyCompletion('client_id: a\ngr', gt as never);
  assert.equal(afterKey, 'client_id: a\ngrant_types:\n  - ');
  await client.change(uri, 3, [{ text: afterKey }]);
  const values = await completeAt(uri, { line: 2, character: 4 });
  assert.deepEqual(values.map((i) => i.label).slice(0, 3), ['authorization_code', 'refresh_token', 'client_credentials'].filter((v) => values.some((i) => i.label === v)).slice(0, 3));
  assert.ok(values.some((i) => i.label === 'client_credentials'));
  // After one item, the next `- ` leaves it out.
  await client.change(uri, 4, [{ text: 'client_id: a\ngrant_types:\n  - client_credentials\n  - ' }]);
  const next = await completeAt(uri, { line: 3, character: 4 });
  assert.ok(!next.some((i) => i.label === 'client_credentials') && next.some((i) => i.label === 'authorization_code'));
});

test('YAML: a key with no value yet, scope tokens, and the file\'s indentation', async () => {
  const methods = await complete('client_id: a\ntoken_endpoint_auth_method: |', 'yaml');
  assert.ok(methods.labels.includes('client_secret_basic') && methods.labels.includes('none'));
  assert.equal(methods.pick('none'), 'client_id: a\ntoken_endpoint_auth_method: none');
  const scope = await complete('client_id: a\nscope: openid |', 'yaml');
  assert.ok(!scope.labels.includes('openid') && scope.labels.includes('offline_access'));
  assert.equal(scope.pick('offline_access'), 'client_id: a\nscope: openid offline_access');
  const four = await complete('client_id: a\naudience:\n    - x\n|', 'yaml');
  assert.equal(four.pick('redirect_uris'), 'client_id: a\naudience:\n    - x\nredirect_uris:\n    - ');
});

test('JSON: an unterminated array, a key with no value, a key string being typed', async () => {
  const arr = await complete('{\n  "client_id": "a",\n  "grant_types": ["|', 'json');
  assert.ok(arr.labels.includes('authorization_code'));
  assert.equal(arr.pick('implicit'), '{\n  "client_id": "a",\n  "grant_types": ["implicit"');
  const val = await complete('{\n  "client_id": "a",\n  "token_endpoint_auth_method": |\n}', 'json');
  assert.equal(val.pick('private_key_jwt'), '{\n  "client_id": "a",\n  "token_endpoint_auth_method": "private_key_jwt"\n}');
  const key = await complete('{\n  "client_id": "a",\n  "gra|"\n}', 'json');
  assert.equal(key.pick('grant_types'), '{\n  "client_id": "a",\n  "grant_types": []\n}');
  const responseTypes = await complete('{"client_id": "a", "response_types": ["code", |]}', 'json');
  assert.ok(responseTypes.labels.some((l) => l.includes(' ')), 'combined response types');
  assert.ok(!responseTypes.labels.includes('code'));
});

test('templates in an empty file and in an empty array item', async () => {
  for (const ext of ['json', 'yaml'] as const) {
    const c = await complete('|', ext);
    const labels = c.items.filter((i) => i.kind === 15).map((i) => i.label);
    assert.equal(labels.length, 5, ext);
    const text = c.pick('New client: single-page app');
    const uri = uriFor(ext);
    await client.open(uri, text);
    assert.deepEqual((await client.diagnostics(uri, 1)).filter((d) => d.severity === 1), [], `${ext}:\n${text}`);
  }
  const item = await complete('[\n  {"client_id": "a"},\n  |\n]', 'json');
  assert.ok(item.labels.includes('New client: machine-to-machine'));
  const yamlItem = await complete('- client_id: a\n- |', 'yaml');
  assert.ok(yamlItem.labels.includes('New client: private_key_jwt service'));
});

test('hover on keys and values, in YAML and JSON', async () => {
  for (const [src, ext, on] of [
    ['client_id: a\ntoken_endpoint_auth_me|thod: none\n', 'yaml', 'token_endpoint_auth_method'],
    ['{"client_id": "a", "token_endpoint_auth_me|thod": "none"}', 'json', '"token_endpoint_auth_method"'],
    ['client_id: a\ntoken_endpoint_auth_method: no|ne\n', 'yaml', 'none'],
  ] as const) {
    const { text, position } = caret(src);
    const uri = uriFor(ext);
    await client.open(uri, text);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(h, src);
    assert.equal(rangeText(text, h.range!), on);
    const value = (h.contents as { kind: string; value: string });
    assert.equal(value.kind, 'markdown');
    assert.match(value.value, /token_endpoint_auth_method/);
    assert.match(value.value, /Hydra versions:/);
  }
});

test('outline: one symbol per client with its keys, in both languages', async () => {
  const yamlUri = uriFor('yaml');
  const yaml = 'client_id: a\nclient_name: A\ngrant_types: [client_credentials]\n---\nclient_id: b\n';
  await client.open(yamlUri, yaml);
  const ys = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: yamlUri } });
  assert.deepEqual(ys.map((s) => s.name), ['A', 'b']);
  assert.deepEqual(ys[0].children!.map((c) => c.name), ['client_id', 'client_name', 'grant_types']);
  assert.equal(rangeText(yaml, ys[0].children![2].range), 'grant_types: [client_credentials]');
  const jsonUri = uriFor('json');
  const json = '[{"client_id": "x", "grant_types": ["implicit"]}, {}]';
  await client.open(jsonUri, json);
  const js = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: jsonUri } });
  assert.deepEqual(js.map((s) => [s.name, s.detail ?? '']), [['x', 'implicit'], ['client #2', '']]);
});

async function fixAll(uri: string, text: string, code: string): Promise<{ actions: CodeAction[]; fixed: string }> {
  const diags = await client.diagnostics(uri, 1);
  const d = diags.find((x) => x.code === code);
  assert.ok(d, `${code} among ${diags.map((x) => x.code)}`);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  assert.ok(actions.length > 0, `a fix for ${code}`);
  return { actions, fixed: applyTextEdits(text, actions[0].edit!.changes![uri]) };
}

test('quick fixes: apply each, re-validate, the diagnostic is gone (YAML and JSON)', async () => {
  const cases: [string, 'json' | 'yaml', string][] = [
    ['client_id: a\nredirect_uri:\n  - https://a.example/cb\n', 'yaml', 'unknown-key'],
    ['client_id: a\nsubject_type: publik\n', 'yaml', 'enum-mismatch'],
    ['client_id: a\ngrant_types: client_credentials\n', 'yaml', 'type-mismatch'],
    ['{\n  "client_id": "a",\n  "scopes": "openid"\n}', 'json', 'unknown-key'],
    ['{\n  "client_id": "a",\n  "token_endpoint_auth_method": "client_secret_basik"\n}', 'json', 'enum-mismatch'],
    ['{\n  "client_id": "a",\n  "client_name": ["Web"]\n}', 'json', 'type-mismatch'],
  ];
  for (const [text, ext, code] of cases) {
    const uri = uriFor(ext);
    await client.open(uri, text);
    const { actions, fixed } = await fixAll(uri, text, code);
    assert.equal(actions[0].kind, 'quickfix');
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.diagnostics(uri, 2);
    assert.deepEqual(after.filter((x) => x.code === code || x.code === 'syntax-error'), [], `${code} fixed:\n${fixed}`);
  }
});

test('quick fixes for Hydra\'s rules: remove jwks or jwks_uri, add the grant type a response type needs', async () => {
  const cases: [string, 'json' | 'yaml', string, number][] = [
    ['client_id: a\njwks:\n  keys: []\njwks_uri: https://a.example/jwks.json\n', 'yaml', 'jwks-and-jwks-uri', 2],
    ['{\n  "client_id": "a",\n  "grant_types": ["client_credentials"],\n  "response_types": ["code"]\n}', 'json', 'response-type-needs-grant-type', 1],
  ];
  for (const [text, ext, code, count] of cases) {
    const uri = uriFor(ext);
    await client.open(uri, text);
    const { actions, fixed } = await fixAll(uri, text, code);
    assert.equal(actions.length, count);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual((await client.diagnostics(uri, 2)).filter((x) => x.code === code || x.code === 'syntax-error'), []);
  }
});

test('other files get nothing; broken documents never break the server', async () => {
  const other = 'file:///w/package.json';
  await client.open(other, '{"name": "x", ');
  assert.deepEqual(await completeAt(other, { line: 0, character: 14 }), []);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 3 } }), null);
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: other } }), []);
  const nasty = ['\u0000\u0001: [\ud800', '['.repeat(300), '- - - - -\n  - :\n: : :', '{"a": [{"b": "\\u12', '---\n---\n- |\n  x\n- >', '"'];
  for (const [i, text] of nasty.entries()) {
    for (const ext of ['json', 'yaml'] as const) {
      const uri = `file:///w/nasty${i}.oauth2-client.${ext}`;
      await client.open(uri, text);
      for (let line = 0; line < 3; line++) {
        for (const character of [0, 1, 3, 100]) {
          await completeAt(uri, { line, character });
          await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
        }
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
  }
  assert.equal(client.exitCode, null);
  const ok = await complete('client_id: a\n|', 'yaml');
  assert.ok(ok.labels.length > 0, 'still answering');
});

test('completion and hover stay fast on 2,000-client documents', async () => {
  const yaml = Array.from({ length: 2000 }, (_, i) => `- client_id: c${i}\n  client_name: Client ${i}\n  grant_types:\n    - client_credentials\n  token_endpoint_auth_method: client_secret_basic\n  scope: openid offline_access\n  audience:\n    - https://api.example.com\n`).join('');
  const json = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ client_id: `c${i}`, client_name: `Client ${i}`, grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_basic', scope: 'openid offline_access', audience: ['https://api.example.com'] })), null, 2);
  for (const [text, ext] of [[yaml, 'yaml'], [json, 'json']] as const) {
    const uri = uriFor(ext);
    await client.open(uri, text);
    await client.diagnostics(uri, 1, 30_000);
    const lines = text.split('\n');
    // Inside a client near the end: the token_endpoint_auth_method value.
    let line = lines.length - 1;
    while (!lines[line].includes('client_secret_basic')) line--;
    const character = lines[line].indexOf('client_secret_basic') + 3;
    assert.ok(character > 3, `${ext}: position on a value (${lines[line]})`);
    const times: number[] = [];
    const hoverTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      let t = performance.now();
      const items = await completeAt(uri, { line, character });
      times.push(performance.now() - t);
      assert.ok(items.some((it) => it.label === 'client_secret_post'));
      t = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      hoverTimes.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    // Round trips over stdio included; the budget in the server itself is 20 ms (completion) / 10 ms (hover).
    assert.ok(median(times) < 50, `${ext} completion median ${median(times).toFixed(1)} ms`);
    assert.ok(median(hoverTimes) < 50, `${ext} hover median ${median(hoverTimes).toFixed(1)} ms`);
    await client.close(uri);
  }
});
