// The fallback context scan: when the parse tree has no node at the cursor (a document being typed
// rarely parses the way it will end up), read the lines around the cursor instead. For YAML this is
// indentation-aware: the cursor's column says which mapping or sequence it belongs to, and scanning
// up (and down) over lines at that column finds the owning key and the siblings. Work is local: a
// scan stops at the owning line, the item's `- ` or the document's `---`.
import type { CompletionSlot, KeySlot, Span, TemplateSlot, ValueSlot } from './contextTypes';

export interface LineScanHint {
  /** The parse tree says this YAML document's root is a sequence (the `hydra import` form). */
  rootIsSequence?: boolean;
}

interface Bounds {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
}

/** One YAML line, split into indentation, `- ` markers and content (and key, when it has one). */
interface YamlLine extends Bounds {
  indent: number;
  dashCols: number[];
  contentCol: number;
  content: string;
  /** Empty or only a comment (and no `- `). */
  blank: boolean;
  /** A `---` or `...` document marker. */
  boundary: boolean;
  key?: string;
  keyCol?: number;
  /** Offset just after the key's `:`. */
  afterColon?: number;
  /** The text after the `:`, comment removed and trimmed ('' = a block value follows, or none). */
  value?: string;
}

// Spaces before the `:` belong to the key group (trimmed below): a separate `[ \t]*` after the lazy
// plain key made a long run of spaces quadratic.
const KEY = /^("(?:[^"\\]|\\.)*"[ \t]*|'(?:[^']|'')*'[ \t]*|[^\s#'"[\]{},&*!|>%@`][^#]*?):(?=[ \t]|$)/;
const WORD_AFTER = /^[A-Za-z0-9_$.-]*/;

export function lineBounds(text: string, offset: number): Bounds {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end: Math.max(end, Math.min(offset, text.length)) };
}

function prevLine(text: string, start: number): Bounds | undefined {
  if (start <= 0) return undefined;
  let end = start - 1;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  // lastIndexOf clamps a negative start to 0: the line after a leading '\n' must not find that '\n' again.
  return { start: start >= 2 ? text.lastIndexOf('\n', start - 2) + 1 : 0, end };
}

function nextLine(text: string, end: number): Bounds | undefined {
  const nl = text.indexOf('\n', end);
  if (nl < 0) return undefined;
  return lineBounds(text, nl + 1);
}

/** Leading spaces, or -1 for a line of nothing but spaces. Cheap: used to skip deeper lines. */
function quickIndent(text: string, b: Bounds): number {
  let i = b.start;
  while (i < b.end && text.charCodeAt(i) === 32) i++;
  return i === b.end ? -1 : i - b.start;
}

function readLine(text: string, start: number, end: number): YamlLine {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const indent = i - start;
  const dashCols: number[] = [];
  while (i < end && text[i] === '-' && (i + 1 >= end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashCols.push(i - start);
    i++;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  const content = text.slice(i, end);
  const line: YamlLine = {
    start,
    end,
    indent,
    dashCols,
    contentCol: i - start,
    content,
    blank: dashCols.length === 0 && (content.trim() === '' || content.startsWith('#')),
    boundary: indent === 0 && dashCols.length === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(content),
  };
  const m = line.boundary ? null : KEY.exec(content);
  if (m) {
    line.key = unquote(m[1].trim());
    line.keyCol = line.contentCol;
    line.afterColon = i + m[0].length;
    line.value = stripComment(text.slice(line.afterColon, end)).trim();
  }
  return line;
}

/** Removes a trailing ` # comment` (a `#` inside quotes is text). */
export function stripComment(s: string): string {
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[,]/.test(s[i - 1]))) q = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
  }
  return s;
}

export function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

type SeqOwner =
  | { kind: 'root' }
  | { kind: 'invalid' }
  | { kind: 'key'; key: string; keyCol: number; line: YamlLine; items: string[] };

/** Who owns the block sequence whose `- ` is at column `dashCol` on the line starting at `lineStart`. */
function seqOwner(text: string, lineStart: number, dashCol: number, hint: LineScanHint): SeqOwner {
  if (dashCol === 0 && hint.rootIsSequence) return { kind: 'root' };
  const items: string[] = [];
  for (let b = prevLine(text, lineStart); b; b = prevLine(text, b.start)) {
    const ind = quickIndent(text, b);
    if (ind < 0 || ind > dashCol) continue;
    const l = readLine(text, b.start, b.end);
    if (l.blank) continue;
    if (l.boundary) return { kind: 'root' };
    if (l.indent === dashCol && l.dashCols[0] === dashCol) {
      const v = scalarItem(l);
      if (v) items.push(v);
      continue;
    }
    if (l.key !== undefined && l.value === '' && l.keyCol! <= dashCol) return { kind: 'key', key: l.key, keyCol: l.keyCol!, line: l, items };
    return { kind: 'invalid' };
  }
  return { kind: 'root' };
}

