// A Hydra-compatible admin API in memory, for development and tests: HTTP wiring and routing.
// Behaviour lives in the modules beside it (defaults, store, pagination, validation, errors).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  echoUnsentArrays, generateRegistrationAccessToken, generateSecret, lifespanFields, newClientId, nowRfc3339, toResponse, toStoredClient,
  type HydraVersion, type OAuth2ClientJson,
} from './clientDefaults';
import { ClientStore, DuplicateClientError, type ListFilter } from './clientStore';
import { judgeClient } from './clientValidation';
import { decodeError, duplicate, notFound, unknownRoute, UNKNOWN_ROUTE_HTML, unrecognizable, type HydraErrorResponse } from './hydraErrors';
import { applyJsonPatch, decodeOnto } from './jsonPatch';
import { Paginator } from './pagination';
import { SEED_CLIENTS } from './seedClients';

export type { HydraVersion, OAuth2ClientJson } from './clientDefaults';
export { ClientStore } from './clientStore';

export const VERSION_STRINGS: Record<HydraVersion, string> = { 'v1.11': 'v1.11.10', 'v2.3': 'v2.3.0', v26: 'v26.2.0' };

export interface AdminServerOptions {
  hydraVersion?: HydraVersion;
  /** true: the sample clients; an array: these clients; default none. */
  seed?: boolean | readonly OAuth2ClientJson[];
  host?: string;
  port?: number;
  tls?: { key: string; cert: string };
}

/** A fault for a request: answer this instead (after an optional delay), or undefined to serve it. */
export type FaultHook = (req: { method: string; path: string }) => { status: number; body?: unknown; delayMs?: number } | undefined;

