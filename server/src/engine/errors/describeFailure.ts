// A failed admin API call's message with the explanation appended, for the extension's save, create
// and apply failures. Takes the error's shape (status, error, errorDescription), so the engine
// needs nothing from the extension's admin API client.
import { explainHydraError, explanationText } from './explainHydraError';

export interface FailureLike {
  message: string;
  status?: number;
  error?: string;
  errorDescription?: string;
}

/** The message, then (when the table knows the answer) field, why, fix and our diagnostic code. */
export function describeFailure(err: FailureLike): string {
  if (err.status === undefined) return err.message;
  const x = explainHydraError(err);
  return x ? `${err.message} — ${explanationText(x)}` : err.message;
}
