import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/engine/features/codeActions';
import { LineIndex } from '../../../server/src/engine/document/lineIndex';
import { applyTextEdits } from '../../helpers/edits';
import { analyse, diagnosticCodes, syntaxErrors, type Lang } from '../../helpers/features';

const URI = (lang: Lang) => `file:///w/c.oauth2-client.${lang}`;

/** The document's diagnostics as an editor hands them back in a codeAction request. */
function diagnostics(text: string, lang: Lang): Diagnostic[] {
  return analyse(text, lang).diagnostics().map((d) => ({ range: d.range, message: d.message, code: d.code, data: d.data, source: 'oauth2-client' }));
}

/** A diagnostic as a rule reports it: on the last occurrence of `on`, with `data`. */
function ruleDiagnostic(text: string, code: string, on: string, data?: Record<string, unknown>, length = on.length): Diagnostic {
  const at = text.lastIndexOf(on);
  assert.ok(at >= 0, `${on} in the text`);
  const lines = new LineIndex(text);
  return { range: { start: lines.positionAt(at), end: lines.positionAt(at + length) }, message: code, code, data, source: 'oauth2-client' };
}

/** Fixes for the (first) diagnostic with `code` that the engine reports, schema or Hydra rule. */
function fixes(text: string, lang: Lang, code: string) {
  const d = diagnostics(text, lang).find((x) => x.code === code);
  assert.ok(d, `a ${code} diagnostic in:\n${text}`);
  const actions = provideCodeActions(analyse(text, lang), URI(lang), [d]);
  const apply = (a: CodeAction): string => {
    assert.equal(a.kind, 'quickfix');
    assert.deepEqual(a.diagnostics, [d]);
    const edits = a.edit!.changes![URI(lang)];
    const out = applyTextEdits(text, edits);
    assert.deepEqual(syntaxErrors(out, lang), [], `valid ${lang} after "${a.title}":\n${out}`);
    assert.ok(!diagnosticCodes(out, lang).includes(code), `no ${code} left after "${a.title}":\n${out}`);
    return out;
  };
  return { actions, apply, only: () => apply(single(actions)) };
}

function single(actions: CodeAction[]): CodeAction {
  assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
  return actions[0];
}

test('unknown-key: rename to the suggestion, in JSON and YAML', () => {
  const y = fixes('client_id: a\nredirect_uri:\n  - https://a.example/cb\n', 'yaml', 'unknown-key');
  assert.equal(y.actions[0].title, 'Rename "redirect_uri" to "redirect_uris"');
  assert.equal(y.actions[0].isPreferred, true);
  assert.equal(y.only(), 'client_id: a\nredirect_uris:\n  - https://a.example/cb\n');
  const j = fixes('{\n  "client_id": "a",\n  "scopes": "openid"\n}', 'json', 'unknown-key');
  assert.equal(j.only(), '{\n  "client_id": "a",\n  "scope": "openid"\n}');
  const quoted = fixes("client_id: a\n'grant_type': [client_credentials]\n", 'yaml', 'unknown-key');
  assert.equal(quoted.only(), "client_id: a\n'grant_types': [client_credentials]\n");
});

test('unknown-key on a key written over several lines has no rename fix, though it has a suggestion', () => {
  // Found by the engine fuzz: renaming the whole collection key left YAML that did not parse.
  const text = 'client_id: a\n? - redirect_uri: x\n: 1\n';
  const d = diagnostics(text, 'yaml').find((x) => x.code === 'unknown-key')!;
  assert.equal((d.data as { suggestion?: string }).suggestion, 'redirect_uris');
  assert.deepEqual(provideCodeActions(analyse(text, 'yaml'), URI('yaml'), [d]), []);
});

test('unknown-key without a suggestion has no fix', () => {
  const text = 'client_id: a\nzzzzzzzzzz: 1\n';
  const d = diagnostics(text, 'yaml').find((x) => x.code === 'unknown-key')!;
  assert.deepEqual(provideCodeActions(analyse(text, 'yaml'), URI('yaml'), [d]), []);
});

test('enum-mismatch: replace with the closest allowed value, keeping quotes', () => {
  const y = fixes('client_id: a\nsubject_type: publik\n', 'yaml', 'enum-mismatch');
  assert.equal(y.only(), 'client_id: a\nsubject_type: public\n');
  const q = fixes('client_id: a\nsubject_type: "publik"\n', 'yaml', 'enum-mismatch');
  assert.equal(q.only(), 'client_id: a\nsubject_type: "public"\n');
  const j = fixes('{"client_id": "a", "token_endpoint_auth_method": "client_secret_basik"}', 'json', 'enum-mismatch');
  assert.equal(j.only(), '{"client_id": "a", "token_endpoint_auth_method": "client_secret_basic"}');
  const alg = fixes('client_id: a\ntoken_endpoint_auth_signing_alg: rs-256\n', 'yaml', 'enum-mismatch');
  assert.equal(alg.only(), 'client_id: a\ntoken_endpoint_auth_signing_alg: RS256\n');
});

