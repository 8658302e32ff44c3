// The block-style YAML parser must build exactly what the general (js-yaml) path builds — same
// nodes, offsets, values and sub-documents — or decline (null) and leave the text to that path.
// Where it reads past a typing state (a key without its colon, an empty `-` entry), it must give
// what the error-tolerant path gives there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import type { AstNode, ParsedDocument, PropertyNode } from '../../../server/src/engine/document/documentModel';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import { parseYaml } from '../../../server/src/engine/document/parseYaml';
import { findDuplicateKeys } from '../../../server/src/engine/document/duplicateKeys';
import { nodeValue } from '../../../server/src/engine/document/nodeValue';
import { parseYamlBlock, parseYamlBlockNodesAt, parseYamlBlockValues } from '../../../server/src/engine/document/parseYamlBlock';
import { parseYamlFast } from '../../../server/src/engine/document/parseYamlFast';
import { rng } from '../../../scripts/lib/seededRandom.cjs';

/** Everything but the parent/target links (cycles), as comparable text. */
const snapshot = (docs: readonly unknown[] | null): string =>
  JSON.stringify(docs, (k, v: unknown) => (k === 'parent' || k === 'target' ? undefined : v));

function assertSameAsGeneralPath(text: string): void {
  const block = parseYamlBlock(text)?.documents;
  assert.ok(block, `the block parser declined ${JSON.stringify(text)}`);
  assert.equal(snapshot(block), snapshot(parseYamlFast(text)));
  for (const d of block) assert.deepEqual(d.value, nodeValue(d.root!));
  assertValuesAgreeWithNodes(text);
}

const extent = (n: AstNode) => ({ offset: n.offset, length: n.length });

/**
 * Text with a key being typed, which the block path now reads past, gets what the general path (the
 * yaml library) gives it: the same problems, the same values, the same node for that key. The
 * rest of the tree keeps the block path's conventions, as for the text without that key: where a
 * `---` document starts (the library starts it after leading comments) and where an empty value
 * after `key: ` sits (the library puts it after the space).
 */
function assertSameDocumentAsGeneralPath(text: string, what = JSON.stringify(text)): void {
  const general = parseYaml(text);
  const values = (d: ParsedDocument) => d.documents.map((s) => (s.root ? nodeValue(s.root) : undefined));
  for (const withTree of [false, true]) {
    const block = parseDocument(text, 'yaml', undefined, withTree);
    assert.deepEqual(block.problems, general.problems, what);
    assert.deepEqual(values(block), values(general), what);
    for (const p of block.problems) assert.equal(snapshot([propertyAt(block, p.offset)]), snapshot([propertyAt(general, p.offset)]), what);
  }
}

function propertyAt(doc: ParsedDocument, keyOffset: number): PropertyNode | undefined {
  const work: (AstNode | undefined)[] = doc.documents.map((d) => d.root);
  while (work.length) {
    const n = work.pop();
    if (n?.type === 'array') work.push(...n.items);
    if (n?.type !== 'object') continue;
    for (const p of n.properties) {
      if (p.keyOffset === keyOffset) return p;
      work.push(p.value);
    }
  }
  return undefined;
}

/**
 * The values-only parse must decline exactly what the node parse declines, and otherwise give the
 * same values and repeated-key verdict, spans that are the nodes' extents, and on-demand nodes
 * equal to the tree's.
 */
function assertValuesAgreeWithNodes(text: string): void {
  const withNodes = parseYamlBlock(text);
  const values = parseYamlBlockValues(text);
  const what = JSON.stringify(text);
  assert.equal(values === null, withNodes === null, `values-only ${values ? 'accepted' : 'declined'} ${what}`);
  if (!withNodes || !values) return;
  assert.equal(values.repeatsKey, withNodes.repeatsKey, what);
  assert.deepEqual(values.problems, withNodes.problems, what);
  assert.equal(values.documents.length, withNodes.documents.length, what);
  values.documents.forEach((d, i) => {
    const tree = withNodes.documents[i];
    const root = tree.root!;
    assert.deepEqual({ offset: d.offset, length: d.length }, { offset: tree.offset, length: tree.length }, what);
    assert.deepEqual(d.value, tree.value, what);
    assert.deepEqual(d.outline.root, { ...extent(root), kind: root.type }, what);
    assert.equal(snapshot([parseYamlBlockNodesAt(text, d.outline.root)]), snapshot([root]), what);
    if (root.type !== 'array') return assert.equal(d.outline.items, undefined, what);
    assert.equal(d.outline.items?.length, root.items.length, what);
    root.items.forEach((item, k) => {
      const span = d.outline.items![k];
      const kind = item.type === 'object' || item.type === 'array' ? item.type : 'scalar';
      assert.deepEqual(span, { ...extent(item), kind }, what);
      assert.equal(snapshot([parseYamlBlockNodesAt(text, span)]), snapshot([item]), what);
    });
  });
}

