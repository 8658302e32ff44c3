// Fastest YAML path: a single pass over the block-style YAML that client files are written in
// (block mappings and sequences, one-line scalars, one-line flow sequences, comments, `---`),
// building plain values and, when asked, positioned nodes (also for one value at a time). It also
// reads past the two states typing passes through most — a key not yet followed by its colon, an
// empty `-` entry — as the error-tolerant path does, so that a keystroke in a big file does not
// send it there. Anything else outside that subset — anchors, tags, block scalars, multi-line
// scalars, flow mappings, numbers other than plain integers — returns null, and the caller takes
// the general (js-yaml, then error-tolerant) path. The output is node-for-node what that path
// builds; test/engine/document/parseYamlBlock.test.ts pins it.
import { newProperty, trimCollection, trimmed } from './astBuilder';
import type { ArrayNode, AstNode, ObjectNode, ParseProblem, SubDocument, ValueOutline } from './documentModel';
import type { ValueKind, ValueSpan } from './jsonOutline';

class Bail extends Error {}
const BAIL = new Bail();

/** Deeper than this is no client file: let the general path (and its guards) have it. */
const MAX_DEPTH = 100;

// js-yaml refuses these anywhere in the input; the general path reports them.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

export interface BlockYaml {
  documents: SubDocument[];
  /**
   * Whether some mapping repeats a key, checked while its keys are read: only then does the tree
   * need a walk for duplicate-key warnings (a walk over a fresh 2,000-client tree costs 5–8 ms).
   */
  repeatsKey: boolean;
  /** Syntax errors it read past (a key being typed), as the general path reports them. */
  problems: ParseProblem[];
}

/** One document's value, and where its top-level value and (for a sequence) its items are. */
export interface OutlinedValue {
  offset: number;
  length: number;
  value: unknown;
  outline: ValueOutline;
}

export interface BlockYamlValues {
  documents: OutlinedValue[];
  repeatsKey: boolean;
  problems: ParseProblem[];
}

/** Positioned nodes and plain values, or null for text outside the block subset. */
export function parseYamlBlock(text: string): BlockYaml | null {
  return readBlock(text, true, (p) => {
    const documents = p.documents().map((d): SubDocument => ({ root: d.node, offset: d.offset, length: d.length, value: d.value }));
    return { documents, repeatsKey: p.repeatsKey, problems: p.problems };
  });
}

/**
 * The same parse without nodes: plain values, and where each document's value and top-level items
 * are. A 2,000-client file's nodes are ~90,000 objects that the young-generation GC would copy while
 * they are made; validation needs only the values, and the nodes of the few clients with findings.
 * Null exactly when parseYamlBlock is null.
 */
export function parseYamlBlockValues(text: string): BlockYamlValues | null {
  return readBlock(text, false, (p) => {
    const documents = p.documents().map((d): OutlinedValue => ({ offset: d.offset, length: d.length, value: d.value, outline: { root: d.span, items: d.items } }));
    return { documents, repeatsKey: p.repeatsKey, problems: p.problems };
  });
}

/**
 * The nodes of one value an outline of parseYamlBlockValues names, on their own (no parent): what
 * parseYamlBlock builds there. Only for that text and span.
 */
export function parseYamlBlockNodesAt(text: string, span: ValueSpan): AstNode {
  // The text passed the character checks when its values were read: one client's nodes must not
  // scan the whole text again.
  const node = readChecked(text, true, (p) => p.valueAt(span).node);
  if (!node) throw new Error(`no block YAML value at offset ${span.offset}`);
  return node;
}

function readBlock<T>(text: string, withNodes: boolean, read: (parser: BlockParser) => T): T | null {
  if (text.includes('\t') || NON_PRINTABLE.test(text)) return null;
  return readChecked(text, withNodes, read);
}

function readChecked<T>(text: string, withNodes: boolean, read: (parser: BlockParser) => T): T | null {
  try {
    return read(new BlockParser(text, withNodes));
  } catch (e) {
    if (e === BAIL) return null;
    throw e;
  }
}

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** A value read, with its node when nodes are built. */
interface Read {
  node: AstNode | undefined;
  value: unknown;
}

