import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { validateDocument } from '../../../server/src/engine/validation/validateDocument';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import type { HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { summarize, rangeText } from '../../helpers/text';

function lint(text: string, language: DocumentLanguage, hydraVersion: HydraVersion = 'v26') {
  return validateDocument(parseDocument(text, language), { hydraVersion });
}

/** The same client written in JSON and in YAML must give the same diagnostics on the same text. */
function both(value: Record<string, unknown>, yaml: string) {
  const json = JSON.stringify(value, null, 2);
  return { json: summarize(json, lint(json, 'json')), yaml: summarize(yaml, lint(yaml, 'yaml')), jsonText: json };
}

test('a valid client has no diagnostics, in JSON and YAML', () => {
  const r = both(
    { client_id: 'web', client_name: 'Web', grant_types: ['authorization_code', 'refresh_token'], redirect_uris: ['https://app.example.com/cb'], scope: 'openid offline_access', token_endpoint_auth_method: 'client_secret_basic', authorization_code_grant_access_token_lifespan: '1h', metadata: { a: [1, { b: null }] } },
    'client_id: web\nclient_name: Web\ngrant_types: [authorization_code, refresh_token]\nredirect_uris:\n  - https://app.example.com/cb\nscope: openid offline_access\ntoken_endpoint_auth_method: client_secret_basic\nauthorization_code_grant_access_token_lifespan: 1h\nmetadata:\n  a: [1, {b: null}]\n',
  );
  assert.deepEqual(r.json, []);
  assert.deepEqual(r.yaml, []);
});

test('a wrong type is an error on the value', () => {
  const r = both({ client_name: 7, grant_types: 'client_credentials' }, 'client_name: 7\ngrant_types: client_credentials\n');
  assert.deepEqual(r.json, ['type-mismatch@"client_credentials"', 'type-mismatch@7']);
  assert.deepEqual(r.yaml, ['type-mismatch@7', 'type-mismatch@client_credentials']);
});

test('type error messages say what was expected and what was found', () => {
  const [d] = lint('{"client_name": 7}', 'json');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /client_name must be a string \(or null\), not a number/);
});

test('an array item of the wrong type is flagged on that item only', () => {
  const text = 'redirect_uris:\n  - https://a.example/cb\n  - 42\n';
  assert.deepEqual(summarize(text, lint(text, 'yaml')), ['type-mismatch@42']);
});

test('a value outside a closed set is flagged on the value with the allowed values', () => {
  const text = '{"userinfo_signed_response_alg": "HS256", "subject_type": "pairwise"}';
  const ds = lint(text, 'json');
  assert.deepEqual(summarize(text, ds), ['enum-mismatch@"HS256"']);
  assert.match(ds[0].message, /"none", "RS256"/);
  assert.equal(ds[0].severity, 'error');
});

test('an unknown token_endpoint_auth_method is a warning (Hydra stores it) with the closest value', () => {
  const text = 'token_endpoint_auth_method: client_secret_basik\n';
  const [d] = lint(text, 'yaml');
  assert.equal(d.code, 'enum-mismatch');
  assert.equal(d.severity, 'warning');
  assert.equal(rangeText(text, d.range), 'client_secret_basik');
  assert.equal(d.data?.suggestion, 'client_secret_basic');
});

test('a lifespan that is not a Go duration is an error; Go durations pass', () => {
  const text = 'authorization_code_grant_access_token_lifespan: 30d\nrefresh_token_grant_refresh_token_lifespan: 720h\nimplicit_grant_access_token_lifespan: 1h30m\nclient_credentials_grant_access_token_lifespan: null\n';
  const ds = lint(text, 'yaml');
  assert.deepEqual(summarize(text, ds), ['invalid-duration@30d']);
  assert.match(ds[0].message, /not a Go duration/);
});

test('a number where a duration string is expected is a type error (Hydra rejects JSON numbers)', () => {
  const text = '{"implicit_grant_access_token_lifespan": 3600}';
  assert.deepEqual(summarize(text, lint(text, 'json')), ['type-mismatch@3600']);
});

