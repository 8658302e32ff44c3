// One JSON Web Key as Hydra decodes it. go-jose's JSONWebKey.UnmarshalJSON runs while Hydra
// decodes the request body, so its failures reject the client in every version ("Unable to
// decode the request body: …"); v2.3 and v26 then also require JSONWebKey.Valid(), which
// refuses symmetric (oct) keys and an RSA exponent of 0 ("Invalid JSON web key in set.").
// Checked here as go-jose does, in its order: base64url members, key type, members per type,
// coordinate lengths, point on curve. Not checked: x5c certificates (and their match with the
// key), x5t/x5u, and the arithmetic of RSA private keys (rsa.PrivateKey.Validate).
import type { HydraVersion } from '../schema/clientSchema';
import { CURVES, isOnCurve, toBigInt } from './ecCurves';
import { decodeRawUrlBase64 } from './goBase64';

export interface JwkProblem {
  /** 'decode': the body does not decode (all versions); 'invalid': Valid() is false (v2.3, v26). */
  kind: 'decode' | 'invalid';
  /** The go-jose error text (decode) or Hydra's hint (invalid). */
  message: string;
  /** The key member at fault, when one is. */
  member?: string;
}

const BUFFER_MEMBERS = new Set(['k', 'x', 'y', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']);

export const INVALID_JWK_HINT = 'Invalid JSON web key in set.';

export function checkJwk(key: Record<string, unknown>, version: HydraVersion): JwkProblem | undefined {
  const lib = version === 'v1.11' ? 'square/go-jose' : 'go-jose/go-jose';
  const decodeError = (message: string, member?: string): JwkProblem => ({ kind: 'decode', message: `${lib}: ${message}`, member });

  // Members are decoded in document order; go-jose v3 (v2.3, v26) first trims trailing '='.
  const buffers = new Map<string, Uint8Array>();
  for (const [name, raw] of Object.entries(key)) {
    if (!BUFFER_MEMBERS.has(name) || typeof raw !== 'string') continue;
    const r = decodeRawUrlBase64(version === 'v1.11' ? raw : raw.replace(/=+$/, ''));
    if (r.error !== undefined) return { kind: 'decode', message: r.error, member: name };
    buffers.set(name, r.bytes);
  }
  const has = (m: string) => buffers.has(m); // "" counts: go-jose allocates an empty buffer
  const bytes = (m: string) => buffers.get(m) ?? new Uint8Array();
  const kty = typeof key.kty === 'string' ? key.kty : '';
  const crv = typeof key.crv === 'string' ? key.crv : '';
  const v2 = version !== 'v1.11';

  switch (kty) {
    case 'EC': {
      const curve = CURVES[crv];
      if (!curve) return decodeError(`unsupported elliptic curve '${crv}'`, 'crv');
      const kind = has('d') ? 'private' : 'public';
      if (!has('x') || !has('y') || (kind === 'private' && !has('d'))) {
        return decodeError(kind === 'private' ? 'invalid EC private key, missing x/y/d values' : 'invalid EC key, missing x/y values');
      }
      for (const m of ['x', 'y']) if (bytes(m).length !== curve.size) return decodeError(`invalid EC ${kind} key, wrong length for ${m}`, m);
      if (kind === 'private' && bytes('d').length !== curve.size) return decodeError('invalid EC private key, wrong length for d', 'd');
      if (!isOnCurve(curve, toBigInt(bytes('x')), toBigInt(bytes('y')))) return decodeError('invalid EC key, X/Y are not on declared curve', 'x');
      return undefined;
    }
    case 'RSA': {
      if (has('d')) {
        const missing = ['n', 'e', 'd', 'p', 'q'].find((m) => !has(m));
        return missing ? decodeError(`invalid RSA private key, missing ${missing.toUpperCase()} value(s)`, 'd') : undefined;
      }
      if (!has('n') || !has('e')) return decodeError('invalid RSA key, missing n/e values');
      // Valid() needs E != 0; Go keeps the exponent's low 64 bits.
      const e = BigInt.asIntN(64, toBigInt(bytes('e')));
      return v2 && e === 0n ? { kind: 'invalid', message: INVALID_JWK_HINT, member: 'e' } : undefined;
    }
    case 'oct':
      if (!has('k')) return decodeError('invalid OCT (symmetric) key, missing k value');
      return v2 ? { kind: 'invalid', message: INVALID_JWK_HINT, member: 'kty' } : undefined;
    case 'OKP':
      // go-jose pads or truncates x (and d) to Ed25519 sizes, so any length decodes and is Valid().
      return crv === 'Ed25519' && has('x') ? undefined : decodeError(`unknown curve ${crv}'`, 'crv');
    default:
      return decodeError(`unknown json web key type '${kty}'`, 'kty');
  }
}