interface ReadDocument extends Read {
  offset: number;
  length: number;
  /** Where the document's value is, and its items if it is a sequence. */
  span: ValueSpan;
  items?: ValueSpan[];
}

const hasOwn = Object.prototype.hasOwnProperty;

class BlockParser {
  /** Start of the current line, and the offset being read on it. */
  private lineStart = 0;
  private pos = 0;
  private depth = 0;
  /** Where the value read last ends: what its node's offset + length would be. */
  private end = 0;
  /** The spans of the items of the sequence read last at depth 1 (a document's value). */
  private topItems: ValueSpan[] | undefined;
  repeatsKey = false;
  /** Syntax errors the parser reads past: keys being typed. */
  readonly problems: ParseProblem[] = [];
  /** Where the key read last ends (before its colon). */
  private keyEnd = 0;
  /** Whether the key being typed read last stands alone (no colon, no value). */
  private typedKeyAlone = false;

  constructor(
    private readonly text: string,
    private readonly withNodes: boolean,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.lineStart = this.pos = 1;
  }

  documents(): ReadDocument[] {
    const docs: ReadDocument[] = [];
    let docStart = 0;
    for (;;) {
      this.skipBlankLines();
      if (this.atDocumentMarker()) {
        this.pos += 3;
        this.endOfLine();
        this.skipBlankLines();
      }
      // Empty documents (an empty file, `---` with nothing after it) are rare: general path.
      if (this.pos >= this.text.length || this.atDocumentMarker()) throw BAIL;
      if (this.column() !== 0) throw BAIL;
      const offset = this.pos;
      const isSequence = this.atSequenceEntry();
      this.topItems = undefined;
      const { node, value } = this.blockNode(0, undefined);
      const span: ValueSpan = { offset, length: this.end - offset, kind: isSequence ? 'array' : 'object' };
      const end = this.documentEnd();
      docs.push({ node, value, offset: docStart, length: end - docStart, span, items: isSequence ? this.topItems : undefined });
      docStart = end;
      if (this.pos >= this.text.length) break;
      if (!this.atDocumentMarker()) throw BAIL;
    }
    return docs;
  }

  /** The value an outline's span names, read as the document parse reads it there. */
  valueAt(span: ValueSpan): Read {
    // Only an empty sequence entry has no text.
    if (span.length === 0) return { node: { type: 'null', value: null, offset: span.offset, length: 0, parent: undefined }, value: null };
    this.pos = span.offset;
    this.lineStart = Math.max(this.text.lastIndexOf('\n', span.offset - 1) + 1, this.lineStart); // past a BOM
    return this.atSequenceEntry() || this.startsKey() ? this.blockNode(this.column(), undefined) : this.inlineValue(undefined);
  }

  /** A block collection starting at the current offset, whose entries sit at `column`. */
  private blockNode(column: number, parent: ObjectNode | ArrayNode | undefined, inMapping = false): Read {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const result = this.atSequenceEntry() ? this.sequence(column, parent, inMapping) : this.mapping(column, parent);
    this.depth--;
    return result;
  }

  private mapping(column: number, parent: ObjectNode | ArrayNode | undefined): Read {
    const node: ObjectNode | undefined = this.withNodes ? { type: 'object', offset: this.pos, length: 0, properties: [], parent } : undefined;
    const offset = this.pos;
    const value: Record<string, unknown> = {};
    for (;;) {
      // A bare word on a key's line is a key being typed; not as a mapping's first line (there it
      // would be a scalar value).
      const plainKey = this.key(node, this.pos !== offset);
      const typing = plainKey === null;
      const key = typing ? this.keyBeingTyped(node, column) : plainKey;
      const valueless = typing && this.typedKeyAlone;
      const colonOffset = this.pos;
      // The value does not hold the key yet: if it does, this mapping has said it before.
      if (!this.repeatsKey && hasOwn.call(value, key)) this.repeatsKey = true;
      let read: Read;
      this.skipSpaces();
      if (valueless) {
        // No value, and no value node: what the general path builds for it.
        read = { node: undefined, value: null };
        this.endOfLine();
        this.skipBlankLines();
      } else if (this.atLineEnd()) {
        this.endOfLine();
        this.skipBlankLines();
        const next = this.nextColumn();
        if (next > column && !this.atDocumentMarker()) {
          read = this.blockNode(next, node, true);
        } else if (next === column && this.atSequenceEntry() && !this.atDocumentMarker()) {
          // A sequence may sit at its key's own indentation (`key:` then `- item` below it).
          read = this.blockNode(next, node, true);
        } else {
          read = { node: node && { type: 'null', value: null, offset: colonOffset, length: 0, parent: node }, value: null };
          this.end = colonOffset;
        }
      } else {
        read = this.inlineValue(node);
        this.endOfLine();
        this.skipBlankLines();
        if (this.nextColumn() > column && this.pos < this.text.length) throw BAIL; // continuation line
      }
      if (node) node.properties[node.properties.length - 1].value = read.node;
      value[key] = read.value;
      if (this.pos >= this.text.length || this.atDocumentMarker()) break;
      const next = this.nextColumn();
      if (next < column) break;
      if (next > column) throw BAIL;
      if (this.atSequenceEntry()) throw BAIL;
    }
    // A block mapping ends where its last value does (or its last colon, for a missing value).
    if (node) {
      node.length = this.end - offset;
      trimCollection(node);
    }
    return { node, value };
  }