test('type-mismatch: a string where an array is expected becomes a one-item array', () => {
  const y = fixes('client_id: a\ngrant_types: client_credentials\nscope: x\n', 'yaml', 'type-mismatch');
  assert.equal(y.only(), 'client_id: a\ngrant_types:\n  - client_credentials\nscope: x\n');
  const four = fixes('client_id: a\naudience:\n    - x\ngrant_types: client_credentials # machine\n', 'yaml', 'type-mismatch');
  assert.equal(four.only(), 'client_id: a\naudience:\n    - x\ngrant_types:\n    - client_credentials # machine\n');
  const flow = fixes('client_id: a\naudience: [x]\ngrant_types: "client_credentials"\n', 'yaml', 'type-mismatch');
  assert.equal(flow.only(), 'client_id: a\naudience: [x]\ngrant_types: ["client_credentials"]\n');
  const seq = fixes('- client_id: a\n  redirect_uris: https://a.example/cb\n', 'yaml', 'type-mismatch');
  assert.equal(seq.only(), '- client_id: a\n  redirect_uris:\n    - https://a.example/cb\n');
  const j = fixes('{"client_id": "a", "grant_types": "client_credentials"}', 'json', 'type-mismatch');
  assert.equal(j.only(), '{"client_id": "a", "grant_types": ["client_credentials"]}');
});

test('type-mismatch: an array of one item where a string is expected becomes that string', () => {
  const y = fixes('client_id: a\nclient_name:\n  - Web\nscope: x\n', 'yaml', 'type-mismatch');
  assert.equal(y.only(), 'client_id: a\nclient_name: Web\nscope: x\n');
  const flow = fixes('client_id: a\nscope: [openid]\n', 'yaml', 'type-mismatch');
  assert.equal(flow.only(), 'client_id: a\nscope: openid\n');
  const j = fixes('{"client_id": "a", "token_endpoint_auth_method": ["none"]}', 'json', 'type-mismatch');
  assert.equal(j.only(), '{"client_id": "a", "token_endpoint_auth_method": "none"}');
  const two = diagnostics('{"client_id": "a", "client_name": ["x", "y"]}', 'json').find((d) => d.code === 'type-mismatch')!;
  assert.deepEqual(provideCodeActions(analyse('{"client_id": "a", "client_name": ["x", "y"]}', 'json'), URI('json'), [two]), []);
});

const JWKS = 'jwks-and-jwks-uri';

test('jwks-and-jwks-uri: remove either, in YAML block style', () => {
  const text = 'client_id: a\njwks:\n  keys: []\njwks_uri: https://a.example/jwks.json\nclient_name: A\n';
  const f = fixes(text, 'yaml', JWKS);
  assert.deepEqual(f.actions.map((a) => a.title), ['Remove "jwks" (keep jwks_uri)', 'Remove "jwks_uri" (keep jwks)']);
  assert.equal(f.apply(f.actions[0]), 'client_id: a\njwks_uri: https://a.example/jwks.json\nclient_name: A\n');
  assert.equal(f.apply(f.actions[1]), 'client_id: a\njwks:\n  keys: []\nclient_name: A\n');
  const last = 'client_id: a\njwks_uri: https://a.example/jwks.json\njwks:\n  keys: []\n';
  const g = fixes(last, 'yaml', JWKS);
  assert.equal(g.apply(g.actions[0]), 'client_id: a\njwks_uri: https://a.example/jwks.json\n');
  assert.equal(g.apply(g.actions[1]), 'client_id: a\njwks:\n  keys: []\n');
  const item = '- jwks: {keys: []}\n  jwks_uri: https://a.example/jwks.json\n  client_id: a\n';
  const h = fixes(item, 'yaml', JWKS);
  assert.equal(h.apply(h.actions[0]), '- jwks_uri: https://a.example/jwks.json\n  client_id: a\n');
});

test('jwks-and-jwks-uri: remove either, in JSON', () => {
  const text = '{\n  "client_id": "a",\n  "jwks": {"keys": []},\n  "jwks_uri": "https://a.example/jwks.json"\n}';
  const f = fixes(text, 'json', JWKS);
  assert.equal(f.apply(f.actions[0]), '{\n  "client_id": "a",\n  "jwks_uri": "https://a.example/jwks.json"\n}');
  assert.equal(f.apply(f.actions[1]), '{\n  "client_id": "a",\n  "jwks": {"keys": []}\n}');
  const inArray = '[{"jwks": {"keys": []}, "jwks_uri": "https://a.example/j"}]';
  const g = fixes(inArray, 'json', JWKS);
  assert.equal(g.apply(g.actions[0]), '[{"jwks_uri": "https://a.example/j"}]');
  assert.equal(g.apply(g.actions[1]), '[{"jwks": {"keys": []}}]');
});

const NEEDS = 'response-type-needs-grant-type';

