// Retry policy for idempotent reads: 500/502/503/504 and network errors, with backoff. Writes never retry
// (a 500 on a write may still have written).

import { AdminApiError } from './adminApiError';
import type { HttpResponse } from './httpTransport';

export interface RetryPolicy {
  /** Waits between tries; its length + 1 is the number of tries. Default [200, 400] (3 tries). */
  delaysMs: readonly number[];
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [200, 400] };

const RETRY_STATUSES = new Set([500, 502, 503, 504]);

export function isRetryable(outcome: HttpResponse | unknown): boolean {
  if (outcome instanceof AdminApiError) return outcome.kind === 'network';
  const r = outcome as HttpResponse;
  return typeof r?.status === 'number' && RETRY_STATUSES.has(r.status);
}

/** Runs `attempt` until it gives a non-retryable outcome or the tries run out. */
export async function withRetry(
  attempt: () => Promise<HttpResponse>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<HttpResponse> {
  for (let i = 0; ; i++) {
    let outcome: HttpResponse | AdminApiError;
    try {
      outcome = await attempt();
    } catch (err) {
      if (!(err instanceof AdminApiError)) throw err;
      outcome = err;
    }
    const delay = policy.delaysMs[i];
    if (delay === undefined || !isRetryable(outcome)) {
      if (outcome instanceof AdminApiError) throw outcome;
      return outcome;
    }
    await sleep(delay, signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AdminApiError({ kind: 'cancelled', message: 'The request was cancelled.' }));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new AdminApiError({ kind: 'cancelled', message: 'The request was cancelled.' }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