  private sequence(column: number, parent: ObjectNode | ArrayNode | undefined, inMapping: boolean): Read {
    const node: ArrayNode | undefined = this.withNodes ? { type: 'array', offset: this.pos, length: 0, items: [], parent } : undefined;
    const offset = this.pos;
    const value: unknown[] = [];
    // A document's items are where its clients are: their spans, when no nodes will say so.
    const spans: ValueSpan[] | undefined = !this.withNodes && this.depth === 1 ? [] : undefined;
    for (;;) {
      this.pos++;
      this.skipSpaces();
      let item: Read;
      let itemOffset: number;
      if (this.atLineEnd()) {
        const lineEnd = this.pos;
        if (this.text.charCodeAt(lineEnd) === HASH) throw BAIL; // `- # note`
        this.endOfLine();
        this.skipBlankLines();
        const next = this.nextColumn();
        if (next <= column || this.pos >= this.text.length || this.atDocumentMarker()) {
          // An empty entry (a `-` just typed): null, where its line ends, as the general path has it.
          itemOffset = this.end = lineEnd;
          item = { node: node && { type: 'null', value: null, offset: lineEnd, length: 0, parent: node }, value: null };
        } else {
          itemOffset = this.pos;
          item = this.blockNode(next, node);
        }
      } else {
        if (this.atSequenceEntry()) throw BAIL; // `- - x`
        itemOffset = this.pos;
        if (this.startsKey()) {
          item = this.blockNode(this.column(), node);
        } else {
          item = this.inlineValue(node);
          this.endOfLine();
          this.skipBlankLines();
          if (this.nextColumn() > column && this.pos < this.text.length) throw BAIL;
        }
      }
      if (node) node.items.push(item.node!);
      value.push(item.value);
      spans?.push({ offset: itemOffset, length: this.end - itemOffset, kind: kindOf(item.value) });
      if (this.pos >= this.text.length || this.atDocumentMarker()) break;
      const next = this.nextColumn();
      if (next < column) break;
      if (next > column) throw BAIL;
      if (!this.atSequenceEntry()) {
        if (inMapping) break; // a same-indent sequence ends at the parent's next key
        throw BAIL;
      }
    }
    if (node) {
      node.length = this.end - offset;
      trimCollection(node);
    }
    if (spans) this.topItems = spans;
    return { node, value: trimmed(value) };
  }

  /** Whether a `key:` starts at the current offset (so `- key: v` opens a compact mapping). */
  private startsKey(): boolean {
    const save = this.pos;
    try {
      const c = this.text.charCodeAt(this.pos);
      if (c === 34 || c === 39) {
        this.quotedText();
      } else {
        if (!this.plainStart(c)) return false;
        this.toLineEndOrKeyColon();
      }
      this.skipSpaces();
      return this.atKeyColon();
    } catch (e) {
      if (e !== BAIL) throw e;
      return false;
    } finally {
      this.pos = save;
    }
  }

  /** A `- ` (or `-` at a line end) at the current offset. */
  private atSequenceEntry(): boolean {
    return this.text.charCodeAt(this.pos) === DASH && this.isSeparated(this.pos + 1);
  }

