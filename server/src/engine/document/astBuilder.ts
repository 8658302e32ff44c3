// Small helpers both parsers use to build AstNodes, so node shapes stay identical across languages.
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from './documentModel';

export function newObject(offset: number, parent?: ObjectNode | ArrayNode): ObjectNode {
  return { type: 'object', offset, length: 0, properties: [], parent };
}

export function newArray(offset: number, parent?: ObjectNode | ArrayNode): ArrayNode {
  return { type: 'array', offset, length: 0, items: [], parent };
}

export function newProperty(parent: ObjectNode, key: string, keyOffset: number, keyLength: number): PropertyNode {
  const p: PropertyNode = { type: 'property', key, keyOffset, keyLength, parent };
  parent.properties.push(p);
  return p;
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
