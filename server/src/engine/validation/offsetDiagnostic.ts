import type { Severity } from '../document/documentModel';

/** A diagnostic placed by text offsets; turned into line/character ranges once, at the end. */
export interface OffsetDiagnostic {
  offset: number;
  length: number;
  severity: Severity;
  code: string;
  message: string;
  data?: Record<string, unknown>;
}