  /** A key-like word alone on its line, with nothing after it (not even a space). */
  private atKeyBeingTyped(): boolean {
    const end = this.typedWordEnd();
    if (end < 0) return false;
    const word = this.text.slice(this.pos, end);
    return resolvePlain(word) === word && word !== '__proto__';
  }

  /**
   * Where a word of letters, digits and `_` (not starting with a digit) that starts here ends, if a
   * line break or the end of the text follows it; else -1.
   */
  private typedWordEnd(): number {
    const text = this.text;
    let i = this.pos;
    let c = text.charCodeAt(i);
    if (!(isLetter(c) || c === UNDERSCORE)) return -1;
    do c = text.charCodeAt(++i);
    while (isLetter(c) || c === UNDERSCORE || (c >= 48 && c <= 57));
    return i >= text.length || c === LF || (c === CR && text.charCodeAt(i + 1) === LF) ? i : -1;
  }

  /**
   * Reads a key being typed (a bare word, `column` its mapping's) as the general path, the yaml
   * library, reads it; what follows decides how (test/engine/document/parseYamlBlock.test.ts
   * compares the two on generated documents):
   * - where the library's lexer ends the word's plain scalar at its line (plainScalarIndent): a
   *   key of its own with neither colon nor value (`typedKeyAlone`), and an error on it;
   * - else the key line below it (after blank lines, if any) continues it: one key over several
   *   lines, folded as a plain scalar is, with that line's colon and value, and an error on it.
   */
  private keyBeingTyped(parent: ObjectNode | undefined, column: number): string {
    const text = this.text;
    const start = this.pos;
    const end = this.typedWordEnd();
    const word = text.slice(start, end);
    const lineStart = this.lineStart;
    this.pos = end;
    this.endOfLine();
    const skipped = { blank: 0, comment: false };
    this.skipBlankLines(skipped);
    // A comment line, the end of the text or a `---` ends the word's plain scalar; else the line
    // below continues it where the library's lexer would.
    const ends = skipped.comment || this.pos >= text.length || this.atDocumentMarker();
    const indent = this.plainScalarIndent(lineStart, column, word.length);
    const joins = !ends && (indent === 0 || this.column() >= indent);
    if (joins ? this.column() !== column : !ends && this.column() > column) throw BAIL; // what no client file holds
    this.typedKeyAlone = !joins;
    if (this.typedKeyAlone) {
      this.pos = this.end = end;
      this.lineStart = lineStart;
      this.problems.push({ code: 'syntax-error', message: MISSING_MAP_VALUE, offset: start, length: end - start, severity: 'error' });
      return parent ? newProperty(parent, word, start, end - start).key : word;
    }
    if (this.atSequenceEntry()) throw BAIL;
    const next = this.pos;
    this.key(undefined);
    const keyEnd = this.keyEnd;
    const key = `${word}${skipped.blank ? '\n'.repeat(skipped.blank) : ' '}${text.slice(next, keyEnd)}`;
    this.problems.push({ code: 'syntax-error', message: MULTILINE_KEY, offset: start, length: keyEnd - start, severity: 'error' });
    return parent ? newProperty(parent, key, start, keyEnd - start, this.pos).key : key;
  }

