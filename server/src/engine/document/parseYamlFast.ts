// Fast YAML path: js-yaml (≈10× faster than `yaml`'s parser on big files) reports node boundaries
// through its `listener` option; we rebuild positioned nodes from those open/close events. It stops
// at the first syntax error and knows nothing of error recovery, so any failure or any construct we
// can't place precisely returns null and the caller falls back to the error-tolerant parser.
import * as jsyaml from 'js-yaml';
import type { AstNode, ObjectNode, ArrayNode, SubDocument } from './documentModel';
import { colonAfter, collectionEnd, newProperty } from './astBuilder';

/**
 * The listener's nodes, stored column-wise: a big file yields ~250,000 open/close events, and an
 * object plus a children array per event doubled the parse time through allocation and GC alone.
 */
class FrameStore {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  kind = new Uint8Array(1024);
  firstChild = new Int32Array(1024);
  lastChild = new Int32Array(1024);
  nextSibling = new Int32Array(1024);
  result: unknown[] = [];
  /** Frames that closed with no parent: one per YAML document. */
  roots: number[] = [];

  open(position: number): number {
    const i = this.count++;
    if (i === this.start.length) this.grow();
    this.start[i] = position;
    this.firstChild[i] = this.lastChild[i] = this.nextSibling[i] = -1;
    return i;
  }

  close(i: number, parent: number, position: number, kind: number, result: unknown): void {
    this.end[i] = position;
    this.kind[i] = kind;
    this.result[i] = result;
    if (parent < 0) this.roots.push(i);
    else {
      if (this.lastChild[parent] < 0) this.firstChild[parent] = i;
      else this.nextSibling[this.lastChild[parent]] = i;
      this.lastChild[parent] = i;
    }
  }

  children(i: number): number[] {
    const out: number[] = [];
    for (let c = this.firstChild[i]; c >= 0; c = this.nextSibling[c]) out.push(c);
    return out;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.start = g32(this.start);
    this.end = g32(this.end);
    this.firstChild = g32(this.firstChild);
    this.lastChild = g32(this.lastChild);
    this.nextSibling = g32(this.nextSibling);
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
  }
}

const KIND_NULL = 0;
const KIND_SCALAR = 1;
const KIND_MAPPING = 2;
const KIND_SEQUENCE = 3;
const KINDS: Record<string, number> = { scalar: KIND_SCALAR, mapping: KIND_MAPPING, sequence: KIND_SEQUENCE };

// YAML 1.2 core types plus merge keys (`<<: *base`), which people use to share client settings.
// js-yaml's default schema would also turn unquoted timestamps into Date objects: avoid it.
const MERGE = new jsyaml.Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (d: unknown) => d === '<<' || d === null });
const SCHEMA = jsyaml.CORE_SCHEMA.extend({ implicit: [MERGE] });

class Bail extends Error {}

/**
 * js-yaml copies a merged mapping into every mapping that merges it: 8,000 merges of an 8,000-key
 * anchor took 20 s and 3 GB. Past this many merges the error-tolerant parser takes the text (its
 * merges are resolved by nodeValue, under the alias budget); real files share a few defaults.
 */
