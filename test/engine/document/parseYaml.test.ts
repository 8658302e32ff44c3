import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AstNode } from '../../../server/src/engine/document/documentModel';
import { parseYaml } from '../../../server/src/engine/document/parseYaml';
import { parseYamlFast } from '../../../server/src/engine/document/parseYamlFast';
import { parseYamlTolerant } from '../../../server/src/engine/document/parseYamlTolerant';
import { AliasBudgetExceeded, DocumentAliasBudget, nodeValue } from '../../../server/src/engine/document/nodeValue';

/** A structural dump with source slices: equal dumps mean equal trees and equal positions. */
function dump(n: AstNode | undefined, text: string, ind = ''): string {
  if (!n) return `${ind}-\n`;
  let s = `${ind}${n.type} ${JSON.stringify(text.slice(n.offset, n.offset + n.length))}${'value' in n ? ` = ${JSON.stringify(n.value)}` : ''}\n`;
  if (n.type === 'object') {
    for (const p of n.properties) s += `${ind}  [${p.key}] ${JSON.stringify(text.slice(p.keyOffset, p.keyOffset + p.keyLength))} :${p.colonOffset}\n${dump(p.value, text, `${ind}    `)}`;
  }
  if (n.type === 'array') for (const i of n.items) s += dump(i, text, `${ind}  `);
  return s;
}

const SAMPLES: Record<string, string> = {
  'block mapping with nested values': `client_id: abc
client_name: "My App"
redirect_uris:
  - https://app.example.com/callback
  - 'http://127.0.0.1:8080/cb'
grant_types: [authorization_code, refresh_token]
skip_consent: false
metadata:
  team: payments
  tags: {a: 1, b: [x, y]}
authorization_code_grant_access_token_lifespan: 1h
empty:
`,
  'array of clients with comments': `# clients for staging
- client_id: one # first
  scope: openid offline
- client_id: two
  contacts: ~
  n: 12.5
`,
  'multi-document': `client_id: a
---
client_id: b
grant_types:
- client_credentials
`,
  'anchors, aliases and merge keys': `defaults: &d
  scope: openid
  grant_types: [authorization_code]
clients:
  - <<: *d
    client_id: x
  - *d
`,
  'block scalars': `client_name: |
  multi
  line
owner: >-
  folded
  text
client_id: z
`,
  'quoted keys and document markers': `---\n"client_id": x\n'scope' : openid\n...\n---\nclient_id: b\n`,
  'multi-line plain and quoted scalars': 'client_name: this is\n  a multi line\n  plain scalar\nowner: "multi\n  line quoted"\n',
  'comments between sequence items': 'grant_types:\n# leading\n- a   # trailing\n# between\n- b\nafter: 1\n',
  'nested sequences and empty flow collections': 'a:\n  - - nested\n    - seq\nb: {}\nc: []\nd: ~\n',
  'CRLF line ends': 'client_id: a\r\nredirect_uris:\r\n  - https://x/cb\r\n',
  'byte order mark': '\ufeffclient_id: bom\nscope: openid\n',
};

for (const [name, text] of Object.entries(SAMPLES)) {
  test(`fast and tolerant YAML parsers agree on ${name}`, () => {
    const fast = parseYamlFast(text);
    assert.ok(fast, 'the fast path should accept valid YAML');
    const tolerant = parseYamlTolerant(text);
    assert.equal(tolerant.problems.length, 0);
    assert.deepEqual(fast.map((d) => dump(d.root, text)), tolerant.documents.map((d) => dump(d.root, text)));
  });
}

test('an empty sequence entry (mid-typing) is kept as a null item at the dash', () => {
  const text = 'grant_types:\n  - authorization_code\n  - \n';
  const root = parseYaml(text).documents[0].root;
  assert.equal(root?.type, 'object');
  if (root?.type !== 'object') return;
  const seq = root.properties[0].value;
  assert.equal(seq?.type, 'array');
  if (seq?.type !== 'array') return;
  assert.equal(seq.items.length, 2);
  assert.equal(seq.items[1].type, 'null');
});

test('keys and values carry exact ranges', () => {
  const text = 'client_id: abc\ngrant_types:\n  - code\n';
  const [doc] = parseYaml(text).documents;
  assert.equal(doc.root?.type, 'object');
  if (doc.root?.type !== 'object') return;
  const [id, gt] = doc.root.properties;
  assert.equal(text.slice(id.keyOffset, id.keyOffset + id.keyLength), 'client_id');
  assert.equal(text.slice(id.value!.offset, id.value!.offset + id.value!.length), 'abc');
  assert.equal(gt.value?.type, 'array');
  if (gt.value?.type !== 'array') return;
  const item = gt.value.items[0];
  assert.equal(text.slice(item.offset, item.offset + item.length), 'code');
});