  /**
   * The yaml library's lexer carries a plain scalar on to a following line indented at least this
   * much, or to any line when this is 0 (its `indentNext`), for the word of a key being typed whose
   * line starts at `lineStart`. The previous entry's last line leaves it above the word's column
   * (each such line of ours holds a `: ` or `- `, which set it one past their indentation); each
   * blank or comment line after that lowers it to its own indentation when the character after
   * its first one (the next line's first, for a blank line) is not a space or line break; and a
   * word of two or more characters lowers it to its own column.
   */
  private plainScalarIndent(lineStart: number, column: number, wordLength: number): number {
    const text = this.text;
    // The blank and comment lines just above the word's line, from the top.
    const lines: number[] = [];
    for (let at = lineStart; at > 0; ) {
      const above = text.lastIndexOf('\n', at - 2) + 1;
      let i = above;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR && c !== HASH) break;
      lines.unshift(above);
      at = above;
    }
    let indent = Infinity;
    for (const above of lines) {
      let i = above;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i - above < indent && !isEmptyForLexer(text.charCodeAt(i + 1))) indent = i - above;
    }
    return wordLength > 1 && indent > column ? column : indent;
  }

  /**
   * Reads a key and its colon, adding its property to `parent` when nodes are built. `mayBeTyped`:
   * a key being typed (atKeyBeingTyped) returns null instead, with nothing read.
   */
  private key(parent: ObjectNode | undefined, mayBeTyped = false): string | null {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    let key: string;
    if (c === 34 || c === 39) {
      key = this.quotedText();
    } else {
      if (!this.plainStart(c)) throw BAIL;
      this.toLineEndOrKeyColon();
      key = this.text.slice(start, trimRight(this.text, start, this.pos));
      if (key.startsWith('<<') || resolvePlain(key) !== key) throw BAIL; // merge keys, typed keys
    }
    const keyEnd = c === 34 || c === 39 ? this.pos : trimRight(this.text, start, this.pos);
    this.keyEnd = keyEnd;
    this.skipSpaces();
    if (!this.atKeyColon()) {
      // Looked at only here, where the key has no colon: the keys that have one pay nothing for it.
      this.pos = start;
      if (mayBeTyped && this.atKeyBeingTyped()) return null;
      throw BAIL;
    }
    if (key === '__proto__') throw BAIL;
    this.pos++;
    return parent ? newProperty(parent, key, start, keyEnd - start, this.pos).key : key;
  }

  /** A value on the rest of this line: a quoted or plain scalar, `[…]` or `{}`. */
  private inlineValue(parent: ObjectNode | ArrayNode | undefined): Read {
    const c = this.text.charCodeAt(this.pos);
    if (c === 34 || c === 39) return this.quoted(parent);
    if (c === 91 /* [ */) return this.flowSequence(parent);
    if (c === 123 /* { */) {
      if (this.text.charCodeAt(this.pos + 1) !== 125) throw BAIL;
      const node: ObjectNode | undefined = this.withNodes ? { type: 'object', offset: this.pos, length: 2, properties: [], parent } : undefined;
      this.pos += 2;
      this.end = this.pos;
      return { node, value: {} };
    }
    if (!this.plainStart(c)) throw BAIL;
    const start = this.pos;
    for (;;) {
      this.skipOrdinary();
      if (this.atLineEnd()) break;
      if (this.atKeyColon()) throw BAIL; // `a: b: c`, or a key where a value belongs
      this.pos++;
    }
    const end = trimRight(this.text, start, this.pos);
    return this.plainNode(start, end, parent);
  }

  private plainNode(start: number, end: number, parent: ObjectNode | ArrayNode | undefined): Read {
    const raw = this.text.slice(start, end);
    const v = resolvePlain(raw);
    this.end = end;
    if (!this.withNodes) return { node: undefined, value: v };
    const length = end - start;
    if (v === null) return { node: { type: 'null', value: null, offset: start, length, parent }, value: null };
    if (typeof v === 'boolean') return { node: { type: 'boolean', value: v, offset: start, length, parent }, value: v };
    if (typeof v === 'number') return { node: { type: 'number', value: v, offset: start, length, parent }, value: v };
    return { node: { type: 'string', value: raw, quote: '', offset: start, length, parent }, value: raw };
  }

  /** `[a, "b", c]` on one line, scalars only. */
  private flowSequence(parent: ObjectNode | ArrayNode | undefined): Read {
    const node: ArrayNode | undefined = this.withNodes ? { type: 'array', offset: this.pos, length: 0, items: [], parent } : undefined;
    const offset = this.pos;
    const value: unknown[] = [];
    const text = this.text;
    this.pos++;
    this.skipSpaces();
    if (text.charCodeAt(this.pos) !== 93) {
      for (;;) {
        const c = text.charCodeAt(this.pos);
        let item: Read;
        if (c === 34 || c === 39) {
          item = this.quoted(node);
        } else {
          if (!this.plainStart(c) || c === 44) throw BAIL;
          const start = this.pos;
          for (;;) {
            const d = text.charCodeAt(this.pos);
            if (this.atLineEnd() || d === 91 || d === 123 || d === 125) throw BAIL;
            if (d === 44 || d === 93) break;
            if (d === COLON && (this.isSeparated(this.pos + 1) || text.charCodeAt(this.pos + 1) === 44 || text.charCodeAt(this.pos + 1) === 93)) throw BAIL;
            this.pos++;
          }
          item = this.plainNode(start, trimRight(text, start, this.pos), node);
        }
        if (node) node.items.push(item.node!);
        value.push(item.value);
        this.skipSpaces();
        const d = text.charCodeAt(this.pos);
        if (d === 93) break;
        if (d !== 44) throw BAIL;
        this.pos++;
        this.skipSpaces();
        if (text.charCodeAt(this.pos) === 93) throw BAIL; // trailing comma
      }
    }
    this.pos++;
    this.end = this.pos;
    if (node) {
      node.length = this.pos - offset;
      trimCollection(node);
    }
    return { node, value: trimmed(value) };
  }

  /** A one-line quoted scalar, with its node when nodes are built. */
  private quoted(parent: ObjectNode | ArrayNode | undefined): Read {
    const start = this.pos;
    const value = this.quotedText();
    this.end = this.pos;
    if (!this.withNodes) return { node: undefined, value };
    const quote = this.text.charCodeAt(start) === 34 ? '"' : "'";
    return { node: { type: 'string', value, quote, offset: start, length: this.pos - start, parent }, value };
  }

  /** Reads a one-line quoted scalar (common escapes only) and returns its value. */
  private quotedText(): string {
    const text = this.text;
    const start = this.pos;
    const q = text.charCodeAt(start);
    let out = '';
    let i = start + 1;
    let from = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= text.length || c === LF || c === CR) throw BAIL; // multi-line: general path
      if (c === q) {
        if (q === 39 && text.charCodeAt(i + 1) === 39) {
          out += text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (q === 34 && c === 92 /* \ */) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          const code = parseInt(text.slice(i + 2, i + 6), 16);
          if (code >= 0xd800 && code <= 0xdfff) throw BAIL;
          out += String.fromCharCode(code);
          i += 6;
        } else throw BAIL;
        from = i;
        continue;
      }
      i++;
    }
    out += text.slice(from, i);
    this.pos = i + 1;
    return out;
  }

  /** A plain scalar may start with this character (indicators other than `-?:` + non-space may not). */
  private plainStart(c: number): boolean {
    switch (c) {
      case 44: case 91: case 93: case 123: case 125: case HASH: case 38: case 42: case 33:
      case 124: case 62: case 39: case 34: case 37: case 64: case 96:
        return false;
      case DASH: case 63: case COLON:
        return !this.isSeparated(this.pos + 1);
      default:
        return !(this.pos >= this.text.length || c === LF || c === CR || c === SPACE);
    }
  }

  /**
   * Skips characters that can't end a plain scalar here (all but line breaks, `#` and `:`), with
   * the native regexp engine: per-character method calls dominated parsing before the JIT warms up.
   */
  private skipOrdinary(): void {
    ORDINARY.lastIndex = this.pos;
    ORDINARY.test(this.text);
    this.pos = ORDINARY.lastIndex;
  }

  /** To the end of a plain key or scalar on this line: its line end, comment or `: `. */
  private toLineEndOrKeyColon(): void {
    for (;;) {
      this.skipOrdinary();
      if (this.atLineEnd() || this.atKeyColon()) return;
      this.pos++; // a `#` not after a space, or a `:` not before one
    }
  }

  /** Comment or line end after the value: anything else on the line is outside our subset. */
  private endOfLine(): void {
    this.skipSpaces();
    if (!this.atLineEnd()) throw BAIL;
    const text = this.text;
    while (this.pos < text.length && text.charCodeAt(this.pos) !== LF) {
      if (text.charCodeAt(this.pos) === CR && text.charCodeAt(this.pos + 1) !== LF) throw BAIL;
      this.pos++;
    }
    if (this.pos < text.length) this.pos++;
    this.lineStart = this.pos;
  }

  /** Skips empty and comment-only lines; leaves pos at the first content character of the next line. */
  /** `skipped`, if given, counts the empty lines and notes whether a comment line was among them. */
  private skipBlankLines(skipped?: { blank: number; comment: boolean }): void {
    const text = this.text;
    for (;;) {
      let i = this.lineStart;
      // Bounds checked before reading: a read past the end (every document's last line) would
      // throw the optimised code away and leave the first big document to slower code.
      while (i < text.length && text.charCodeAt(i) === SPACE) i++;
      if (i >= text.length) {
        this.pos = text.length;
        return;
      }
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR && c !== HASH) {
        this.pos = i;
        return;
      }
      if (skipped) {
        if (c === HASH) skipped.comment = true;
        else skipped.blank++;
      }
      this.pos = i;
      this.endOfLine();
    }
  }

  private nextColumn(): number {
    return this.pos >= this.text.length ? -1 : this.pos - this.lineStart;
  }

  private column(): number {
    return this.pos - this.lineStart;
  }

  /** Where a document's root ends: after its last line's break, as the general path counts it. */
  private documentEnd(): number {
    return this.pos >= this.text.length ? this.text.length : this.lineStart;
  }

  private atDocumentMarker(): boolean {
    const t = this.text;
    const p = this.pos;
    return p === this.lineStart && t.charCodeAt(p) === DASH && t.charCodeAt(p + 1) === DASH && t.charCodeAt(p + 2) === DASH && this.isSeparated(p + 3);
  }

  /** At a line break, the end of the text, or a comment (`#` after white space). */
  private atLineEnd(): boolean {
    const p = this.pos;
    if (p >= this.text.length) return true;
    const c = this.text.charCodeAt(p);
    return c === LF || c === CR || (c === HASH && (p === this.lineStart || this.text.charCodeAt(p - 1) === SPACE));
  }

  private atKeyColon(): boolean {
    return this.text.charCodeAt(this.pos) === COLON && this.isSeparated(this.pos + 1);
  }

  /** A space, a line break or the end of the text at `i`. */
  private isSeparated(i: number): boolean {
    if (i >= this.text.length) return true;
    const c = this.text.charCodeAt(i);
    return c === SPACE || c === LF || c === CR;
  }

  private skipSpaces(): void {
    const text = this.text;
    while (this.pos < text.length && text.charCodeAt(this.pos) === SPACE) this.pos++;
  }
}

