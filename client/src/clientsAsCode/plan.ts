// The plan: what applying the client files to a server would do, per client_id. One pass over the
// server's client list (pages of the largest size every version honours), never a GET per client.
import type { AdminApiClient } from '../adminApi/adminApiClient';
import type { OAuth2Client } from '../adminApi/oauth2Client';
import { MAX_PAGE_SIZE } from '../adminApi/pagination';
import type { LoadedClients, LocalClient, Refusal } from './clientFiles';
import { type FieldChange, type NormaliseOptions, diffClients } from './normalise';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'onlyOnServer';

export interface PlanEntry {
  action: PlanAction;
  clientId: string;
  /** The file's client (not for onlyOnServer). */
  local?: LocalClient;
  /** The server's client as listed (not for create). */
  server?: OAuth2Client;
  /** update: the fields that differ. */
  changes?: FieldChange[];
}

export interface Plan {
  entries: PlanEntry[];
  refused: Refusal[];
  counts: Record<PlanAction, number>;
}

/**
 * `partial`: the files are not all of them (a workspace listing stopped at its limit), so a client the
 * files don't declare may still be declared in one unread: no onlyOnServer entries (never delete candidates).
 */
export function planFromListing(loaded: LoadedClients, serverClients: Iterable<OAuth2Client>, options: NormaliseOptions & { partial?: boolean }): Plan {
  const server = new Map<string, OAuth2Client>();
  for (const c of serverClients) if (typeof c.client_id === 'string') server.set(c.client_id, c);
  const entries: PlanEntry[] = [];
  const declared = new Set<string>();
  for (const local of loaded.clients) {
    declared.add(local.clientId);
    const live = server.get(local.clientId);
    if (!live) {
      entries.push({ action: 'create', clientId: local.clientId, local });
      continue;
    }
    const changes = diffClients(local.value, live, options);
    entries.push(changes.length ? { action: 'update', clientId: local.clientId, local, server: live, changes } : { action: 'unchanged', clientId: local.clientId, local, server: live });
  }
  // Refused files still declare their clients: those are not "only on the server".
  for (const r of loaded.refused) for (const id of r.clientIds ?? []) declared.add(id);
  if (!options.partial) for (const [id, live] of server) if (!declared.has(id)) entries.push({ action: 'onlyOnServer', clientId: id, server: live });
  return { entries, refused: loaded.refused, counts: countActions(entries) };
}

/** Lists every client of the server once, then plans. */
export async function planAgainstServer(api: AdminApiClient, loaded: LoadedClients, options: NormaliseOptions & { signal?: AbortSignal }): Promise<Plan> {
  return planFromListing(loaded, await listAllClients(api, options.signal), options);
}

/** Every client of the server, in pages of the largest size every version honours. */
export async function listAllClients(api: AdminApiClient, signal?: AbortSignal): Promise<OAuth2Client[]> {
  const listed: OAuth2Client[] = [];
  const listOptions: { pageSize: number; signal?: AbortSignal } = { pageSize: MAX_PAGE_SIZE };
  if (signal) listOptions.signal = signal;
  for await (const page of api.listPages(listOptions)) listed.push(...page);
  return listed;
}

function countActions(entries: readonly PlanEntry[]): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, unchanged: 0, onlyOnServer: 0 };
  for (const e of entries) counts[e.action]++;
  return counts;
}

/** "1 to create, 2 to update, 3 unchanged, 0 only on the server[, 1 file(s) refused for lint errors]": the editor's and the CLI's summary. */
export function describeCounts(plan: Plan): string {
  const n = plan.counts;
  const refusedFiles = new Set(plan.refused.map((r) => r.uri)).size;
  return `${n.create} to create, ${n.update} to update, ${n.unchanged} unchanged, ${n.onlyOnServer} only on the server${refusedFiles ? `, ${refusedFiles} file(s) refused for lint errors` : ''}`;
}

/** True when applying would change nothing and nothing is missing from the files. */
export function inSync(plan: Plan): boolean {
  return plan.counts.create + plan.counts.update + plan.counts.onlyOnServer === 0;
}
