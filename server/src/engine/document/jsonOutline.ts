// A one-pass look at JSON that JSON.parse has already accepted, building no nodes: where the
// top-level value is and, for an array, where each item is; and how many keys the text holds. The
// parsed value holds fewer keys exactly when the text repeats a key in some object (JSON.parse
// keeps the last silently), so comparing the two counts finds duplicate keys without a tree.
import type { ValueOutline } from './documentModel';
import { CLOSE_BRACE, CLOSE_BRACKET, closingQuote, COLON, COMMA, isWhitespace, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './jsonText';

export type ValueKind = 'object' | 'array' | 'scalar';

export interface ValueSpan {
  offset: number;
  length: number;
  kind: ValueKind;
}

export interface JsonOutline extends ValueOutline {
  keyCount: number;
}

function kindOf(c: number): ValueKind {
  return c === OPEN_BRACE ? 'object' : c === OPEN_BRACKET ? 'array' : 'scalar';
}

/** Only for text JSON.parse accepted (from `start`, past a BOM): it does not check the syntax. */
export function outlineJson(text: string, start: number): JsonOutline {
  const n = text.length;
  let depth = 0;
  let keyCount = 0;
  let rootStart = -1;
  let rootKind: ValueKind = 'scalar';
  let lastNonWs = -1; // offset of the last character of the last token seen
  let items: ValueSpan[] | undefined;
  let itemStart = -1;
  let itemKind: ValueKind = 'scalar';
  const closeItem = () => {
    if (itemStart >= 0) items!.push({ offset: itemStart, length: lastNonWs + 1 - itemStart, kind: itemKind });
    itemStart = -1;
  };
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) continue;
    if (rootStart < 0) {
      rootStart = i;
      rootKind = kindOf(c);
      if (rootKind === 'array') items = [];
    } else if (items && depth === 1 && itemStart < 0 && c !== COMMA && c !== CLOSE_BRACKET) {
      itemStart = i;
      itemKind = kindOf(c);
    }
    if (c === QUOTE) {
      const end = closingQuote(text, i + 1);
      let next = end + 1;
      while (next < n && isWhitespace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === COLON) keyCount++;
      i = end;
      lastNonWs = end;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (items && depth === 0) closeItem();
    } else if (c === COMMA && items && depth === 1) closeItem();
    lastNonWs = i;
  }
  const root: ValueSpan = { offset: Math.max(rootStart, start), length: rootStart < 0 ? 0 : lastNonWs + 1 - rootStart, kind: rootKind };
  return items ? { root, items, keyCount } : { root, keyCount };
}

/** Own keys of every object in a parsed JSON value. Iterative: any depth. */
export function countKeys(value: unknown): number {
  let count = 0;
  const work: unknown[] = [value];
  while (work.length) {
    const v = work.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === 'object') work.push(v[i]);
      continue;
    }
    const o = v as Record<string, unknown>;
    // Own keys only (an enumerable key on Object.prototype must not offset a duplicate), read
    // with an indexed loop: for-of's iterator objects were ~1.7 MB of a big file's garbage.
    const keys = Object.keys(o);
    count += keys.length;
    for (let i = 0; i < keys.length; i++) {
      const child = o[keys[i]];
      if (child !== null && typeof child === 'object') work.push(child);
    }
  }
  return count;
}