const ORDINARY = /[^\n\r#:]*/y;
const UNDERSCORE = 95;

/** The yaml lexer's isEmpty: no character, a space, a tab or a line break. */
function isEmptyForLexer(c: number): boolean {
  return Number.isNaN(c) || c === SPACE || c === LF || c === CR || c === 9;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
// The yaml library's messages for keys being typed, as parseYamlTolerant reports them (the tests
// compare the two paths).
const MISSING_MAP_VALUE = 'Implicit map keys need to be followed by map values (MISSING_CHAR)';
const MULTILINE_KEY = 'Implicit keys need to be on a single line (MULTILINE_IMPLICIT_KEY)';

function kindOf(value: unknown): ValueKind {
  return Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : 'scalar';
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

function trimRight(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

// What js-yaml's core schema reads as a number (over-approximated: a false match only costs the
// general path). Its float pattern, and its integer forms with `_` separators and 0b/0o/0x.
const INT_LIKE = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]+)$/;
const FLOAT_LIKE = /^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * YAML 1.2 core-schema resolution of a plain scalar, as js-yaml's CORE_SCHEMA does it — but only
 * for the forms client files use: null, booleans and plain decimal integers. Anything else that
 * could be a number (floats, octal, hex, `.inf`) is left to the general path.
 */
function resolvePlain(s: string): unknown {
  // Most scalars and keys start with a letter that no null, boolean or number starts with.
  const c = s.charCodeAt(0) | 0x20;
  if (c >= 0x61 && c <= 0x7a && c !== 0x6e /* n */ && c !== 0x74 /* t */ && c !== 0x66 /* f */) return s;
  switch (s) {
    case '': case '~': case 'null': case 'Null': case 'NULL':
      return null;
    case 'true': case 'True': case 'TRUE':
      return true;
    case 'false': case 'False': case 'FALSE':
      return false;
  }
  if (!INT_LIKE.test(s) && !FLOAT_LIKE.test(s)) return s;
  if (/^-?(?:0|[1-9][0-9]{0,14})$/.test(s)) return Number(s);
  throw BAIL;
}
