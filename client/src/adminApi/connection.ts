// One admin API endpoint and how to reach it. Pure data: no vscode, no I/O.

export type AdminApiVersion = 'v1.11' | 'v2';

export type AdminAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export interface AdminConnection {
  /** Shown in messages ("check the credentials for connection <name>"). */
  name: string;
  /** Admin base URL, e.g. http://127.0.0.1:4445 or https://<slug>.projects.oryapis.com (Ory Network = v2). */
  adminUrl: string;
  /** 'auto' (the default) detects the version once, on first use. */
  apiVersion?: AdminApiVersion | 'auto';
  auth: AdminAuth;
  /** Extra request headers (e.g. for a proxy). */
  headers?: Record<string, string>;
  /** PEM file with the CA(s) that sign the admin server's certificate. */
  caFile?: string;
  /** Explicit opt-in: accept any TLS certificate. */
  insecureSkipTlsVerify?: boolean;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The Authorization header value for the connection's auth, if any. */
export function authorizationHeader(auth: AdminAuth): string | undefined {
  switch (auth.kind) {
    case 'basic':
      return 'Basic ' + Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
    case 'bearer':
      return `Bearer ${auth.token}`;
    default:
      return undefined;
  }
}

/** Secret strings of a connection, for redaction. */
export function connectionSecrets(connection: AdminConnection): string[] {
  const out: string[] = [];
  const a = connection.auth;
  if (a.kind === 'basic') {
    out.push(a.password);
    const header = authorizationHeader(a);
    if (header) out.push(header.slice('Basic '.length));
  } else if (a.kind === 'bearer') out.push(a.token);
  try {
    const u = new URL(connection.adminUrl);
    if (u.password) out.push(decodeURIComponent(u.password));
  } catch {
    // not a URL: the transport reports that
  }
  for (const [k, v] of Object.entries(connection.headers ?? {})) {
    if (/authorization|token|key|secret|cookie|password/i.test(k)) out.push(v);
  }
  return out.filter((s) => s.length >= 3);
}

/** The admin URL without userinfo, query or trailing slash: safe to show. */
export function displayUrl(adminUrl: string): string {
  try {
    const u = new URL(adminUrl);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return '(invalid URL)';
  }
}
