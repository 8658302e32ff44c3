// Finding nodes: by a JSON-pointer-like path (ajv's instancePath) and by offset (for requests).
import type { AstNode, ObjectNode, PropertyNode } from './documentModel';

/** The last property with that key: Hydra, like Go's decoder, keeps the last duplicate. */
export function findProperty(obj: ObjectNode, key: string): PropertyNode | undefined {
  const props = obj.properties;
  if (props.length > INDEX_FROM) return propertiesNamed(obj, key).at(-1);
  for (let i = props.length - 1; i >= 0; i--) if (props[i].key === key) return props[i];
  return undefined;
}

/** Every property with that key, in document order. */
export function propertiesNamed(obj: ObjectNode, key: string): readonly PropertyNode[] {
  const props = obj.properties;
  if (props.length <= INDEX_FROM) return props.filter((p) => p.key === key);
  // An object with thousands of keys is asked once per key (one unknown-key warning each):
  // index it once, and again only if its list changed (hydraView builds one by pushing).
  let index = indexes.get(obj);
  if (!index || index.of !== props || index.size !== props.length) {
    const byKey = new Map<string, PropertyNode[]>();
    for (const p of props) {
      const list = byKey.get(p.key);
      if (list) list.push(p);
      else byKey.set(p.key, [p]);
    }
    index = { of: props, size: props.length, byKey };
    indexes.set(obj, index);
  }
  return index.byKey.get(key) ?? [];
}

/** Up to this many properties, a scan is cheaper than an index. */
const INDEX_FROM = 32;
const indexes = new WeakMap<ObjectNode, { of: readonly PropertyNode[]; size: number; byKey: Map<string, PropertyNode[]> }>();

export interface PathHit {
  node: AstNode;
  /** The property whose value `node` is, when the path ends at a property. */
  property?: PropertyNode;
  /** True when the path could not be followed to the end (a merge key or an alias stood in the way). */
  partial: boolean;
}

/** Follows ajv's instancePath ("/grant_types/0") from `root`, as far as the source allows. */
export function nodeAtPath(root: AstNode, instancePath: string): PathHit {
  return nodeAtSegments(root, pointerSegments(instancePath));
}

/** The keys and indexes of ajv's instancePath (a JSON pointer: "/grant_types/0"). */
export function pointerSegments(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Like nodeAtPath, with the path already split: keys and array indexes. */
export function nodeAtSegments(root: AstNode, segments: readonly (string | number)[]): PathHit {
  let node: AstNode = root;
  let property: PropertyNode | undefined;
  for (const segment of segments) {
    const seg = String(segment);
    if (node.type === 'object') {
      const p = findProperty(node, seg) ?? findProperty(node, '<<');
      if (!p?.value) return { node, property, partial: true };
      property = p;
      if (p.key !== seg) return { node: p.value, property: p, partial: true };
      node = p.value;
    } else if (node.type === 'array') {
      const item = node.items[Number(seg)];
      if (!item) return { node, property, partial: true };
      property = undefined;
      node = item;
    } else {
      return { node, property, partial: true };
    }
  }
  return { node, property, partial: false };
}

export type OffsetHit =
  | { kind: 'key'; property: PropertyNode }
  | { kind: 'value'; node: AstNode; property?: PropertyNode }
  | { kind: 'none' };

/** The innermost key or value covering `offset` (end-inclusive, so a caret after a token counts). */
export function nodeAtOffset(root: AstNode | undefined, offset: number): OffsetHit {
  let node = root;
  let property: PropertyNode | undefined;
  const covers = (o: number, l: number) => offset >= o && offset <= o + l;
  let hit: OffsetHit = { kind: 'none' };
  while (node && covers(node.offset, node.length)) {
    hit = { kind: 'value', node, property };
    let next: AstNode | undefined;
    if (node.type === 'object') {
      for (const p of node.properties) {
        if (covers(p.keyOffset, p.keyLength)) return { kind: 'key', property: p };
        if (p.value && covers(p.value.offset, p.value.length)) {
          next = p.value;
          property = p;
          break;
        }
      }
    } else if (node.type === 'array') {
      next = node.items.find((i) => covers(i.offset, i.length));
      property = undefined;
    }
    node = next;
  }
  return hit;
}
