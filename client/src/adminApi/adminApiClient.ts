// The Hydra admin API client: clients CRUD, pagination and version detection for v1.11 and v2
// (v2.3.0, v26, Ory Network). Pure library: no vscode, so the extension, the CLI and tests share it.

import { AdminApiError, httpError, invalidResponse, redact, type RequestContext } from './adminApiError';
import { type AdminApiVersion, type AdminConnection, authorizationHeader, connectionSecrets } from './connection';
import { createNodeTransport, type HttpRequest, type HttpResponse, type HttpTransport } from './httpTransport';
import { type OAuth2Client, isClientObject, normalizeClient, toWritableClient } from './oauth2Client';
import { clampPageSize, nextPageTokenFromLink } from './pagination';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry';

export interface ListOptions {
  pageSize?: number;
  /** v2: the page_token of the previous page's Link rel="next"; v1.11: the next offset. Opaque to callers. */
  pageToken?: string;
  clientName?: string;
  owner?: string;
  signal?: AbortSignal;
}

export interface ClientPage {
  clients: OAuth2Client[];
  nextPageToken?: string;
}

export interface UpdateOptions {
  /** The `updated_at` the edit started from: when the server's differs, nothing is written (see AdminApiError.conflict). */
  expectedUpdatedAt?: string;
  signal?: AbortSignal;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export interface AdminApiClientOptions {
  /** Receives one line per request ("GET /admin/clients/x → 200 (3 ms)"); never headers, bodies or secrets. */
  log?: (line: string) => void;
  retry?: RetryPolicy;
}

type Method = HttpRequest['method'];

interface SendOptions {
  query?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  clientId?: string | undefined;
  /** Secrets in this request (a client_secret in the body) to keep out of messages. */
  secrets?: string[];
}

export class AdminApiClient {
  private readonly transport: HttpTransport;
  private readonly log: ((line: string) => void) | undefined;
  private readonly retry: RetryPolicy;
  private readonly secrets: string[];
  private version: Promise<AdminApiVersion> | undefined;

  constructor(
    readonly connection: AdminConnection,
    transport?: HttpTransport,
    options: AdminApiClientOptions = {},
  ) {
    const tls: { caFile?: string; insecureSkipTlsVerify?: boolean } = {};
    if (connection.caFile !== undefined) tls.caFile = connection.caFile;
    if (connection.insecureSkipTlsVerify !== undefined) tls.insecureSkipTlsVerify = connection.insecureSkipTlsVerify;
    this.transport = transport ?? createNodeTransport(tls);
    this.log = options.log;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.secrets = connectionSecrets(connection);
    if (connection.apiVersion === 'v1.11' || connection.apiVersion === 'v2') this.version = Promise.resolve(connection.apiVersion);
  }

  /** The API version to use: the configured one, or detected once (a failed detection is retried next time). */
  apiVersion(signal?: AbortSignal): Promise<AdminApiVersion> {
    if (!this.version) {
      const p = this.detectVersion(signal);
      this.version = p;
      p.catch(() => {
        if (this.version === p) this.version = undefined;
      });
    }
    return this.version;
  }

  /** GET /version; for "master" or unknown versions, fingerprints GET /admin/clients (route 404 → v1.11). */
  async detectVersion(signal?: AbortSignal): Promise<AdminApiVersion> {
    const res = await this.send('GET', '/version', { signal });
    if (res.status === 401 || res.status === 403) throw this.fail(httpError(res.status, res.body, this.ctx('GET /version')));
    if (res.status === 200) {
      const v = versionFromString(parseVersionBody(res.body));
      if (v) return v;
    }
    const fp = await this.send('GET', '/admin/clients', { query: { page_size: '1' }, signal });
    const what = 'GET /admin/clients';
    if (fp.status === 200 || fp.status === 307) return 'v2';
    if (fp.status === 404 && isRouteNotFound(fp.body)) return 'v1.11';
    if (fp.status === 401 || fp.status === 403) throw this.fail(httpError(fp.status, fp.body, this.ctx(what)));
    throw this.fail(invalidResponse(`cannot tell the Hydra version (GET /version → ${res.status}, ${what} → ${fp.status}).`, this.ctx('Version detection'), fp.status));
  }

