// What Hydra fills in on create and update (reference §2), and what it shows on reads.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { normaliseLifespan } from './goDuration';

export type HydraVersion = 'v1.11' | 'v2.3' | 'v26';
/** A client as JSON (what the admin API sends and receives). */
export type OAuth2ClientJson = Record<string, unknown>;

export const DEFAULT_SCOPE = 'offline_access offline openid';

const COMMON_LIFESPANS = [
  'authorization_code_grant_access_token_lifespan',
  'authorization_code_grant_id_token_lifespan',
  'authorization_code_grant_refresh_token_lifespan',
  'client_credentials_grant_access_token_lifespan',
  'implicit_grant_access_token_lifespan',
  'implicit_grant_id_token_lifespan',
  'jwt_bearer_grant_access_token_lifespan',
  'refresh_token_grant_id_token_lifespan',
  'refresh_token_grant_access_token_lifespan',
  'refresh_token_grant_refresh_token_lifespan',
];

export function lifespanFields(version: HydraVersion): string[] {
  if (version === 'v1.11') return [...COMMON_LIFESPANS, 'password_grant_access_token_lifespan', 'password_grant_refresh_token_lifespan'];
  if (version === 'v2.3') return COMMON_LIFESPANS;
  return [
    ...COMMON_LIFESPANS,
    'device_authorization_grant_id_token_lifespan',
    'device_authorization_grant_access_token_lifespan',
    'device_authorization_grant_refresh_token_lifespan',
  ];
}

/** Always emitted, "" when unset. */
const STRINGS = ['client_id', 'client_name', 'client_uri', 'logo_uri', 'owner', 'policy_uri', 'tos_uri', 'scope', 'subject_type', 'token_endpoint_auth_method', 'userinfo_signed_response_alg'];
/** Always emitted, [] when unset. */
const ARRAYS = ['redirect_uris', 'grant_types', 'response_types', 'audience', 'allowed_cors_origins', 'contacts'];
/** Omitted when empty. */
const OPTIONAL_STRINGS = ['sector_identifier_uri', 'jwks_uri', 'frontchannel_logout_uri', 'backchannel_logout_uri', 'request_object_signing_alg', 'token_endpoint_auth_signing_alg'];
const OPTIONAL_ARRAYS = ['request_uris', 'post_logout_redirect_uris'];
const OPTIONAL_BOOLS = ['frontchannel_logout_session_required', 'backchannel_logout_session_required'];

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~';

/** Hydra's generated secret: 26 characters from [A-Za-z0-9_-.~]. */
export function generateSecret(): string {
  let out = '';
  for (let i = 0; i < 26; i++) out += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return out;
}

export function generateRegistrationAccessToken(): string {
  return `ory_at_${randomBytes(32).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
}

/** UTC, whole seconds, RFC 3339 ("2026-01-02T03:04:05Z"). */
export function nowRfc3339(at = Date.now()): string {
  return new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function newClientId(): string {
  return randomUUID();
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strArray = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The stored form of a decoded (and validated) client body: defaults applied, server-set fields
 * set, everything unknown dropped. The secret is kept as sent ("" when none).
 */
export function toStoredClient(input: OAuth2ClientJson, version: HydraVersion, times: { createdAt: string; updatedAt: string }): OAuth2ClientJson {
  const c: OAuth2ClientJson = {};
  for (const k of STRINGS) c[k] = str(input[k]);
  if (!c.scope) c.scope = DEFAULT_SCOPE;
  if (!c.token_endpoint_auth_method) c.token_endpoint_auth_method = 'client_secret_basic';
  if (!c.userinfo_signed_response_alg) c.userinfo_signed_response_alg = 'none';
  if (!c.subject_type) c.subject_type = 'public';
  for (const k of ARRAYS) c[k] = strArray(input[k]);
  c.allowed_cors_origins = (c.allowed_cors_origins as string[]).map((o) => o.replace(/\/$/, ''));
  for (const k of OPTIONAL_STRINGS) if (str(input[k])) c[k] = str(input[k]);
  for (const k of OPTIONAL_ARRAYS) if (strArray(input[k]).length) c[k] = strArray(input[k]);
  for (const k of OPTIONAL_BOOLS) if (input[k] === true) c[k] = true;
  const jwks = input.jwks;
  c.jwks = jwks && typeof jwks === 'object' && !Array.isArray(jwks) ? jwks : {};
  c.metadata = input.metadata === undefined || input.metadata === null ? {} : input.metadata;
  c.client_secret = str(input.client_secret);
  c.client_secret_expires_at = 0;
  if (version !== 'v1.11') {
    if (str(input.access_token_strategy)) c.access_token_strategy = str(input.access_token_strategy).toLowerCase();
    c.skip_consent = input.skip_consent === true;
    c.skip_logout_consent = typeof input.skip_logout_consent === 'boolean' ? input.skip_logout_consent : null;
  }
  for (const k of lifespanFields(version)) c[k] = normaliseLifespan(input[k]);
  c.created_at = times.createdAt;
  c.updated_at = times.updatedAt;
  return c;
}

/** The client as Hydra shows it: never the secret unless asked (create, or a new secret on update). */
export function toResponse(stored: OAuth2ClientJson, extra: { secret?: boolean; registration?: { token: string; uri: string } } = {}): OAuth2ClientJson {
  const { client_secret: secret, ...rest } = stored;
  const out: OAuth2ClientJson = { ...rest };
  if (extra.secret && typeof secret === 'string' && secret && stored.token_endpoint_auth_method !== 'none') {
    return { client_id: stored.client_id, client_secret: secret, ...without(out, 'client_id'), ...registration(extra) };
  }
  return { ...out, ...registration(extra) };
}

/** Plain Go slices in Hydra's client struct: not sent → nil → `null` in the create/PUT echo (reads give []). */
const ECHOED_AS_SENT = ['redirect_uris', 'grant_types', 'response_types', 'contacts'];

/** Create and PUT answer with the decoded request body (seen on a real v2.3.0): unsent arrays are null. */
export function echoUnsentArrays(response: OAuth2ClientJson, input: OAuth2ClientJson): OAuth2ClientJson {
  for (const k of ECHOED_AS_SENT) if (!Array.isArray(input[k])) response[k] = null;
  return response;
}

function registration(extra: { registration?: { token: string; uri: string } }): OAuth2ClientJson {
  return extra.registration ? { registration_access_token: extra.registration.token, registration_client_uri: extra.registration.uri } : {};
}

function without(o: OAuth2ClientJson, key: string): OAuth2ClientJson {
  const { [key]: _drop, ...rest } = o;
  void _drop;
  return rest;
}