/** The value of a `- scalar` line (not a nested sequence or mapping), if it has one. */
function scalarItem(l: YamlLine): string | undefined {
  if (l.dashCols.length !== 1 || l.key !== undefined) return undefined;
  return unquote(stripComment(l.content).trim()) || undefined;
}

/** Scalar items of the sequence at `dashCol` below the line ending at `lineEnd`. */
function itemsBelow(text: string, lineEnd: number, dashCol: number): string[] {
  const out: string[] = [];
  for (let b = nextLine(text, lineEnd); b; b = nextLine(text, b.end)) {
    const ind = quickIndent(text, b);
    if (ind < 0 || ind > dashCol) continue;
    const l = readLine(text, b.start, b.end);
    if (l.blank) continue;
    if (l.indent !== dashCol || l.dashCols[0] !== dashCol) break;
    const v = scalarItem(l);
    if (v) out.push(v);
  }
  return out;
}

interface MappingScan {
  /** 'client': a client's own keys (document root, or an item of the top-level sequence). */
  level: 'client' | 'nested' | 'invalid';
  keys: Set<string>;
  /** Nothing else in this YAML document: a template can fill it. */
  emptyDocument: boolean;
}

/**
 * The non-blank lines indented at most `col`, walking from `first` with `step` up to a document
 * boundary. Deeper lines are skipped, but any content among them (not a comment) is noted in
 * `seen`, as is every shallow line.
 */
function* shallowLines(text: string, first: Bounds | undefined, step: (b: Bounds) => Bounds | undefined, col: number, seen: { content: boolean }): Generator<YamlLine> {
  for (let b = first; b; b = step(b)) {
    const ind = quickIndent(text, b);
    if (ind < 0) continue;
    if (ind > col) {
      if (text[b.start + ind] !== '#') seen.content = true;
      continue;
    }
    const l = readLine(text, b.start, b.end);
    if (l.blank) continue;
    if (l.boundary) return;
    seen.content = true;
    yield l;
  }
}

/** A mapping that is an item of a sequence: a client in the top-level list, else nested. */
function levelOfItemIn(owner: SeqOwner): MappingScan['level'] {
  return owner.kind === 'root' ? 'client' : owner.kind === 'key' ? 'nested' : 'invalid';
}

/** The mapping whose keys sit at column `col`, containing line `self` (whose own key is not counted). */
function mappingAt(text: string, self: YamlLine, col: number, hint: LineScanHint): MappingScan {
  const keys = new Set<string>();
  let level: MappingScan['level'] | undefined;
  const seen = { content: false };
  if (self.dashCols.length && self.contentCol === col) {
    // `- key…`: the mapping starts on this line, as an item of a sequence.
    level = levelOfItemIn(seqOwner(text, self.start, self.dashCols[self.dashCols.length - 1], hint));
    seen.content = true;
  } else {
    let sawDashAtCol = false;
    for (const l of shallowLines(text, prevLine(text, self.start), (b) => prevLine(text, b.start), col, seen)) {
      if (l.key !== undefined && l.keyCol === col) {
        keys.add(l.key);
        if (l.dashCols.length) {
          level = levelOfItemIn(seqOwner(text, l.start, l.dashCols[l.dashCols.length - 1], hint));
          break;
        }
        continue;
      }
      if (l.indent === col && l.dashCols[0] === col) {
        sawDashAtCol = true;
        continue;
      }
      if (l.indent < col) {
        level = l.key !== undefined && l.value === '' && l.keyCol! < col ? 'nested' : 'invalid';
        break;
      }
    }
    // Reaching the top: a root mapping, unless column `col` holds a top-level sequence.
    level ??= sawDashAtCol && keys.size === 0 ? 'invalid' : 'client';
  }
  if (level === 'client') {
    for (const l of shallowLines(text, nextLine(text, self.end), (b) => nextLine(text, b.end), col, seen)) {
      if (l.indent < col) break;
      if (l.key !== undefined && l.keyCol === col && l.dashCols.length === 0) keys.add(l.key);
    }
  }
  return { level, keys, emptyDocument: !seen.content };
}

