import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJson, parseJsonStrict } from '../../../server/src/engine/document/parseJson';
import { nodeValue } from '../../../server/src/engine/document/nodeValue';

test('well-formed JSON parses to nodes whose ranges cover their source text', () => {
  const text = '{\n  "client_id": "abc",\n  "grant_types": ["authorization_code", "refresh_token"],\n  "n": -1.5e3,\n  "ok": true,\n  "x": null\n}';
  const doc = parseJson(text);
  assert.deepEqual(doc.problems, []);
  const root = doc.documents[0].root!;
  assert.equal(root.type, 'object');
  if (root.type !== 'object') return;
  for (const p of root.properties) {
    assert.equal(text.slice(p.keyOffset, p.keyOffset + p.keyLength), JSON.stringify(p.key));
    const v = p.value!;
    assert.equal(JSON.stringify(JSON.parse(text.slice(v.offset, v.offset + v.length))), JSON.stringify(nodeValue(v)));
  }
  assert.deepEqual(nodeValue(root), JSON.parse(text));
});

test('escapes and unicode in strings decode like JSON.parse', () => {
  const text = '{"a": "line\\nbreak \\u00e9 \\"q\\" \\\\ \\/"}';
  assert.deepEqual(nodeValue(parseJson(text).documents[0].root!), JSON.parse(text));
});

test('syntax errors become problems with positions, and the rest of the tree survives', () => {
  const text = '{\n  "client_id": "abc",\n  "scope": ,\n  "owner": "me"\n}';
  const doc = parseJson(text);
  const errs = doc.problems.filter((p) => p.code === 'syntax-error');
  assert.ok(errs.length >= 1);
  assert.equal(text.slice(errs[0].offset, errs[0].offset + errs[0].length), ',');
  const root = doc.documents[0].root;
  assert.equal(root?.type, 'object');
  if (root?.type === 'object') assert.ok(root.properties.some((p) => p.key === 'owner'));
});

test('comments and trailing commas are reported as JSON errors', () => {
  assert.ok(parseJson('{"a": 1, // c\n}').problems.some((p) => /Comments/.test(p.message)));
  assert.ok(parseJson('{"a": 1,}').problems.some((p) => p.code === 'syntax-error'));
});

test('a byte order mark is tolerated', () => {
  const doc = parseJson('\ufeff{"client_id": "x"}');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(nodeValue(doc.documents[0].root!), { client_id: 'x' });
});

test('10,000-deep nesting parses without overflowing the stack', () => {
  const text = '['.repeat(10_000) + ']'.repeat(10_000);
  const doc = parseJson(text);
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.documents[0].root?.type, 'array');
});

test('duplicate keys are warnings on the earlier occurrence', () => {
  const text = '{"scope": "a", "scope": "b"}';
  const dup = parseJson(text).problems.filter((p) => p.code === 'duplicate-key');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].offset, 1);
  assert.equal(dup[0].severity, 'warning');
});

test('empty input and garbage give diagnostics or nothing, never an exception', () => {
  assert.deepEqual(parseJson('').problems, []);
  assert.ok(parseJson('\u0000\u0001binary\uffff').problems.length > 0);
  assert.ok(parseJson('{"a": "unterminated').problems.length > 0);
});

test('a raw control character inside a string is refused by the strict parser, wherever it is', () => {
  // Control characters between tokens are whitespace; inside a string they must be escaped.
  const long = 'x'.repeat(5000);
  const cases = [
    '{"a": "x\ny"}',
    '{"a": "x\ty"}',
    `{\n  "a": "${long}",\n  "b": "ok",\n  "c": "d\u0001e"\n}`,
    `{\n  "a": "${long}\\n",\n  "b": "esc\\"aped\u001f"\n}`,
  ];
  for (const text of cases) {
    assert.throws(() => JSON.parse(text), SyntaxError, `the case itself must be invalid JSON: ${JSON.stringify(text.slice(-30))}`);
    assert.equal(parseJsonStrict(text), null, JSON.stringify(text.slice(-30)));
    assert.ok(parseJson(text).problems.length > 0);
  }
  const fine = `{\n\t"a": "${long}",\r\n  "b": "line\\nbreak"\n}`;
  assert.deepEqual(nodeValue(parseJsonStrict(fine)!.documents[0].root!), JSON.parse(fine));
});

test('well-formed JSON builds its tree on first read, the same tree as one client at a time', () => {
  const text = JSON.stringify([{ client_id: 'a', grant_types: ['x', 'y'], jwks: { keys: [{ kty: 'RSA' }] } }, 'misplaced', { client_name: 'b\n"c"', n: 1.5 }], null, 2);
  const doc = parseJson(text).documents[0];
  const onDemand = doc.nodesOnDemand!;
  assert.ok(onDemand, 'nothing built yet');
  const oneByOne = onDemand.outline.items!.map((span) => onDemand.nodesAt(span));
  const root = doc.root;
  assert.equal(doc.nodesOnDemand, undefined, 'built now');
  assert.equal(root?.type, 'array');
  if (root?.type !== 'array') return;
  const withoutParents = (n: unknown) => JSON.stringify(n, (k, v) => (k === 'parent' ? undefined : v));
  assert.deepEqual(root.items.map(withoutParents), oneByOne.map(withoutParents));
  assert.ok(root.items.every((item) => item.parent === root));
  assert.deepEqual(nodeValue(root), JSON.parse(text));
});

test('JSON with a duplicate key gets its tree at once, to place the warning', () => {
  const doc = parseJson('[{"client_id": "a"}, {"scope": "x", "nested": {"k": 1, "k": 2}}]');
  assert.equal(doc.documents[0].nodesOnDemand, undefined);
  assert.deepEqual(doc.problems.map((p) => p.code), ['duplicate-key']);
});
