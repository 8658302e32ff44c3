// Hover on the keys and values under `spec` of a Hydra Maester OAuth2Client resource.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { ClientDocument } from '../clientDocument';
import type { AstNode, ObjectNode } from '../document/documentModel';
import { nodeAtOffset } from '../document/nodeLookup';
import { owningProperty, subDocumentAt } from '../features/clientNodes';
import { crdKeyMarkdown, crdValueLine } from './maesterDocs';
import { isMaesterClientObject } from './maesterResources';

export function maesterHover(doc: ClientDocument, position: Position): Hover | null {
  if (!doc.isMaesterManifest) return null;
  const offset = doc.lines.offsetAt(position);
  const root = subDocumentAt(doc.parsed, offset)?.root;
  if (root?.type !== 'object' || !isMaesterClientObject(root)) return null;
  const hit = nodeAtOffset(root, offset);
  const range = (start: number, length: number) => ({ start: doc.lines.positionAt(start), end: doc.lines.positionAt(start + length) });
  if (hit.kind === 'key') {
    const path = specPath(hit.property.parent);
    const md = path && crdKeyMarkdown([...path, hit.property.key]);
    return md ? { contents: { kind: 'markdown', value: md }, range: range(hit.property.keyOffset, hit.property.keyLength) } : null;
  }
  if (hit.kind !== 'value') return null;
  const n = hit.node;
  const owner = n.parent?.type === 'array' ? n.parent : n;
  const property = owningProperty(owner);
  const path = property && specPath(property.parent);
  if (!property || !path) return null;
  const full = [...path, property.key];
  const md = crdKeyMarkdown(full);
  if (!md) return null;
  const scalar = n.type === 'string' || n.type === 'boolean' || n.type === 'number';
  const value = scalar ? `${crdValueLine(full, String(n.value))}\n\n---\n\n${md}` : md;
  return { contents: { kind: 'markdown', value }, range: range(n.offset, n.length) };
}

/** The path of an object below `spec` (['spec'] itself → []), or undefined when not under spec. */
export function specPath(obj: ObjectNode): string[] | undefined {
  const keys: string[] = [];
  let cur: AstNode = obj;
  while (cur.parent) {
    if (cur.parent.type !== 'object') return undefined;
    const p = owningProperty(cur);
    if (!p) return undefined;
    keys.unshift(p.key);
    cur = cur.parent;
  }
  return keys[0] === 'spec' ? keys.slice(1) : undefined;
}
