// Completion under `spec` of a Hydra Maester OAuth2Client, from the lines around the cursor (a
// half-typed line rarely parses): spec keys (and tokenLifespans / hydraAdmin sub-keys) not yet
// written, and the CRD's closed values for a key or for an item of grantTypes / responseTypes.
import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import type { ClientDocument } from '../clientDocument';
import { escapeSnippet } from '../features/format';
import { ItemKind, SNIPPET } from '../features/completion/renderContext';
import { crdKeyMarkdown, crdSchemaAt, crdTypeLabel } from './maesterDocs';
import { crdEnum, crdFields, MAESTER_API_VERSION, MAESTER_KIND } from './maesterMapping';

const KEY_LINE = /^(\s*)([A-Za-z_][\w-]*)?$/;
const VALUE_LINE = /^(\s*)([A-Za-z_][\w-]*):[ \t]*(["']?)([^"'#]*)$/;
const ITEM_LINE = /^(\s*)-[ \t]*(["']?)([^"'#]*)$/;
const PARENT_LINE = /^(\s*)([A-Za-z_][\w-]*):[ \t]*(#.*)?$/;

export function maesterCompletion(doc: ClientDocument, position: Position): CompletionList | null {
  if (!doc.isMaesterManifest) return null;
  const text = doc.parsed.text;
  const offset = doc.lines.offsetAt(position);
  if (!inMaesterDocument(text, offset)) return null;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const range = (start: number) => ({ start: doc.lines.positionAt(start), end: position });
  let m = VALUE_LINE.exec(before);
  if (m) {
    const parent = parentPath(text, lineStart, m[1].length);
    if (!parent || parent[0] !== 'spec') return null;
    return list(valueItems([...parent.slice(1), m[2]], m[3], range(offset - m[4].length)));
  }
  m = ITEM_LINE.exec(before);
  if (m) {
    const owner = parentPath(text, lineStart, m[1].length, true);
    if (!owner || owner[0] !== 'spec') return null;
    const existing = siblingItems(text, lineStart, m[1].length);
    return list(valueItems(owner.slice(1), m[2], range(offset - m[3].length), existing));
  }
  m = KEY_LINE.exec(before);
  if (m) {
    const parent = parentPath(text, lineStart, m[1].length);
    if (!parent || parent[0] !== 'spec') return null;
    return list(keyItems(parent.slice(1), m[1].length, siblingKeys(text, lineStart, m[1].length), range(offset - (m[2]?.length ?? 0))));
  }
  return null;
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

/** The `---` document around the offset declares our apiVersion and kind. */
function inMaesterDocument(text: string, offset: number): boolean {
  const sep = /^---[ \t]*(#.*)?$/gm;
  let start = 0;
  let end = text.length;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    if (m.index < offset) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  const part = text.slice(start, end);
  // A trailing comment is allowed (`kind: OAuth2Client  # …`).
  const line = (key: string, value: string) => new RegExp(`^${key}:\\s*["']?${value.replace(/[./]/g, '\\$&')}["']?\\s*(#.*)?$`, 'm');
  return line('apiVersion', MAESTER_API_VERSION).test(part) && line('kind', MAESTER_KIND).test(part);
}

function lineIndent(line: string): number {
  return line.length - line.trimStart().length;
}

/** The lines above `lineStart`, nearest first, without blank and comment lines, up to `---`. */
function* linesAbove(text: string, lineStart: number): Generator<string> {
  let end = lineStart - 1;
  while (end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (/^---/.test(line)) return;
    if (line.trim() && !line.trimStart().startsWith('#')) yield line;
    end = start - 1;
  }
}

/**
 * The keys leading to the mapping a line at `column` belongs to. For a `- item` line, the key
 * owning the sequence (which may sit at the same column, compact style) ends the path.
 */
function parentPath(text: string, lineStart: number, column: number, item = false): string[] | undefined {
  const path: string[] = [];
  let limit = column;
  let first = true;
  for (const line of linesAbove(text, lineStart)) {
    const indent = lineIndent(line);
    const sameColumnOwner = first && item && indent === limit;
    if (indent >= limit && !sameColumnOwner) continue;
    if (sameColumnOwner && /^\s*-/.test(line)) continue;
    const m = PARENT_LINE.exec(line);
    if (!m) return undefined;
    path.unshift(m[2]);
    first = false;
    limit = indent;
    if (indent === 0) return path;
  }
  return undefined;
}

/** Keys already written at this column in the same mapping (above and below the cursor). */
function siblingKeys(text: string, lineStart: number, column: number): Set<string> {
  const keys = new Set<string>();
  const take = (line: string): boolean => {
    const indent = lineIndent(line);
    if (indent < column || /^---/.test(line)) return false;
    const m = /^\s*([A-Za-z_][\w-]*):/.exec(line);
    if (indent === column && m) keys.add(m[1]);
    return true;
  };
  for (const line of linesAbove(text, lineStart)) if (!take(line)) break;
  const nextLine = text.indexOf('\n', lineStart);
  if (nextLine >= 0) for (const line of text.slice(nextLine + 1).split('\n')) if (line.trim() && !take(line)) break;
  return keys;
}

/** Items of the sequence the cursor's `- ` line is in (other lines only). */
function siblingItems(text: string, lineStart: number, column: number): Set<string> {
  const items = new Set<string>();
  const take = (line: string): boolean => {
    const m = /^(\s*)-\s*["']?([^"'#]*?)["']?\s*$/.exec(line);
    if (!m || m[1].length !== column) return false;
    if (m[2]) items.add(m[2]);
    return true;
  };
  for (const line of linesAbove(text, lineStart)) if (!take(line)) break;
  const nextLine = text.indexOf('\n', lineStart);
  if (nextLine >= 0) for (const line of text.slice(nextLine + 1).split('\n')) if (!line.trim() || !take(line)) break;
  return items;
}

function keyItems(parent: string[], column: number, existing: Set<string>, range: Range): CompletionItem[] {
  const names = parent.length === 0 ? [...crdFields.keys()] : Object.keys(crdSchemaAt(parent)?.properties ?? {});
  const out: CompletionItem[] = [];
  for (const name of names) {
    if (existing.has(name)) continue;
    const path = [...parent, name];
    const s = crdSchemaAt(path);
    const f = parent.length === 0 ? crdFields.get(name) : undefined;
    const inner = ' '.repeat(column + 2);
    const value = s?.type === 'array' ? `\n${inner}- $1` : s?.type === 'object' ? `\n${inner}$1` : s?.type === 'boolean' ? ' ${1|true,false|}' : ' $1';
    out.push({
      label: name,
      kind: ItemKind.Property,
      detail: crdTypeLabel(s),
      documentation: { kind: 'markdown', value: crdKeyMarkdown(path) ?? '' },
      // Common keys first: required ones, then mapped ones, then the controller's own.
      sortText: `${f?.deprecated ? 3 : f?.controllerOnly && name !== 'secretName' ? 2 : name === 'grantTypes' || name === 'secretName' ? 0 : 1}_${name}`,
      textEdit: { range, newText: `${escapeSnippet(name)}:${value}` },
      insertTextFormat: SNIPPET,
      ...(f?.deprecated ? { tags: [1] } : {}),
    });
  }
  return out;
}

function valueItems(path: string[], quote: string, range: Range, existing = new Set<string>()): CompletionItem[] {
  const s = crdSchemaAt(path);
  if (!s) return [];
  const values = crdEnum(s) ?? (s.type === 'boolean' ? ['true', 'false'] : []);
  return values.filter((v) => !existing.has(v)).map((v) => ({
    label: v,
    kind: ItemKind.EnumMember,
    textEdit: { range, newText: quote || !/[\s:#]/.test(v) ? v : `"${v}"` },
    filterText: v,
  }));
}
