// Positions inside one client, for its diagnostics: read from the text where the client is
// well-formed JSON (no nodes built: see clientEntries), else from its nodes.
import type { ClientEntry } from './clientEntries';
import { locateJsonKey, locateJsonValue, type LocatedValue } from './jsonLocator';
import { nodeAtSegments, propertiesNamed } from './nodeLookup';

export type { LocatedValue } from './jsonLocator';

/** A client, or anything else with nodes to look in (a Maester resource's Hydra view). */
export type PositionSource = Pick<ClientEntry, 'node' | 'jsonSource'>;

/** What nodeAtSegments finds from the client: the value at `path`, or as far as the path leads. */
export function valueAt(client: PositionSource, path: readonly (string | number)[]): LocatedValue {
  const src = client.jsonSource;
  const located = src && locateJsonValue(src.text, src.offset, path);
  if (located) return located;
  const { node } = nodeAtSegments(client.node, path);
  return { offset: node.offset, length: node.length, type: node.type, value: (node as { value?: unknown }).value };
}

export interface KeyAt {
  offset: number;
  length: number;
  /** False when the property's value is null or missing. */
  hasValue: boolean;
}

/** Every top-level key named `key`, in document order (the last one is the one Hydra keeps). */
export function keysNamed(client: PositionSource, key: string): KeyAt[] {
  const src = client.jsonSource;
  if (src) {
    const k = locateJsonKey(src.text, src.offset, key);
    return k ? [{ offset: k.offset, length: k.length, hasValue: !src.text.startsWith('null', k.valueOffset) }] : [];
  }
  return propertiesNamed(client.node, key).map((p) => ({ offset: p.keyOffset, length: p.keyLength, hasValue: p.value !== undefined && p.value.type !== 'null' }));
}
