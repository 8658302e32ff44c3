// The outline: one symbol per client (named by client_name, else client_id, else its position),
// with its keys as children. Ranges run from a key to the end of its value; selection = the key.
import type { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import type { ClientDocument } from '../clientDocument';
import { clientLayout } from '../document/clientEntries';
import type { AstNode, ObjectNode, PropertyNode } from '../document/documentModel';
import type { LineIndex } from '../document/lineIndex';
import { findProperty } from '../document/nodeLookup';
import { propertyEnd } from './clientNodes';

const Kind = { Property: 7, String: 15, Number: 16, Boolean: 17, Array: 18, Object: 19, Null: 21 } as const;
const MAX_DEPTH = 4;

export function provideDocumentSymbols(doc: ClientDocument): DocumentSymbol[] {
  if (!doc.isClientFile || doc.parsed.skippedForSize) return [];
  const lines = doc.lines;
  return clientLayout(doc.parsed, true).clients.map((c, index) => clientSymbol(c.node, index, lines));
}

function stringValue(o: ObjectNode, key: string): { value: string; property: PropertyNode } | undefined {
  const p = findProperty(o, key);
  return p?.value?.type === 'string' && p.value.value.trim() !== '' ? { value: p.value.value, property: p } : undefined;
}

function clientSymbol(o: ObjectNode, index: number, lines: LineIndex): DocumentSymbol {
  const name = stringValue(o, 'client_name');
  const id = stringValue(o, 'client_id');
  const grants = findProperty(o, 'grant_types')?.value;
  const grantList = grants?.type === 'array' ? grants.items.flatMap((i) => (i.type === 'string' ? [i.value] : [])).join(', ') : '';
  const named = name ?? id;
  const detail = name && id ? id.value : grantList;
  const range = span(lines, o.offset, o.offset + o.length);
  const selection = named ? span(lines, named.property.keyOffset, propertyEnd(named.property)) : span(lines, o.offset, o.offset + Math.min(o.length, 1));
  return {
    name: named ? named.value : `client #${index + 1}`,
    ...(detail ? { detail } : {}),
    kind: Kind.Object,
    range,
    selectionRange: selection,
    children: o.properties.map((p) => propertySymbol(p, lines, 1)),
  };
}

function propertySymbol(p: PropertyNode, lines: LineIndex, depth: number): DocumentSymbol {
  const v = p.value;
  const children = v?.type === 'object' && depth < MAX_DEPTH ? v.properties.map((q) => propertySymbol(q, lines, depth + 1)) : undefined;
  const detail = v ? detailOf(v) : '';
  return {
    name: p.key === '' ? '""' : p.key,
    ...(detail ? { detail } : {}),
    kind: kindOf(v),
    range: span(lines, p.keyOffset, Math.max(propertyEnd(p), p.keyOffset + p.keyLength)),
    selectionRange: span(lines, p.keyOffset, p.keyOffset + p.keyLength),
    ...(children ? { children } : {}),
  };
}

function kindOf(v: AstNode | undefined): SymbolKind {
  switch (v?.type) {
    case 'object': return Kind.Object;
    case 'array': return Kind.Array;
    case 'string': return Kind.String;
    case 'number': return Kind.Number;
    case 'boolean': return Kind.Boolean;
    case 'null': return Kind.Null;
    default: return Kind.Property;
  }
}

function detailOf(v: AstNode): string {
  switch (v.type) {
    case 'string': return v.value.length > 60 ? `${v.value.slice(0, 57)}…` : v.value;
    case 'number':
    case 'boolean': return String(v.value);
    case 'array': {
      const scalars = v.items.flatMap((i) => (i.type === 'string' ? [i.value] : []));
      const text = scalars.length === v.items.length ? scalars.join(', ') : `${v.items.length} item${v.items.length === 1 ? '' : 's'}`;
      return text.length > 60 ? `${text.slice(0, 57)}…` : text;
    }
    case 'alias': return `*${v.name}`;
    default: return '';
  }
}

function span(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}
