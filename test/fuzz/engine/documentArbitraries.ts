// fast-check arbitraries for OAuth2Client documents that are wrong in every way an editor sees:
// seeds mutated mid-typing, generated clients with hostile keys, and the pathological shapes
// (deep nesting, alias bombs, huge strings, odd characters and line ends).
import fc from 'fast-check';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { fieldNames } from '../../../server/src/engine/schema/clientSchema';
import { SEED_DOCUMENTS } from './seedDocuments';

export interface FuzzDocument {
  /** Which generator made it, for the report. */
  kind: string;
  text: string;
  language: DocumentLanguage;
}

const LANGUAGE = fc.constantFrom<DocumentLanguage>('json', 'yaml');

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
export const anyString = (maxLength: number) => fc.string({ unit: codeUnit, maxLength });

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '', ' ', '$ref', '$schema'];

/** Pieces that mean something to a JSON or YAML parser, or to a text model. */
export const TOKENS = [
  '\0', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFEFF', '\r\n', '\r', '\n', '\t', '\u2028', '\u0085', '  ', '\t\t',
  '{', '}', '[', ']', ':', ': ', ',', '"', "'", '\\', '\\u', '\\uD800', '\\u0000', '- ', '-', '? ', '|', '|-', '>', '#', '#!',
  '&a ', '*a', '&b [*a, *a, *a]', '<<: *a', '<<: [*a, *b]', '!!binary ', '!!str ', '!custom ', '%YAML 1.2\n', '---\n', '---', '...\n',
  '"__proto__": ', '__proto__: ', '"constructor": {}', 'constructor:', 'prototype: ', '"prototype": null',
  'null', 'true', '~', '1e999', '-0', '0x1F', '.inf', '.nan', '"', '""', "''",
  '"client_id": ', 'client_id: ', 'redirect_uris:', '"grant_types": [', 'jwks: {keys: [', 'scope: "openid offline"',
];

const KEYS = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...fieldNames) },
  { weight: 2, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) },
  { weight: 1, arbitrary: anyString(12) },
);

type Json = null | boolean | number | string | Json[] | [string, Json][] & { obj: true };

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constantFrom('authorization_code', 'refresh_token', 'client_credentials', 'implicit', 'code', 'id_token', 'token', 'none',
    'private_key_jwt', 'client_secret_basic', 'pairwise', 'public', 'https://a.example.com/cb', 'http://localhost:8080/cb',
    'https://a.example.com/#frag', '30d', '1h', 'openid offline_access', 'RS256', 'jwt', 'opaque', 'short'),
  anyString(20),
);

/** A JSON-ish value whose objects are entry lists (duplicate and hostile keys survive serialisation). */
const { value: jsonValue } = fc.letrec<{ value: Json; obj: Json; arr: Json }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('value'), { maxLength: 4 }),
  obj: fc.array(fc.tuple(KEYS, tie('value')), { maxLength: 5 }).map((entries) => Object.assign(entries, { obj: true as const })),
}));

const isObj = (v: Json): v is [string, Json][] & { obj: true } => Array.isArray(v) && (v as { obj?: boolean }).obj === true;

function toJson(v: Json, indent: string, nl: string): string {
  if (isObj(v)) {
    if (!v.length) return '{}';
    const inner = indent + '  ';
    return `{${nl}${v.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${toJson(x, inner, nl)}`).join(`,${nl}`)}${nl}${indent}}`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => toJson(x, indent, nl)).join(', ')}]`;
  return JSON.stringify(v) ?? 'null';
}

const PLAIN = /^[A-Za-z_][\w./:-]*$/;
const yamlKey = (k: string) => (PLAIN.test(k) ? k : JSON.stringify(k));
const yamlScalar = (v: Json) => (typeof v === 'string' && PLAIN.test(v) && !/^(true|false|null|~|y|n|yes|no|on|off)$/i.test(v) ? v : JSON.stringify(v) ?? 'null');

function toYaml(v: Json, indent: string, nl: string): string {
  if (isObj(v)) {
    if (!v.length) return ' {}';
    return v.map(([k, x]) => `${nl}${indent}${yamlKey(k)}:${toYaml(x, indent + '  ', nl)}`).join('');
  }
  if (Array.isArray(v)) {
    if (!v.length) return ' []';
    return v.map((x) => `${nl}${indent}-${isObj(x) && x.length ? toYaml(x, indent + '  ', nl).replace(/^(\r?\n)\s*/, ' ') : toYaml(x, indent + '  ', nl)}`).join('');
  }
  return ` ${yamlScalar(v)}`;
}

