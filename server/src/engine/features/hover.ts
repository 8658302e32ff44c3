// Hover on client keys and values: the field's documentation from the schema (description, type,
// allowed or known values with their docs, Hydra's default when absent, versions, spec link), and
// on a value also that value's own doc — for `scope`, the doc of the token under the cursor.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { ClientDocument } from '../clientDocument';
import type { AstNode } from '../document/documentModel';
import { nodeAtOffset } from '../document/nodeLookup';
import { fieldInfo, type FieldInfo } from '../schema/clientSchema';
import { isClientObject, owningProperty, subDocumentAt } from './clientNodes';
import { fieldMarkdown, proposedValues, valueDoc } from './fieldDocs';
import { TOKEN_LIST_FIELDS } from './completion/scopeCompletion';

export function provideHover(doc: ClientDocument, position: Position): Hover | null {
  if (!doc.isClientFile || doc.parsed.skippedForSize) return null;
  const offset = doc.lines.offsetAt(position);
  const root = subDocumentAt(doc.parsed, offset)?.root;
  if (!root) return null;
  const hit = nodeAtOffset(root, offset);
  const range = (start: number, end: number) => ({ start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) });
  if (hit.kind === 'key') {
    const p = hit.property;
    const f = isClientObject(p.parent) ? fieldInfo(p.key) : undefined;
    if (!f) return null;
    return { contents: { kind: 'markdown', value: fieldMarkdown(f) }, range: range(p.keyOffset, p.keyOffset + p.keyLength) };
  }
  if (hit.kind !== 'value') return null;
  const n = hit.node;
  const owner = fieldOf(n);
  if (!owner) return null;
  const { field: f, item } = owner;
  let start = n.offset;
  let end = n.offset + n.length;
  let head = '';
  if (n.type === 'string' || n.type === 'boolean' || n.type === 'number') {
    let value = String(n.value);
    if (n.type === 'string' && TOKEN_LIST_FIELDS.has(f.name) && !item) {
      // The token under the cursor, within the string's source text.
      const text = doc.parsed.text;
      const q = n.quote ? 1 : 0;
      const cStart = n.offset + q;
      const cEnd = n.offset + n.length - (q && n.length > 1 ? 1 : 0);
      const at = Math.min(Math.max(offset, cStart), cEnd);
      let s = at;
      while (s > cStart && !/\s/.test(text[s - 1])) s--;
      let e = at;
      while (e < cEnd && !/\s/.test(text[e])) e++;
      if (e > s) {
        start = s;
        end = e;
        value = text.slice(s, e);
      }
    }
    head = valueLine(f, value);
  }
  const value = head ? `${head}\n\n---\n\n${fieldMarkdown(f)}` : fieldMarkdown(f);
  return { contents: { kind: 'markdown', value }, range: range(start, end) };
}

/** The client field a value belongs to: directly, or as an item of the field's array. */
function fieldOf(n: AstNode): { field: FieldInfo; item: boolean } | undefined {
  const parent = n.parent;
  if (parent?.type === 'object' && isClientObject(parent)) {
    const p = owningProperty(n);
    const f = p && fieldInfo(p.key);
    return f ? { field: f, item: false } : undefined;
  }
  if (parent?.type === 'array' && parent.parent?.type === 'object' && isClientObject(parent.parent)) {
    const p = owningProperty(parent);
    const f = p && fieldInfo(p.key);
    return f ? { field: f, item: true } : undefined;
  }
  return undefined;
}

function valueLine(f: FieldInfo, value: string): string {
  const doc = valueDoc(f, value);
  if (doc) return `\`${value}\` — ${doc}`;
  const { values, closed } = proposedValues(f);
  if (!values.length) return '';
  if (values.includes(value)) return `\`${value}\` is ${closed ? 'an allowed' : 'a known'} value of ${f.name}.`;
  return closed ? `\`${value}\` is not one of the allowed values of ${f.name}.` : '';
}
