// The rules on awkward input: wrong types, duplicate keys, YAML merges, several clients, and
// no error of theirs repeating a schema error on the same node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import { ALL_RULE_CODES, HYDRA_RULES } from '../../../server/src/engine/rules';
import { HYDRA_VERSIONS } from '../../../server/src/engine/schema/clientSchema';
import { validateDocument, type ValidationOptions } from '../../../server/src/engine/validation/validateDocument';
import { summarize } from '../../helpers/text';
import { HYDRA_VERDICT_CASES } from './hydraVerdictCases';
import { runCase } from './verdictHarness';

function lint(text: string, language: DocumentLanguage, options: Partial<ValidationOptions> = {}) {
  return validateDocument(parseDocument(text, language), { hydraVersion: 'v26', rules: HYDRA_RULES, ...options });
}

const ruleSummary = (text: string, language: DocumentLanguage, options: Partial<ValidationOptions> = {}) =>
  summarize(text, lint(text, language, options).filter((d) => ALL_RULE_CODES.has(String(d.code))));

const FIELDS = [
  'token_endpoint_auth_method', 'token_endpoint_auth_signing_alg', 'jwks', 'jwks_uri', 'tos_uri', 'policy_uri', 'logo_uri', 'client_uri',
  'client_secret', 'allowed_cors_origins', 'sector_identifier_uri', 'userinfo_signed_response_alg', 'redirect_uris', 'subject_type',
  'post_logout_redirect_uris', 'access_token_strategy', 'grant_types', 'response_types', 'scope', 'frontchannel_logout_session_required',
  'frontchannel_logout_uri', 'backchannel_logout_session_required', 'backchannel_logout_uri',
];
const ODD_VALUES: unknown[] = [42, true, {}, { keys: 'x' }, { keys: [7, null, 'k', { kty: 7 }] }, [], [42, null, {}], 'x', ''];

test('no value of any type in any field makes a rule throw', () => {
  for (const version of HYDRA_VERSIONS) {
    for (const field of FIELDS) {
      for (const value of ODD_VALUES) {
        const client = { token_endpoint_auth_method: 'private_key_jwt', subject_type: 'pairwise', [field]: value };
        for (const language of ['json', 'yaml'] as const) {
          const text = language === 'json' ? JSON.stringify(client) : `${Object.entries(client).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n`;
          assert.doesNotThrow(() => lint(text, language, { hydraVersion: version }), `${version} ${field}=${JSON.stringify(value)}`);
        }
      }
    }
  }
});

test('values of the wrong type are left to the schema', () => {
  const text = JSON.stringify({ client_secret: 42, redirect_uris: 'https://a.example.com/cb', allowed_cors_origins: [7], jwks: [], grant_types: 'implicit', subject_type: true, post_logout_redirect_uris: {} });
  assert.deepEqual(ruleSummary(text, 'json'), []);
});

test('Hydra keeps the last of duplicate keys, and so do the rules', () => {
  assert.deepEqual(ruleSummary('{"client_secret": "abc", "client_secret": "long-enough"}', 'json'), []);
  assert.deepEqual(ruleSummary('client_secret: long-enough\nclient_secret: abc\n', 'yaml'), ['client-secret-too-short@abc']);
});

test('a value merged in through a YAML alias is flagged on the merge', () => {
  const text = 'x-defaults: &defaults\n  client_secret: abc\n<<: *defaults\n';
  assert.deepEqual(ruleSummary(text, 'yaml'), ['client-secret-too-short@*defaults']);
});

test('every client of a file is checked on its own', () => {
  const json = JSON.stringify([{ client_secret: 'abc' }, { client_secret: 'long-enough' }, { subject_type: 'pairwise' }]);
  assert.deepEqual(ruleSummary(json, 'json'), ['client-secret-too-short@"abc"', 'subject-type-unsupported@"pairwise"']);
  const yaml = 'client_secret: abc\n---\nclient_secret: xyz\n';
  assert.deepEqual(ruleSummary(yaml, 'yaml'), ['client-secret-too-short@abc', 'client-secret-too-short@xyz']);
});

