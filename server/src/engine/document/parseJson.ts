// JSON with positions. Well-formed input (the common case, and the one the big-file budget is
// about) is read by the native parser, its nodes built on demand by a fast strict scanner;
// anything else goes to jsonc-parser, which tolerates errors and comments and reports them.
import * as jsonc from 'jsonc-parser';
import { attach, newArray, newObject, newProperty, trimCollection } from './astBuilder';
import type { ArrayNode, AstNode, NodesOnDemand, ObjectNode, ParseProblem, ParsedDocument, SubDocument } from './documentModel';
import { findDuplicateKeys } from './duplicateKeys';
import { countKeys, outlineJson, type JsonOutline, type ValueSpan } from './jsonOutline';

export function parseJson(text: string): ParsedDocument {
  return parseJsonStrict(text) ?? parseJsonTolerant(text);
}

/**
 * Well-formed JSON only (null otherwise). The native parser reads it first: its value is all that
 * validation needs, and the outline says where each client is. Nodes — tens of thousands in a
 * big file, most of them never looked at — are built only on demand: one client's when one of
 * its diagnostics needs a position, the whole tree when an editing feature asks for it.
 */
export function parseJsonStrict(text: string): ParsedDocument | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const value = nativeValue(text, start);
  if (value !== undefined) {
    const outline = outlineJson(text, start);
    if (outline.keyCount === countKeys(value)) {
      return { language: 'json', text, documents: [new LazyJsonDocument(text, start, value, outline)], problems: [] };
    }
  }
  // Duplicate keys (or a text the native parser refused): the tree now, to find and place them.
  const root = parseStrict(text, start, false);
  if (root === null) return null;
  return { language: 'json', text, documents: [{ root, offset: 0, length: text.length, value }], problems: findDuplicateKeys(root) };
}

/**
 * The document's value from the native parser: several times faster than walking our tree, and
 * it agrees with it on everything the strict scanner accepts (last duplicate wins, `__proto__`
 * stays an own key).
 */
function nativeValue(text: string, start: number): unknown {
  try {
    return JSON.parse(start ? text.slice(start) : text);
  } catch {
    return undefined; // the tree walk will do
  }
}

/** Well-formed JSON without duplicate keys, its nodes built on demand (see parseJsonStrict). */
class LazyJsonDocument implements SubDocument, NodesOnDemand {
  readonly language = 'json';
  readonly offset = 0;
  readonly length: number;
  private tree: AstNode | undefined = undefined;
  private built = false;

  constructor(
    readonly text: string,
    private readonly start: number,
    public value: unknown,
    readonly outline: JsonOutline,
  ) {
    this.length = text.length;
  }

  get root(): AstNode | undefined {
    if (!this.built) {
      this.tree = parseStrict(this.text, this.start, false) ?? undefined;
      this.built = true;
    }
    return this.tree;
  }

  set root(node: AstNode | undefined) {
    this.tree = node;
    this.built = true;
  }

  get nodesOnDemand(): NodesOnDemand | undefined {
    return this.built ? undefined : this;
  }

  nodesAt(span: ValueSpan): AstNode {
    // Cut at the value's end (offsets stay): the scanner's searches then stop there, not at the
    // end of a big document, once for every client.
    return parseStrict(this.text.slice(0, span.offset + span.length), span.offset, true)!;
  }
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Returns null on any syntax problem; the tolerant parser then explains it. `single`: read the one
 * value at `from` and stop there (the rest of the text is not looked at).
 */
function parseStrict(text: string, from: number, single: boolean): AstNode | null {
  let pos = from;
  const skipWs = () => {
    WS.lastIndex = pos;
    WS.test(text);
    pos = WS.lastIndex;
  };
  // Explicit stack: 10,000-deep nesting must not overflow the call stack.
  const stack: (ObjectNode | ArrayNode)[] = [];
  let root: AstNode | null = null;

  const finishValue = (node: AstNode): boolean => {
    const parent = stack[stack.length - 1];
    if (parent) attach(parent, node);
    else if (root === null) root = node;
    else return false;
    return true;
  };

  // Next backslash at or after some offset, remembered: searching afresh for every string would
  // rescan the rest of a backslash-free document each time (quadratic on big files).
  let nextBackslash = -2;
  const backslashFrom = (i: number) => {
    if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = text.indexOf('\\', i);
    return nextBackslash;
  };
  const readString = (): string | null => {
    // pos at opening quote
    let i = pos + 1;
    let out = '';
    let chunkStart = i;
    for (;;) {
      const q = text.indexOf('"', i);
      const b = backslashFrom(i);
      if (q < 0) return null;
      if (b >= 0 && b < q) {
        out += text.slice(chunkStart, b);
        const e = text[b + 1];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(b + 2, b + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
            out += String.fromCharCode(parseInt(hex, 16));
            i = chunkStart = b + 6;
            continue;
          }
          default: return null;
        }
        i = chunkStart = b + 2;
        continue;
      }
      out += text.slice(chunkStart, q);
      // Raw control characters are not allowed inside JSON strings.
      for (let k = pos + 1; k < q; k++) if (text.charCodeAt(k) < 0x20) return null;
      pos = q + 1;
      return out;
    }
  };

