// A failed admin API call's message with the explanation appended, for the extension's save, create
// and apply failures. Takes the error's shape (status, error, errorDescription), so the engine
// needs nothing from the extension's admin API client.
import { linesWithCode, type ClientSource } from './diagnosticPointer';
import { explainHydraError, explanationText } from './explainHydraError';

export interface FailureLike {
  message: string;
  status?: number;
  error?: string;
  errorDescription?: string;
}

/**
 * The message, then (when the table knows the answer) field, why, fix and our diagnostic code —
 * with the lines where the linter reports it when the client's text is given.
 */
export function describeFailure(err: FailureLike, source?: ClientSource): string {
  if (err.status === undefined) return err.message;
  const x = explainHydraError(err);
  if (!x) return err.message;
  const lines = source && x.ruleCode ? safeLines(source, x.ruleCode) : [];
  return `${err.message} — ${explanationText(x, lines)}`;
}

function safeLines(source: ClientSource, code: string): number[] {
  try {
    return linesWithCode(source, code);
  } catch {
    return []; // the pointer is a nicety: never let it hide Hydra's answer
  }
}
