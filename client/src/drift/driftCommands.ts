// Plan, apply, compare and push for the workspace's client files, over the Host (never vscode) so the
// tests drive them against the in-memory admin server. Every write is confirmed naming the connection
// and counting each kind; deletions need a second, explicit confirmation listing them by id.
import { applyPlan, type ApplyResult, type ApplySummary, summaryCounts } from '../clientsAsCode/apply';
import { type SourceFile, clientsInText, loadClients } from '../clientsAsCode/clientFiles';
import { type Plan, type PlanEntry, describeCounts, planFromListing } from '../clientsAsCode/plan';
import { clientToText } from '../clientFs/clientText';
import { type LiveFormat, toClientUri } from '../clientFs/clientUri';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import { WriteRefusedError, guardWrite } from '../connections/writeGuard';
import type { SectionNode } from '../explorer/explorerNode';
import type { Host, UriParts } from '../host';
import type { EngineSettings } from '../../../server/src/engine/engineSettings';
import type { DriftModel } from './driftModel';
import type { DriftNodeData } from './driftTree';

export interface DriftDeps {
  host: Host;
  registry: ConnectionRegistry;
  drift: DriftModel;
  settings(): EngineSettings;
  liveFormat(): LiveFormat;
  /** After a write: the explorer reloads the connection's clients. */
  changed(connection: string): void;
}

export const APPLY = 'Apply';
export const COPY = 'Copy';
export const COMPARE = 'Compare';
export const applyAndDelete = (n: number) => `Apply and delete ${n}…`;
/** Said wherever a plan is shown that was made from a workspace listing cut short. */
export const PARTIAL_SCAN = 'Not every workspace file could be read (too many, or unreadable): clients only on the server are not known, and none is deleted.';
export const deleteClients = (n: number) => `Delete ${n} client(s)`;

/** `file:///x/a.json` → the parts the Host opens. */
export function fileUriParts(uri: string): UriParts {
  const u = new URL(uri);
  return { scheme: u.protocol.slice(0, -1), authority: u.host, path: decodeURIComponent(u.pathname) };
}

/** Plans again and says what applying would do; the details go to the log. */
export async function planWorkspace(deps: DriftDeps, connection: string): Promise<Plan> {
  const { host, drift } = deps;
  const { plan, partial } = await host.withProgress(`Comparing the workspace with "${connection}"…`, (signal) => drift.replan(connection, signal));
  for (const line of planLines(plan)) host.log('info', line);
  const work = plan.counts.create + plan.counts.update;
  const message = `Workspace vs "${connection}": ${describeCounts(plan)}.${partial ? ` ${PARTIAL_SCAN}` : ''}`;
  const answer = await host.showInformationMessage(message, {}, ...(work ? [`${APPLY}…`] : []));
  if (answer === `${APPLY}…`) await applyWorkspace(deps, connection);
  return plan;
}

