// Small tree helpers the features share: which objects are clients, which property owns a node.
import type { ArrayNode, AstNode, ObjectNode, ParsedDocument, PropertyNode, SubDocument } from '../document/documentModel';
import { firstReached } from '../document/sortedSearch';

/** A client object: a document's root object, or an item of a document's top-level array. */
export function isClientObject(o: ObjectNode): boolean {
  return !o.parent || (o.parent.type === 'array' && !o.parent.parent);
}

/** The property whose value `node` is (parents only link to containers). */
export function owningProperty(node: AstNode): PropertyNode | undefined {
  const parent = node.parent;
  if (!parent || parent.type !== 'object') return undefined;
  for (let i = parent.properties.length - 1; i >= 0; i--) if (parent.properties[i].value === node) return parent.properties[i];
  return undefined;
}

/** The client a node belongs to, with the client-level property it sits under (if any). */
export function clientOf(node: AstNode): { client: ObjectNode; property?: PropertyNode } | undefined {
  let cur: AstNode = node;
  for (;;) {
    if (cur.type === 'object' && isClientObject(cur)) return { client: cur };
    const parent: ObjectNode | ArrayNode | undefined = cur.parent;
    if (!parent) return undefined;
    if (parent.type === 'object' && isClientObject(parent)) {
      const property = owningProperty(cur);
      return { client: parent, property };
    }
    cur = parent;
  }
}

/** The sub-document (YAML `---` document, or the whole JSON text) holding `offset`. */
export function subDocumentAt(doc: ParsedDocument, offset: number): SubDocument | undefined {
  const docs = doc.documents;
  // Binary search on start offsets: multi-document files can hold thousands of documents.
  let lo = 0;
  let hi = docs.length - 1;
  let found: SubDocument | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].offset <= offset) {
      found = docs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? docs[0];
}

/** The offset where a property ends: after its value, else its colon, else its key. */
export function propertyEnd(p: PropertyNode): number {
  if (p.value && p.value.length > 0) return p.value.offset + p.value.length;
  return p.colonOffset ?? p.keyOffset + p.keyLength;
}

/** Whether an array has a string item with this value: asked once per diagnostic, so long arrays are indexed. */
export function hasStringItem(a: ArrayNode, value: string): boolean {
  if (a.items.length <= 32) return a.items.some((i) => i.type === 'string' && i.value === value);
  let index = stringItemIndex.get(a);
  if (!index) {
    index = stringItems(a);
    stringItemIndex.set(a, index);
  }
  return index.has(value);
}

const stringItemIndex = new WeakMap<ArrayNode, Set<string>>();

/** The string values of an array's items (other than `except`). */
export function stringItems(a: ArrayNode, except?: AstNode): Set<string> {
  const out = new Set<string>();
  for (const i of a.items) if (i !== except && i.type === 'string') out.add(i.value);
  return out;
}

export type Located =
  | { kind: 'key'; property: PropertyNode }
  | { kind: 'value'; node: AstNode };

/**
 * The key or value a diagnostic's span [start, end) covers: the key with exactly that span, or
 * the innermost value containing it.
 */
export function locate(doc: ParsedDocument, start: number, end: number): Located | undefined {
  let node = subDocumentAt(doc, start)?.root;
  if (!node || start < node.offset || end > node.offset + node.length) return undefined;
  for (;;) {
    let next: AstNode | undefined;
    if (node.type === 'object') {
      const props = node.properties;
      // Code actions locate every diagnostic: in a long list, skip to the entries at `start`
      // (entries are in document order and do not overlap) instead of scanning from the first.
      const from = props.length > 32 ? Math.max(0, firstReached(props.length, (i) => props[i].keyOffset > start) - 1) : 0;
      for (let i = from; i < props.length; i++) {
        const p = props[i];
        if (p.keyOffset === start && p.keyOffset + p.keyLength === end) return { kind: 'key', property: p };
        const v = p.value;
        if (v && v.offset <= start && end <= v.offset + v.length && !(v.length === 0 && start !== v.offset)) {
          next = v;
          break;
        }
        if (from > 0 && p.keyOffset > start) break;
      }
    } else if (node.type === 'array') {
      const items = node.items;
      const from = items.length > 32 ? Math.max(0, firstReached(items.length, (i) => items[i].offset > start) - 1) : 0;
      for (let i = from; i < items.length && !next; i++) {
        if (items[i].offset <= start && end <= items[i].offset + items[i].length) next = items[i];
        else if (from > 0 && items[i].offset > start) break;
      }
    }
    if (!next) return { kind: 'value', node };
    node = next;
  }
}

/** Start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  // A lone \r ends a line too (as in LSP positions); and lastIndexOf(…, -1) would find a '\n' at 0.
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i--;
  return i + 1;
}

/** End of the line holding `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  let e = Math.max(0, offset);
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return Math.max(e, offset);
}

/** Column of `offset` on its line. */
/** The column a block key indents from: node properties (`!tag`, `&anchor`) before it on its line don't count. */
export function keyColumnAt(text: string, keyOffset: number): number {
  const start = lineStartAt(text, keyOffset);
  const m = /^([ \t]*(?:-[ \t]+)*)(?:[!&][^\s]*[ \t]+)+$/.exec(text.slice(start, keyOffset));
  return columnAt(text, m ? start + m[1].length : keyOffset);
}

export function columnAt(text: string, offset: number): number {
  const start = lineStartAt(text, offset);
  // A byte order mark is not indentation: keys after it are at column 0.
  const bom = start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return offset - start - bom;
}