test('response-type-needs-grant-type: append the grant type to grant_types', () => {
  const y = 'client_id: a\ngrant_types:\n  - authorization_code\nresponse_types:\n  - code\n  - token\n';
  const f = fixes(y, 'yaml', NEEDS);
  assert.equal(f.actions[0].title, 'Add "implicit" to grant_types');
  assert.equal(f.only(), 'client_id: a\ngrant_types:\n  - authorization_code\n  - implicit\nresponse_types:\n  - code\n  - token\n');
  const flow = 'client_id: a\ngrant_types: [client_credentials]\nresponse_types: [code]\n';
  const g = fixes(flow, 'yaml', NEEDS);
  assert.equal(g.only(), 'client_id: a\ngrant_types: [client_credentials, authorization_code]\nresponse_types: [code]\n');
  const j = '{\n  "client_id": "a",\n  "grant_types": [\n    "client_credentials"\n  ],\n  "response_types": ["code"]\n}';
  const h = fixes(j, 'json', NEEDS);
  assert.equal(h.only(), '{\n  "client_id": "a",\n  "grant_types": [\n    "client_credentials",\n    "authorization_code"\n  ],\n  "response_types": ["code"]\n}');
  // An empty list stands for Hydra's default (authorization_code): that stays allowed.
  const jEmpty = '{"client_id": "a", "grant_types": [], "response_types": ["code", "token"]}';
  const k = fixes(jEmpty, 'json', NEEDS);
  assert.equal(k.only(), '{"client_id": "a", "grant_types": ["authorization_code", "implicit"], "response_types": ["code", "token"]}');
});

test('response-type-needs-grant-type: creates grant_types (with Hydra\'s default) when absent', () => {
  const y = 'client_id: a\nresponse_types:\n  - token\n';
  const f = fixes(y, 'yaml', NEEDS);
  const out = f.only();
  assert.match(out, /^client_id: a\nresponse_types:\n {2}- token\ngrant_types:\n(?: {2}- [a-z_]+\n)*? {2}- implicit\n$/);
  const seq = '- client_id: a\n  response_types: [token]\n- client_id: b\n';
  const g = fixes(seq, 'yaml', NEEDS);
  // The file writes its arrays in flow style: so does the fix.
  assert.match(g.only(), /^- client_id: a\n {2}response_types: \[token\]\n {2}grant_types: \[(?:[a-z_]+, )*implicit\]\n- client_id: b\n$/);
  const block = '- client_id: a\n  response_types:\n    - token\n- client_id: b\n';
  const b = fixes(block, 'yaml', NEEDS);
  assert.match(b.only(), /^- client_id: a\n {2}response_types:\n {4}- token\n {2}grant_types:\n(?: {4}- [a-z_]+\n)+- client_id: b\n$/);
  const j = '{\n  "client_id": "a",\n  "response_types": ["token"]\n}';
  const h = fixes(j, 'json', NEEDS);
  assert.match(h.only(), /^\{\n {2}"client_id": "a",\n {2}"response_types": \["token"\],\n {2}"grant_types": \[(?:"[a-z_]+", )*"implicit"\]\n\}$/);
});

test('only our codes get fixes; other diagnostics and non-client files get none', () => {
  const text = 'client_id: a\nclient_name: 7\n';
  const ds = diagnostics(text, 'yaml');
  assert.deepEqual(provideCodeActions(analyse(text, 'yaml'), URI('yaml'), ds.map((d) => ({ ...d, code: 'something-else' }))), []);
  const doc = analyse('{"name": "x"}', 'json', 'file:///w/package.json');
  assert.deepEqual(provideCodeActions(doc, 'file:///w/package.json', [ruleDiagnostic('{"name": "x"}', 'unknown-key', '"name"', { key: 'name', suggestion: 'client_name' })]), []);
});

test('in a file of 40 clients, each diagnostic gets the fix for its own client', () => {
  // Past 32 entries the diagnostic's node is found by binary search: it must be the same node.
  const clients = Array.from({ length: 40 }, (_, i) => ({ client_id: `c${i}`, redirect_uri: [`https://c${i}.example.com/cb`] }));
  for (const lang of ['json', 'yaml'] as const) {
    const text = lang === 'json' ? JSON.stringify(clients, null, 2) : clients.map((c) => `- client_id: ${c.client_id}\n  redirect_uri:\n    - ${c.redirect_uri[0]}\n`).join('');
    const all = diagnostics(text, lang).filter((d) => d.code === 'unknown-key');
    assert.equal(all.length, 40);
    const doc = analyse(text, lang);
    const lines = new LineIndex(text);
    for (const d of all) {
      const [rename] = provideCodeActions(doc, URI(lang), [d]);
      assert.ok(rename, `a fix for ${JSON.stringify(d.range)}`);
      const [edit] = rename.edit!.changes![URI(lang)];
      assert.deepEqual(edit.range, d.range, 'the edit replaces the key the diagnostic is on');
      assert.match(text.slice(lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)), /redirect_uri/);
      assert.match(edit.newText, /redirect_uris/);
    }
  }
});