test('a malformed created_at is an error on the value', () => {
  const text = '{"created_at": "yesterday"}';
  const ds = lint(text, 'json').filter((d) => d.severity === 'error');
  assert.deepEqual(summarize(text, ds), ['format-mismatch@"yesterday"']);
});

test('unknown keys are warnings on the key with a "did you mean"', () => {
  const text = 'client_id: a\nredirect_uri: https://a/cb\nscopes: openid\nfoo_bar: 1\n';
  const ds = lint(text, 'yaml');
  assert.deepEqual(summarize(text, ds), ['unknown-key@foo_bar', 'unknown-key@redirect_uri', 'unknown-key@scopes']);
  assert.ok(ds.every((d) => d.severity === 'warning'));
  const byKey = Object.fromEntries(ds.map((d) => [d.data?.key, d.data?.suggestion]));
  assert.equal(byKey.redirect_uri, 'redirect_uris');
  assert.equal(byKey.scopes, 'scope');
  assert.equal(byKey.foo_bar, undefined);
  assert.match(ds.find((d) => d.data?.key === 'scopes')!.message, /Did you mean "scope"\?/);
});

test('null is accepted wherever Hydra accepts it', () => {
  const text = '{"client_name": null, "grant_types": null, "redirect_uris": null, "jwks": null, "metadata": null, "skip_consent": null, "skip_logout_consent": null, "token_endpoint_auth_method": null}';
  assert.deepEqual(lint(text, 'json'), []);
});

test('duplicate keys are warnings: Hydra keeps the last one', () => {
  const text = '{"client_id": "a", "client_id": "b"}';
  const ds = lint(text, 'json');
  assert.deepEqual(summarize(text, ds), ['duplicate-key@"client_id"']);
  assert.equal(ds[0].severity, 'warning');
});

test('every client of an array and of a multi-document file is validated on its own', () => {
  const json = '[{"client_id": "a"}, {"client_name": 1}, "oops"]';
  assert.deepEqual(summarize(json, lint(json, 'json')), ['not-a-client@"oops"', 'type-mismatch@1']);
  const yaml = 'client_id: a\nsubject_type: nope\n---\nclient_id: b\nowner: [x]\n';
  assert.deepEqual(summarize(yaml, lint(yaml, 'yaml')), ['enum-mismatch@nope', 'type-mismatch@[x]']);
});

test('syntax errors are diagnostics, and valid parts are still validated', () => {
  const text = '{\n  "client_name": 5,\n  "scope": \n}';
  const ds = lint(text, 'json');
  assert.ok(ds.some((d) => d.code === 'syntax-error' && d.severity === 'error'));
  assert.ok(ds.some((d) => d.code === 'type-mismatch' && rangeText(text, d.range) === '5'));
});

test('keys the target Hydra version does not know are warnings', () => {
  const text = 'skip_consent: true\ndevice_authorization_grant_access_token_lifespan: 1h\n';
  assert.deepEqual(summarize(text, lint(text, 'yaml', 'v26')), []);
  assert.deepEqual(summarize(text, lint(text, 'yaml', 'v2.3')), ['key-not-in-version@device_authorization_grant_access_token_lifespan']);
  assert.deepEqual(summarize(text, lint(text, 'yaml', 'v1.11')).sort(), ['key-not-in-version@device_authorization_grant_access_token_lifespan', 'key-not-in-version@skip_consent']);
});

test('server-set fields are noted as ignored on input', () => {
  const text = 'client_id: a\ncreated_at: 2024-01-02T03:04:05Z\n';
  const ds = lint(text, 'yaml');
  assert.deepEqual(summarize(text, ds), ['read-only-field@created_at']);
  assert.equal(ds[0].severity, 'information');
});

test('a file above the size limit is skipped with one information diagnostic', () => {
  const text = JSON.stringify({ client_name: 'x'.repeat(2000) });
  const doc = parseDocument(text, 'json', 1000);
  const ds = validateDocument(doc, { hydraVersion: 'v26' });
  assert.equal(ds.length, 1);
  assert.equal(ds[0].code, 'file-too-large');
  assert.equal(ds[0].severity, 'information');
});