const ACCEPTED: Record<string, string> = {
  'a client with nested values': [
    'client_id: abc',
    'client_name: "My App"',
    "owner: 'it''s ours'",
    'redirect_uris:',
    '  - https://app.example.com/callback?x=1#frag',
    "  - 'http://127.0.0.1:8080/cb'",
    'grant_types: [authorization_code, "refresh_token"]',
    'skip_consent: false',
    'metadata:',
    '  team: payments',
    '  empty: {}',
    '  none: []',
    '  count: 12',
    '  negative: -3',
    'authorization_code_grant_access_token_lifespan: 1h',
    'empty:',
    'tilde: ~',
    '',
  ].join('\n'),
  'an array of clients with comments and blank lines': '# clients\n- client_id: one # first\n  scope: openid offline\n\n# between\n- client_id: two\n  contacts: ~\n',
  'sequences at their key\'s indentation': 'grant_types:\n- authorization_code\n- refresh_token\nscope: openid\n',
  'multi-document files': 'client_id: a\n---\nclient_id: b\ngrant_types:\n  - client_credentials\n--- # third\nclient_id: c\n',
  'CRLF line ends': 'client_id: a\r\nredirect_uris:\r\n  - https://x/cb\r\nscope: openid  \r\n',
  'a byte order mark': '\ufeffclient_id: bom\nscope: openid\n',
  'a byte order mark before a sequence': '\ufeff- client_id: a\n- client_id: b\n',
  'a sequence of clients and things that are not': '- client_id: a\n- just text\n- "quoted"\n- [x, y]\n- {}\n-\n  client_id: b\n- ~\n-   client_id: c\n    scope: x\n',
  'sequences in several documents, one with CRLF': '- client_id: a\n---\r\n- client_id: b\r\n  grant_types:\r\n  - x\r\n',
  'quoted keys and escapes': '"client_id": "a\\"b\\\\c\\u00e9"\n\'scope\' : openid\n',
  'plain scalars with colons, hashes and dashes inside': 'a: http://x:80/p#f\nb: a#b\nc: -x\nd: x,y\ne: ":"\n',
  'no final line break': 'client_id: a\nscope: b',
  'a key with no value before the next key': 'jwks:\nclient_id: x\n',
  'keys and sequence items with colons and hashes inside': 'a:b: 1\nc#d: 2\nlist:\n  - http://x:1/y\n  - k:v\n  - key: value\n    other: x#y # z\ne: # after the colon\n  - f\n',
  'plain words starting like null, true or false': 'n: No\nN: Nope\nt: Tea\nT: TRUE\nf: False\nF: fine\nx: NULL\ny: null_ish\nz: ~x\n',
};

for (const [name, text] of Object.entries(ACCEPTED)) {
  test(`block YAML parser builds what the general path builds: ${name}`, () => assertSameAsGeneralPath(text));
}

const DECLINED: Record<string, string> = {
  anchors: 'a: &x 1\nb: *x\n',
  'merge keys': 'a:\n  <<: {x: 1}\n',
  'block scalars': 'a: |\n  text\n',
  'multi-line plain scalars': 'a: one\n  two\n',
  'multi-line quoted scalars': 'a: "one\n  two"\n',
  floats: 'a: 1.5\n',
  'hex numbers': 'a: 0x1F\n',
  'numbers with separators': 'a: 1_000\n',
  'flow mappings': 'a: {b: 1}\n',
  'nested flow sequences': 'a: [[1]]\n',
  tabs: 'a:\n\t- b\n',
  'compact nested sequences': '- - a\n',
  'an empty sequence entry with a comment': 'a:\n  - x\n  - # note\n',
  'empty documents': '---\n---\na: 1\n',
  'an empty text': '',
  'a top-level scalar': 'just text\n',
  'an indented top level': '  a: 1\n',
  'typed keys': 'true: 1\n',
  '__proto__ keys': '__proto__: 1\n',
  'control characters': 'a: b\u0000\n',
  'lone surrogates': 'a: \ud800\n',
  'a mapping value on the same line as another': 'a: b: c\n',
  tags: 'a: !!str 1\n',
  'JSON text': '{"a": 1}\n',
};