test('the supported subject types come from the options', () => {
  const text = '{"subject_type": "public"}';
  const [d] = lint(text, 'json', { supportedSubjectTypes: ['pairwise'] }).filter((x) => ALL_RULE_CODES.has(x.code));
  assert.equal(d.message, 'Subject type public is not supported by server, only [pairwise] are allowed.');
  assert.deepEqual(ruleSummary(text, 'json', { supportedSubjectTypes: ['public', 'pairwise'] }), []);
  assert.deepEqual(ruleSummary(text, 'json', { supportedSubjectTypes: ['bogus'] }), [], 'unknown types fall back to public');
});

test('no rule error repeats a schema error on the same node', () => {
  for (const c of HYDRA_VERDICT_CASES) {
    for (const version of c.versions) {
      const errors = runCase(c, version, 'json').filter((d) => d.severity === 'error');
      const at = (d: { text?: string }) => d.text;
      const schemaTexts = new Set(errors.filter((d) => !ALL_RULE_CODES.has(d.code)).map(at));
      const repeated = errors.filter((d) => ALL_RULE_CODES.has(d.code) && schemaTexts.has(at(d)));
      assert.deepEqual(repeated, [], `${c.name} [${version}]`);
    }
  }
});

test('a schema warning on a value is dropped when a rule proves Hydra rejects that value', () => {
  const text = '{"token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "https://a.example/jwks", "token_endpoint_auth_signing_alg": "HS256", "tos_uri": "not a uri"}';
  const ds = validateDocument(parseDocument(text, 'json'), { hydraVersion: 'v26', rules: HYDRA_RULES });
  const at = (needle: string) => ds.filter((d) => d.range.start.character === text.indexOf(needle)).map((d) => `${d.code}/${d.severity}`);
  assert.deepEqual(at('"HS256"'), ['unsupported-auth-signing-alg/error']);
  assert.deepEqual(at('"not a uri"'), ['uri-field-invalid/error']);
});

test('long lists: a rule stays quiet on each of many schema errors, and every one of many unknown keys is placed', () => {
  // Past 16 schema findings in a client, rules look them up in an index, and past 32 keys the key
  // positions come from one: both must answer as the plain scans do.
  const badUris = Array.from({ length: 40 }, (_, i) => `bad uri ${i}`);
  const unknown = Array.from({ length: 40 }, (_, i) => `unknown_${i}`);
  const client = { client_id: 'a', redirect_uris: badUris, ...Object.fromEntries(unknown.map((k, i) => [k, i])) };
  const yaml = `client_id: a\nredirect_uris:\n${badUris.map((u) => `  - ${u}\n`).join('')}${unknown.map((k, i) => `${k}: ${i}\n`).join('')}`;
  for (const [text, language] of [[JSON.stringify(client, null, 2), 'json'], [yaml, 'yaml']] as const) {
    const found = lint(text, language);
    const onUris = found.filter((d) => d.code !== 'unknown-key');
    assert.equal(onUris.length, 40, `${language}: one finding per bad URI, ${onUris.map((d) => d.code).join(' ')}`);
    assert.ok(onUris.every((d) => d.severity === 'error' && !ALL_RULE_CODES.has(String(d.code))), `${language}: the schema's errors, no rule repeating them`);
    const keys = unknown.map((k) => `unknown-key@${language === 'json' ? `"${k}"` : k}`);
    assert.deepEqual(summarize(text, found.filter((d) => d.code === 'unknown-key')), keys.sort());
  }
});

test('long key lists: the JWK check stays quiet on keys the schema already faults, and speaks on the others', () => {
  // 20 keys of an unknown kty (the schema's enum error is inside each) and 20 oct keys (Hydra
  // refuses them; the schema does not): past 16 schema errors the lookup is a binary search.
  const keys = Array.from({ length: 40 }, (_, i) => (i % 2 ? { kty: 'XX', kid: `k${i}` } : { kty: 'oct', k: 'AAAA', kid: `k${i}` }));
  const text = JSON.stringify({ client_id: 'a', jwks: { keys } }, null, 2);
  const found = lint(text, 'json');
  const schema = found.filter((d) => !ALL_RULE_CODES.has(String(d.code)));
  const rules = found.filter((d) => ALL_RULE_CODES.has(String(d.code)));
  assert.equal(schema.length, 20);
  // Hydra refuses the XX keys too: a rule finding on them would repeat the schema's error.
  assert.equal(rules.length, 20, rules.map((d) => d.code).join(' '));
});
