import { LineIndex } from '../../server/src/engine/document/lineIndex';

interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The source text a diagnostic's range covers. */
export function rangeText(text: string, range: RangeLike): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Compact, order-independent view of diagnostics for assertions: "code@text". */
export function summarize(text: string, diags: ({ code?: string | number; range: RangeLike })[]): string[] {
  return diags.map((d) => `${d.code}@${rangeText(text, d.range)}`).sort();
}