for (const [name, text] of Object.entries(DECLINED)) {
  test(`block YAML parser leaves ${name} to the general path`, () => {
    assert.equal(parseYamlBlock(text), null);
    assert.equal(parseYamlBlockValues(text), null);
  });
}

test('block YAML parser notes a key repeated within one mapping, at any depth and size', () => {
  const keys = (n: number, repeatAt?: [at: number, of: number]) =>
    Array.from({ length: n }, (_, i) => `${repeatAt && i === repeatAt[0] ? `k${repeatAt[1]}` : `k${i}`}: ${i}\n`).join('');
  const cases: [string, boolean][] = [
    ['a: 1\nb: 2\n', false],
    ['a: 1\nb: 2\na: 3\n', true],
    ['- client_id: x\n  metadata:\n    k: 1\n    k: 2\n', true],
    ['- a: 1\n- a: 1\n', false], // one key in two mappings
    ['a: 1\n---\na: 2\n', false], // one key in two documents
    [keys(40), false],
    // A 40-key mapping repeating a key late, in the middle, early.
    [keys(40, [39, 35]), true],
    [keys(40, [32, 2]), true],
    [keys(40, [5, 2]), true],
  ];
  for (const [text, repeats] of cases) {
    const block = parseYamlBlock(text);
    assert.ok(block, text);
    assert.equal(block.repeatsKey, repeats, text);
    assert.equal(block.documents.some((d) => findDuplicateKeys(d.root!).length > 0), repeats, text);
    assert.equal(parseYamlBlockValues(text)?.repeatsKey, repeats, text);
  }
});