/** Plans afresh, confirms (naming the connection, counting each kind), applies with progress and cancel, reports. */
export async function applyWorkspace(deps: DriftDeps, connection: string): Promise<ApplySummary | undefined> {
  const { host, registry, drift } = deps;
  const config = registry.get(connection);
  if (config.readOnly) throw new WriteRefusedError(`Connection "${config.name}" is read-only: cannot apply the workspace's clients.`);
  const { plan, partial } = await host.withProgress(`Comparing the workspace with "${connection}"…`, (signal) => drift.replan(connection, signal));
  if (plan.refused.length) {
    const r = plan.refused[0]!;
    const more = plan.refused.length > 1 ? ` (and ${plan.refused.length - 1} more)` : '';
    void host.showErrorMessage(`Nothing applied: ${r.file}:${r.line + 1}: ${r.message}${more}. Fix the lint errors first.`);
    return undefined;
  }
  const creates = ids(plan, 'create');
  const updates = ids(plan, 'update');
  const only = ids(plan, 'onlyOnServer');
  if (!creates.length && !updates.length && !only.length) {
    void host.showInformationMessage(`The workspace is in sync with "${connection}" (${plan.counts.unchanged} client(s)).${partial ? ` ${PARTIAL_SCAN}` : ''}`, {});
    return undefined;
  }
  const detail = [
    creates.length ? `Create ${creates.length}: ${list(creates)}` : '',
    updates.length ? `Update ${updates.length}: ${list(updates)}` : '',
    `Unchanged: ${plan.counts.unchanged}`,
    only.length ? `Only on the server ${only.length} (kept unless you choose to delete them): ${list(only)}` : '',
    partial ? PARTIAL_SCAN : '',
  ].filter(Boolean).join('\n');
  const items = creates.length || updates.length ? [APPLY] : [];
  if (only.length) items.push(applyAndDelete(only.length));
  const answer = await host.showWarningMessage(
    `Apply the workspace's clients to connection "${config.name}" (${config.adminUrl})? ${creates.length} to create, ${updates.length} to update, ${plan.counts.unchanged} unchanged, ${only.length} only on the server.`,
    { modal: true, detail },
    ...items,
  );
  if (answer === undefined) return undefined;
  let deletes: string[] = [];
  if (answer === applyAndDelete(only.length)) {
    const sure = await host.showWarningMessage(
      `Delete these ${only.length} client(s) from connection "${config.name}" (${config.adminUrl})? Apps using them stop working.`,
      { modal: true, detail: plan.entries.filter((e) => e.action === 'onlyOnServer').map(named).join('\n') },
      deleteClients(only.length),
    );
    if (sure !== deleteClients(only.length)) return undefined;
    deletes = only;
  }
  // The modal above named the connection and every change: it is the confirmWrites confirmation too.
  await guardWrite(host, config, `apply the workspace's clients`, true);
  const api = await registry.client(connection);
  const secrets: [string, string][] = [];
  let summary: ApplySummary;
  try {
    summary = await host.withProgress(`Applying the workspace to "${connection}"…`, (signal, report) =>
      applyPlan(api, plan, { deletes, signal, onSecret: (id, s) => secrets.push([id, s]), onProgress: (done, total, r) => report?.(`${done}/${total}: ${r.outcome} ${r.clientId}`) }),
    );
  } finally {
    drift.refresh(connection);
    deps.changed(connection);
  }
  for (const r of summary.results) host.log(r.outcome === 'failed' || r.outcome === 'conflict' ? 'warn' : 'info', resultLine(connection, r));
  // Shown once each, then dropped: the array is local to this call.
  for (const [id, secret] of secrets.splice(0)) await showSecretOnce(host, id, secret);
  await report(host, connection, summary);
  return summary;
}

/** Compare a drift row: the file's client ↔ the live one (editable, saved with the conflict check). */
export async function compareDrift(deps: DriftDeps, node: SectionNode): Promise<void> {
  const data = node.data as DriftNodeData;
  if (data.kind === 'refused') return deps.host.openDocument(fileUriParts(data.refusal.uri));
  if (data.kind !== 'entry') return;
  await compareEntry(deps, node.connection, data.entry);
}

export async function compareEntry(deps: DriftDeps, connection: string, entry: PlanEntry): Promise<void> {
  const format = deps.liveFormat();
  const live = toClientUri({ connection, clientId: entry.clientId, format });
  if (!entry.local) return deps.host.openDocument(live);
  if (entry.action === 'create') return deps.host.openDocument(fileUriParts(entry.local.source.uri));
  const file = entry.local.source.file.split('/').pop();
  await deps.host.openDiff({ title: `${entry.clientId} (${file})`, content: clientToText(entry.local.value, format), language: format }, live, `${entry.clientId}: ${file} ↔ ${connection}`);
}

/** Compare one client of a file (CodeLens) with its live copy: the file's current text, linted or not. */
export async function compareFileClient(deps: DriftDeps, connection: string, file: SourceFile, clientId: string): Promise<void> {
  const local = clientsInText(file, deps.settings()).find((c) => c.clientId === clientId);
  if (!local) throw new Error(`${file.name} no longer declares client "${clientId}".`);
  await compareEntry(deps, connection, { action: 'update', clientId, local });
}

