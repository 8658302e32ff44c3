// The one error type of the admin API client, with messages built from Hydra's error bodies.
// Messages never contain credentials or client secrets: callers pass the secrets to redact.

import type { OAuth2Client } from './oauth2Client';

export type AdminApiErrorKind = 'http' | 'network' | 'timeout' | 'cancelled' | 'tls' | 'invalid-response';

export interface AdminApiErrorInit {
  kind: AdminApiErrorKind;
  message: string;
  status?: number;
  error?: string;
  errorDescription?: string;
  /** Node error code (ECONNREFUSED, CERT_HAS_EXPIRED, …) for network and TLS errors. */
  code?: string;
  /** Set when an update was refused because the client changed on the server. */
  conflict?: { server: OAuth2Client };
}

export class AdminApiError extends Error {
  readonly kind: AdminApiErrorKind;
  readonly status?: number;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly code?: string;
  readonly conflict?: { server: OAuth2Client };

  constructor(init: AdminApiErrorInit) {
    super(init.message);
    this.name = 'AdminApiError';
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.error !== undefined) this.error = init.error;
    if (init.errorDescription !== undefined) this.errorDescription = init.errorDescription;
    if (init.code !== undefined) this.code = init.code;
    if (init.conflict !== undefined) this.conflict = init.conflict;
  }

  /** A copy with every given secret replaced by "***" in all text fields. */
  redacted(secrets: readonly string[]): AdminApiError {
    const r = (s: string | undefined) => (s === undefined ? undefined : redact(s, secrets));
    const init: AdminApiErrorInit = { kind: this.kind, message: r(this.message) ?? '' };
    if (this.status !== undefined) init.status = this.status;
    const error = r(this.error);
    if (error !== undefined) init.error = error;
    const desc = r(this.errorDescription);
    if (desc !== undefined) init.errorDescription = desc;
    if (this.code !== undefined) init.code = this.code;
    if (this.conflict !== undefined) init.conflict = this.conflict;
    return new AdminApiError(init);
  }
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('***');
  return out;
}

/** What the caller was doing, to word the message. */
export interface RequestContext {
  connectionName: string;
  /** e.g. "GET /admin/clients/abc" */
  what: string;
  clientId?: string;
}

interface HydraErrorBody {
  error?: string;
  errorDescription?: string;
  /** The route-404 body: {"error":{"code":404,"message":…,"reason":…}} */
  routeNotFound?: boolean;
}

/** Parses Hydra's `{error, error_description}` (or route-404) body; undefined when it is not one. */
export function parseHydraErrorBody(body: string): HydraErrorBody | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  if (o.error && typeof o.error === 'object') {
    const e = o.error as Record<string, unknown>;
    const out: HydraErrorBody = { routeNotFound: e.code === 404 };
    if (typeof e.message === 'string') out.error = e.message;
    if (typeof e.reason === 'string') out.errorDescription = e.reason;
    return out;
  }
  const out: HydraErrorBody = {};
  if (typeof o.error === 'string') out.error = o.error;
  if (typeof o.error_description === 'string') out.errorDescription = o.error_description;
  return out.error === undefined && out.errorDescription === undefined ? undefined : out;
}

const VALIDATION_BASES = [
  'The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client\'s Metadata.',
  'The value of one or more redirect_uris is invalid.',
];

/** The hint part of a fosite validation description (the base sentence removed), or the whole description. */
export function validationHint(description: string): string {
  for (const base of VALIDATION_BASES) {
    if (description.startsWith(base)) {
      const hint = description.slice(base.length).trim();
      return hint || description;
    }
  }
  return description;
}

/** Builds the AdminApiError for a non-2xx HTTP answer. */
export function httpError(status: number, body: string, ctx: RequestContext): AdminApiError {
  const parsed = parseHydraErrorBody(body);
  const detail = parsed ? [parsed.error, parsed.errorDescription].filter(Boolean).join(': ') : '';
  const subject = ctx.clientId !== undefined ? `client "${ctx.clientId}"` : 'the resource';
  let message: string;
  if (status === 401 || status === 403) {
    message = `The admin API refused the request (${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}): check the credentials for connection "${ctx.connectionName}".`;
  } else if (status === 404 && parsed?.routeNotFound) {
    message = `The admin API of connection "${ctx.connectionName}" has no route for ${ctx.what} (404): check the admin URL and the API version.`;
  } else if (status === 404) {
    message = `Not found: ${subject} does not exist on connection "${ctx.connectionName}".`;
  } else if (status === 409) {
    message = `Already exists: ${subject} already exists on connection "${ctx.connectionName}".`;
  } else if (status === 400 && parsed) {
    const hint = parsed.errorDescription ? validationHint(parsed.errorDescription) : '';
    message = `Hydra rejected the client (${parsed.error ?? 'bad request'}): ${hint || 'no details given'}`;
  } else if (!parsed) {
    const kind = /<html|<!doctype/i.test(body) ? 'an HTML page' : body.trim() ? 'a non-JSON body' : 'an empty body';
    message = `${ctx.what} failed with HTTP ${status} and ${kind} on connection "${ctx.connectionName}".`;
  } else {
    message = `${ctx.what} failed with HTTP ${status} on connection "${ctx.connectionName}": ${detail || 'no details given'}`;
  }
  const init: AdminApiErrorInit = { kind: 'http', status, message };
  if (parsed?.error !== undefined) init.error = parsed.error;
  if (parsed?.errorDescription !== undefined) init.errorDescription = parsed.errorDescription;
  return new AdminApiError(init);
}

export function invalidResponse(reason: string, ctx: RequestContext, status?: number): AdminApiError {
  const init: AdminApiErrorInit = {
    kind: 'invalid-response',
    message: `${ctx.what} on connection "${ctx.connectionName}" returned an invalid response: ${reason}`,
  };
  if (status !== undefined) init.status = status;
  return new AdminApiError(init);
}
