// In-memory clients, ordered by client_id ascending (as Hydra's SQL ORDER BY id).
import { newClientId, nowRfc3339, toStoredClient, type HydraVersion, type OAuth2ClientJson } from './clientDefaults';

export class DuplicateClientError extends Error {}

export interface ListFilter {
  client_name?: string;
  owner?: string;
}

export class ClientStore {
  private readonly byId = new Map<string, OAuth2ClientJson>();
  /** Sorted ids (code-unit order, like the database's byte order for ASCII ids). */
  private ids: string[] = [];

  constructor(readonly hydraVersion: HydraVersion) {}

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The stored client (with its secret), a copy. */
  get(id: string): OAuth2ClientJson | undefined {
    const c = this.byId.get(id);
    return c ? structuredClone(c) : undefined;
  }

  /** Inserts a stored-form client; a taken id throws DuplicateClientError. */
  insert(client: OAuth2ClientJson): void {
    const id = String(client.client_id);
    if (this.byId.has(id)) throw new DuplicateClientError(id);
    this.byId.set(id, structuredClone(client));
    this.ids.splice(this.indexFor(id), 0, id);
  }

  /** Replaces a stored client; false if it does not exist. */
  replace(id: string, client: OAuth2ClientJson): boolean {
    if (!this.byId.has(id)) return false;
    this.byId.set(id, structuredClone({ ...client, client_id: id }));
    return true;
  }

  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.ids.splice(this.indexFor(id), 1);
    return true;
  }

  clear(): void {
    this.byId.clear();
    this.ids = [];
  }

  /** All matching clients in id order (filters are exact matches). */
  list(filter: ListFilter = {}): OAuth2ClientJson[] {
    const out: OAuth2ClientJson[] = [];
    for (const id of this.ids) {
      const c = this.byId.get(id)!;
      if (filter.client_name !== undefined && c.client_name !== filter.client_name) continue;
      if (filter.owner !== undefined && c.owner !== filter.owner) continue;
      out.push(c);
    }
    return out;
  }

  /** Up to `limit` matching clients whose id sorts after `afterId` (keyset pagination). */
  listAfter(afterId: string | undefined, limit: number, filter: ListFilter = {}): OAuth2ClientJson[] {
    const start = afterId === undefined ? 0 : this.indexFor(afterId, true);
    const out: OAuth2ClientJson[] = [];
    for (let i = start; i < this.ids.length && out.length < limit; i++) {
      const c = this.byId.get(this.ids[i])!;
      if (filter.client_name !== undefined && c.client_name !== filter.client_name) continue;
      if (filter.owner !== undefined && c.owner !== filter.owner) continue;
      out.push(c);
    }
    return out;
  }

  /**
   * Test helper: creates a client from API-style input with Hydra's defaults (no validation).
   * Returns the stored client.
   */
  add(input: OAuth2ClientJson): OAuth2ClientJson {
    const now = nowRfc3339();
    const stored = toStoredClient({ ...input, client_id: input.client_id || newClientId() }, this.hydraVersion, { createdAt: now, updatedAt: now });
    this.insert(stored);
    return structuredClone(stored);
  }

  /**
   * Test helper: changes a client "behind a client's back" (no validation), bumping updated_at by
   * at least one second so a conflict check that compares it notices. Returns the new stored client.
   */
  update(id: string, patch: OAuth2ClientJson): OAuth2ClientJson {
    const current = this.byId.get(id);
    if (!current) throw new Error(`no client ${id}`);
    const previous = Date.parse(String(current.updated_at));
    const at = Math.max(Date.now(), (Number.isNaN(previous) ? 0 : previous) + 1000);
    const next = { ...current, ...patch, client_id: id, updated_at: nowRfc3339(at) };
    this.byId.set(id, structuredClone(next));
    return structuredClone(next);
  }

  /** First index whose id is ≥ id (or > id when `after`). */
  private indexFor(id: string, after = false): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid];
      if (v < id || (after && v === id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
