// Carries out a plan: creates first, then updates (each with the editor's conflict check: a client
// whose updated_at moved since the plan is skipped, not overwritten), then the deletions the caller
// named. One failure never stops the others. Cancellation is honoured between clients, never in the
// middle of a write, so the summary says exactly what was done.
import type { AdminApiClient } from '../adminApi/adminApiClient';
import { AdminApiError } from '../adminApi/adminApiError';
import type { Plan, PlanEntry } from './plan';

export type ApplyAction = 'create' | 'update' | 'delete';
export type ApplyOutcome = 'created' | 'updated' | 'deleted' | 'conflict' | 'failed';

export interface ApplyStep {
  action: ApplyAction;
  clientId: string;
}

export interface ApplyResult extends ApplyStep {
  outcome: ApplyOutcome;
  /** For conflict and failed: the reason (Hydra's message for a rejected client); free of secrets. */
  message?: string;
}

export interface ApplySummary {
  results: ApplyResult[];
  /** Steps not attempted because the apply was cancelled. */
  notDone: ApplyStep[];
  cancelled: boolean;
}

export interface ApplyOptions {
  /** Only-on-server clients to delete, by client_id: each must be one of the plan's onlyOnServer entries. */
  deletes?: readonly string[];
  signal?: AbortSignal;
  /** After each step: steps done so far and in all. */
  onProgress?: (done: number, total: number, result: ApplyResult) => void;
  /**
   * The plaintext secret Hydra generated for a created client (not one the file set): handed over once, at creation, and kept
   * nowhere (not in the summary, which callers may print or log).
   */
  onSecret?: (clientId: string, secret: string) => void;
}

export function applySteps(plan: Plan, deletes: readonly string[] = []): ApplyStep[] {
  const onlyOnServer = new Set(plan.entries.filter((e) => e.action === 'onlyOnServer').map((e) => e.clientId));
  for (const id of deletes) if (!onlyOnServer.has(id)) throw new RangeError(`Client "${id}" is not in the plan as only on the server: it cannot be deleted.`);
  const of = (action: PlanEntry['action']) => plan.entries.filter((e) => e.action === action);
  return [
    ...of('create').map((e) => ({ action: 'create' as const, clientId: e.clientId })),
    ...of('update').map((e) => ({ action: 'update' as const, clientId: e.clientId })),
    ...deletes.map((clientId) => ({ action: 'delete' as const, clientId })),
  ];
}

export async function applyPlan(api: AdminApiClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplySummary> {
  const steps = applySteps(plan, options.deletes);
  const byId = new Map(plan.entries.map((e) => [e.clientId, e]));
  const results: ApplyResult[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (options.signal?.aborted) return { results, notDone: steps.slice(i), cancelled: true };
    const step = steps[i]!;
    const result = await runStep(api, step, byId.get(step.clientId)!, options.onSecret);
    results.push(result);
    options.onProgress?.(i + 1, steps.length, result);
  }
  return { results, notDone: [], cancelled: false };
}

async function runStep(api: AdminApiClient, step: ApplyStep, entry: PlanEntry, onSecret: ApplyOptions['onSecret']): Promise<ApplyResult> {
  try {
    switch (step.action) {
      case 'create': {
        const created = await api.create(entry.local!.value);
        // Hydra echoes a secret the file set: only one it generated is news to the user.
        const generated = created.client_secret !== entry.local!.value.client_secret;
        if (generated && typeof created.client_secret === 'string' && created.client_secret) onSecret?.(step.clientId, created.client_secret);
        return { ...step, outcome: 'created' };
      }
      case 'update': {
        const expected = entry.server?.updated_at;
        await api.update(step.clientId, entry.local!.value, typeof expected === 'string' ? { expectedUpdatedAt: expected } : {});
        return { ...step, outcome: 'updated' };
      }
      case 'delete':
        await api.delete(step.clientId);
        return { ...step, outcome: 'deleted' };
    }
  } catch (err) {
    if (err instanceof AdminApiError && err.conflict) {
      return { ...step, outcome: 'conflict', message: `changed on the server since the plan (updated_at ${String(err.conflict.server.updated_at)}): not written.` };
    }
    return { ...step, outcome: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

export function summaryCounts(s: ApplySummary): Record<ApplyOutcome, number> & { notDone: number } {
  const counts = { created: 0, updated: 0, deleted: 0, conflict: 0, failed: 0, notDone: s.notDone.length };
  for (const r of s.results) counts[r.outcome]++;
  return counts;
}