  async listPage(options: ListOptions = {}): Promise<ClientPage> {
    const pageSize = clampPageSize(options.pageSize);
    // Version unknown yet: ask for the page the v2 way. That answer tells the version too, so the
    // first page of a v2 server (the usual case) costs one request, not a /version round trip first.
    if (!this.version && options.pageToken === undefined) {
      const query = { client_name: options.clientName, owner: options.owner, page_size: String(pageSize) };
      const res = await this.send('GET', '/admin/clients', { query, signal: options.signal });
      if (res.status === 200) {
        this.version = Promise.resolve('v2');
        return this.pageFrom(res, 'v2', pageSize, 0, options);
      }
      if (res.status === 404 && isRouteNotFound(res.body)) this.version = Promise.resolve('v1.11');
      // Anything else (401, 5xx…): the ordinary path below reports it properly.
    }
    const version = await this.apiVersion(options.signal);
    const query: Record<string, string | undefined> = { client_name: options.clientName, owner: options.owner };
    let offset = 0;
    if (version === 'v2') {
      query.page_size = String(pageSize);
      query.page_token = options.pageToken;
    } else {
      if (options.pageToken !== undefined) {
        offset = Number(options.pageToken);
        if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`Invalid page token for a v1.11 server: "${options.pageToken}".`);
      }
      query.limit = String(pageSize);
      query.offset = String(offset);
    }
    const res = await this.send('GET', this.clientsPath(version), { query, signal: options.signal });
    return this.pageFrom(res, version, pageSize, offset, options);
  }

  private pageFrom(res: HttpResponse, version: AdminApiVersion, pageSize: number, offset: number, options: ListOptions): ClientPage {
    const what = `GET ${this.clientsPath(version)}`;
    const body = this.expect(res, [200], what);
    if (!Array.isArray(body) || !body.every(isClientObject)) throw this.fail(invalidResponse('the client list is not a JSON array of objects.', this.ctx(what), res.status));
    const clients = body.map(normalizeClient);
    const page: ClientPage = { clients };
    // A short (or empty) page is the last on every version; v2.3.0 sends rel="next" even when there is none.
    if (clients.length === 0 || clients.length < pageSize) return page;
    const next = version === 'v2' ? nextPageTokenFromLink(res.headers['link']) : String(offset + clients.length);
    if (next !== undefined && next !== options.pageToken) page.nextPageToken = next;
    return page;
  }

