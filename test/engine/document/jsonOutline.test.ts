import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countKeys, outlineJson } from '../../../server/src/engine/document/jsonOutline';

const spanText = (text: string, s: { offset: number; length: number }) => text.slice(s.offset, s.offset + s.length);

test('the items of a top-level array are found exactly, whatever their strings hold', () => {
  const items = [
    { client_id: 'a', redirect_uris: ['https://x/]', 'https://y/,'] },
    'a "quoted" string with ] and } and ,',
    -12.5e3,
    null,
    [[], {}, [1, { k: '\\' }]],
    { nested: { deeper: [{ key: 'value\\"still' }] } },
    true,
  ];
  for (const text of [JSON.stringify(items), JSON.stringify(items, null, 2), JSON.stringify(items, null, '\t').replace(/\n/g, '\r\n')]) {
    const outline = outlineJson(text, 0);
    assert.equal(outline.root.kind, 'array');
    assert.equal(spanText(text, outline.root), text.trim());
    assert.deepEqual(outline.items!.map((s) => JSON.parse(spanText(text, s))), items);
    assert.deepEqual(outline.items!.map((s) => s.kind), ['object', 'scalar', 'scalar', 'scalar', 'array', 'object', 'scalar']);
  }
});

test('a single client is the root, past a byte order mark and surrounding whitespace', () => {
  const text = '\ufeff \n {"client_id": "x", "scope": "openid"} \n';
  const outline = outlineJson(text, 1);
  assert.equal(outline.items, undefined);
  assert.equal(outline.root.kind, 'object');
  assert.equal(spanText(text, outline.root), '{"client_id": "x", "scope": "openid"}');
  assert.equal(outline.keyCount, 2);
});

test('empty arrays have no items, and a top-level scalar is a scalar root', () => {
  assert.deepEqual(outlineJson('[ ]', 0).items, []);
  assert.deepEqual(outlineJson(' "just text" ', 0).root, { offset: 1, length: 11, kind: 'scalar' });
});

test('the text holds more keys than the parsed value exactly when some object repeats a key', () => {
  const unique = [
    '{"a": 1, "b": {"a": 2, "c": [{"a": 3}, {"a": 4}]}}',
    '[{"__proto__": 1, "constructor": 2}, {"k\\"ey": "v:", "key": "\\"x\\": 1"}]',
    '{"": 0, " ": 1, "\\u0061": {"b": ["c", "d: e"]}}',
  ];
  for (const text of unique) assert.equal(outlineJson(text, 0).keyCount, countKeys(JSON.parse(text)), text);
  const repeated = [
    '{"a": 1, "a": 2}',
    '[{"x": 1}, {"y": {"z": 1, "z": 2}}]',
    '{"a": [[{"b": 1, "c": 2, "b": 3}]]}',
    '{"a": 1, "\\u0061": 2}',
  ];
  for (const text of repeated) assert.ok(outlineJson(text, 0).keyCount > countKeys(JSON.parse(text)), text);
});