  // expect: what may come next. 'value' | 'key' (or '}') | 'commaOrEnd'
  let expect: 'value' | 'firstKey' | 'key' | 'commaOrEnd' | 'firstItem' = 'value';
  for (;;) {
    skipWs();
    if (pos >= text.length) return expect === 'commaOrEnd' && stack.length === 0 ? root : null;
    const c = text.charCodeAt(pos);
    if (expect === 'commaOrEnd') {
      const top = stack[stack.length - 1];
      if (!top) return single ? root : null; // else trailing garbage after the root value
      if (c === 0x2c /* , */) {
        pos++;
        expect = top.type === 'object' ? 'key' : 'value';
        continue;
      }
      if ((c === 0x7d /* } */ && top.type === 'object') || (c === 0x5d /* ] */ && top.type === 'array')) {
        pos++;
        top.length = pos - top.offset;
        trimCollection(top);
        stack.pop();
        expect = 'commaOrEnd';
        continue;
      }
      return null;
    }
    if (expect === 'key' || expect === 'firstKey') {
      if (c === 0x7d && expect === 'firstKey') {
        const top = stack.pop()!;
        pos++;
        top.length = pos - top.offset;
        expect = 'commaOrEnd';
        continue;
      }
      if (c !== 0x22) return null;
      const keyOffset = pos;
      const key = readString();
      if (key === null) return null;
      const keyLength = pos - keyOffset;
      skipWs();
      if (text.charCodeAt(pos) !== 0x3a /* : */) return null;
      pos++;
      newProperty(stack[stack.length - 1] as ObjectNode, key, keyOffset, keyLength, pos);
      expect = 'value';
      continue;
    }
    if (expect === 'firstItem' && c === 0x5d) {
      const top = stack.pop()!;
      pos++;
      top.length = pos - top.offset;
      expect = 'commaOrEnd';
      continue;
    }
    // A value.
    const parent = stack[stack.length - 1];
    if (c === 0x7b /* { */) {
      const o = newObject(pos, parent);
      if (!finishValue(o)) return null;
      stack.push(o);
      pos++;
      expect = 'firstKey';
      continue;
    }
    if (c === 0x5b /* [ */) {
      const a = newArray(pos, parent);
      if (!finishValue(a)) return null;
      stack.push(a);
      pos++;
      expect = 'firstItem';
      continue;
    }
    const offset = pos;
    let node: AstNode;
    if (c === 0x22) {
      const s = readString();
      if (s === null) return null;
      node = { type: 'string', value: s, quote: '"', offset, length: pos - offset, parent };
    } else if (text.startsWith('true', pos)) {
      pos += 4;
      node = { type: 'boolean', value: true, offset, length: 4, parent };
    } else if (text.startsWith('false', pos)) {
      pos += 5;
      node = { type: 'boolean', value: false, offset, length: 5, parent };
    } else if (text.startsWith('null', pos)) {
      pos += 4;
      node = { type: 'null', value: null, offset, length: 4, parent };
    } else {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      if (!m) return null;
      pos += m[0].length;
      node = { type: 'number', value: Number(m[0]), offset, length: m[0].length, parent };
    }
    if (!finishValue(node)) return null;
    expect = 'commaOrEnd';
  }
}