/** A generated client (or array of clients, or YAML stream) serialised in the file's language. */
const generatedClient: fc.Arbitrary<FuzzDocument> = fc
  .record({
    language: LANGUAGE,
    clients: fc.array(fc.array(fc.tuple(KEYS, jsonValue), { maxLength: 12 }).map((e) => Object.assign(e, { obj: true as const })), { minLength: 1, maxLength: 3 }),
    crlf: fc.boolean(),
    stream: fc.boolean(),
  })
  .map(({ language, clients, crlf, stream }) => {
    const nl = crlf ? '\r\n' : '\n';
    let text: string;
    if (language === 'json') text = clients.length === 1 ? toJson(clients[0], '', nl) : toJson(clients, '', nl);
    else if (stream) text = clients.map((c) => toYaml(c, '', nl).replace(/^\r?\n/, '')).join(`${nl}---${nl}`);
    else text = (clients.length === 1 ? toYaml(clients[0], '', nl) : toYaml(clients, '', nl)).replace(/^\r?\n/, '');
    return { kind: 'generated', text: text + nl, language };
  });

type Mutation = (text: string) => string;

/** `at` in [0, 1) → an offset into `text`. */
const offsetIn = (text: string, at: number) => Math.floor(at * (text.length + 1));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(...TOKENS)).map(([at, piece]): Mutation => (t) => t.slice(0, offsetIn(t, at)) + piece + t.slice(offsetIn(t, at))) },
  { weight: 2, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), anyString(8)).map(([at, piece]): Mutation => (t) => t.slice(0, offsetIn(t, at)) + piece + t.slice(offsetIn(t, at))) },
  { weight: 3, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 40 })).map(([at, n]): Mutation => (t) => t.slice(0, offsetIn(t, at)) + t.slice(offsetIn(t, at) + n)) },
  { weight: 1, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })).map(([a, b]): Mutation => (t) => {
    const [s, e] = [offsetIn(t, Math.min(a, b)), offsetIn(t, Math.max(a, b))];
    return t.slice(0, e) + t.slice(s, e) + t.slice(e);
  }) },
  { weight: 1, arbitrary: fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r\n')) },
  { weight: 1, arbitrary: fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r')) },
  { weight: 1, arbitrary: fc.constant<Mutation>((t) => '\uFEFF' + t) },
  { weight: 1, arbitrary: fc.constant<Mutation>((t) => t.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2))) },
  { weight: 1, arbitrary: fc.constant<Mutation>((t) => t.replace(/^ {2}/m, '\t')) },
  { weight: 1, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('a', 'é', '\uD83D\uDE00', '\\', ' ')).map(([at, n, ch]): Mutation => (t) => t.slice(0, offsetIn(t, at)) + ch.repeat(n) + t.slice(offsetIn(t, at))) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((at): Mutation => (t) => t.slice(0, offsetIn(t, at))) },
);

/** A seed (sample or verdict-table client) after 1–6 edits, as a user mid-typing leaves it. */
const mutatedSeed: fc.Arbitrary<FuzzDocument> = fc
  .tuple(fc.constantFrom(...SEED_DOCUMENTS), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([seed, mutations, asOther]) => ({
    kind: 'mutated-seed',
    text: mutations.reduce((t, m) => m(t), seed.text),
    // JSON is YAML too: open some JSON seeds as YAML (and some YAML as JSON) for the odd parser path.
    language: asOther ? (seed.language === 'json' ? 'yaml' : 'json') as DocumentLanguage : seed.language,
  }));

const mutatedGenerated: fc.Arbitrary<FuzzDocument> = fc
  .tuple(generatedClient, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([doc, mutations]) => ({ kind: 'mutated-generated', text: mutations.reduce((t, m) => m(t), doc.text), language: doc.language }));

