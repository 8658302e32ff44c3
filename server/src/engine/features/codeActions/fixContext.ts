// What every quick fix needs: the analysed document, where the diagnostic is (as offsets), the
// file's style, and a way to package TextEdits as a CodeAction on the document's uri.
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { ClientDocument } from '../../clientDocument';
import type { DocumentLanguage } from '../../document/documentModel';
import { locate, type Located } from '../clientNodes';
import { textStyle, type TextStyle } from '../textStyle';

export interface FixContext {
  uri: string;
  doc: ClientDocument;
  language: DocumentLanguage;
  text: string;
  style: TextStyle;
}

/** An edit by offsets, turned into an LSP TextEdit when the action is built. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export type QuickFix = (ctx: FixContext, diagnostic: Diagnostic, at: Located) => CodeAction[];

export function fixContext(uri: string, doc: ClientDocument): FixContext {
  return { uri, doc, language: doc.parsed.language, text: doc.parsed.text, style: textStyle(doc.parsed) };
}

/** The key or value the diagnostic is on. */
export function locateDiagnostic(ctx: FixContext, d: Diagnostic): Located | undefined {
  const start = ctx.doc.lines.offsetAt(d.range.start);
  const end = ctx.doc.lines.offsetAt(d.range.end);
  return locate(ctx.doc.parsed, start, end);
}

export function action(ctx: FixContext, title: string, d: Diagnostic, edits: OffsetEdit[], isPreferred = false): CodeAction {
  const lines = ctx.doc.lines;
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText }));
  return {
    title,
    kind: 'quickfix',
    diagnostics: [d],
    edit: { changes: { [ctx.uri]: textEdits } },
    ...(isPreferred ? { isPreferred: true } : {}),
  };
}

/** The diagnostic's `data` as a record (clients hand it back as they received it). */
export function dataOf(d: Diagnostic): Record<string, unknown> {
  return d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : {};
}
