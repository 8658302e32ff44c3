// Workspace vs server, per connection: the clients-as-code plan of the workspace's client files,
// computed once (one list pass) and kept until refreshed. The tree, the CodeLens and the commands all
// read it. No vscode: the workspace's files come in through WorkspaceFiles.
import { AdminApiError } from '../adminApi/adminApiError';
import type { OAuth2Client } from '../adminApi/oauth2Client';
import { type LoadedClients, loadClients } from '../clientsAsCode/clientFiles';
import { type FieldChange, type NormaliseOptions, diffClients } from '../clientsAsCode/normalise';
import { type Plan, listAllClients, planFromListing } from '../clientsAsCode/plan';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { EngineSettings } from '../../../server/src/engine/engineSettings';
import type { ListedFiles } from './workspaceFiles';

export interface WorkspaceFiles {
  /**
   * The workspace's JSON/YAML files (open editors' unsaved text wins over the disk); `partial` when
   * some were not read (the listing stopped at a limit, or a file could not be read).
   */
  list(): Promise<ListedFiles>;
}

export interface DriftSnapshot {
  connection: string;
  plan: Plan;
  /** The server's clients as listed, by client_id (what CodeLens statuses compare with). */
  server: Map<string, OAuth2Client>;
  loaded: LoadedClients;
  /** Not every workspace file was read: clients only on the server are not known (nor offered for deletion). */
  partial: boolean;
}

export type LiveStatus = { kind: 'inSync' } | { kind: 'differs'; changes: FieldChange[] } | { kind: 'missing' };

export class DriftModel {
  private readonly snapshots = new Map<string, Promise<DriftSnapshot>>();
  /** The server's list per connection: kept when only the files changed (a save costs no request). */
  private readonly listings = new Map<string, Promise<OAuth2Client[]>>();
  private readonly byId = new WeakMap<OAuth2Client[], Map<string, OAuth2Client>>();
  /** The last finished snapshot per connection, for synchronous readers (tree labels). */
  private readonly finished = new Map<string, DriftSnapshot>();
  private readonly listeners: ((connection?: string) => void)[] = [];

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly files: WorkspaceFiles,
    private readonly settings: () => EngineSettings,
  ) {}

  onDidChange(listener: (connection?: string) => void): void {
    this.listeners.push(listener);
  }

  normaliseOptions(): NormaliseOptions {
    return { hydraVersion: this.settings().hydraVersion };
  }

  /** Forgets the snapshot and the server's list (of one connection, or all): the next reader lists again. */
  refresh(connection?: string): void {
    if (connection === undefined) this.listings.clear();
    else this.listings.delete(connection);
    this.refreshFiles(connection);
  }

  /** The workspace's files changed: plans again from the cached server lists. */
  refreshFiles(connection?: string): void {
    if (connection === undefined) {
      this.snapshots.clear();
      this.finished.clear();
    } else {
      this.snapshots.delete(connection);
      this.finished.delete(connection);
    }
    for (const l of this.listeners) l(connection);
  }

  /** The cached snapshot, or a new plan (files read and linted, the server listed once). */
  snapshot(connection: string, signal?: AbortSignal): Promise<DriftSnapshot> {
    let p = this.snapshots.get(connection);
    if (!p) {
      // Shared by every reader (tree, CodeLens, commands): one caller's cancel must not fail the others.
      p = this.plan(connection);
      this.snapshots.set(connection, p);
      p.then((s) => {
        if (this.snapshots.get(connection) !== p) return;
        this.finished.set(connection, s);
        // The tree's root shows the counts once they are known.
        for (const l of this.listeners) l(connection);
      }, () => undefined);
      // A failed plan is not cached: the next reader tries again.
      p.catch(() => {
        if (this.snapshots.get(connection) === p) this.snapshots.delete(connection);
      });
    }
    return untilAborted(p, signal);
  }

  /** The last finished snapshot, if any; never starts a plan. */
  latest(connection: string): DriftSnapshot | undefined {
    return this.finished.get(connection);
  }

  /** A fresh plan, replacing the cached one (before apply: the confirmation must count what is true now). */
  async replan(connection: string, signal?: AbortSignal): Promise<DriftSnapshot> {
    this.snapshots.delete(connection);
    this.listings.delete(connection);
    const s = await this.snapshot(connection, signal);
    for (const l of this.listeners) l(connection);
    return s;
  }

  /** The server's clients by client_id (listed once, cached): all a CodeLens needs, no workspace scan. */
  async serverClients(connection: string, signal?: AbortSignal): Promise<Map<string, OAuth2Client>> {
    const listed = await this.listing(connection, signal);
    let byId = this.byId.get(listed);
    if (!byId) {
      byId = new Map();
      for (const c of listed) if (typeof c.client_id === 'string') byId.set(c.client_id, c);
      this.byId.set(listed, byId);
    }
    return byId;
  }

  /** One client of a file against the server's copy. */
  static status(server: ReadonlyMap<string, OAuth2Client>, local: Record<string, unknown>, options: NormaliseOptions): LiveStatus {
    const live = typeof local.client_id === 'string' ? server.get(local.client_id) : undefined;
    if (!live) return { kind: 'missing' };
    const changes = diffClients(local, live, options);
    return changes.length ? { kind: 'differs', changes } : { kind: 'inSync' };
  }

  private listing(connection: string, signal?: AbortSignal): Promise<OAuth2Client[]> {
    let p = this.listings.get(connection);
    if (!p) {
      p = this.registry.client(connection).then((api) => listAllClients(api));
      this.listings.set(connection, p);
      p.catch(() => {
        if (this.listings.get(connection) === p) this.listings.delete(connection);
      });
    }
    return untilAborted(p, signal);
  }

  private async plan(connection: string): Promise<DriftSnapshot> {
    const [read, listed, server] = await Promise.all([this.files.list(), this.listing(connection), this.serverClients(connection)]);
    const partial = !Array.isArray(read);
    const loaded = loadClients(Array.isArray(read) ? read : read.files, this.settings());
    const plan = planFromListing(loaded, listed, { ...this.normaliseOptions(), partial });
    return { connection, plan, server, loaded, partial };
  }
}

/** A shared promise as one caller waits for it: its cancel ends only its own wait (as the transport reports a cancel). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  const cancelled = () => new AdminApiError({ kind: 'cancelled', message: 'Cancelled.' });
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