const MAX_MERGES = 1_000;
const MERGE_KEY = /(?:^|[\s{,?-])<<[ \t]*:/gm;

export function parseYamlFast(text: string): SubDocument[] | null {
  if (tooManyMerges(text)) return null;
  // js-yaml drops a leading BOM before counting positions.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frames = new FrameStore();
  const stack: number[] = [];
  try {
    jsyaml.loadAll(text, () => undefined, {
      schema: SCHEMA,
      json: true, // duplicate keys are reported by us (as warnings), not thrown
      listener(event, state) {
        if (event === 'open') stack.push(frames.open(state.position + shift));
        else {
          const i = stack.pop()!;
          const parent = stack.length ? stack[stack.length - 1] : -1;
          frames.close(i, parent, Math.min(state.position + shift, text.length), KINDS[state.kind as string] ?? KIND_NULL, state.result);
        }
      },
    });
  } catch {
    return null;
  }
  try {
    return new FrameConverter(text, frames).documents();
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

class FrameConverter {
  private readonly anchors = new Map<string, AstNode>();
  /** The anchor (`&name`) that the last contentStart call stepped over, if any. */
  private lastAnchor: string | undefined;
  /** Whether the document being converted uses an alias. */
  private sawAlias = false;
  constructor(private readonly text: string, private readonly f: FrameStore) {}

  documents(): SubDocument[] {
    const docs: SubDocument[] = [];
    let prevEnd = 0;
    for (const i of this.f.roots) {
      this.sawAlias = false;
      const root = this.node(i, undefined);
      const isEmpty = root?.type === 'null' && root.length === 0;
      // js-yaml shares an aliased value instead of copying it, so an alias bomb costs it nothing;
      // with aliases, the value is rebuilt from the tree, whose expansion has a budget.
      const value = this.sawAlias ? undefined : this.f.result[i];
      docs.push({ root: isEmpty ? undefined : root, offset: prevEnd, length: this.f.end[i] - prevEnd, value });
      prevEnd = this.f.end[i];
    }
    return docs;
  }

  private node(frame: number, parent: ObjectNode | ArrayNode | undefined): AstNode | undefined {
    const f = this.f;
    const i = this.unwrap(frame);
    const start = this.contentStart(f.start[i], f.end[i]);
    const anchor = this.lastAnchor;
    let node: AstNode;
    if (f.kind[i] === KIND_MAPPING) {
      node = { type: 'object', offset: start, length: 0, properties: [], parent };
      const kids = f.children(i);
      // js-yaml's last attempt to read one more key leaves an empty frame behind: drop it.
      if (kids.length % 2 === 1 && this.isEmpty(kids[kids.length - 1])) kids.pop();
      for (let k = 0; k < kids.length; k += 2) {
        const kf = this.unwrap(kids[k]);
        if (f.kind[kf] !== KIND_SCALAR && f.kind[kf] !== KIND_NULL) throw new Bail(); // complex keys
        const ks = this.contentStart(f.start[kf], f.end[kf]);
        const ke = this.trimEnd(ks, f.end[kf]);
        const prop = newProperty(node, String(f.result[kf]), ks, ke - ks);
        prop.colonOffset = colonAfter(this.text, ke);
        const vf = kids[k + 1];
        prop.value = vf === undefined ? undefined : this.node(vf, node);
      }
      node.length = collectionEnd(this.text, node, f.end[i]) - start;
    } else if (f.kind[i] === KIND_SEQUENCE) {
      node = { type: 'array', offset: start, length: 0, items: [], parent };
      for (let c = f.firstChild[i]; c >= 0; c = f.nextSibling[c]) {
        const item = this.node(c, node);
        if (item) node.items.push(item);
      }
      // An empty entry (`-` alone, common mid-typing) becomes null without any event: we could
      // not place it, so let the tolerant parser do this document.
      const value = f.result[i];
      if (Array.isArray(value) && value.length !== node.items.length) throw new Bail();
      node.length = collectionEnd(this.text, node, f.end[i]) - start;
    } else {
      node = this.scalar(i, start, parent);
    }
    if (anchor) this.anchors.set(anchor, node);
    return node;
  }

  private scalar(i: number, start: number, parent: ObjectNode | ArrayNode | undefined): AstNode {
    const text = this.text;
    const f = this.f;
    if (start >= this.trimEnd(f.start[i], f.end[i])) {
      // `key:` with nothing after it: an empty value sits right after the colon.
      return { type: 'null', value: null, offset: f.start[i], length: 0, parent };
    }
    const end = this.trimEnd(start, f.end[i]);
    const length = end - start;
    const c = text[start];
    if (c === '*' && f.kind[i] !== KIND_SCALAR) {
      const name = text.slice(start + 1, end);
      this.sawAlias = true;
      return { type: 'alias', name, target: this.anchors.get(name), offset: start, length, parent };
    }
    const v = f.result[i];
    if (v === null) return { type: 'null', value: null, offset: start, length, parent };
    if (typeof v === 'string') return { type: 'string', value: v, quote: c === '"' || c === "'" ? c : '', offset: start, length, parent };
    if (typeof v === 'number') return { type: 'number', value: v, offset: start, length, parent };
    if (typeof v === 'boolean') return { type: 'boolean', value: v, offset: start, length, parent };
    throw new Bail();
  }

  /**
   * js-yaml reads a would-be mapping key, finds no `:`, and keeps it as the value: that leaves a
   * frame wrapping one child with the very same result.
   */
  private unwrap(i: number): number {
    const f = this.f;
    for (;;) {
      const c = f.firstChild[i];
      if (c < 0 || c !== f.lastChild[i] || f.result[c] !== f.result[i] || f.kind[c] !== f.kind[i]) return i;
      i = c;
    }
  }

  /** Skips separation space, comments and node properties (`&anchor`, `!tag`) to the content. */
  private contentStart(from: number, limit: number): number {
    const text = this.text;
    let i = from;
    let anchor: string | undefined;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 35 /* # */) {
        while (i < limit && text.charCodeAt(i) !== 10) i++;
      } else if (c === 38 /* & */ || c === 33 /* ! */) {
        let j = i + 1;
        while (j < limit && !isPropertyEnd(text.charCodeAt(j))) j++;
        if (c === 38) anchor = text.slice(i + 1, j);
        i = j;
      } else break;
    }
    // The anchor goes to a field, not a returned object: this runs for every node of big files.
    this.lastAnchor = anchor;
    return Math.min(i, limit);
  }

  private trimEnd(start: number, end: number): number {
    let e = end;
    while (e > start && isSpace(this.text.charCodeAt(e - 1))) e--;
    return e;
  }

  private isEmpty(i: number): boolean {
    const f = this.f;
    return f.firstChild[i] < 0 && this.contentStart(f.start[i], f.end[i]) >= this.trimEnd(f.start[i], f.end[i]);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Characters that end an anchor or tag: white space and flow indicators. */
function isPropertyEnd(c: number): boolean {
  return isSpace(c) || c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

function tooManyMerges(text: string): boolean {
  if (!text.includes('<<')) return false;
  let merges = 0;
  MERGE_KEY.lastIndex = 0;
  while (MERGE_KEY.exec(text)) if (++merges > MAX_MERGES) return true;
  return false;
}