export interface AdminServer {
  url: string;
  adminUrl: string;
  hydraVersion: HydraVersion;
  store: ClientStore;
  setFault(hook: FaultHook | undefined): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const LIFESPAN_PATH = /^\/clients\/([^/]+)\/lifespans$/;
const CLIENT_PATH = /^\/clients\/([^/]+)$/;

export async function startAdminServer(options: AdminServerOptions = {}): Promise<AdminServer> {
  const version = options.hydraVersion ?? 'v26';
  const store = new ClientStore(version);
  const seeds = options.seed === true ? SEED_CLIENTS : Array.isArray(options.seed) ? options.seed : [];
  for (const c of seeds) store.add(c);
  const paginator = new Paginator(version, store);
  let fault: FaultHook | undefined;
  let base = '';

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res).catch(() => send(res, req, unrecognizable()));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const injected = fault?.({ method, path: url.pathname });
    if (injected) {
      if (injected.delayMs) await new Promise((r) => setTimeout(r, injected.delayMs));
      send(res, req, { status: injected.status, body: injected.body });
      return;
    }
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? await readBody(req) : '';
    const reply = route(method, url, body);
    send(res, req, version === 'v2.3' ? fositeQuotes(reply) : reply);
  }

  function route(method: string, url: URL, body: string): Reply {
    let path = url.pathname.replace(/\/+$/, '') || '/';
    // v2.3's router redirects a trailing slash away (301 for GET, 307 otherwise), seen on a real v2.3.0.
    if (version === 'v2.3' && path.startsWith('/admin/clients') && url.pathname !== path) {
      return { status: method === 'GET' || method === 'HEAD' ? 301 : 307, headers: { Location: `${path}${url.search}` } };
    }
    if (path === '/version' || (version === 'v26' && path === '/admin/version')) return only(method, 'GET', () => ({ status: 200, body: { version: VERSION_STRINGS[version] } }));
    if (version === 'v26' && path.startsWith('/admin/health/')) path = path.slice('/admin'.length);
    if (path === '/health/alive' || path === '/health/ready') return only(method, 'GET', () => ({ status: 200, body: { status: 'ok' } }));
    if (path === '/.well-known/openid-configuration') return only(method, 'GET', () => ({ status: 200, body: discovery(base, version) }));

    // Client routes, reduced to "/clients…".
    let clientPath: string | undefined;
    if (version === 'v1.11') clientPath = path.startsWith('/clients') ? path : undefined;
    else if (path.startsWith('/admin/clients')) clientPath = path.slice('/admin'.length);
    else if (path.startsWith('/clients')) {
      if (version === 'v2.3') return { status: 307, headers: { Location: `${base}/admin${url.pathname}${url.search}` } };
      clientPath = path;
    }
    if (clientPath === undefined) return unknownRoute();
    const prefix = version === 'v1.11' ? '' : '/admin';

    if (clientPath === '/clients') {
      if (method === 'GET') return list(prefix + '/clients', url.searchParams);
      if (method === 'POST') return create(body, prefix);
      return methodNotAllowed('GET, POST');
    }
    const life = LIFESPAN_PATH.exec(clientPath);
    if (life) return only(method, 'PUT', () => setLifespans(decodeURIComponent(life[1]), body));
    const one = CLIENT_PATH.exec(clientPath);
    if (!one) return unknownRoute();
    const id = decodeURIComponent(one[1]);
    switch (method) {
      case 'GET': {
        const c = store.get(id);
        return c ? { status: 200, body: toResponse(c) } : notFound();
      }
      case 'PUT':
        return replace(id, body);
      case 'PATCH':
        return patch(id, body);
      case 'DELETE':
        return store.delete(id) ? { status: 204 } : notFound();
      default:
        return methodNotAllowed('DELETE, GET, PATCH, PUT');
    }
  }

  function list(path: string, query: URLSearchParams): Reply {
    const filter: ListFilter = {};
    if (query.has('client_name')) filter.client_name = query.get('client_name') ?? '';
    if (query.has('owner')) filter.owner = query.get('owner') ?? '';
    const page = paginator.page(path, query, filter);
    if (!('items' in page)) return page;
    return { status: 200, body: page.items.map((c) => toResponse(c)), headers: page.headers };
  }

  function create(raw: string, prefix: string): Reply {
    const decoded = decodeJson(raw);
    // v1.11's create answers every decode error with an untyped 500.
    if (!decoded.ok) return version === 'v1.11' ? unrecognizable() : decoded.error;
    const input = (decoded.value ?? {}) as OAuth2ClientJson;
    const verdict = judgeClient(input, version);
    if (!verdict.ok) return verdict.kind === 'decode' && version === 'v1.11' ? unrecognizable() : verdict.error;
    const givenId = typeof input.client_id === 'string' && input.client_id !== '' ? input.client_id : undefined;
    const id = givenId ?? newClientId();
    const now = nowRfc3339();
    const stored = toStoredClient({ ...input, client_id: id }, version, { createdAt: now, updatedAt: now });
    if (!stored.client_secret && stored.token_endpoint_auth_method !== 'none') stored.client_secret = generateSecret();
    try {
      store.insert(stored);
    } catch (e) {
      if (e instanceof DuplicateClientError) return duplicate();
      throw e;
    }
    // v2 builds the registration URI before generating the id.
    const uriId = version === 'v1.11' || givenId ? id : '';
    const registration = { token: generateRegistrationAccessToken(), uri: `${base}/oauth2/register/${uriId}` };
    const location = `${prefix}/clients/${version === 'v26' ? encodeURIComponent(id) : id}`;
    return { status: 201, body: echoUnsentArrays(toResponse(stored, { secret: true, registration }), input), headers: { Location: location } };
  }

  function replace(id: string, raw: string): Reply {
    const decoded = decodeJson(raw);
    if (!decoded.ok) return decoded.error;
    const input: OAuth2ClientJson = { ...((decoded.value ?? {}) as OAuth2ClientJson), client_id: id };
    const verdict = judgeClient(input, version);
    if (!verdict.ok && verdict.kind === 'decode') return verdict.error;
    const current = store.get(id);
    if (!current) return notFound();
    if (!verdict.ok) return verdict.error;
    return save(id, current, input, typeof input.client_secret === 'string' && input.client_secret !== '');
  }

  function patch(id: string, raw: string): Reply {
    const current = store.get(id);
    if (!current) return notFound();
    let patched: OAuth2ClientJson;
    const before = toResponse(current, { secret: true });
    try {
      patched = applyJsonPatch(before, JSON.parse(raw || 'null'), version);
    } catch {
      return unrecognizable(); // patch parse/apply/deny errors are untyped
    }
    if (version === 'v2.3') patched = decodeOnto(before, patched);
    const verdict = judgeClient(patched, version);
    if (!verdict.ok && verdict.kind === 'decode') return unrecognizable();
    // A changed /client_id redirects the write to that client (Hydra does not block it).
    const target = typeof patched.client_id === 'string' && patched.client_id !== '' ? patched.client_id : id;
    const targetCurrent = target === id ? current : store.get(target);
    if (!targetCurrent) return notFound();
    if (!verdict.ok) return verdict.error;
    return save(target, targetCurrent, patched, patched.client_secret !== targetCurrent.client_secret);
  }

  function setLifespans(id: string, raw: string): Reply {
    const decoded = decodeJson(raw);
    if (!decoded.ok) return decoded.error;
    const body = decoded.value;
    if (body !== null && (typeof body !== 'object' || Array.isArray(body))) {
      return decodeError(`json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type client.Lifespans`);
    }
    const lifespans: OAuth2ClientJson = {};
    for (const k of lifespanFields(version)) lifespans[k] = (body as OAuth2ClientJson | null)?.[k] ?? null;
    const decodeVerdict = judgeClient(lifespans, version);
    if (!decodeVerdict.ok && decodeVerdict.kind === 'decode') return decodeVerdict.error;
    const current = store.get(id);
    if (!current) return notFound();
    const next = { ...toResponse(current, { secret: true }), ...lifespans };
    const verdict = judgeClient(next, version);
    if (!verdict.ok) return verdict.error;
    const saved = save(id, current, next, false);
    return { ...saved, body: toResponse(store.get(id)!) };
  }

  /** Stores an update: omitted secret keeps the stored one; a new one is echoed once. */
  function save(id: string, current: OAuth2ClientJson, input: OAuth2ClientJson, echoSecret: boolean): Reply {
    const sent = typeof input.client_secret === 'string' ? input.client_secret : '';
    const stored = toStoredClient({ ...input, client_id: id }, version, {
      createdAt: String(current.created_at),
      updatedAt: nowRfc3339(),
    });
    stored.client_secret = sent || current.client_secret;
    store.replace(id, stored);
    return { status: 200, body: echoUnsentArrays(toResponse(stored, { secret: echoSecret }), input) };
  }

  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  base = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: base,
    adminUrl: base,
    hydraVersion: version,
    store,
    setFault(hook) {
      fault = hook;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** v2.3 writes every error through fosite, which turns `"` into `'` in the description (seen on a real v2.3.0). */
function fositeQuotes(reply: Reply): Reply {
  const body = reply.body as { error?: unknown; error_description?: unknown } | undefined;
  if (typeof body?.error !== 'string' || typeof body.error_description !== 'string') return reply;
  return { ...reply, body: { ...body, error_description: body.error_description.replace(/"/g, "'") } };
}

function only(method: string, allowed: string, reply: () => Reply): Reply {
  return method === allowed || (allowed === 'GET' && method === 'HEAD') ? reply() : methodNotAllowed(allowed);
}

/** httprouter's answer to a known path with another method. */
function methodNotAllowed(allow: string): Reply {
  return { status: 405, body: 'Method Not Allowed\n', headers: { Allow: allow } };
}

type Decoded = { ok: true; value: unknown } | { ok: false; error: HydraErrorResponse };

/** Go's json.Decoder on a request body: the first value, Go-worded syntax errors. */
function decodeJson(raw: string): Decoded {
  if (raw.trim() === '') return { ok: false, error: decodeError('EOF') };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (e) {
    const message = (e as Error).message;
    if (/end of JSON input|Unterminated/i.test(message)) return { ok: false, error: decodeError('unexpected EOF') };
    const at = /position (\d+)/.exec(message);
    const ch = at ? raw[Number(at[1])] : raw.trim()[0];
    const after = at ? raw.slice(0, Number(at[1])).trimEnd().slice(-1) : '';
    const expected = after === '{' ? 'beginning of object key string' : 'beginning of value';
    return { ok: false, error: decodeError(`invalid character '${ch ?? ''}' looking for ${expected}`) };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, req: IncomingMessage, reply: Reply | HydraErrorResponse): void {
  const headers: Record<string, string> = { ...('headers' in reply ? reply.headers : {}) };
  const wantsJson = /application\/json/i.test(String(req.headers.accept ?? ''));
  const isRoute404 = reply.status === 404 && typeof reply.body === 'object' && reply.body !== null && typeof (reply.body as { error?: unknown }).error === 'object';
  let payload = '';
  if (isRoute404 && !wantsJson) {
    headers['Content-Type'] = 'text/html; charset=utf-8';
    payload = UNKNOWN_ROUTE_HTML;
  } else if (typeof reply.body === 'string') {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    payload = reply.body;
  } else if (reply.body !== undefined) {
    // Hydra's error bodies (herodot) say application/json without a charset; everything else has one.
    const isErrorBody = typeof (reply.body as { error?: unknown } | null)?.error === 'string';
    headers['Content-Type'] = isErrorBody ? 'application/json' : 'application/json; charset=utf-8';
    payload = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function discovery(base: string, version: HydraVersion): OAuth2ClientJson {
  const grants = ['authorization_code', 'implicit', 'client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer'];
  if (version === 'v26') grants.push('urn:ietf:params:oauth:grant-type:device_code');
  return {
    issuer: `${base}/`,
    authorization_endpoint: `${base}/oauth2/auth`,
    token_endpoint: `${base}/oauth2/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    userinfo_endpoint: `${base}/userinfo`,
    registration_endpoint: `${base}/oauth2/register`,
    subject_types_supported: ['public'],
    response_types_supported: ['code', 'code id_token', 'id_token', 'token id_token', 'token', 'token id_token code'],
    grant_types_supported: grants,
    scopes_supported: ['offline_access', 'offline', 'openid'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'none'],
    id_token_signing_alg_values_supported: ['RS256'],
    userinfo_signing_alg_values_supported: ['none', 'RS256'],
  };
}