/** Completion slots for a YAML document, from its lines alone. */
export function yamlLineSlots(text: string, offset: number, hint: LineScanHint = {}): CompletionSlot[] {
  const { start, end } = lineBounds(text, offset);
  const pre = readLine(text, start, offset);
  const full = readLine(text, start, end);
  if (pre.boundary || stripComment(pre.content) !== pre.content) return [];
  if (pre.key !== undefined) return valueOnKeyLine(text, offset, pre, full, end, hint);
  const col = pre.contentCol;
  const partial = pre.content;
  // Right after a `-` typed without its space: the proposal brings the space.
  const needsSpace = pre.dashCols.length > 0 && text[offset - 1] === '-';
  if (pre.dashCols.length) {
    const dashCol = pre.dashCols[pre.dashCols.length - 1];
    const owner = seqOwner(text, start, dashCol, hint);
    if (owner.kind === 'key') {
      const map = mappingAt(text, owner.line, owner.keyCol, hint);
      if (map.level !== 'client') return [];
      const items = new Set([...owner.items, ...itemsBelow(text, end, dashCol)]);
      const slot = scalarSlot(text, offset, start + col, end, owner.key, true, owner.keyCol);
      if (!slot) return [];
      return [{ ...slot, existingItems: items, needsSpace }];
    }
    if (owner.kind !== 'root' || !/^[A-Za-z0-9_]*$/.test(partial) || pre.dashCols.length > 1) return [];
    // A new item of the top-level sequence: a new client. Its keys, or a whole template.
    const map = mappingAt(text, full, col, hint);
    const wordEnd = offset + WORD_AFTER.exec(text.slice(offset, end))![0].length;
    const replace = { start: offset - partial.length, end: wordEnd };
    const hasValue = /^[ \t]*:(?:\s|$)/.test(text.slice(wordEnd, end));
    const slots: CompletionSlot[] = [{ kind: 'key', replace, existingKeys: map.keys, hasValue, keyColumn: needsSpace ? col + 1 : col } satisfies KeySlot];
    if (!hasValue && map.keys.size === 0 && text.slice(wordEnd, end).trim() === '') {
      slots.push({ kind: 'template', replace, form: 'item', column: needsSpace ? col + 1 : col } satisfies TemplateSlot);
    }
    return needsSpace ? slots.map((s) => ({ ...s, needsSpace: true })) : slots;
  }
  // No `- ` and no key yet: a key being typed at column `col`, or an empty line.
  if (!/^[A-Za-z0-9_$.-]*$/.test(partial)) return [];
  const map = mappingAt(text, full, col, hint);
  if (map.level !== 'client') return [];
  const wordEnd = offset + WORD_AFTER.exec(text.slice(offset, end))![0].length;
  const replace = { start: offset - partial.length, end: wordEnd };
  const rest = text.slice(wordEnd, end);
  const hasValue = /^[ \t]*:(?:\s|$)/.test(rest);
  const slots: CompletionSlot[] = [{ kind: 'key', replace, existingKeys: map.keys, hasValue, keyColumn: col } satisfies KeySlot];
  if (map.emptyDocument && !hasValue && rest.trim() === '') slots.push({ kind: 'template', replace, form: 'document', column: col } satisfies TemplateSlot);
  return slots;
}

/** The cursor is after `key:` on its line: the key's value (a scalar, or an item of a flow sequence). */
function valueOnKeyLine(text: string, offset: number, pre: YamlLine, full: YamlLine, end: number, hint: LineScanHint): CompletionSlot[] {
  const keyCol = pre.keyCol!;
  const map = mappingAt(text, full, keyCol, hint);
  if (map.level !== 'client') return [];
  const field = pre.key!;
  const vStart = pre.afterColon!;
  const typed = text.slice(vStart, offset);
  const lineValueEnd = vStart + stripComment(text.slice(vStart, end)).trimEnd().length;
  if (typed.trim() === '') {
    // Nothing typed yet: propose whole values (replacing what follows the cursor, if anything).
    const replace = { start: offset, end: Math.max(offset, lineValueEnd) };
    return [{ kind: 'value', field, item: false, replace, existingItems: new Set(), keyColumn: keyCol, needsSpace: typed === '' } satisfies ValueSlot];
  }
  const valueStart = vStart + (typed.length - typed.trimStart().length);
  if (text[valueStart] === '[') {
    const inner = text.slice(valueStart + 1, offset);
    if (/[\]{}[]/.test(inner)) return [];
    const lastComma = inner.lastIndexOf(',');
    const itemText = inner.slice(lastComma + 1);
    const itemStart = valueStart + 1 + lastComma + 1 + (itemText.length - itemText.trimStart().length);
    const rest = text.slice(offset, end);
    const stop = rest.search(/[,\]]/);
    const itemEnd = offset + (stop < 0 ? stripComment(rest).trimEnd().length : rest.slice(0, stop).trimEnd().length);
    const closing = rest.indexOf(']');
    const others = [...inner.slice(0, Math.max(lastComma, 0)).split(','), ...(stop >= 0 && closing >= stop ? rest.slice(stop + 1, closing).split(',') : [])]
      .map((s) => unquote(s.trim()))
      .filter((s) => s !== '');
    const slot = scalarSlot(text, offset, itemStart, itemEnd, field, true, keyCol);
    return slot ? [{ ...slot, existingItems: new Set(lastComma >= 0 || stop >= 0 ? others : []) }] : [];
  }
  const slot = scalarSlot(text, offset, valueStart, end, field, false, keyCol);
  return slot ? [slot] : [];
}

