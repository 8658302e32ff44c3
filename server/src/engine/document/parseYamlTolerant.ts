// Error-tolerant YAML path on the `yaml` library: slower, but it recovers from syntax errors and
// keeps going, which is what a document being typed needs.
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node as YNode, type Document } from 'yaml';
import type { ArrayNode, AstNode, ObjectNode, ParseProblem, SubDocument } from './documentModel';
import { colonAfter, collectionEnd, newProperty } from './astBuilder';

export function parseYamlTolerant(text: string): { documents: SubDocument[]; problems: ParseProblem[] } {
  // After a byte-order mark the library measures an indented first line wrongly (its first key
  // counts as column 0), and accepts what js-yaml, and the same text without the mark, reject. A
  // line break in the mark's place keeps every offset as it is.
  const source = text.charCodeAt(0) === 0xfeff && text.charCodeAt(1) === 0x20 ? `\n${text.slice(1)}` : text;
  const parsed = parseAllDocuments(source, { merge: true, uniqueKeys: false, prettyErrors: false, strict: false, intAsBigInt: false });
  // An empty stream is an empty array too.
  const docs: Document.Parsed[] = [...parsed];
  const problems: ParseProblem[] = [];
  const documents: SubDocument[] = [];
  for (const doc of docs) {
    const conv = new YamlConverter(text);
    const root = doc.contents ? conv.node(doc.contents as YNode, undefined) : undefined;
    const [start, , end] = doc.range;
    documents.push({ root, offset: start, length: end - start });
    for (const e of doc.errors) problems.push(toProblem(e.message, e.pos, e.code, 'error', text));
    for (const w of doc.warnings) problems.push(toProblem(w.message, w.pos, w.code, 'warning', text));
  }
  return { documents, problems };
}

function toProblem(message: string, pos: [number, number], code: string, severity: 'error' | 'warning', text: string): ParseProblem {
  const offset = Math.min(pos[0], text.length);
  const length = Math.max(1, Math.min(pos[1], text.length) - offset);
  // The library's messages may end with a source excerpt; keep the first line.
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { code: severity === 'error' ? 'syntax-error' : 'yaml-warning', message: `${first} (${code})`, offset, length, severity };
}

class YamlConverter {
  private readonly anchors = new Map<string, AstNode>();
  constructor(private readonly text: string) {}

  // Depth is bounded by the library's own recursion; ours mirrors it with an explicit stack guard.
  node(n: YNode | null, parent: ObjectNode | ArrayNode | undefined, depth = 0): AstNode | undefined {
    if (!n || depth > 5000) return undefined;
    const [start, valueEnd] = n.range ?? [0, 0, 0];
    let node: AstNode;
    if (isMap(n)) {
      node = { type: 'object', offset: start, length: valueEnd - start, properties: [], parent };
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YNode | null;
        // Merge keys' values are a symbol: use the source text (`<<`) for those and for complex keys.
        const keyText = k === null ? '' : isScalar(k) && typeof k.value !== 'symbol' ? String(k.value ?? '') : this.text.slice(k.range?.[0] ?? 0, k.range?.[1] ?? 0);
        const ks = k?.range?.[0] ?? (pair.value as YNode | null)?.range?.[0] ?? start;
        const ke = k?.range?.[1] ?? ks;
        const prop = newProperty(node, keyText, ks, ke - ks);
        prop.colonOffset = colonAfter(this.text, ke);
        const v = pair.value as YNode | null;
        if (v) prop.value = this.node(v, node, depth + 1);
        else if (prop.colonOffset !== undefined) prop.value = { type: 'null', value: null, offset: prop.colonOffset, length: 0, parent: node };
      }
      node.length = collectionEnd(this.text, node, valueEnd) - start;
    } else if (isSeq(n)) {
      node = { type: 'array', offset: start, length: valueEnd - start, items: [], parent };
      for (const item of n.items) {
        const c = this.node(item as YNode, node, depth + 1);
        if (c) node.items.push(c);
      }
      node.length = collectionEnd(this.text, node, valueEnd) - start;
    } else if (isAlias(n)) {
      node = { type: 'alias', name: n.source, target: this.anchors.get(n.source), offset: start, length: valueEnd - start, parent };
    } else if (isScalar(n)) {
      node = this.scalar(n, start, valueEnd, parent);
    } else {
      return undefined;
    }
    if (n.anchor) this.anchors.set(n.anchor, node);
    return node;
  }

  private scalar(n: Scalar, start: number, end: number, parent: ObjectNode | ArrayNode | undefined): AstNode {
    const v = n.value;
    // Block scalars' ranges include the trailing line break; trim it as the fast path does.
    let e = end;
    while (e > start && /\s/.test(this.text[e - 1])) e--;
    const offset = start;
    const length = e - start;
    // Field order as in every parser (astBuilder.ts), so nodes share their shapes.
    if (v === null || v === undefined) return { type: 'null', value: null, offset, length, parent };
    if (typeof v === 'string') {
      const quote = n.type === Scalar.QUOTE_DOUBLE ? '"' : n.type === Scalar.QUOTE_SINGLE ? "'" : '';
      return { type: 'string', value: v, quote, offset, length, parent };
    }
    if (typeof v === 'number') return { type: 'number', value: v, offset, length, parent };
    if (typeof v === 'boolean') return { type: 'boolean', value: v, offset, length, parent };
    return { type: 'string', value: String(v), quote: '', offset, length, parent };
  }
}
