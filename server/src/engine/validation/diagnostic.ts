// The engine's diagnostic: LSP-shaped (0-based line/character ranges) but free of any protocol
// package, so the server, the CLI and tests all consume the same thing.
import type { Severity } from '../document/documentModel';
import type { LineIndex, Position } from '../document/lineIndex';
import type { OffsetDiagnostic } from './offsetDiagnostic';

export interface Range {
  start: Position;
  end: Position;
}

export interface EngineDiagnostic {
  range: Range;
  severity: Severity;
  /** Stable and machine-readable: quick fixes and tests match on it, never on message text. */
  code: string;
  message: string;
  /** Extra facts for quick fixes (e.g. the suggested key). */
  data?: Record<string, unknown>;
}

export const DIAGNOSTIC_SOURCE = 'oauth2-client';

export function rangeOf(lines: LineIndex, offset: number, length: number): Range {
  return { start: lines.positionAt(offset), end: lines.positionAt(offset + length) };
}

/** An offset diagnostic placed by line and character (a literal, not a spread: see offsetDiagnostic). */
export function toEngineDiagnostic(d: OffsetDiagnostic, lines: LineIndex): EngineDiagnostic {
  const range = rangeOf(lines, d.offset, d.length);
  return d.data
    ? { range, severity: d.severity, code: d.code, message: d.message, data: d.data }
    : { range, severity: d.severity, code: d.code, message: d.message };
}