/** Push one client of a file (CodeLens): lint gate, create or update with the conflict check, secret shown once. */
export async function pushClient(deps: DriftDeps, connection: string, file: SourceFile, clientId: string): Promise<ApplyResult | undefined> {
  const { host, registry, drift } = deps;
  const loaded = loadClients([{ ...file, explicit: true }], deps.settings());
  const refusal = loaded.refused[0];
  if (refusal) throw new Error(`Not pushed: ${refusal.file}:${refusal.line + 1}: ${refusal.message}`);
  const local = loaded.clients.find((c) => c.clientId === clientId);
  if (!local) throw new Error(`${file.name} no longer declares client "${clientId}".`);
  const snapshot = await host.withProgress(`Reading "${connection}"…`, (signal) => drift.snapshot(connection, signal));
  const live = snapshot.server.get(clientId);
  const plan = planFromListing({ clients: [local], refused: [], ignored: 0 }, live ? [live] : [], drift.normaliseOptions());
  const entry = plan.entries[0]!;
  if (entry.action === 'unchanged') {
    void host.showInformationMessage(`Client "${clientId}" is already in sync with "${connection}".`, {});
    return undefined;
  }
  await guardWrite(host, registry.get(connection), `${entry.action} client "${clientId}" from ${file.name}`);
  const api = await registry.client(connection);
  const secrets: string[] = [];
  const summary = await host.withProgress(`Pushing "${clientId}" to "${connection}"…`, () => applyPlan(api, plan, { onSecret: (_id, s) => secrets.push(s) }));
  drift.refresh(connection);
  deps.changed(connection);
  const result = summary.results[0]!;
  host.log(result.outcome === 'failed' || result.outcome === 'conflict' ? 'warn' : 'info', resultLine(connection, result));
  if (result.outcome === 'conflict') {
    const answer = await host.showWarningMessage(`Client "${clientId}" ${result.message ?? 'changed on the server'} Compare, then push again.`, {}, COMPARE);
    if (answer === COMPARE) await compareEntry(deps, connection, entry);
  } else if (result.outcome === 'failed') {
    void host.showErrorMessage(`Pushing "${clientId}" to "${connection}" failed: ${result.message}`);
  } else {
    for (const s of secrets.splice(0)) await showSecretOnce(host, clientId, s);
    void host.showInformationMessage(`Client "${clientId}" ${result.outcome} on "${connection}".`, {});
  }
  return result;
}

/** The plaintext secret exists only in this modal and, on Copy, the clipboard. */
async function showSecretOnce(host: Host, clientId: string, secret: string): Promise<void> {
  const answer = await host.showInformationMessage(`Client "${clientId}" created. Its secret is shown only now:`, { modal: true, detail: secret }, COPY);
  if (answer === COPY) await host.writeClipboard(secret);
}

async function report(host: Host, connection: string, s: ApplySummary): Promise<void> {
  const n = summaryCounts(s);
  const parts = [`${n.created} created`, `${n.updated} updated`, `${n.deleted} deleted`];
  const problems = s.results.filter((r) => r.outcome === 'conflict' || r.outcome === 'failed');
  if (n.conflict) parts.push(`${n.conflict} changed on the server since the plan (skipped)`);
  if (n.failed) parts.push(`${n.failed} failed`);
  if (s.cancelled) parts.push(`cancelled: ${n.notDone} not done`);
  const message = `Applied to "${connection}": ${parts.join(', ')}.`;
  const detail = problems.map((r) => `${r.clientId}: ${r.message}`).join('\n');
  if (problems.length || s.cancelled) await host.showWarningMessage(message, detail ? { detail } : {});
  else await host.showInformationMessage(message, {});
}

function planLines(plan: Plan): string[] {
  const lines: string[] = [];
  for (const r of plan.refused) lines.push(`refused ${r.file}:${r.line + 1}: ${r.code} ${r.message}`);
  for (const e of plan.entries) {
    if (e.action === 'update') lines.push(`update ${e.clientId}: ${(e.changes ?? []).map((c) => c.field).join(', ')}`);
    else if (e.action === 'create') lines.push(`create ${e.clientId} (${e.local?.source.file})`);
    else if (e.action === 'onlyOnServer') lines.push(`only on the server: ${e.clientId}`);
  }
  return lines;
}

/** "id (name)" when the client has a name of its own. */
const named = (e: PlanEntry) => {
  const name = e.server?.client_name;
  return typeof name === 'string' && name && name !== e.clientId ? `${e.clientId} (${name})` : e.clientId;
};
const resultLine = (connection: string, r: ApplyResult) => `${r.action} "${r.clientId}" on "${connection}": ${r.outcome}${r.message ? ` — ${r.message}` : ''}`;
const ids = (plan: Plan, action: PlanEntry['action']) => plan.entries.filter((e) => e.action === action).map((e) => e.clientId);
const list = (xs: string[]) => (xs.length > 20 ? `${xs.slice(0, 20).join(', ')} … (${xs.length - 20} more)` : xs.join(', '));
