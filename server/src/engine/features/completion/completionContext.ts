// Where the cursor is, for completion: a client key, a field's value or array item, or a place for
// a whole new client. Read from the cached parse tree (the tolerant parsers keep partial trees for
// documents being typed); where the tree has no node at the cursor, from the lines around it.
import type { ArrayNode, AstNode, ObjectNode, ParsedDocument, PropertyNode } from '../../document/documentModel';
import { nodeAtOffset } from '../../document/nodeLookup';
import { isClientObject, owningProperty, propertyEnd, stringItems, subDocumentAt } from '../clientNodes';
import type { CompletionSlot, Span } from './contextTypes';
import { jsonLineSlots, lineBounds, yamlLineSlots } from './lineContext';

export function completionSlots(doc: ParsedDocument, offset: number): CompletionSlot[] {
  if (doc.skippedForSize) return [];
  return doc.language === 'json' ? jsonSlots(doc, offset) : yamlSlots(doc, offset);
}

// ---- JSON ----------------------------------------------------------------------------------------

const WORD_BEFORE = /[A-Za-z0-9_.:-]*$/;
const WORD_AFTER = /^[A-Za-z0-9_.:-]*/;

function jsonSlots(doc: ParsedDocument, offset: number): CompletionSlot[] {
  const text = doc.text;
  const root = doc.documents[0]?.root;
  if (!root || text.trim() === '') return jsonLineSlots(text, offset);
  if (inJsonComment(text, offset)) return [];
  const hit = nodeAtOffset(root, offset);
  if (hit.kind === 'key') return jsonKey(text, offset, hit.property);
  if (hit.kind === 'value') {
    const n = hit.node;
    if (n.type === 'object') return jsonObjectGap(text, offset, n);
    if (n.type === 'array') return jsonArrayGap(text, offset, n);
    if (n.type !== 'alias' && n.parent) return jsonScalar(text, offset, n);
  }
  return jsonLineSlots(text, offset);
}

/** After a `//` on the cursor's line, outside strings (jsonc-parser tolerates comments). */
function inJsonComment(text: string, offset: number): boolean {
  const { start } = lineBounds(text, offset);
  let inString = false;
  for (let i = start; i < offset; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && text[i + 1] === '/') return true;
  }
  return false;
}

function nextChar(text: string, from: number): string {
  const m = /\S/.exec(text.slice(from, from + 200));
  return m ? m[0] : '';
}

function jsonKey(text: string, offset: number, p: PropertyNode): CompletionSlot[] {
  if (!isClientObject(p.parent) || offset <= p.keyOffset) return [];
  const props = p.parent.properties;
  const i = props.indexOf(p);
  const hasValue = p.colonOffset !== undefined;
  const replace = { start: p.keyOffset, end: p.keyOffset + p.keyLength };
  const prev = props[i - 1];
  const commaBefore = prev && !text.slice(propertyEnd(prev), p.keyOffset).includes(',') ? propertyEnd(prev) : undefined;
  return [{
    kind: 'key',
    replace,
    existingKeys: new Set(props.filter((q) => q !== p).map((q) => q.key)),
    hasValue,
    keyColumn: 0,
    commaBefore,
    commaAfter: !hasValue && nextChar(text, replace.end) === '"',
  }];
}

function closedAt(text: string, n: ObjectNode | ArrayNode): boolean {
  const close = n.type === 'object' ? '}' : ']';
  return n.length > 1 && text[n.offset + n.length - 1] === close;
}

/** Whitespace with at most one comma; `(,?)\s*` after `\s*` was quadratic on a long run of spaces. */
const COMMA_GAP = /^\s*(?:(,)\s*)?$/;
function jsonObjectGap(text: string, offset: number, o: ObjectNode): CompletionSlot[] {
  if (offset <= o.offset || (closedAt(text, o) && offset >= o.offset + o.length)) return [];
  let i = o.properties.length - 1;
  while (i >= 0 && o.properties[i].keyOffset >= offset) i--;
  const prev = o.properties[i];
  if (!isClientObject(o)) return [];
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, offset - 200), offset))![0];
  const wordEnd = offset + WORD_AFTER.exec(text.slice(offset, offset + 200))![0].length;
  const replace = { start: offset - word.length, end: wordEnd };
  // jsonc-parser reads `"key": |\n "next": …` as key → "next": the value is really the next key.
  const valueAhead = prev?.value && prev.value.offset >= offset;
  if (valueAhead && !(prev.value!.type === 'string' && nextChar(text, prev.value!.offset + prev.value!.length) === ':')) return [];
  if (prev && prev.colonOffset !== undefined && (!prev.value || prev.value.length === 0 || valueAhead) && offset >= prev.colonOffset) {
    // `"key": |` with no value yet (or a bare word jsonc could not read).
    if (text.slice(prev.colonOffset, replace.start).trim() !== '') return [];
    return [{ kind: 'value', field: prev.key, item: false, replace, existingItems: new Set(), keyColumn: 0, quote: '"', commaAfter: nextChar(text, wordEnd) === '"' }];
  }
  const gapStart = prev ? propertyEnd(prev) : o.offset + 1;
  if (replace.start < gapStart) return [];
  const gap = text.slice(gapStart, replace.start);
  const m = COMMA_GAP.exec(gap);
  if (!m || (prev && prev.colonOffset === undefined)) return [];
  return [{
    kind: 'key',
    replace,
    existingKeys: new Set(o.properties.map((q) => q.key)),
    hasValue: false,
    keyColumn: 0,
    commaBefore: prev && !m[1] ? gapStart : undefined,
    commaAfter: nextChar(text, wordEnd) === '"',
  }];
}

