// How Hydra reads `jwks`, version by version. Its Go type embeds *jose.JSONWebKeySet:
// v1.11/v2.3 test the wrapper (any JSON object, even `{}`, counts as set); v26 (hydra PR #3946)
// tests the embedded set, which Go's decoder only allocates when it meets a "keys" member.
import type { HydraVersion } from '../schema/clientSchema';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's encoding/json matches field names case-insensitively (with Unicode simple folding). */
function isKeysName(name: string): boolean {
  return name.toLowerCase().replace(/\u017f/g, 's') === 'keys';
}

/** The member Go decodes the keys from (the last matching one), if any. */
export function keysMember(jwks: unknown): string | undefined {
  if (!isObject(jwks)) return undefined;
  return Object.keys(jwks).filter(isKeysName).pop();
}

/** Whether Hydra counts `jwks` as set (for private_key_jwt and the jwks/jwks_uri exclusion). */
export function jwksIsSet(jwks: unknown, version: HydraVersion): boolean {
  if (!isObject(jwks)) return false;
  return version === 'v26' ? keysMember(jwks) !== undefined : true;
}

/** The keys of the set, by position ([] when there are none or `keys` is not an array). */
export function jwksKeys(jwks: unknown): unknown[] {
  const member = keysMember(jwks);
  const keys = member !== undefined ? (jwks as Record<string, unknown>)[member] : undefined;
  return Array.isArray(keys) ? keys : [];
}

/** jwks, or its keys, is of a type Go cannot decode (the schema layer reports it). */
export function isJwksWrongType(jwks: unknown): boolean {
  if (jwks === undefined || jwks === null) return false;
  if (!isObject(jwks)) return true;
  const member = keysMember(jwks);
  const keys = member !== undefined ? jwks[member] : undefined;
  return keys !== undefined && keys !== null && !Array.isArray(keys);
}
