// The `oauth2Client.connections` setting: validation into ConnectionConfig, and the AdminConnection built
// from it plus the credentials in SecretStorage. Secrets never live in settings, so none are read here.
import type { AdminApiVersion, AdminAuth, AdminConnection } from '../adminApi/connection';

export type AuthKind = 'none' | 'basic' | 'bearer';

export interface ConnectionConfig {
  name: string;
  adminUrl: string;
  /** The public (OAuth2) URL: its /.well-known/openid-configuration drives the server checks. */
  publicUrl?: string;
  apiVersion?: AdminApiVersion | 'auto';
  auth: AuthKind;
  /** Basic auth user name: not a secret, so it may sit in settings. */
  username?: string;
  headers?: Record<string, string>;
  caFile?: string;
  insecureSkipTlsVerify?: boolean;
  readOnly?: boolean;
  confirmWrites?: boolean;
}

/** Just what we use of vscode.SecretStorage. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** Valid entries of the raw setting, plus one problem line per skipped entry (shown once, logged). */
export function parseConnections(raw: unknown): { connections: ConnectionConfig[]; problems: string[] } {
  const connections: ConnectionConfig[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  for (const [i, item] of (Array.isArray(raw) ? raw : []).entries()) {
    const o = (item ?? {}) as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    const adminUrl = typeof o.adminUrl === 'string' ? o.adminUrl.trim() : '';
    if (!name || !adminUrl) {
      problems.push(`oauth2Client.connections[${i}] needs a name and an adminUrl.`);
      continue;
    }
    // The name is the authority of oauth2-client://<name>/<id>.json: keep it URI-safe.
    if (/[/\\@:#?%]/.test(name)) {
      problems.push(`Connection "${name}": a name cannot contain / \\ @ : # ? or %.`);
      continue;
    }
    if (names.has(name)) {
      problems.push(`oauth2Client.connections[${i}]: the name "${name}" is used twice; the first wins.`);
      continue;
    }
    // A password in the URL would put a secret in settings: refuse instead of silently using it.
    if (/^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(adminUrl)) {
      problems.push(`Connection "${name}": put credentials in "Set credentials…", not in the admin URL.`);
      continue;
    }
    names.add(name);
    const auth: AuthKind = o.auth === 'basic' || o.auth === 'bearer' ? o.auth : 'none';
    const c: ConnectionConfig = { name, adminUrl, auth };
    if (o.apiVersion === 'v1.11' || o.apiVersion === 'v2' || o.apiVersion === 'auto') c.apiVersion = o.apiVersion;
    if (typeof o.publicUrl === 'string' && o.publicUrl.trim()) {
      if (/^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(o.publicUrl)) problems.push(`Connection "${name}": the publicUrl cannot hold credentials; it is ignored.`);
      else c.publicUrl = o.publicUrl.trim();
    }
    if (typeof o.username === 'string') c.username = o.username;
    if (o.headers && typeof o.headers === 'object') c.headers = o.headers as Record<string, string>;
    if (typeof o.caFile === 'string') c.caFile = o.caFile;
    if (o.insecureSkipTlsVerify === true) c.insecureSkipTlsVerify = true;
    if (o.readOnly === true) c.readOnly = true;
    if (o.confirmWrites === true) c.confirmWrites = true;
    connections.push(c);
  }
  return { connections, problems };
}

export function secretKey(connectionName: string): string {
  return `oauth2Client.connection/${connectionName}`;
}

/** Stored shape: basic → {username?, password}, bearer → {token}. */
export interface StoredCredentials {
  username?: string;
  password?: string;
  token?: string;
}

export async function toAdminConnection(config: ConnectionConfig, secrets: SecretStore): Promise<AdminConnection> {
  let auth: AdminAuth = { kind: 'none' };
  if (config.auth !== 'none') {
    const raw = await secrets.get(secretKey(config.name));
    const stored = raw ? (JSON.parse(raw) as StoredCredentials) : {};
    if (config.auth === 'basic') auth = { kind: 'basic', username: stored.username ?? config.username ?? '', password: stored.password ?? '' };
    else auth = { kind: 'bearer', token: stored.token ?? '' };
  }
  const conn: AdminConnection = { name: config.name, adminUrl: config.adminUrl, auth };
  if (config.apiVersion) conn.apiVersion = config.apiVersion;
  if (config.headers) conn.headers = config.headers;
  if (config.caFile) conn.caFile = config.caFile;
  if (config.insecureSkipTlsVerify) conn.insecureSkipTlsVerify = true;
  return conn;
}
