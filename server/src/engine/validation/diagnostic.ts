// The engine's diagnostic: LSP-shaped (0-based line/character ranges) but free of any protocol
// package, so the server, the CLI and tests all consume the same thing.
import type { Severity } from '../document/documentModel';
import type { LineIndex, Position } from '../document/lineIndex';

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