/** The shapes that bring parsers down: each parameterised so shrinking still means something. */
const pathological: fc.Arbitrary<FuzzDocument> = fc.oneof(
  // 10,000-deep nesting, closed or not, in either bracket style.
  fc.record({ depth: fc.constantFrom(10_000, 1_001, 999), open: fc.constantFrom('[', '{"a":', '{a: ', '- '), closed: fc.boolean(), language: LANGUAGE }).map(({ depth, open, closed, language }) => {
    const close = open === '[' ? ']' : open === '- ' ? '' : '}';
    return { kind: `deep ${open.trim()} ×${depth}`, text: `{"client_id": "deep", "jwks": ${open.repeat(depth)}1${closed ? close.repeat(depth) : ''}}`, language };
  }),
  fc.record({ depth: fc.constantFrom(10_000, 2_000), language: LANGUAGE }).map(({ depth, language }) => ({ kind: `deep - ×${depth}`, text: `client_id: deep\naudience: ${'- '.repeat(depth)}x\n`, language })),
  fc.record({ depth: fc.constantFrom(300, 1_000), language: LANGUAGE }).map(({ depth, language }) => ({
    kind: `deep block ×${depth}`,
    text: 'client_id: deep\njwks:\n' + Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n') + ' x\n',
    language,
  })),
  // Alias bombs: each level refers to the one below ten times (10^levels nodes when expanded).
  fc.record({ levels: fc.integer({ min: 3, max: 12 }), width: fc.integer({ min: 2, max: 10 }), flow: fc.boolean(), merge: fc.boolean() }).map(({ levels, width, flow, merge }) => {
    const lines = ['client_id: bomb', 'x-l0: &l0 ["lol", "lol"]'];
    for (let i = 1; i < levels; i++) {
      const refs = Array.from({ length: width }, () => `*l${i - 1}`);
      lines.push(flow ? `x-l${i}: &l${i} [${refs.join(', ')}]` : `x-l${i}: &l${i}\n${refs.map((r) => `  - ${r}`).join('\n')}`);
    }
    lines.push(`audience: *l${levels - 1}`, `redirect_uris: *l${levels - 1}`);
    if (merge) lines.push(`x-m: &m {client_name: *l${levels - 1}}`, '<<: *m');
    return { kind: `alias bomb ${width}^${levels}`, text: lines.join('\n') + '\n', language: 'yaml' as const };
  }),
  fc.constantFrom(
    'a: &a [*a]\nclient_id: x\n',
    'client_id: &id x\n<<: *id\n',
    'x: &a {client_id: y, <<: *a}\n<<: *a\n',
    'client_id: *undefined\n',
    '&a client_id: b\n*a : c\n',
    '<<: [*a, *a]\nx: &a {scope: s}\n',
  ).map((text) => ({ kind: 'alias oddity', text, language: 'yaml' as const })),
  // Huge strings and many clients.
  fc.record({ n: fc.constantFrom(100_000, 300_000), language: LANGUAGE, where: fc.constantFrom('client_name', 'redirect_uris', 'key') }).map(({ n, language, where }) => {
    const big = 'x'.repeat(n);
    const client = where === 'key' ? { client_id: 'big', [big]: 1 } : where === 'redirect_uris' ? { client_id: 'big', redirect_uris: [`https://a.example.com/${big}`] } : { client_id: 'big', client_name: big };
    return { kind: `huge ${where} ${n}`, text: language === 'json' ? JSON.stringify(client) : Object.entries(client).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'), language };
  }),
  fc.record({ n: fc.constantFrom(200, 1_000), language: LANGUAGE }).map(({ n, language }) => {
    const clients = Array.from({ length: n }, (_, i) => ({ client_id: `c${i}`, grant_types: ['implicit'], redirect_uris: [`http://h${i}.example.com/cb#f`], client_secret: 'abc' }));
    return { kind: `${n} clients`, text: language === 'json' ? JSON.stringify(clients, null, 1) : clients.map((c) => JSON.stringify(c)).join('\n---\n'), language };
  }),
  // Hostile keys everywhere, prototype pollution attempts included.
  fc.record({ language: LANGUAGE, key: fc.constantFrom('__proto__', 'constructor', 'prototype') }).map(({ language, key }) => ({
    kind: `key ${key}`,
    text: language === 'json'
      ? `{"${key}": {"client_secret": "x", "polluted": true}, "client_id": "p", "jwks": {"${key}": {"keys": 1}}, "metadata": {"${key}": {"toString": 1}}}`
      : `${key}:\n  client_secret: x\n  polluted: true\nclient_id: p\njwks:\n  ${key}:\n    keys: 1\nmetadata: {${key}: {toString: 1}}\n`,
    language,
  })),
  // Control characters and encodings.
  fc.record({ language: LANGUAGE, ch: fc.constantFrom('\0', '\uD800', '\uDFFF', '\uFEFF', '\u0085', '\u2028', '\x7f', '\x1b') }).map(({ language, ch }) => ({
    kind: `char U+${ch.charCodeAt(0).toString(16)}`,
    text: language === 'json' ? `\uFEFF{"client_id": "a${ch}b", "client_name${ch}": "${ch}", "scope": "openid${ch}"}\r\n` : `\uFEFFclient_id: a${ch}b\r\nclient_name${ch}: "${ch}"\r\n\tscope: openid${ch}\r\n`,
    language,
  })),
);

/** Every document the engine fuzz feeds in, weighted towards the realistic. */
export const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc.oneof(
  { weight: 10, arbitrary: mutatedSeed },
  { weight: 5, arbitrary: generatedClient },
  { weight: 4, arbitrary: mutatedGenerated },
  { weight: 1, arbitrary: pathological },
);

export const pathologicalDocument = pathological;

/** Where to ask for completion and hover: a few offsets as fractions of the text (1 = end). */
export const probeOffsets = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 });
