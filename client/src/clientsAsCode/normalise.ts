// Semantic comparison of a client file's client with the server's copy. Hydra fills in defaults, echoes
// `null` for empty arrays, normalises lifespans and CORS origins, sets timestamps and never returns
// the secret (reference: hydra-admin-api.md §2–§3): none of that is a change.
import { allFields, fieldInfo, type HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { durationNanos } from './goDuration';

/** The scope Hydra stores for an empty one (`oidc.dynamic_client_registration.default_scope`'s default). */
export const HYDRA_DEFAULT_SCOPE = 'offline_access offline openid';

export interface NormaliseOptions {
  /** Fields this Hydra version doesn't know are dropped by the server, so they never count. */
  hydraVersion: HydraVersion;
  /** The server's default scope when it is configured differently. */
  defaultScope?: string;
}

/** Server-set (readOnly in the schema: input ignored) or never returned (the secret): not compared. */
const IGNORED = new Set([...allFields.filter((f) => f.readOnly).map((f) => f.name), 'client_secret']);

/** Defaults Hydra persists when the field is empty (the schema's `default`), so "" or absent in the file equals them on the server. */
const PERSISTED_DEFAULTS: Record<string, string> = Object.fromEntries(
  allFields.filter((f) => !f.readOnly && typeof f.schema.default === 'string').map((f) => [f.name, f.schema.default as string]),
);

/**
 * The client in comparable form: compared fields only, each as a canonical JSON string (object keys
 * sorted), with every value the server treats as "unset" left out.
 */
export function normaliseClient(client: Record<string, unknown>, options: NormaliseOptions): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field, raw] of Object.entries(client)) {
    if (IGNORED.has(field) || field.startsWith('$')) continue;
    const info = fieldInfo(field);
    // Hydra decodes into its struct: keys it doesn't know (for this version) are silently dropped.
    if (!info || !info.versions.includes(options.hydraVersion)) continue;
    const v = normaliseValue(field, raw);
    if (v !== undefined) out.set(field, canonicalJson(v));
  }
  if (!out.has('scope')) out.set('scope', canonicalJson(options.defaultScope ?? HYDRA_DEFAULT_SCOPE));
  for (const [field, value] of Object.entries(PERSISTED_DEFAULTS)) if (!out.has(field)) out.set(field, canonicalJson(value));
  return out;
}

/** The value as the server would store it, or undefined for "unset". */
function normaliseValue(field: string, v: unknown): unknown {
  if (v === null || v === undefined || v === false || v === '') return undefined;
  if (Array.isArray(v)) {
    if (!v.length) return undefined;
    // Hydra stores origins without their trailing slash.
    return field === 'allowed_cors_origins' ? v.map((o) => (typeof o === 'string' ? o.replace(/\/$/, '') : o)) : v;
  }
  if (typeof v === 'object') {
    if (Object.keys(v).length === 0) return undefined;
    if (field === 'jwks' && isEmptyKeySet(v as Record<string, unknown>)) return undefined;
    return v;
  }
  if (typeof v === 'string') {
    if (field.endsWith('_lifespan')) {
      const ns = durationNanos(v);
      return ns === undefined ? v : `${ns}ns`;
    }
    if (field === 'access_token_strategy') return v.toLowerCase();
  }
  return v;
}

function isEmptyKeySet(jwks: Record<string, unknown>): boolean {
  const keys = Object.keys(jwks);
  return keys.length === 1 && Array.isArray(jwks.keys) && jwks.keys.length === 0;
}

/** JSON with object keys sorted at every level: key order never counts. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const value = sortKeys(o[k]);
      if (k === '__proto__') Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
      else out[k] = value;
    }
    return out;
  }
  return v;
}

export interface FieldChange {
  field: string;
  /** The file's value (undefined: not in the file). */
  local: unknown;
  /** The server's value (undefined: not returned). */
  server: unknown;
}

/** Fields whose normalised values differ, in a stable (alphabetical) order. */
export function diffClients(local: Record<string, unknown>, server: Record<string, unknown>, options: NormaliseOptions): FieldChange[] {
  const a = normaliseClient(local, options);
  const b = normaliseClient(server, options);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (a.get(field) === b.get(field)) continue;
    changes.push({ field, local: local[field], server: server[field] });
  }
  return changes;
}
