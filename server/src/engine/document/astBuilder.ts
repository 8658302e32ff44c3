// Small helpers both parsers use to build AstNodes, so node shapes stay identical across languages.
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from './documentModel';

export function newObject(offset: number, parent?: ObjectNode | ArrayNode): ObjectNode {
  return { type: 'object', offset, length: 0, properties: [], parent };
}

export function newArray(offset: number, parent?: ObjectNode | ArrayNode): ArrayNode {
  return { type: 'array', offset, length: 0, items: [], parent };
}

// Every node is created with all its fields, in one order per node type, also those filled in
// later (a property's value, a node's parent): adding a field afterwards gives each of the ~90,000
// nodes of a big file an extra out-of-object store and the parsers' callers polymorphic shapes.
export function newProperty(parent: ObjectNode, key: string, keyOffset: number, keyLength: number, colonOffset?: number): PropertyNode {
  const p: PropertyNode = { type: 'property', key: internKey(key), keyOffset, keyLength, colonOffset, value: undefined, parent };
  parent.properties.push(p);
  return p;
}

// Keys repeat in every client: a 2,000-client file has ~37,000 keys and a few dozen distinct ones.
// Sharing one string per distinct key keeps the copies out of the tree (less for the young-
// generation GC to copy while a big file is parsed, less to keep) and makes lookups by key cheap.
const KEY_POOL_LIMIT = 4096;
const MAX_POOLED_KEY_LENGTH = 64;
const keyPool = new Map<string, string>();

export function internKey(key: string): string {
  if (key.length > MAX_POOLED_KEY_LENGTH) return key;
  const pooled = keyPool.get(key);
  if (pooled !== undefined) return pooled;
  if (keyPool.size < KEY_POOL_LIMIT) {
    const own = detached(key);
    keyPool.set(own, own);
    return own;
  }
  return key;
}

/**
 * The same text in a string of its own. V8 keeps a slice of 13 or more characters as a view into
 * the string it was cut from: pooled as is, a key would keep its document's whole text alive for
 * good (one version of a big file per new key typed).
 */
function detached(key: string): string {
  return key.split('').join('');
}

/**
 * Gives a finished collection's list its exact size. Lists grown by push keep room for 16 or more
 * entries, and a big client file has ~16,000 lists, most with one or two entries: trimmed, the
 * tree of a 2,000-client file is ~2 MB smaller (and that much less for the GC to copy).
 */
export function trimmed<T>(list: T[]): T[] {
  return list.slice();
}

export function trimCollection(node: ObjectNode | ArrayNode): void {
  if (node.type === 'array') node.items = trimmed(node.items);
  else node.properties = trimmed(node.properties);
}

/** Attaches a finished value to its container: the last property of an object, or a new item. */
export function attach(container: ObjectNode | ArrayNode, value: AstNode): void {
  value.parent = container;
  if (container.type === 'array') container.items.push(value);
  else container.properties[container.properties.length - 1].value = value;
}

/**
 * Where a collection really ends: at its closing bracket for flow style, else at the end of its
 * last entry. Parsers' own end positions run on over trailing line breaks and comments.
 */
export function collectionEnd(text: string, node: ObjectNode | ArrayNode, rawEnd: number): number {
  const open = text[node.offset];
  if (open === '{' || open === '[') {
    let e = rawEnd;
    while (e > node.offset && /\s/.test(text[e - 1])) e--;
    return e;
  }
  if (node.type === 'object') {
    const p = node.properties[node.properties.length - 1];
    if (!p) return node.offset;
    const keyEnd = p.colonOffset ?? p.keyOffset + p.keyLength;
    return p.value ? Math.max(keyEnd, p.value.offset + p.value.length) : keyEnd;
  }
  const last = node.items[node.items.length - 1];
  return last ? last.offset + last.length : node.offset;
}

/** Offset just after the `:` that follows a key ending at `keyEnd`, or undefined if none yet. */
export function colonAfter(text: string, keyEnd: number): number | undefined {
  for (let i = keyEnd; i < text.length; i++) {
    const c = text[i];
    if (c === ':') return i + 1;
    if (c !== ' ' && c !== '\t') return undefined;
  }
  return undefined;
}
