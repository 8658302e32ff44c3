// Plan and apply results as text (for people reading CI logs) or JSON (for scripts). Neither ever
// holds a secret: the plan compares no secret, and generated secrets never reach the summary.
import { type ApplySummary, summaryCounts } from '../../../client/src/clientsAsCode/apply';
import { type Plan, type PlanEntry, describeCounts } from '../../../client/src/clientsAsCode/plan';

export interface ClientsReport {
  adminUrl: string;
  plan: Plan;
  /** apply: the client_ids it was asked to delete. */
  deletes?: readonly string[];
  summary?: ApplySummary;
  /** apply: created clients for which Hydra generated a secret (not printed). */
  generatedSecrets?: readonly string[];
}

const MAX_VALUE = 200;
const show = (v: unknown): string => {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
};
const where = (e: PlanEntry): string => (e.local ? `  ${e.local.source.file}:${e.local.source.line + 1}` : '');

export function clientsText(r: ClientsReport): string {
  const lines: string[] = [];
  const { plan } = r;
  for (const f of plan.refused) lines.push(`${f.file}:${f.line + 1}:${f.character + 1}: error ${f.code} ${f.message}`);
  for (const e of plan.entries) {
    if (e.action === 'create') lines.push(`+ create          ${e.clientId}${where(e)}`);
    else if (e.action === 'update') {
      lines.push(`~ update          ${e.clientId}${where(e)}`);
      for (const c of e.changes ?? []) lines.push(`    ${c.field}: ${show(c.server)} → ${show(c.local)}`);
    } else if (e.action === 'onlyOnServer') lines.push(`- only on server  ${e.clientId}${r.deletes?.includes(e.clientId) ? '  (delete)' : ''}`);
  }
  lines.push(`Plan for ${r.adminUrl}: ${describeCounts(plan)}.`);
  if (r.summary) {
    for (const res of r.summary.results) lines.push(`${res.outcome.padEnd(9)} ${res.clientId}${res.message ? `: ${res.message}` : ''}`);
    for (const s of r.summary.notDone) lines.push(`not done  ${s.clientId} (${s.action}; interrupted)`);
    for (const id of r.generatedSecrets ?? []) lines.push(`note: Hydra generated a secret for ${id}; it is not printed (rotate it where you need it, or set client_secret in the file).`);
    const n = summaryCounts(r.summary);
    lines.push(`Applied: ${n.created} created, ${n.updated} updated, ${n.deleted} deleted, ${n.conflict} conflict(s), ${n.failed} failed${n.notDone ? `, ${n.notDone} not done (interrupted)` : ''}.`);
  }
  return lines.join('\n') + '\n';
}

export function clientsJson(r: ClientsReport): string {
  const { plan } = r;
  const out: Record<string, unknown> = {
    adminUrl: r.adminUrl,
    counts: { ...plan.counts, refusedFiles: new Set(plan.refused.map((f) => f.file)).size },
    clients: plan.entries.map((e) => ({
      action: e.action,
      client_id: e.clientId,
      ...(e.local ? { file: e.local.source.file, line: e.local.source.line } : {}),
      ...(e.changes ? { changes: e.changes.map((c) => ({ field: c.field, server: c.server ?? null, local: c.local ?? null })) } : {}),
    })),
    refused: plan.refused.map(({ clientIds: _ids, uri: _uri, ...f }) => f),
  };
  if (r.summary) {
    out.results = r.summary.results;
    out.notDone = r.summary.notDone;
    out.cancelled = r.summary.cancelled;
    out.generatedSecrets = r.generatedSecrets ?? [];
  }
  return JSON.stringify(out, null, 2) + '\n';
}