function jsonArrayGap(text: string, offset: number, a: ArrayNode): CompletionSlot[] {
  if (offset <= a.offset || (closedAt(text, a) && offset >= a.offset + a.length)) return [];
  let i = a.items.length - 1;
  while (i >= 0 && a.items[i].offset >= offset) i--;
  const prev = a.items[i];
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, offset - 200), offset))![0];
  const wordEnd = offset + WORD_AFTER.exec(text.slice(offset, offset + 200))![0].length;
  const replace = { start: offset - word.length, end: wordEnd };
  const gapStart = prev ? prev.offset + prev.length : a.offset + 1;
  if (replace.start < gapStart) return [];
  const m = COMMA_GAP.exec(text.slice(gapStart, replace.start));
  if (!m) return [];
  const next = nextChar(text, wordEnd);
  const commas = { commaBefore: prev && !m[1] ? gapStart : undefined, commaAfter: next !== '' && next !== ']' && next !== ',' };
  if (!a.parent) {
    const { start } = lineBounds(text, offset);
    const column = /^[ \t]*/.exec(text.slice(start, offset))![0].length;
    return [{ kind: 'template', replace, form: 'item', column, ...commas }];
  }
  const prop = owningProperty(a);
  if (!prop || a.parent.type !== 'object' || !isClientObject(a.parent)) return [];
  return [{ kind: 'value', field: prop.key, item: true, replace, existingItems: stringItems(a), keyColumn: 0, quote: '"', ...commas }];
}

function jsonScalar(text: string, offset: number, n: AstNode): CompletionSlot[] {
  if (n.type === 'string' && offset <= n.offset) return [];
  const replace = { start: n.offset, end: n.offset + n.length };
  const stringContent = n.type === 'string' ? contentOf(text, replace, '"') : undefined;
  const parent = n.parent;
  if (parent?.type === 'object') {
    const prop = owningProperty(n);
    if (!prop || !isClientObject(parent)) return [];
    return [{ kind: 'value', field: prop.key, item: false, replace, existingItems: new Set(), keyColumn: 0, quote: '"', stringContent }];
  }
  if (parent?.type === 'array' && parent.parent?.type === 'object' && isClientObject(parent.parent)) {
    const prop = owningProperty(parent);
    if (!prop) return [];
    return [{ kind: 'value', field: prop.key, item: true, replace, existingItems: stringItems(parent, n), keyColumn: 0, quote: '"', stringContent }];
  }
  return [];
}

/** A string token's content span: inside its quotes (the closing one may still be missing). */
function contentOf(text: string, span: Span, quote: string): Span {
  const closed = span.end - span.start >= 2 && text[span.end - 1] === quote;
  return { start: span.start + 1, end: closed ? span.end - 1 : span.end };
}

// ---- YAML ----------------------------------------------------------------------------------------

function yamlSlots(doc: ParsedDocument, offset: number): CompletionSlot[] {
  const text = doc.text;
  const root = subDocumentAt(doc, offset)?.root;
  if (root) {
    const hit = nodeAtOffset(root, offset);
    const fromTree = hit.kind === 'key' ? yamlKey(text, offset, hit.property) : hit.kind === 'value' ? yamlScalar(text, offset, hit.node) : undefined;
    if (fromTree) return fromTree;
  }
  return yamlLineSlots(text, offset, { rootIsSequence: root?.type === 'array' });
}

function singleLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
  }
  return true;
}

/** Column of `offset` on its line. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Only the tree's clear answers: a one-line key being typed; undefined = ask the line scan. */
function yamlKey(text: string, offset: number, p: PropertyNode): CompletionSlot[] | undefined {
  const end = p.keyOffset + p.keyLength;
  if (!singleLine(text, p.keyOffset, end) || p.keyLength === 0 || !isClientObject(p.parent)) return undefined;
  // The key must be what starts the line's content (`key`, `- key`): not a continuation of something.
  const { start } = lineBounds(text, offset);
  if (!/^[ \t]*(?:-[ \t]+)*$/.test(text.slice(start, p.keyOffset)) && text[p.parent.offset] !== '{') return undefined;
  return [{
    kind: 'key',
    replace: { start: p.keyOffset, end },
    existingKeys: new Set(p.parent.properties.filter((q) => q !== p).map((q) => q.key)),
    hasValue: p.colonOffset !== undefined,
    keyColumn: columnOf(text, p.keyOffset),
  }];
}

function yamlScalar(text: string, offset: number, n: AstNode): CompletionSlot[] | undefined {
  if (n.type === 'object' || n.type === 'array' || n.type === 'alias' || n.length === 0) return undefined;
  const end = n.offset + n.length;
  if (!singleLine(text, n.offset, end) || '|>'.includes(text[n.offset])) return undefined;
  const quote = n.type === 'string' ? n.quote : '';
  if (quote && offset <= n.offset) return undefined;
  const replace = { start: n.offset, end };
  const stringContent = n.type === 'string' ? (quote ? contentOf(text, replace, quote) : replace) : undefined;
  const parent = n.parent;
  if (parent?.type === 'object') {
    const prop = owningProperty(n);
    if (!prop || !isClientObject(parent)) return undefined;
    return [{ kind: 'value', field: prop.key, item: false, replace, existingItems: new Set(), keyColumn: columnOf(text, prop.keyOffset), quote, stringContent }];
  }
  if (parent?.type === 'array' && parent.parent?.type === 'object' && isClientObject(parent.parent)) {
    const prop = owningProperty(parent);
    if (!prop) return undefined;
    return [{ kind: 'value', field: prop.key, item: true, replace, existingItems: stringItems(parent, n), keyColumn: columnOf(text, prop.keyOffset), quote, stringContent }];
  }
  return undefined;
}
