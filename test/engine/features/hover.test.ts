import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldMarkdown, proposedValues, valueDoc } from '../../../server/src/engine/features/fieldDocs';
import { provideHover } from '../../../server/src/engine/features/hover';
import { allFields, fieldInfo } from '../../../server/src/engine/schema/clientSchema';
import { rangeText } from '../../helpers/text';
import { atCaret, type Lang } from '../../helpers/features';

function hover(src: string, lang: Lang) {
  const { text, position, doc } = atCaret(src, lang);
  const h = provideHover(doc, position);
  const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  return { h, value, on: h?.range ? rangeText(text, h.range) : undefined };
}

test('hover on a key: description, type, values, default, versions, spec — from the schema', () => {
  for (const lang of ['yaml', 'json'] as const) {
    const src = lang === 'yaml' ? 'client_id: a\ngrant|_types: [client_credentials]\n' : '{"client_id": "a", "grant|_types": ["client_credentials"]}';
    const { value, on } = hover(src, lang);
    assert.equal(on, lang === 'yaml' ? 'grant_types' : '"grant_types"');
    const f = fieldInfo('grant_types')!;
    assert.equal(value, fieldMarkdown(f));
    assert.match(value, /\*\*grant_types\*\*/);
    const desc = f.schema.markdownDescription ?? f.schema.description;
    if (desc) assert.ok(value.includes(desc), 'the description');
    for (const v of proposedValues(f).values) assert.ok(value.includes(`\`${v}\``), v);
    assert.match(value, /Hydra versions: /);
    for (const v of f.versions) assert.ok(value.includes(v));
  }
});

test('hover shows Hydra\'s default when absent and the spec link, when the schema has them', () => {
  const withDefault = allFields.find((f) => f.schema['x-hydra-default'] !== undefined);
  if (withDefault) assert.ok(hover(`client_id: a\n${withDefault.name}|: x\n`, 'yaml').value.includes(String(withDefault.schema['x-hydra-default'])));
  const withSpec = allFields.find((f) => f.schema['x-spec']?.url);
  if (withSpec) {
    const spec = withSpec.schema['x-spec']!;
    assert.ok(hover(`{"client_id": "a", "${withSpec.name}|": null}`, 'json').value.includes(`](${spec.url})`));
  }
  const readOnly = allFields.find((f) => f.readOnly);
  if (readOnly) assert.match(hover(`client_id: a\n${readOnly.name}|: x\n`, 'yaml').value, /Set by the server/);
});

test('hover on a value of a closed set: that value\'s doc first, then the field', () => {
  const f = fieldInfo('token_endpoint_auth_method')!;
  const v = proposedValues(f).values.find((x) => valueDoc(f, x)) ?? proposedValues(f).values[0];
  for (const lang of ['yaml', 'json'] as const) {
    const src = lang === 'yaml' ? `client_id: a\ntoken_endpoint_auth_method: ${v}|\n` : `{"client_id": "a", "token_endpoint_auth_method": "${v}|"}`;
    const { value, on } = hover(src, lang);
    assert.equal(on, lang === 'yaml' ? v : `"${v}"`);
    assert.ok(value.startsWith(`\`${v}\``), value);
    const doc = valueDoc(f, v);
    if (doc) assert.ok(value.includes(doc));
    assert.ok(value.endsWith(fieldMarkdown(f)));
  }
});

test('hover on an array item and on a scope token', () => {
  const item = hover('client_id: a\ngrant_types:\n  - client_cre|dentials\n', 'yaml');
  assert.equal(item.on, 'client_credentials');
  assert.match(item.value, /^`client_credentials`/);
  const scope = hover('{"client_id": "a", "scope": "openid off|line_access email"}', 'json');
  assert.equal(scope.on, 'offline_access');
  assert.match(scope.value, /^`offline_access`/);
});

test('no hover on unknown keys, nested keys, free text outside clients, or other files', () => {
  assert.equal(hover('client_id: a\nredirect_u|ri: x\n', 'yaml').h, null);
  assert.equal(hover('client_id: a\nmetadata:\n  cli|ent_id: x\n', 'yaml').h, null);
  const { position, doc } = atCaret('{"name|": "x"}', 'json');
  assert.equal(provideHover({ ...doc, isClientFile: false } as typeof doc, position), null);
});

test('hover works in a document that does not parse (tolerant tree)', () => {
  const { on, value } = hover('{\n  "client_id": "a",\n  "subject_ty|pe": "public",\n  "grant_types": [\n', 'json');
  assert.equal(on, '"subject_type"');
  assert.match(value, /\*\*subject_type\*\*/);
});
