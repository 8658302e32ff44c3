// Applying what the server proposes, as an editor would: text edits, snippets, completion items.
import { LineIndex } from '../../server/src/engine/document/lineIndex';

interface Pos {
  line: number;
  character: number;
}
export interface EditLike {
  range: { start: Pos; end: Pos };
  newText: string;
}

/** `text` with the edits applied (non-overlapping, as LSP requires). */
export function applyTextEdits(text: string, edits: readonly EditLike[]): string {
  const lines = new LineIndex(text);
  const abs = edits
    .map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A snippet as the text an editor leaves after accepting it with the defaults. */
export function snippetText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
      out += snippet[++i];
      continue;
    }
    if (c === '$') {
      const m = /^\$(?:(\d+)|\{(\d+)(?::((?:[^\\}]|\\.)*)|\|([^|]*)\|)?\})/.exec(snippet.slice(i));
      if (m) {
        if (m[3] !== undefined) out += snippetText(m[3]);
        else if (m[4] !== undefined) out += m[4].split(',')[0];
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

export interface ItemLike {
  label: string;
  textEdit?: EditLike | { newText: string; insert: EditLike['range']; replace: EditLike['range'] };
  insertText?: string;
  insertTextFormat?: number;
  additionalTextEdits?: EditLike[];
}

/** The document after accepting a completion item. */
export function applyCompletion(text: string, item: ItemLike): string {
  const te = item.textEdit!;
  const range = 'range' in te ? te.range : te.replace;
  const newText = item.insertTextFormat === 2 ? snippetText(te.newText) : te.newText;
  return applyTextEdits(text, [{ range, newText }, ...(item.additionalTextEdits ?? [])]);
}

/** Splits `src` at its `|` caret marker: the text without it, and the caret's offset and position. */
export function caret(src: string): { text: string; offset: number; position: Pos } {
  const offset = src.indexOf('|');
  if (offset < 0) throw new Error('no | caret in test text');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  return { text, offset, position: new LineIndex(text).positionAt(offset) };
}