test('a syntax error is reported with its position, and what parsed before it is kept', () => {
  const text = 'client_id: abc\nclient_name: "unterminated\nscope: openid\n';
  const doc = parseYaml(text);
  const err = doc.problems.find((p) => p.code === 'syntax-error');
  assert.ok(err, 'expected a syntax error');
  assert.ok(err.offset >= text.indexOf('"unterminated') && err.offset <= text.length);
  const root = doc.documents[0].root;
  assert.equal(root?.type, 'object');
});

test('duplicate keys are warnings on the earlier key, not errors', () => {
  const text = 'client_id: a\nscope: x\nscope: y\n';
  const dup = parseYaml(text).problems.filter((p) => p.code === 'duplicate-key');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].severity, 'warning');
  assert.equal(dup[0].offset, text.indexOf('scope'));
});

test('merge keys give the merged value, explicit keys winning', () => {
  const text = 'base: &b\n  scope: openid\n  owner: team\nc:\n  <<: *b\n  owner: me\n';
  const root = parseYaml(text).documents[0].root!;
  assert.deepEqual(nodeValue(root), { base: { scope: 'openid', owner: 'team' }, c: { scope: 'openid', owner: 'me' } });
});

test('an alias bomb is bounded: expanding it fails fast instead of eating memory', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const text = lines.join('\n') + '\n';
  const started = Date.now();
  const doc = parseYaml(text);
  assert.ok(doc.documents[0].root);
  assert.throws(() => nodeValue(doc.documents[0].root!), /alias expansion is too large/);
  assert.ok(Date.now() - started < 5000);
});

test('tabs in indentation are reported, not thrown', () => {
  const doc = parseYaml('client_id: a\nmetadata:\n\tkey: v\n');
  assert.ok(doc.problems.some((p) => p.severity === 'error'));
});

test('__proto__ and constructor keys stay ordinary keys', () => {
  const root = parseYaml('__proto__: {polluted: true}\nconstructor: x\n').documents[0].root!;
  const v = nodeValue(root) as Record<string, unknown>;
  assert.deepEqual(Object.keys(v), ['__proto__', 'constructor']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
});

test('many clients expanding one anchor share one budget per document: the rest are refused, not expanded', () => {
  // 30 clients × 100 aliased URIs: ~3,000 values through aliases, against a budget of 1,000.
  const text = `- &c\n  client_id: base\n  redirect_uris: &r [${Array.from({ length: 100 }, (_, i) => `u${i}`).join(', ')}]\n`
    + Array.from({ length: 30 }, (_, i) => `- client_id: c${i}\n  redirect_uris: *r\n`).join('');
  const root = parseYaml(text).documents[0].root!;
  assert.equal(root.type, 'array');
  if (root.type !== 'array') return;
  const budget = new DocumentAliasBudget();
  budget.left = 1_000;
  const outcomes = root.items.map((client) => {
    try {
      nodeValue(client, budget);
      return 'expanded';
    } catch (e) {
      assert.ok(e instanceof AliasBudgetExceeded);
      return 'refused';
    }
  });
  // The anchor's own client expands nothing through an alias; each other one expands 101 values
  // (the list and its items): nine fit, the rest do not.
  assert.deepEqual(outcomes, [...Array(10).fill('expanded'), ...Array(21).fill('refused')]);
  // Without a document budget each client stays under its own limit.
  assert.ok(root.items.every((client) => nodeValue(client) !== undefined));
});

test('past 1,000 merge keys, js-yaml (which copies every merged mapping) is not asked', () => {
  const merges = (n: number) => `- &b\n  client_id: base\n  scope: openid\n${Array.from({ length: n }, (_, i) => `- <<: *b\n  client_id: c${i}\n`).join('')}`;
  assert.ok(parseYamlFast(merges(1_000)));
  assert.equal(parseYamlFast(merges(1_001)), null);
  // The error-tolerant parser then gives the same merged values.
  const root = parseYaml(merges(1_001)).documents[0].root!;
  const value = nodeValue(root) as Record<string, unknown>[];
  assert.equal(value.length, 1_002);
  assert.deepEqual(value[1_001], { client_id: 'c1000', scope: 'openid' });
});