/**
 * A scalar (whole value or sequence item) that starts at `valueStart` and is being typed at
 * `offset`; it runs at most to `limit`. Plain, or quoted with the quote still open at the cursor.
 */
function scalarSlot(text: string, offset: number, valueStart: number, limit: number, field: string, item: boolean, keyColumn: number): ValueSlot | undefined {
  const first = text[valueStart];
  const base = { kind: 'value' as const, field, item, existingItems: new Set<string>(), keyColumn };
  if (valueStart >= offset && (valueStart >= limit || /\s/.test(first))) {
    return { ...base, replace: { start: offset, end: offset } };
  }
  if (first === '"' || first === "'") {
    const typed = text.slice(valueStart + 1, offset);
    const closedBefore = first === '"' ? /(^|[^\\])"/.test(typed) : typed.replace(/''/g, '').includes("'");
    if (closedBefore) return undefined;
    const rest = text.slice(offset, limit);
    const close = first === '"' ? rest.search(/(?<!\\)"/) : rest.search(/'(?!')/);
    const contentEnd = close >= 0 ? offset + close : valueStart + 1 + stripComment(text.slice(valueStart + 1, limit)).trimEnd().length;
    const stringContent: Span = { start: valueStart + 1, end: Math.max(offset, contentEnd) };
    return { ...base, replace: { start: valueStart, end: close >= 0 ? contentEnd + 1 : stringContent.end }, quote: first, stringContent };
  }
  if ('[]{}&*!|>%@`#'.includes(first)) return undefined;
  const typed = text.slice(valueStart, offset);
  if (/: |:$/.test(typed) && item) return undefined; // `- key: …` is a mapping item
  const valueEnd = Math.max(offset, valueStart + stripComment(text.slice(valueStart, limit)).trimEnd().length);
  return { ...base, replace: { start: valueStart, end: valueEnd }, quote: '', stringContent: { start: valueStart, end: valueEnd } };
}

/** JSON, when the tolerant parser has no usable tree (an empty or garbled file): the cursor's line. */
export function jsonLineSlots(text: string, offset: number): CompletionSlot[] {
  if (text.trim() === '') {
    return [{ kind: 'template', replace: { start: 0, end: text.length }, form: 'document', column: 0 }];
  }
  const { start, end } = lineBounds(text, offset);
  const m = /^\s*"((?:[^"\\]|\\.)+)"\s*:\s*(?:("[^"]*)|([A-Za-z0-9_.-]*))$/.exec(text.slice(start, offset));
  if (!m) return [];
  const field = unquote(`"${m[1]}"`);
  const base = { kind: 'value' as const, field, item: false, existingItems: new Set<string>(), keyColumn: 0, quote: '"' as const };
  const rest = text.slice(offset, end);
  if (m[2] !== undefined) {
    const valueStart = offset - m[2].length;
    const close = rest.indexOf('"');
    const contentEnd = close >= 0 ? offset + close : offset + rest.search(/[,}\]\s]|$/);
    return [{ ...base, replace: { start: valueStart, end: close >= 0 ? contentEnd + 1 : contentEnd }, stringContent: { start: valueStart + 1, end: contentEnd } }];
  }
  const word = m[3] ?? '';
  return [{ ...base, replace: { start: offset - word.length, end: offset + WORD_AFTER.exec(rest)![0].length } }];
}
