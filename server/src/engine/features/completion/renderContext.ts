// What completion renderers need besides the slot: the language, the text and its style, positions.
import type { CompletionItem, Range, TextEdit } from 'vscode-languageserver-types';
import type { DocumentLanguage } from '../../document/documentModel';
import type { LineIndex } from '../../document/lineIndex';
import type { HydraVersion } from '../../schema/clientSchema';
import type { TextStyle } from '../textStyle';
import type { JsonCommas, Span } from './contextTypes';

export interface RenderContext {
  language: DocumentLanguage;
  text: string;
  style: TextStyle;
  lines: LineIndex;
  offset: number;
  hydraVersion: HydraVersion;
}

// LSP enumerations, as plain numbers (the engine imports only types from the protocol packages).
export const ItemKind = { Value: 12, Property: 10, Snippet: 15, EnumMember: 20, Keyword: 14 } as const;
export const SNIPPET = 2;
export const AS_IS = 1;

export function rangeOf(ctx: RenderContext, span: Span): Range {
  return { start: ctx.lines.positionAt(span.start), end: ctx.lines.positionAt(span.end) };
}

export function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

/** The pieces every item shares: the edit over the slot's span, commas, snippet format. */
export function editItem(ctx: RenderContext, slot: JsonCommas & { replace: Span }, newText: string, item: Omit<CompletionItem, 'textEdit'>): CompletionItem {
  const text = (slot.needsSpace && !newText.startsWith('\n') && !newText.startsWith('\r') ? ' ' : '') + newText + (slot.commaAfter ? ',' : '');
  const additional: TextEdit[] = slot.commaBefore !== undefined ? [{ range: rangeOf(ctx, { start: slot.commaBefore, end: slot.commaBefore }), newText: ',' }] : [];
  return {
    ...item,
    textEdit: { range: rangeOf(ctx, slot.replace), newText: text },
    insertTextFormat: SNIPPET,
    ...(text.includes('\n') ? { insertTextMode: AS_IS } : {}),
    ...(additional.length ? { additionalTextEdits: additional } : {}),
  };
}

/** What an editor filters on: the text from the span's start, so a typed quote must be in it. */
export function filterTextFor(ctx: RenderContext, span: Span, word: string): string {
  const c = ctx.text[span.start];
  return (c === '"' || c === "'") && span.end > span.start ? `${c}${word}${c}` : word;
}