  /** Every page, fetched lazily (the next page is requested only when the previous is consumed). */
  async *listPages(options: Omit<ListOptions, 'pageToken'> = {}): AsyncGenerator<OAuth2Client[], void, undefined> {
    const seenTokens = new Set<string>();
    const seenIds = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const page = await this.listPage(token === undefined ? options : { ...options, pageToken: token });
      // Offset pagination can repeat a client when others are created meanwhile: yield each id once.
      const fresh = page.clients.filter((c) => {
        const id = typeof c.client_id === 'string' ? c.client_id : undefined;
        if (id === undefined) return true;
        if (seenIds.has(id)) return false;
        seenIds.add(id);
        return true;
      });
      if (fresh.length) yield fresh;
      token = page.nextPageToken;
      if (token === undefined || seenTokens.has(token)) return;
      seenTokens.add(token);
    }
  }

  /** Every client, one at a time, fetched page by page. */
  async *listAll(options: Omit<ListOptions, 'pageToken'> = {}): AsyncGenerator<OAuth2Client, void, undefined> {
    for await (const page of this.listPages(options)) yield* page;
  }

  async get(id: string, signal?: AbortSignal): Promise<OAuth2Client> {
    const path = await this.clientPath(id, signal);
    const res = await this.send('GET', path, { signal, clientId: id });
    return this.clientBody(res, [200], `GET ${path}`, id);
  }

  /** Creates a client; the result includes the one-time plaintext client_secret (if any). */
  async create(client: OAuth2Client, signal?: AbortSignal): Promise<OAuth2Client> {
    const path = this.clientsPath(await this.apiVersion(signal));
    const body = toWritableClient(client);
    const id = typeof body.client_id === 'string' && body.client_id ? body.client_id : undefined;
    const res = await this.send('POST', path, { body, signal, clientId: id, secrets: secretsOf(client) });
    return this.clientBody(res, [200, 201], `POST ${path}`, id, secretsOf(client));
  }

  /**
   * Replaces the whole client (PUT: omitted fields reset on the server, so pass the full object).
   * With `expectedUpdatedAt`, first re-reads the client and refuses to write if it changed.
   */
  async update(id: string, client: OAuth2Client, options: UpdateOptions = {}): Promise<OAuth2Client> {
    const { signal, expectedUpdatedAt } = options;
    if (expectedUpdatedAt !== undefined) {
      const server = await this.get(id, signal);
      if (server.updated_at !== expectedUpdatedAt) {
        throw new AdminApiError({
          kind: 'http',
          message: `Client "${id}" was changed on the server (updated_at ${String(server.updated_at)}, the edit started from ${expectedUpdatedAt}) on connection "${this.connection.name}": compare before saving.`,
          conflict: { server },
        });
      }
    }
    const path = await this.clientPath(id, signal);
    const body = { ...toWritableClient(client), client_id: id };
    const res = await this.send('PUT', path, { body, signal, clientId: id, secrets: secretsOf(client) });
    return this.clientBody(res, [200], `PUT ${path}`, id, secretsOf(client));
  }

  /** RFC 6902 patch. Ops on /client_id are refused: Hydra would write to another client. */
  async patch(id: string, ops: readonly JsonPatchOperation[], signal?: AbortSignal): Promise<OAuth2Client> {
    for (const op of ops) {
      for (const p of [op.path, op.from]) {
        if (p !== undefined && (p === '/client_id' || p.startsWith('/client_id/'))) throw new RangeError('A patch must not touch /client_id.');
      }
    }
    const path = await this.clientPath(id, signal);
    const secrets = ops.flatMap((o) => (o.path === '/client_secret' && typeof o.value === 'string' ? [o.value] : []));
    const res = await this.send('PATCH', path, { body: ops, signal, clientId: id, secrets });
    return this.clientBody(res, [200], `PATCH ${path}`, id, secrets);
  }

  async delete(id: string, signal?: AbortSignal): Promise<void> {
    const path = await this.clientPath(id, signal);
    const res = await this.send('DELETE', path, { signal, clientId: id });
    if (res.status !== 204 && res.status !== 200) throw this.fail(httpError(res.status, res.body, this.ctx(`DELETE ${path}`, id)));
  }

  // ---- internals ----

  private clientsPath(version: AdminApiVersion): string {
    return version === 'v2' ? '/admin/clients' : '/clients';
  }

  private async clientPath(id: string, signal?: AbortSignal): Promise<string> {
    if (!id) throw new RangeError('A client id is required.');
    return `${this.clientsPath(await this.apiVersion(signal))}/${encodeURIComponent(id)}`;
  }

  private ctx(what: string, clientId?: string): RequestContext {
    const ctx: RequestContext = { connectionName: this.connection.name, what };
    if (clientId !== undefined) ctx.clientId = clientId;
    return ctx;
  }

  private fail(err: AdminApiError, extraSecrets: string[] = []): AdminApiError {
    return err.redacted([...this.secrets, ...extraSecrets]);
  }

  private clientBody(res: HttpResponse, ok: number[], what: string, id?: string, secrets: string[] = []): OAuth2Client {
    const body = this.expect(res, ok, what, id, secrets);
    if (!isClientObject(body)) throw this.fail(invalidResponse('the body is not a client object.', this.ctx(what, id), res.status), secrets);
    return normalizeClient(body);
  }

  /** The parsed JSON body of an expected status, else the mapped error. */
  private expect(res: HttpResponse, ok: number[], what: string, id?: string, secrets: string[] = []): unknown {
    if (!ok.includes(res.status)) throw this.fail(httpError(res.status, res.body, this.ctx(what, id)), secrets);
    try {
      return JSON.parse(res.body);
    } catch {
      const reason = res.body.trim() ? 'the body is not JSON (or is truncated).' : 'the body is empty.';
      throw this.fail(invalidResponse(reason, this.ctx(what, id), res.status), secrets);
    }
  }

  private async send(method: Method, path: string, o: SendOptions): Promise<HttpResponse> {
    const url = new URL(this.connection.adminUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const auth = authorizationHeader(this.connection.auth);
    if (auth) headers['Authorization'] = auth;
    Object.assign(headers, this.connection.headers ?? {});
    const request: HttpRequest = { method, url: url.toString(), headers, label: `${method} ${path} on connection "${this.connection.name}"` };
    if (o.body !== undefined) {
      request.body = JSON.stringify(o.body);
      headers['Content-Type'] = 'application/json';
    }
    if (o.signal) request.signal = o.signal;
    if (this.connection.timeoutMs !== undefined) request.timeoutMs = this.connection.timeoutMs;
    const secrets = [...this.secrets, ...(o.secrets ?? [])];
    const line = `${method} ${url.pathname}${url.search}`;
    const started = Date.now();
    const attempt = () => this.transport(request);
    try {
      const res = method === 'GET' ? await withRetry(attempt, this.retry, o.signal) : await attempt();
      this.log?.(redact(`${line} → ${res.status} (${Date.now() - started} ms)`, secrets));
      return res;
    } catch (err) {
      const e = err instanceof AdminApiError ? err.redacted(secrets) : err;
      this.log?.(redact(`${line} → ${e instanceof AdminApiError ? e.kind : 'error'} (${Date.now() - started} ms)`, secrets));
      throw e;
    }
  }
}

function secretsOf(client: Record<string, unknown>): string[] {
  return typeof client.client_secret === 'string' && client.client_secret ? [client.client_secret] : [];
}

function parseVersionBody(body: string): string | undefined {
  try {
    const v = (JSON.parse(body) as { version?: unknown }).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** "v1.11.10" → v1.11; "v2.3.0", "v25.4.0", "v26.2.0" → v2; "master" or anything else → undefined. */
export function versionFromString(version: string | undefined): AdminApiVersion | undefined {
  const m = /^v?(\d+)\.\d+/.exec(version?.trim() ?? '');
  if (!m) return undefined;
  return Number(m[1]) <= 1 ? 'v1.11' : 'v2';
}

function isRouteNotFound(body: string): boolean {
  try {
    const e = (JSON.parse(body) as { error?: unknown }).error;
    return !!e && typeof e === 'object';
  } catch {
    return false;
  }
}
