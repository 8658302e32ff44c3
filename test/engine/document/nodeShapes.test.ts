// Every parser builds each node type with the same fields in the same order, the later-filled ones
// (a property's value, a node's parent) included from the start: then all documents' nodes share
// one shape per type, and the features reading them stay fast whichever parser built the tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstNode, PropertyNode, SubDocument } from '../../../server/src/engine/document/documentModel';
import { internKey, trimmed } from '../../../server/src/engine/document/astBuilder';
import { parseJsonStrict, parseJsonTolerant } from '../../../server/src/engine/document/parseJson';
import { parseYamlBlock } from '../../../server/src/engine/document/parseYamlBlock';
import { parseYamlFast } from '../../../server/src/engine/document/parseYamlFast';
import { parseYamlTolerant } from '../../../server/src/engine/document/parseYamlTolerant';

const YAML = [
  'client_id: abc',
  'client_name: "My App"',
  'redirect_uris:',
  '  - https://app.example.com/cb',
  'grant_types: [authorization_code]',
  'skip_consent: false',
  'client_secret_expires_at: 0',
  'metadata:',
  '  none: null',
  'empty:',
  '',
].join('\n');
const JSON_TEXT = JSON.stringify({ client_id: 'abc', client_name: 'My App', redirect_uris: ['https://app.example.com/cb'], skip_consent: false, skip_logout_consent: true, client_secret_expires_at: 0, metadata: { none: null } }, null, 2);

// V8's own answer to "do these objects share a hidden class?": a field added after creation gives
// the same key order as one created up front, so Object.keys could not tell.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

function everyNode(docs: SubDocument[]): (AstNode | PropertyNode)[] {
  const out: (AstNode | PropertyNode)[] = [];
  const walk = (n: AstNode | PropertyNode | undefined): void => {
    if (!n) return;
    out.push(n);
    if (n.type === 'object') n.properties.forEach(walk);
    else if (n.type === 'array') n.items.forEach(walk);
    else if (n.type === 'property') walk(n.value);
  };
  for (const d of docs) walk(d.root);
  return out;
}

const PARSERS: Record<string, () => SubDocument[]> = {
  'YAML, block-style parser': () => parseYamlBlock(YAML)!.documents,
  'YAML, js-yaml path': () => parseYamlFast(`${YAML}anchored: &a x\nalias_user: *a\n`)!.filter((d) => d.root),
  'YAML, error-tolerant parser': () => parseYamlTolerant(`${YAML}broken: [a\n`).documents,
  'JSON, strict parser': () => parseJsonStrict(JSON_TEXT)!.documents,
  'JSON, error-tolerant parser': () => parseJsonTolerant(`${JSON_TEXT.slice(0, -1)}, // trailing\n}`).documents,
};

test('each node type has one shape (hidden class) across all five parsers', () => {
  const first = new Map<string, { node: object; by: string }>();
  for (const [name, parse] of Object.entries(PARSERS)) {
    const nodes = everyNode(parse());
    assert.ok(nodes.length > 0, `${name} built nothing`);
    for (const node of nodes) {
      const seen = first.get(node.type);
      if (!seen) first.set(node.type, { node, by: name });
      else assert.ok(haveSameMap(seen.node, node), `a ${node.type} node from the ${name} has another shape than one from the ${seen.by}: {${Object.keys(node)}} vs {${Object.keys(seen.node)}}`);
    }
  }
  for (const type of ['object', 'array', 'property', 'string', 'number', 'boolean', 'null']) {
    assert.ok(first.has(type), `no parser built a ${type} node: the sample texts need one`);
  }
});

test('a property has its value and colon fields from the start, even while its value is missing', () => {
  for (const docs of [parseYamlTolerant('client_id: a\nredirect_uris\n').documents, parseJsonTolerant('{"client_id": "a", "redirect_uris"').documents]) {
    const prop = docs[0]?.root?.type === 'object' ? docs[0].root.properties[1] : undefined;
    assert.equal(prop?.key, 'redirect_uris', 'expected a property for the key still being typed');
    assert.deepEqual(Object.keys(prop), ['type', 'key', 'keyOffset', 'keyLength', 'colonOffset', 'value', 'parent']);
    assert.equal(prop.value, undefined);
    assert.equal(prop.colonOffset, undefined);
  }
});

test('interned keys are the same text, and long or unusual keys pass through unchanged', () => {
  assert.equal(internKey('redirect_uris'), 'redirect_uris');
  const long = 'k'.repeat(200);
  assert.equal(internKey(long), long);
  assert.equal(internKey(''), '');
  assert.equal(internKey('__proto__'), '__proto__');
});

test('a trimmed list keeps its items and order, and is a new list', () => {
  const list = [1, 2, 3];
  const t = trimmed(list);
  assert.deepEqual(t, [1, 2, 3]);
  assert.notEqual(t, list);
});

test('pooled keys keep no document text alive (each version of a file with a newly typed key)', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--no-expose-gc');
  const pad = 'x'.repeat(1 << 20);
  // Joined, so each text is one flat string, as an editor's document text is.
  const parsers: [string, (i: number) => unknown][] = [
    ['JSON', (i) => parseJsonStrict(['{"pad": "', pad, `", "a_newly_typed_key_${i}": 1}`].join(''))],
    ['YAML', (i) => parseYamlBlock(['pad: ', pad, `\na_newly_typed_key_${i}: 1\n`].join(''))],
  ];
  for (const [language, parse] of parsers) {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 24; i++) assert.ok(parse(i), `${language} version ${i} did not parse`);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 24 versions of 1 MiB each, if every new key held on to its text.
    assert.ok(grown < 6 * (1 << 20), `${language}: ${(grown / (1 << 20)).toFixed(1)} MiB still held after 24 versions`);
  }
});
