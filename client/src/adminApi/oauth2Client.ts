// The OAuth2Client JSON as the admin API reads and writes it. schemas/oauth2-client.schema.json is the
// source of truth for the fields: this type only names the ones the admin client itself touches.

export type OAuth2Client = Record<string, unknown> & {
  client_id?: string;
  client_name?: string;
  client_secret?: string;
  owner?: string;
  jwks_uri?: string | null;
  jwks?: Record<string, unknown> | null;
  created_at?: string;
  updated_at?: string;
};

/** The array-valued fields; the server may answer `null` for them (create responses). */
export const ARRAY_FIELDS: readonly string[] = [
  'redirect_uris',
  'grant_types',
  'response_types',
  'audience',
  'allowed_cors_origins',
  'contacts',
  'request_uris',
  'post_logout_redirect_uris',
];

/** Fields the server sets; sending them is pointless (ignored or forced) so they are stripped from writes. */
export const SERVER_SET_FIELDS: readonly string[] = [
  'created_at',
  'updated_at',
  'registration_access_token',
  'registration_client_uri',
  'client_secret_expires_at',
];

/** True for `{}` and `{"keys": []}`: what the server returns when the client has no JWKS. */
export function isEmptyJwks(jwks: unknown): boolean {
  if (!jwks || typeof jwks !== 'object' || Array.isArray(jwks)) return false;
  const keys = Object.keys(jwks);
  if (keys.length === 0) return true;
  const k = (jwks as Record<string, unknown>).keys;
  return keys.length === 1 && Array.isArray(k) && k.length === 0;
}

/**
 * Normalises a client read from the server: `null` arrays become `[]` (create echoes `null` where reads
 * return `[]`), and the empty `jwks` the server always returns is dropped when `jwks_uri` is set (it is
 * noise, and sending it back fails validation: hydra #3935).
 */
export function normalizeClient(raw: Record<string, unknown>): OAuth2Client {
  const out: Record<string, unknown> = { ...raw };
  for (const f of ARRAY_FIELDS) if (out[f] === null) out[f] = [];
  if (hasJwksUri(out) && isEmptyJwks(out.jwks)) delete out.jwks;
  return out as OAuth2Client;
}

/**
 * The body for create/PUT: a copy without server-set fields, and without an empty `jwks` when
 * `jwks_uri` is set (hydra #3935 workaround: v1/v2.3.0 treat `"jwks": {}` as set and reject the pair).
 */
export function toWritableClient(client: Record<string, unknown>): OAuth2Client {
  const out: Record<string, unknown> = { ...client };
  for (const f of SERVER_SET_FIELDS) delete out[f];
  if (hasJwksUri(out) && (out.jwks === null || isEmptyJwks(out.jwks))) delete out.jwks;
  return out as OAuth2Client;
}

function hasJwksUri(c: Record<string, unknown>): boolean {
  return typeof c.jwks_uri === 'string' && c.jwks_uri !== '';
}

/** Checks that a parsed JSON value is a client object. */
export function isClientObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
