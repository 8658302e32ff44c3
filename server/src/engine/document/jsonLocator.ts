// Positions read straight from well-formed JSON without duplicate keys, with no nodes built: the
// value at a path, the key of a property. A big file's diagnostics need a position for ~1,500
// values; scanning one client's text for each is far cheaper than building its nodes.
import type { AstNode } from './documentModel';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, closingQuote, COMMA, isWhitespace, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './jsonText';

export interface LocatedValue {
  offset: number;
  length: number;
  type: AstNode['type'];
  /** The value of a scalar (strings decoded); undefined for objects and arrays. */
  value?: unknown;
}

export interface LocatedKey {
  offset: number;
  length: number;
  /** Where the property's value starts. */
  valueOffset: number;
}

/**
 * The value at `path` below the value starting at `offset`, or undefined when the path does not
 * lead to one (a missing key or item, a scalar on the way): the caller's nodes then say how far
 * it leads, as they do for every other document.
 */
export function locateJsonValue(text: string, offset: number, path: readonly (string | number)[]): LocatedValue | undefined {
  let pos = offset;
  for (const segment of path) {
    const c = text.charCodeAt(pos);
    if (c === OPEN_BRACE) {
      const key = locateJsonKey(text, pos, String(segment));
      if (!key) return undefined;
      pos = key.valueOffset;
    } else if (c === OPEN_BRACKET) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0) return undefined;
      const item = itemStart(text, pos, index);
      if (item < 0) return undefined;
      pos = item;
    } else return undefined;
  }
  const end = valueEnd(text, pos);
  return { offset: pos, length: end - pos, ...scalar(text, pos, end) };
}

/** The key `key` of the object starting at `objectOffset`, if it has one. */
export function locateJsonKey(text: string, objectOffset: number, key: string): LocatedKey | undefined {
  let pos = skipWhitespace(text, objectOffset + 1);
  while (text.charCodeAt(pos) === QUOTE) {
    const keyEnd = closingQuote(text, pos + 1) + 1;
    const valueOffset = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the ':'
    if (keyIs(text, pos, keyEnd, key)) return { offset: pos, length: keyEnd - pos, valueOffset };
    pos = skipWhitespace(text, valueEnd(text, valueOffset));
    if (text.charCodeAt(pos) !== COMMA) return undefined;
    pos = skipWhitespace(text, pos + 1);
  }
  return undefined;
}

/** Whether the key token text[start, end) (quotes included) is `key`. */
function keyIs(text: string, start: number, end: number, key: string): boolean {
  for (let i = start + 1; i < end - 1; i++) {
    if (text.charCodeAt(i) === BACKSLASH) return JSON.parse(text.slice(start, end)) === key;
  }
  return end - start - 2 === key.length && text.startsWith(key, start + 1);
}

function itemStart(text: string, arrayOffset: number, index: number): number {
  let pos = skipWhitespace(text, arrayOffset + 1);
  for (let i = 0; text.charCodeAt(pos) !== CLOSE_BRACKET; i++) {
    if (i === index) return pos;
    pos = skipWhitespace(text, valueEnd(text, pos));
    if (text.charCodeAt(pos) !== COMMA) return -1;
    pos = skipWhitespace(text, pos + 1);
  }
  return -1;
}

function scalar(text: string, start: number, end: number): { type: AstNode['type']; value?: unknown } {
  const c = text.charCodeAt(start);
  if (c === OPEN_BRACE) return { type: 'object' };
  if (c === OPEN_BRACKET) return { type: 'array' };
  const value: unknown = JSON.parse(text.slice(start, end));
  const type = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : 'number';
  return { type, value };
}

/** Where the value starting at `start` ends. */
function valueEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === QUOTE) return closingQuote(text, start + 1) + 1;
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) i = closingQuote(text, i + 1);
      else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
  return i;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c);
}

function skipWhitespace(text: string, pos: number): number {
  while (isWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}
