// The configured connections, one AdminApiClient per connection (so version detection happens once), and
// the active connection. No vscode: settings and secrets come in through plain functions.
import { AdminApiClient } from '../adminApi/adminApiClient';
import type { AdminConnection } from '../adminApi/connection';
import { type ConnectionConfig, type SecretStore, toAdminConnection } from './connectionConfig';

export type ClientFactory = (connection: AdminConnection) => AdminApiClient;

export class ConnectionRegistry {
  private configs: ConnectionConfig[] = [];
  private readonly clients = new Map<string, Promise<AdminApiClient>>();
  private active: string | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly secrets: SecretStore,
    private readonly factory: ClientFactory = (c) => new AdminApiClient(c),
    /** Runs before a connection's first request and may refuse it (e.g. credentials over plain http://). */
    private readonly beforeConnect: (connection: AdminConnection) => Promise<void> = async () => undefined,
  ) {}

  setConfigs(configs: ConnectionConfig[]): void {
    this.configs = configs;
    this.clients.clear();
    if (!configs.some((c) => c.name === this.active)) this.active = configs[0]?.name;
    this.changed();
  }

  all(): readonly ConnectionConfig[] {
    return this.configs;
  }

  get(name: string): ConnectionConfig {
    const c = this.configs.find((x) => x.name === name);
    if (!c) throw new Error(`There is no connection named "${name}" in oauth2Client.connections.`);
    return c;
  }

  activeName(): string | undefined {
    return this.active;
  }

  setActive(name: string): void {
    this.get(name);
    this.active = name;
    this.changed();
  }

  /** Credentials changed: forget the client so the next call reads them again. */
  invalidate(name: string): void {
    this.clients.delete(name);
    this.changed();
  }

  client(name: string): Promise<AdminApiClient> {
    let p = this.clients.get(name);
    if (!p) {
      const config = this.get(name);
      p = toAdminConnection(config, this.secrets).then(async (c) => {
        await this.beforeConnect(c);
        return this.factory(c);
      });
      this.clients.set(name, p);
      p.catch(() => this.clients.delete(name));
    }
    return p;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
