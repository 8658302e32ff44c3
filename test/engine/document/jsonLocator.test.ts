import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AstNode } from '../../../server/src/engine/document/documentModel';
import { locateJsonKey, locateJsonValue } from '../../../server/src/engine/document/jsonLocator';
import { nodeAtSegments } from '../../../server/src/engine/document/nodeLookup';
import { parseJson } from '../../../server/src/engine/document/parseJson';

const DOC = JSON.stringify({
  client_id: 'web',
  'redirect\u005furis': ['https://a.example/cb', 'https://b.example/"q"'],
  'odd "key"': { '': [1, -2.5e-3, true, null, 'x\\y'], nested: { deep: ['é', '\u2028'] } },
  jwks: { keys: [{ kty: 'RSA', n: 'abc' }, { kty: 'EC', crv: 'P-256' }] },
  metadata: {},
  contacts: [],
}, null, 2).replace('"redirect_uris"', '"redirect\\u005furis"');

/** Every node of a tree with the path that leads to it. */
function* withPaths(node: AstNode, path: (string | number)[] = []): Generator<[(string | number)[], AstNode]> {
  yield [path, node];
  if (node.type === 'object') for (const p of node.properties) if (p.value) yield* withPaths(p.value, [...path, p.key]);
  if (node.type === 'array') for (const [i, item] of node.items.entries()) yield* withPaths(item, [...path, i]);
}

test('every value is found where the tree has it: span, type and scalar value', () => {
  const root = parseJson(DOC).documents[0].root!;
  let checked = 0;
  for (const [path, node] of withPaths(root)) {
    const located = locateJsonValue(DOC, root.offset, path);
    const span = { offset: node.offset, length: node.length, type: node.type };
    const expected = node.type === 'object' || node.type === 'array' ? span : { ...span, value: (node as { value: unknown }).value };
    assert.deepEqual(located, expected, JSON.stringify(path));
    checked++;
  }
  assert.ok(checked > 25);
});

test('paths that do not lead to a value give nothing (the nodes then say how far they lead)', () => {
  const root = parseJson(DOC).documents[0].root!;
  for (const path of [['missing'], ['redirect_uris', 2], ['redirect_uris', -1], ['redirect_uris', 'x'], ['client_id', 0], ['metadata', 'a'], ['contacts', 0]]) {
    assert.equal(locateJsonValue(DOC, root.offset, path), undefined, JSON.stringify(path));
    assert.equal(nodeAtSegments(root, path).partial, true, JSON.stringify(path));
  }
});

test('a key is found by its decoded name, at its token', () => {
  const at = locateJsonKey(DOC, 0, 'redirect_uris')!;
  assert.equal(DOC.slice(at.offset, at.offset + at.length), '"redirect\\u005furis"');
  assert.ok(DOC.startsWith('[', at.valueOffset));
  const odd = locateJsonKey(DOC, 0, 'odd "key"')!;
  assert.equal(DOC.slice(odd.offset, odd.offset + odd.length), '"odd \\"key\\""');
  assert.equal(locateJsonKey(DOC, 0, 'redirect'), undefined);
  assert.equal(locateJsonKey('{}', 0, 'a'), undefined);
});