test('an empty file has no diagnostics', () => {
  assert.deepEqual(lint('', 'json'), []);
  assert.deepEqual(lint('', 'yaml'), []);
});

test('values merged in through a YAML merge key are validated, flagged on the merge alias', () => {
  const list = '- &d\n  client_id: base\n  client_name: 7\n- <<: *d\n  client_id: a\n';
  const ds = lint(list, 'yaml').filter((d) => d.code === 'type-mismatch');
  assert.deepEqual(ds.map((d) => rangeText(list, d.range)), ['7', '*d']);
});

test('nesting deeper than the limit is reported once, without parsing', () => {
  for (const [text, language] of [['['.repeat(5000), 'yaml'], ['{"a":'.repeat(5000), 'json']] as const) {
    const ds = lint(text, language);
    assert.deepEqual(ds.map((d) => `${d.code}/${d.severity}`), ['too-deep/error']);
  }
  // Brackets inside strings and comments don't count.
  const quoted = `client_name: "${'['.repeat(2000)}"\n# ${'{'.repeat(2000)}\n`;
  assert.deepEqual(lint(quoted, 'yaml'), []);
});

test('the value of a key the target version ignores is not checked against the schema', () => {
  const text = 'client_id: a\naccess_token_strategy: paseto\n';
  assert.deepEqual(summarize(text, lint(text, 'yaml', 'v1.11')), ['key-not-in-version@access_token_strategy']);
  assert.deepEqual(summarize(text, lint(text, 'yaml', 'v26')), ['enum-mismatch@paseto']);
});

test('after an edit, only the edited client is validated again, with the same diagnostics as from scratch', () => {
  let calls = 0;
  const counting = () => {
    calls++;
    return [];
  };
  const rules = [counting];
  const v1 = '- client_id: a\n  client_name: 1\n- client_id: b\n  scope: x\n- client_id: c\n  owner: [z]\n';
  const v2 = v1.replace('scope: x', 'scope: [x]');
  const first = analyseDocument('file:///w/a.oauth2-client.yaml', 1, v1, 'yaml', DEFAULT_SETTINGS, rules);
  first.diagnostics();
  assert.equal(calls, 3);
  calls = 0;
  const second = analyseDocument('file:///w/a.oauth2-client.yaml', 2, v2, 'yaml', DEFAULT_SETTINGS, rules, undefined, first);
  const reused = second.diagnostics();
  assert.equal(calls, 1, 'only the edited client runs the rules again');
  const fresh = analyseDocument('file:///w/a.oauth2-client.yaml', 2, v2, 'yaml', DEFAULT_SETTINGS, [counting]).diagnostics();
  assert.deepEqual(reused, fresh);
  assert.deepEqual(summarize(v2, reused), ['type-mismatch@1', 'type-mismatch@[x]', 'type-mismatch@[z]']);
});

test('clients that use YAML aliases are always validated afresh', () => {
  const v1 = '- &base\n  client_id: a\n  client_name: ok\n- <<: *base\n  client_id: b\n';
  const v2 = v1.replace('client_name: ok', 'client_name: 5');
  const first = analyseDocument('file:///w/b.oauth2-client.yaml', 1, v1, 'yaml', DEFAULT_SETTINGS);
  assert.deepEqual(first.diagnostics(), []);
  const second = analyseDocument('file:///w/b.oauth2-client.yaml', 2, v2, 'yaml', DEFAULT_SETTINGS, [], undefined, first);
  // The second client didn't change its text, but its merged value did.
  assert.deepEqual(summarize(v2, second.diagnostics()), ['type-mismatch@*base', 'type-mismatch@5']);
});

test('a YAML alias bomb in a client is an error on the client, not a hang', () => {
  const lines = ['- client_id: bomb', '  metadata:', '    a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) lines.push(`    ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  lines.push('- client_id: fine', '  client_name: 5');
  const text = lines.join('\n') + '\n';
  const codes = lint(text, 'yaml').map((d) => `${d.code}@${d.range.start.line}`);
  assert.deepEqual(codes, ['alias-too-large@2', 'type-mismatch@12']);
});