/** Random client-like YAML, as people write it and as `yaml` prints it, from a seeded generator. */
function yamlGenerator(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const STRINGS = ['abc', 'https://a.example.com/cb', 'a b c', 'a#b', '-x', "it's", 'ü ñ 字', '1h', '720h', '12', '-3', 'true', 'null', '', 'x,y', 'openid offline_access', 'a:b', 'trail ', '"q"', 'x: y', '#x', '1.5', '0x1F', 'a\\b'];
  const KEYS = ['client_id', 'client_name', 'grant_types', 'redirect_uris', 'scope', 'metadata', 'a b', 'x:y', 'owner', 'jwks', 'keys', '1', 'k#h'];
  const value = (depth: number): unknown => {
    const k = r();
    if (depth > 3 || k < 0.5) {
      const t = r();
      return t < 0.75 ? pick(STRINGS) : t < 0.85 ? Math.floor(r() * 1000) - 100 : t < 0.93 ? r() < 0.5 : null;
    }
    if (k < 0.75) return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
    return object(depth + 1);
  };
  const object = (depth: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(r() * 6); i > 0; i--) o[pick(KEYS)] = value(depth);
    return o;
  };
  return {
    random: r,
    /** A document; `blockOnly`: no flow collections (what the block path reads). */
    document(blockOnly = false): string {
      const top = r() < 0.5 ? object(0) : Array.from({ length: 1 + Math.floor(r() * 3) }, () => object(1));
      return stringify(top, {
        indentSeq: r() < 0.5,
        defaultStringType: pick(['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
        collectionStyle: blockOnly ? 'block' : pick(['any', 'block', 'block', 'flow'] as const),
        indent: pick([2, 2, 4]),
      });
    },
    /** Edits people make by hand: comments, blank lines, trailing space, deleted or cut lines, markers. */
    mutate(text: string): string {
      const lines = text.split('\n');
      for (let m = Math.floor(r() * 4); m > 0; m--) {
        const at = Math.floor(r() * lines.length);
        const line = lines[at] ?? '';
        const t = r();
        if (t < 0.2) lines.splice(at, 0, '');
        else if (t < 0.4) lines.splice(at, 0, `${' '.repeat(Math.floor(r() * 6))}# note`);
        else if (t < 0.5) lines[at] = `${line}  # trailing`;
        else if (t < 0.6) lines[at] = `${line}   `;
        else if (t < 0.7) lines.splice(at, 1);
        else if (t < 0.8) lines[at] = line.slice(0, Math.floor(r() * line.length));
        else if (t < 0.9) lines.splice(at, 0, '---');
        else lines[at] = ` ${line}`;
      }
      const out = lines.join('\n');
      return r() < 0.2 ? out.replace(/\n/g, '\r\n') : out;
    },
    /**
     * A key being typed: a bare word on its own line at some key's column, after that key's entry:
     * half the time where that makes it the mapping's last entry (the next line is further left),
     * else anywhere (mostly before the mapping's next key).
     */
    typeKey(text: string): string {
      const lines = text.split('\n');
      const indent = (l: string) => /^\s*/.exec(l)![0].length;
      const places = lines.flatMap((l, k) => {
        if (!/^\s*(- )?[^\s#-][^:]*:( |$)/.test(l)) return [];
        const column = /^\s*(- )?/.exec(l)![0].length;
        let at = k + 1;
        while (at < lines.length && (/^\s*(#|$)/.test(lines[at]) || indent(lines[at]) > column)) at++;
        return [{ at, column, last: at === lines.length || indent(lines[at]) < column }];
      });
      const ends = places.filter((p) => p.last);
      const place = ends.length && r() < 0.5 ? pick(ends) : places.length ? pick(places) : undefined;
      const words = ['a', 'x', 'cl', 'client_s', 'x1', 'scope', 'null', 'true', '__proto__', 'k_9', 'redirect_uri'];
      if (place) {
        lines.splice(place.at, 0, `${' '.repeat(place.column)}${pick(words)}`);
        // Sometimes a blank or comment line above it: they change how the library reads the word.
        if (r() < 0.4) lines.splice(place.at, 0, pick(['', '   ', '#c', '# c', `${' '.repeat(place.column)}#x`, ' '.repeat(place.column + 2)]));
      }
      return lines.join('\n');
    },
    /** An empty sequence entry (`-`, `- `) just typed after some entry, at its indentation. */
    addEmptyEntry(text: string): string {
      const lines = text.split('\n');
      const indent = (l: string) => /^\s*/.exec(l)![0].length;
      const places = lines.flatMap((l, k) => {
        if (!/^\s*- /.test(l)) return [];
        let at = k + 1;
        while (at < lines.length && (/^\s*(#|$)/.test(lines[at]) || indent(lines[at]) > indent(l))) at++;
        return [{ at, column: indent(l) }];
      });
      if (!places.length) return text;
      const place = pick(places);
      lines.splice(place.at, 0, `${' '.repeat(place.column)}${pick(['-', '- ', '-   '])}`);
      return lines.join('\n');
    },
  };
}

test('block YAML parser stays node-for-node equal to the general path on 600 generated documents', () => {
  const g = yamlGenerator(0x5eed);
  let accepted = 0;
  for (let i = 0; i < 600; i++) {
    let text = g.document();
    if (g.random() < 0.6) text = g.mutate(text);
    assertValuesAgreeWithNodes(text);
    const block = parseYamlBlock(text);
    if (!block) continue;
    accepted++;
    assert.equal(snapshot(block.documents), snapshot(parseYamlFast(text)), `document ${i}: ${JSON.stringify(text)}`);
    assert.equal(block.repeatsKey, block.documents.some((d) => findDuplicateKeys(d.root!).length > 0), `document ${i}: ${JSON.stringify(text)}`);
  }
  // The comparison only means something if the block parser took a fair share of the documents.
  assert.ok(accepted >= 150, `only ${accepted} of 600 documents took the block path`);
});

test('block YAML parser reads past a key being typed as the general path does, on 1,000 generated documents', () => {
  const g = yamlGenerator(0x7e9ed);
  let typing = 0;
  let joined = 0;
  for (let i = 0; i < 1000; i++) {
    let text = g.typeKey(g.document(true));
    if (g.random() < 0.3) text = g.mutate(text);
    assertValuesAgreeWithNodes(text);
    const block = parseYamlBlock(text);
    if (!block?.problems.length) continue;
    typing++;
    if (block.problems[0].message.includes('MULTILINE')) joined++;
    assertSameDocumentAsGeneralPath(text, `document ${i}: ${JSON.stringify(text)}`);
  }
  // Some words and places are left to the general path (null, true, __proto__; before a sequence).
  assert.ok(typing >= 150, `only ${typing} of 1,000 documents with a key being typed took the block path`);
  assert.ok(joined >= 30, `only ${joined} of them had the word joined with the key below it`);
});

test('block YAML parser reads past a key being typed, and leaves the rarer shapes to the general path', () => {
  const readPast = [
    '- client_id: a\n  scope: openid\n  cl\n- client_id: b\n',
    '- client_id: a\n  metadata:\n    team: x\n    t\n  scope: openid\n',
    'client_id: a\r\nscope: openid\r\nredirect\r\n',
    'client_id: a\nsco\n---\nclient_id: b\n',
    '- client_id: a\n  cl\n\n# a comment\n- client_id: b\n',
    // Before another key: one key over two lines (a word of 2+ characters), or a key of its own.
    '- client_id: a\n  cl\n  scope: openid\n',
    '- client_id: a\n  cl\n\n\n  "scope": openid\n',
    'client_id: a\nredirect\ngrant_types:\n  - x\n',
    '- client_id: a\n  c\n  scope: openid\n',
    '- client_id: a\n  cl\n  # a comment\n  scope: openid\n',
    // A one-character word: what lies between it and the entry above decides whether the library
    // joins it with the key below (its lexer's indentation state).
    'a: 1\nx\nb: 2\n',
    'a: 1\n\nx\nb: 2\n',
    'a: 1\n#c\nx\nb: 2\n',
    'a: 1\n# c\nx\nb: 2\n',
    'a: 1\n   \nx\nb: 2\n',
    '- a: 1\n\n  x\n  b: 2\n',
    '- a: 1\n  #c\n  x\n  b: 2\n',
    'a: 1\r\n\r\nx\r\nb: 2\r\n',
  ];
  for (const text of readPast) {
    const block = parseYamlBlock(text);
    assert.equal(block?.problems.length, 1, JSON.stringify(text));
    assertValuesAgreeWithNodes(text);
    assertSameDocumentAsGeneralPath(text);
  }
  const general = [
    'client_id: a\nnull\n', // not a string key
    'client_id: a\n__proto__\n',
    'client_id: a\ncl # comment\n',
    'client_id: a\ncl \n',
    'metadata:\n  cl\n', // a mapping's first line: a scalar value, not a key
    'client_id: a\ncl\n  more\n', // a continuation line
    'grant_types:\ncl\n- x\n', // a sequence entry after it
    'client_id: a\ncl\nab\nscope: x\n', // two words in a row
  ];
  for (const text of general) {
    assert.equal(parseYamlBlock(text), null, JSON.stringify(text));
    assert.equal(parseYamlBlockValues(text), null, JSON.stringify(text));
  }
});

test('block YAML parser reads an empty sequence entry (a `-` just typed) as the general path does, on 1,000 generated documents', () => {
  const g = yamlGenerator(0xe3b7e);
  let read = 0;
  for (let i = 0; i < 1000; i++) {
    const text = g.addEmptyEntry(g.document(true));
    assertValuesAgreeWithNodes(text);
    if (!parseYamlBlock(text) || !/^\s*-\s*$/m.test(text)) continue;
    read++;
    const what = `document ${i}: ${JSON.stringify(text)}`;
    const general = parseYaml(text);
    for (const withTree of [false, true]) {
      const block = parseDocument(text, 'yaml', undefined, withTree);
      assert.deepEqual(block.problems, general.problems, what);
      assert.equal(snapshot(block.documents.map((d) => d.root)), snapshot(general.documents.map((d) => d.root)), what);
    }
  }
  assert.ok(read >= 200, `only ${read} of 1,000 documents with an empty entry took the block path`);
});
