// Keeps the language server told which Hydra server each file is checked against: reads every
// connection's discovery document (cached per URL; "Refresh server configuration" re-reads), and
// sends the documents with the file associations (oauth2Client.connectionForFiles, then the
// connection picked in the status bar). No vscode: the wiring passes plain functions in.
import type { ServerConfiguration, ServerConfigurations } from '../../../server/src/engine/discovery/serverConfiguration';
import type { ConnectionConfig } from '../connections/connectionConfig';
import { fetchDiscovery, type DiscoveryResult } from './fetchDiscovery';

export interface SyncSources {
  connections(): readonly ConnectionConfig[];
  activeName(): string | undefined;
  /** The raw `oauth2Client.connectionForFiles` setting: { glob: connection name }. */
  connectionForFiles(): unknown;
  send(config: ServerConfigurations): void | Promise<void>;
  log?(message: string): void;
}

export class ServerConfigurationSync {
  private readonly cache = new Map<string, Promise<DiscoveryResult>>();
  /** Pushes overlap (a slow discovery read, then a settings change): only the newest one is sent. */
  private latest = 0;

  constructor(private readonly sources: SyncSources, private readonly fetcher: (c: ConnectionConfig & { publicUrl: string }) => Promise<DiscoveryResult> = readDiscovery) {}

  /** Reads what is not cached yet (everything with `force`), then tells the server. */
  async push(force = false): Promise<ServerConfigurations> {
    const generation = ++this.latest;
    if (force) this.cache.clear();
    const servers: ServerConfiguration[] = [];
    for (const c of this.sources.connections()) {
      if (!c.publicUrl) continue;
      const key = `${c.publicUrl}\n${c.caFile ?? ''}\n${c.insecureSkipTlsVerify === true}`;
      let p = this.cache.get(key);
      if (!p) {
        p = this.fetcher({ ...c, publicUrl: c.publicUrl });
        this.cache.set(key, p);
      }
      const r = await p;
      if ('unreachable' in r) this.sources.log?.(`Server configuration of connection "${c.name}" (${r.url}) could not be read: ${r.unreachable}`);
      servers.push('document' in r ? { name: c.name, url: r.url, document: r.document } : { name: c.name, url: r.url, unreachable: r.unreachable });
    }
    const config: ServerConfigurations = { servers, associations: associations(this.sources.connectionForFiles()) };
    const active = this.sources.activeName();
    if (active) config.defaultServer = active;
    // A newer push started while this one waited: it has the current settings and sends them.
    if (generation === this.latest) await this.sources.send(config);
    return config;
  }
}

function readDiscovery(c: ConnectionConfig & { publicUrl: string }): Promise<DiscoveryResult> {
  return fetchDiscovery(c.publicUrl, { ...(c.caFile ? { caFile: c.caFile } : {}), ...(c.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}) });
}

/** `{ "glob": "connection" }` → ordered associations; anything malformed is skipped. */
export function associations(raw: unknown): { pattern: string; server: string }[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[0].trim() !== '')
    .map(([pattern, server]) => ({ pattern, server }));
}