export function parseJsonTolerant(text: string): ParsedDocument {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: true });
  const problems: ParseProblem[] = errors.map((e) => ({
    code: 'syntax-error',
    message: jsonErrorMessage(e.error),
    offset: e.offset,
    length: Math.max(e.length, 1),
    severity: 'error' as const,
  }));
  // jsonc-parser reports comments as errors only when asked; JSON files must not have them.
  jsonc.visit(text, {
    onComment: (offset, length) => {
      problems.push({ code: 'syntax-error', message: 'Comments are not permitted in JSON.', offset, length, severity: 'error' });
    },
  });
  const root = tree ? convert(tree, undefined) : undefined;
  if (root) problems.push(...findDuplicateKeys(root));
  if (!root && text.trim().length > 0 && problems.length === 0) {
    problems.push({ code: 'syntax-error', message: 'Expected a JSON object or array.', offset: 0, length: 1, severity: 'error' });
  }
  return { language: 'json', text, documents: [{ root, offset: 0, length: text.length }], problems };
}

function convert(n: jsonc.Node, parent: ObjectNode | ArrayNode | undefined): AstNode | undefined {
  // Iterative conversion: jsonc-parser itself recurses, but deep trees must not overflow ours.
  type Frame = { src: jsonc.Node; dst: ObjectNode | ArrayNode };
  const make = (src: jsonc.Node, parent: ObjectNode | ArrayNode | undefined): AstNode | undefined => {
    const { offset, length } = src;
    // Field order as in every parser (astBuilder.ts), so nodes share their shapes.
    switch (src.type) {
      case 'object': return { type: 'object', offset, length, properties: [], parent };
      case 'array': return { type: 'array', offset, length, items: [], parent };
      case 'string': return { type: 'string', value: src.value as string, quote: '"', offset, length, parent };
      case 'number': return { type: 'number', value: src.value as number, offset, length, parent };
      case 'boolean': return { type: 'boolean', value: src.value as boolean, offset, length, parent };
      case 'null': return { type: 'null', value: null, offset, length, parent };
      default: return undefined;
    }
  };
  const root = make(n, parent);
  const work: Frame[] = [];
  if (root && (root.type === 'object' || root.type === 'array')) work.push({ src: n, dst: root });
  while (work.length) {
    const { src, dst } = work.pop()!;
    for (const child of src.children ?? []) {
      if (dst.type === 'object') {
        const keyNode = child.children?.[0];
        if (!keyNode) continue;
        const prop = newProperty(dst, String(keyNode.value), keyNode.offset, keyNode.length);
        if (child.colonOffset !== undefined && child.colonOffset >= 0) prop.colonOffset = child.colonOffset + 1;
        const valueSrc = child.children?.[1];
        const value = valueSrc ? make(valueSrc, dst) : undefined;
        if (value) {
          prop.value = value;
          if (value.type === 'object' || value.type === 'array') work.push({ src: valueSrc!, dst: value });
        }
      } else {
        const value = make(child, dst);
        if (!value) continue;
        dst.items.push(value);
        if (value.type === 'object' || value.type === 'array') work.push({ src: child, dst: value });
      }
    }
  }
  return root;
}

function jsonErrorMessage(code: jsonc.ParseErrorCode): string {
  switch (code) {
    case jsonc.ParseErrorCode.InvalidSymbol: return 'Invalid symbol.';
    case jsonc.ParseErrorCode.InvalidNumberFormat: return 'Invalid number format.';
    case jsonc.ParseErrorCode.PropertyNameExpected: return 'Property name expected.';
    case jsonc.ParseErrorCode.ValueExpected: return 'Value expected.';
    case jsonc.ParseErrorCode.ColonExpected: return 'Colon expected.';
    case jsonc.ParseErrorCode.CommaExpected: return 'Comma expected.';
    case jsonc.ParseErrorCode.CloseBraceExpected: return 'Closing brace expected.';
    case jsonc.ParseErrorCode.CloseBracketExpected: return 'Closing bracket expected.';
    case jsonc.ParseErrorCode.EndOfFileExpected: return 'End of file expected.';
    case jsonc.ParseErrorCode.InvalidCommentToken: return 'Invalid comment token.';
    case jsonc.ParseErrorCode.UnexpectedEndOfComment: return 'Unexpected end of comment.';
    case jsonc.ParseErrorCode.UnexpectedEndOfString: return 'Unexpected end of string.';
    case jsonc.ParseErrorCode.UnexpectedEndOfNumber: return 'Unexpected end of number.';
    case jsonc.ParseErrorCode.InvalidUnicode: return 'Invalid unicode sequence in string.';
    case jsonc.ParseErrorCode.InvalidEscapeCharacter: return 'Invalid escape character in string.';
    case jsonc.ParseErrorCode.InvalidCharacter: return 'Invalid characters in string. Control characters must be escaped.';
    default: return 'Syntax error.';
  }
}
