import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/engine/features/completion';
import { proposedValues } from '../../../server/src/engine/features/fieldDocs';
import { allFields, fieldInfo, type HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { applyCompletion } from '../../helpers/edits';
import { atCaret, diagnosticCodes, syntaxErrors, type Lang } from '../../helpers/features';

function complete(src: string, lang: Lang, hydraVersion: HydraVersion = 'v26') {
  const { text, position, doc } = atCaret(src, lang);
  const list = provideCompletion(doc, position, { hydraVersion });
  const items = [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  const labels = items.map((i) => i.label);
  const pick = (label: string): CompletionItem => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no "${label}" among ${JSON.stringify(labels)}`);
    return item;
  };
  const accept = (label: string): string => {
    const out = applyCompletion(text, pick(label) as never);
    assert.deepEqual(syntaxErrors(out, lang), [], `valid ${lang} after accepting "${label}":\n${out}`);
    return out;
  };
  return { text, items, labels, pick, accept };
}

const grantTypes = () => proposedValues(fieldInfo('grant_types')!).values;
const writable = (v: HydraVersion = 'v26') => allFields.filter((f) => !f.readOnly && f.versions.includes(v)).map((f) => f.name);

// ---- keys -----------------------------------------------------------------------------------------

test('keys: YAML, the keys not yet present, common ones first, read-only left out', () => {
  const c = complete('client_id: a\n|\n', 'yaml');
  assert.deepEqual(c.labels, writable().filter((k) => k !== 'client_id'));
  for (const f of allFields.filter((x) => x.readOnly)) assert.ok(!c.labels.includes(f.name), `${f.name} is server-set`);
});

test('keys: JSON, inside a key string being typed, the string is replaced', () => {
  const c = complete('{\n  "client_id": "a",\n  "gra|"\n}', 'json');
  assert.ok(!c.labels.includes('client_id'));
  assert.equal(c.pick('grant_types').filterText, '"grant_types"');
  assert.equal(c.accept('grant_types'), '{\n  "client_id": "a",\n  "grant_types": []\n}');
  assert.equal(c.accept('client_name'), '{\n  "client_id": "a",\n  "client_name": ""\n}');
});

test('keys: a key that already has a value: only the name is replaced', () => {
  const j = complete('{"client_id": "a", "cli|": "Web"}', 'json');
  assert.equal(j.accept('client_name'), '{"client_id": "a", "client_name": "Web"}');
  const y = complete('client_id: a\ncli|: Web\n', 'yaml');
  assert.equal(y.accept('client_name'), 'client_id: a\nclient_name: Web\n');
});

test('keys: JSON, an unterminated key string at the end of the file', () => {
  const c = complete('{\n  "client_id": "a",\n  "cli|', 'json');
  assert.ok(c.labels.includes('client_name'));
  const item = c.pick('client_name');
  assert.equal(applyCompletion(c.text, item as never), '{\n  "client_id": "a",\n  "client_name": ""');
});

test('keys: JSON, commas are added where the new property needs them', () => {
  const missingBefore = complete('{\n  "client_id": "a"\n  |\n}', 'json');
  assert.equal(missingBefore.accept('client_name'), '{\n  "client_id": "a",\n  "client_name": ""\n}');
  const followedBy = complete('{\n  |\n  "client_id": "a"\n}', 'json');
  assert.equal(followedBy.accept('client_name'), '{\n  "client_name": "",\n  "client_id": "a"\n}');
  const bare = complete('{"client_id": "a", cli|}', 'json');
  assert.equal(bare.accept('client_name'), '{"client_id": "a", "client_name": ""}');
});

test('keys: value snippets have the field\'s shape, in both languages', () => {
  const y = complete('client_id: a\n|', 'yaml');
  assert.equal(y.accept('grant_types'), 'client_id: a\ngrant_types:\n  - ');
  assert.equal(y.accept('client_name'), 'client_id: a\nclient_name: ');
  assert.equal(y.accept('metadata'), 'client_id: a\nmetadata:\n  ');
  assert.match(y.pick('grant_types').textEdit!.newText, /^grant_types:\n {2}- \$1$/);
  const j = complete('{|}', 'json');
  assert.equal(j.pick('grant_types').textEdit!.newText, '"grant_types": [$1]');
  assert.equal(j.accept('metadata'), '{"metadata": {}}');
  const bool = allFields.find((f) => f.types.includes('boolean') && !f.readOnly);
  if (bool) {
    assert.equal(y.pick(bool.name).textEdit!.newText, `${bool.name}: \${1|true,false|}`);
    assert.equal(j.accept(bool.name), `{"${bool.name}": true}`);
  }
});

test('keys: YAML follows the file\'s indentation and sequence style', () => {
  const four = complete('client_id: a\nredirect_uris:\n    - https://a.example/cb\n|', 'yaml');
  assert.equal(four.accept('grant_types'), 'client_id: a\nredirect_uris:\n    - https://a.example/cb\ngrant_types:\n    - ');
  const flush = complete('client_id: a\nredirect_uris:\n- https://a.example/cb\n|', 'yaml');
  assert.equal(flush.accept('grant_types'), 'client_id: a\nredirect_uris:\n- https://a.example/cb\ngrant_types:\n- ');
  const flow = complete('client_id: a\nredirect_uris: [https://a.example/cb]\naudience: [x]\n|', 'yaml');
  assert.equal(flow.accept('grant_types'), 'client_id: a\nredirect_uris: [https://a.example/cb]\naudience: [x]\ngrant_types: []');
  const quoted = complete('client_id: "a"\nclient_name: "b"\n|', 'yaml');
  assert.equal(quoted.accept('owner'), 'client_id: "a"\nclient_name: "b"\nowner: ""');
  const crlf = complete('client_id: a\r\n|', 'yaml');
  assert.equal(crlf.accept('grant_types'), 'client_id: a\r\ngrant_types:\r\n  - ');
});

test('keys: a key being typed in YAML is replaced, in the middle of a client too', () => {
  const c = complete('client_id: a\ngra|\nclient_name: b\n', 'yaml');
  assert.ok(!c.labels.includes('client_name'), 'client_name is below the cursor');
  assert.equal(c.accept('grant_types'), 'client_id: a\ngrant_types:\n  - \nclient_name: b\n');
  const renaming = complete('client_id: a\ngra|nt: [x]\n', 'yaml');
  assert.equal(renaming.accept('grant_types'), 'client_id: a\ngrant_types: [x]\n');
});

test('keys: per client in an array of clients and in multi-document YAML', () => {
  const json = complete('[\n  {"client_id": "a", "client_name": "A"},\n  {"client_id": "b", |}\n]', 'json');
  assert.ok(json.labels.includes('client_name') && !json.labels.includes('client_id'));
  const seq = complete('- client_id: a\n  client_name: A\n- client_id: b\n  |\n', 'yaml');
  assert.ok(seq.labels.includes('client_name') && !seq.labels.includes('client_id'));
  assert.equal(seq.accept('grant_types'), '- client_id: a\n  client_name: A\n- client_id: b\n  grant_types:\n    - \n');
  const docs = complete('client_id: a\nclient_name: A\n---\nclient_id: b\n|\n', 'yaml');
  assert.ok(docs.labels.includes('client_name') && !docs.labels.includes('client_id'));
  const newItem = complete('- client_id: a\n- cl|', 'yaml');
  assert.ok(newItem.labels.includes('client_id'));
  assert.equal(newItem.accept('client_id'), '- client_id: a\n- client_id: ');
});

test('keys: only the keys the configured Hydra version knows', () => {
  const old = complete('client_id: a\n|', 'yaml', 'v1.11');
  assert.deepEqual(old.labels, writable('v1.11').filter((k) => k !== 'client_id'));
});

test('keys: nothing inside nested objects, comments or values that take no completion', () => {
  assert.deepEqual(complete('client_id: a\nmetadata:\n  |', 'yaml').labels, []);
  assert.deepEqual(complete('{"metadata": {|}}', 'json').labels, []);
  assert.deepEqual(complete('client_id: a # |', 'yaml').labels, []);
  assert.deepEqual(complete('{"client_name": "My |"}', 'json').labels, []);
});

// ---- values ---------------------------------------------------------------------------------------

test('values: grant types after `- ` with nothing typed yet (YAML)', () => {
  const c = complete('client_id: a\ngrant_types:\n  - |', 'yaml');
  assert.deepEqual(c.labels, grantTypes());
  assert.equal(c.accept('client_credentials'), 'client_id: a\ngrant_types:\n  - client_credentials');
  // Grant types are known values (Hydra accepts others); a closed set's values are enum members.
  assert.equal(c.pick('authorization_code').kind, 12);
  assert.equal(complete('client_id: a\nsubject_type: |', 'yaml').pick('public').kind, 20);
});

test('values: array items already present are left out (YAML block and flow, JSON)', () => {
  const block = complete('grant_types:\n  - authorization_code\n  - |\n  - refresh_token\nclient_id: a\n', 'yaml');
  assert.deepEqual(block.labels, grantTypes().filter((g) => g !== 'authorization_code' && g !== 'refresh_token'));
  const flow = complete('grant_types: [authorization_code, |]\nclient_id: a\n', 'yaml');
  assert.ok(!flow.labels.includes('authorization_code') && flow.labels.includes('refresh_token'));
  assert.equal(flow.accept('refresh_token'), 'grant_types: [authorization_code, refresh_token]\nclient_id: a\n');
  const json = complete('{"client_id": "a", "grant_types": ["authorization_code", |]}', 'json');
  assert.ok(!json.labels.includes('authorization_code'));
  assert.equal(json.accept('refresh_token'), '{"client_id": "a", "grant_types": ["authorization_code", "refresh_token"]}');
});

test('values: an unterminated JSON array and string, mid-typing', () => {
  const open = complete('{\n  "client_id": "a",\n  "grant_types": ["|', 'json');
  assert.deepEqual(open.labels, grantTypes());
  assert.equal(applyCompletion(open.text, open.pick('implicit') as never), '{\n  "client_id": "a",\n  "grant_types": ["implicit"');
  const partial = complete('{"grant_types": ["authorization_code", "re|"]}', 'json');
  assert.equal(partial.pick('refresh_token').filterText, '"refresh_token"');
  assert.equal(partial.accept('refresh_token'), '{"grant_types": ["authorization_code", "refresh_token"]}');
  const noComma = complete('{"grant_types": ["authorization_code" |]}', 'json');
  assert.equal(noComma.accept('refresh_token'), '{"grant_types": ["authorization_code", "refresh_token"]}');
});

test('values: a key with no value yet, in both languages', () => {
  const y = complete('client_id: a\ntoken_endpoint_auth_method: |', 'yaml');
  const methods = proposedValues(fieldInfo('token_endpoint_auth_method')!).values;
  assert.deepEqual(y.labels, methods);
  assert.equal(y.accept('private_key_jwt'), 'client_id: a\ntoken_endpoint_auth_method: private_key_jwt');
  const noSpace = complete('client_id: a\ntoken_endpoint_auth_method:|', 'yaml');
  assert.equal(noSpace.accept('none'), 'client_id: a\ntoken_endpoint_auth_method: none');
  const j = complete('{\n  "client_id": "a",\n  "token_endpoint_auth_method": |\n}', 'json');
  assert.deepEqual(j.labels, methods);
  assert.equal(j.accept('none'), '{\n  "client_id": "a",\n  "token_endpoint_auth_method": "none"\n}');
  const jOpen = complete('{"client_id": "a", "token_endpoint_auth_method": |', 'json');
  assert.deepEqual(jOpen.labels, methods);
  const followed = complete('{"token_endpoint_auth_method": |\n "client_id": "a"}', 'json');
  assert.equal(followed.accept('none'), '{"token_endpoint_auth_method": "none",\n "client_id": "a"}');
});

test('values: an array field with no value yet gets a one-item array', () => {
  const y = complete('client_id: a\ngrant_types: |', 'yaml');
  assert.equal(y.accept('client_credentials'), 'client_id: a\ngrant_types: \n  - client_credentials');
  const j = complete('{"client_id": "a", "grant_types": |}', 'json');
  assert.equal(j.accept('client_credentials'), '{"client_id": "a", "grant_types": ["client_credentials"]}');
});

test('values: a value being typed is replaced, keeping its quotes', () => {
  const plain = complete('token_endpoint_auth_method: client_sec|\nclient_id: a\n', 'yaml');
  assert.equal(plain.accept('client_secret_post'), 'token_endpoint_auth_method: client_secret_post\nclient_id: a\n');
  const quoted = complete('token_endpoint_auth_method: "client_sec|"\nclient_id: a\n', 'yaml');
  assert.equal(quoted.pick('client_secret_post').filterText, '"client_secret_post"');
  assert.equal(quoted.accept('client_secret_post'), 'token_endpoint_auth_method: "client_secret_post"\nclient_id: a\n');
  const open = complete('client_id: a\ntoken_endpoint_auth_method: \'cl|', 'yaml');
  assert.equal(open.accept('client_secret_post'), "client_id: a\ntoken_endpoint_auth_method: 'client_secret_post'");
});

test('values: response types include the combined ones, quoted where YAML needs it', () => {
  const c = complete('client_id: a\nresponse_types:\n  - code\n  - |', 'yaml');
  assert.ok(!c.labels.includes('code'));
  const combined = c.labels.find((l) => l.includes(' '));
  assert.ok(combined, `a combined response type among ${c.labels}`);
  c.accept(combined);
});

test('values: closed sets and known values of the other fields', () => {
  for (const field of ['subject_type', 'token_endpoint_auth_signing_alg', 'userinfo_signed_response_alg', 'access_token_strategy']) {
    const f = fieldInfo(field);
    if (!f) continue;
    const values = proposedValues(f).values;
    assert.ok(values.length > 0, `${field} has values`);
    assert.deepEqual(complete(`client_id: a\n${field}: |`, 'yaml').labels, values, field);
    assert.deepEqual(complete(`{"client_id": "a", "${field}": "|"}`, 'json').labels, values, field);
  }
  const bool = allFields.find((f) => f.types.includes('boolean') && !f.readOnly);
  if (bool) {
    const c = complete(`client_id: a\n${bool.name}: |`, 'yaml');
    assert.deepEqual(c.labels, ['true', 'false']);
    assert.equal(c.accept('false'), `client_id: a\n${bool.name}: false`);
  }
});

test('values: scope tokens inside the space-separated string, leaving out those already there', () => {
  const scopes = proposedValues(fieldInfo('scope')!).values;
  for (const s of ['openid', 'offline_access', 'offline', 'email', 'profile', 'address', 'phone']) assert.ok(scopes.includes(s), s);
  const y = complete('client_id: a\nscope: openid |', 'yaml');
  assert.deepEqual(y.labels, scopes.filter((s) => s !== 'openid'));
  assert.equal(y.accept('email'), 'client_id: a\nscope: openid email');
  const mid = complete('client_id: a\nscope: openid off| email\n', 'yaml');
  assert.ok(!mid.labels.includes('email') && mid.labels.includes('offline_access'));
  assert.equal(mid.accept('offline_access'), 'client_id: a\nscope: openid offline_access email\n');
  const j = complete('{"client_id": "a", "scope": "openid |"}', 'json');
  assert.equal(j.accept('profile'), '{"client_id": "a", "scope": "openid profile"}');
  const jOpen = complete('{"client_id": "a", "scope": "openid pro|', 'json');
  assert.equal(applyCompletion(jOpen.text, jOpen.pick('profile') as never), '{"client_id": "a", "scope": "openid profile');
  const empty = complete('{"client_id": "a", "scope": |}', 'json');
  assert.equal(empty.accept('openid'), '{"client_id": "a", "scope": "openid"}');
});

test('values: per client in arrays of clients and multi-document YAML', () => {
  const seq = complete('- client_id: a\n  grant_types:\n    - client_credentials\n- client_id: b\n  grant_types:\n    - |\n', 'yaml');
  assert.deepEqual(seq.labels, grantTypes());
  const docs = complete('client_id: a\n---\nclient_id: b\ntoken_endpoint_auth_method: |\n', 'yaml');
  assert.ok(docs.labels.includes('none'));
  const json = complete('[{"client_id": "a", "grant_types": ["implicit"]}, {"client_id": "b", "grant_types": [|]}]', 'json');
  assert.deepEqual(json.labels, grantTypes());
});

// ---- templates ------------------------------------------------------------------------------------

test('templates: in an empty file, valid clients in the file\'s language', () => {
  for (const lang of ['json', 'yaml'] as const) {
    const c = complete('|', lang);
    const templates = c.items.filter((i) => i.kind === 15);
    assert.equal(templates.length, 5, lang);
    for (const t of templates) {
      const out = c.accept(t.label);
      assert.deepEqual(diagnosticCodes(out, lang).filter((d) => d !== 'key-not-in-version'), [], `${lang} ${t.label}:\n${out}`);
    }
  }
});

test('templates: as a new item of the top-level array, in both languages', () => {
  const json = complete('[\n  {"client_id": "a"},\n  |\n]', 'json');
  const webJson = json.accept('New client: web app');
  assert.deepEqual(diagnosticCodes(webJson, 'json'), []);
  assert.match(webJson, /\n {2}\{\n {4}"client_id": "web-app",/);
  const yaml = complete('- client_id: a\n- |', 'yaml');
  const m2m = yaml.accept('New client: machine-to-machine');
  assert.deepEqual(diagnosticCodes(m2m, 'yaml'), []);
  assert.match(m2m, /\n- client_id: service\n {2}client_name: Backend service\n {2}grant_types:\n {4}- client_credentials\n/);
  const empty = complete('[|]', 'json');
  assert.deepEqual(diagnosticCodes(empty.accept('New client: native app'), 'json'), []);
});

test('templates: in an empty YAML document after `---`, and right after a bare `-`', () => {
  const docs = complete('client_id: a\nclient_name: A\n---\n|', 'yaml');
  const out = docs.accept('New client: web app');
  assert.match(out, /^client_id: a\nclient_name: A\n---\nclient_id: web-app\nclient_name: Web app\n/);
  assert.deepEqual(diagnosticCodes(out, 'yaml'), []);
  const dash = complete('- client_id: a\n-|', 'yaml');
  const item = dash.accept('New client: native app');
  assert.match(item, /\n- client_id: native-app\n {2}client_name: Native app\n {2}grant_types:\n/);
  assert.deepEqual(diagnosticCodes(item, 'yaml'), []);
  assert.equal(dash.accept('client_name'), '- client_id: a\n- client_name: ');
});

test('templates: not offered inside a client', () => {
  assert.equal(complete('client_id: a\n|', 'yaml').items.filter((i) => i.kind === 15).length, 0);
  assert.equal(complete('{"client_id": "a", |}', 'json').items.filter((i) => i.kind === 15).length, 0);
});

test('non-client files and oversized files get no completion', () => {
  const { position, text } = atCaret('{"name": "|"}', 'json');
  const doc = atCaret('{"name": "|"}', 'json').doc;
  void text;
  const other = { ...doc, isClientFile: false } as typeof doc;
  assert.equal(provideCompletion(other, position, { hydraVersion: 'v26' }), null);
});

test('typing a whole client character by character: no exceptions, and the expected proposals on the way', () => {
  const yaml = 'client_id: web\ngrant_types:\n  - authorization_code\n  - refresh_token\nresponse_types: [code]\nscope: openid offline_access\ntoken_endpoint_auth_method: client_secret_basic\nredirect_uris:\n  - https://a.example/cb\n';
  const json = '{\n  "client_id": "web",\n  "grant_types": ["authorization_code", "refresh_token"],\n  "scope": "openid offline_access",\n  "token_endpoint_auth_method": "client_secret_basic"\n}\n';
  for (const [text, lang] of [[yaml, 'yaml'], [json, 'json']] as const) {
    const seen = new Set<string>();
    for (let i = 0; i <= text.length; i++) {
      const labels = complete(`${text.slice(0, i)}|`, lang).labels;
      for (const l of labels) seen.add(l);
      const before = text.slice(0, i);
      if (/grant_types:\n {2}- $|"grant_types": \[$/.test(before)) assert.ok(labels.includes('authorization_code'), `${lang} at ${JSON.stringify(before)}`);
      if (/token_endpoint_auth_method": $|token_endpoint_auth_method: $/.test(before)) assert.ok(labels.includes('client_secret_basic'), `${lang} at ${JSON.stringify(before)}`);
      if (/scope: openid $|"scope": "openid $/.test(before)) assert.ok(labels.includes('offline_access') && !labels.includes('openid'), `${lang} at ${JSON.stringify(before)}`);
    }
    for (const l of ['client_id', 'grant_types', 'refresh_token', 'offline_access', 'client_secret_basic']) assert.ok(seen.has(l), `${lang}: ${l} proposed at some point`);
  }
});
