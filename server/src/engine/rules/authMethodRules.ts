// token_endpoint_auth_method: Hydra checks nothing about its value (an empty one becomes
// client_secret_basic) except what private_key_jwt needs.
import type { ClientRule } from '../validation/validateDocument';
import { isJwksWrongType, jwksIsSet, jwksKeys } from './hydraJwks';
import { RuleCodes } from './ruleCodes';
import { hydraError, keySpan, NO_FINDINGS, note, spanAt, str, versionOf } from './ruleSupport';

const SUPPORTED_SIGNING_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/**
 * Hydra check 2a: private_key_jwt needs jwks or jwks_uri. v1.11/v2.3 take any jwks object,
 * even `{}`; v26 needs a parsed set (`{"keys": []}` passes, `{}` does not).
 */
export const privateKeyJwtNeedsKeys: ClientRule = (ctx) => {
  const v = ctx.value;
  const uri = str(v, 'jwks_uri');
  if (str(v, 'token_endpoint_auth_method') !== 'private_key_jwt' || uri === undefined || isJwksWrongType(v.jwks)) return NO_FINDINGS;
  if (uri !== '' || jwksIsSet(v.jwks, versionOf(ctx))) return NO_FINDINGS;
  return [hydraError(spanAt(ctx, ['token_endpoint_auth_method']), RuleCodes.privateKeyJwtNeedsKeys, "When token_endpoint_auth_method is 'private_key_jwt', either jwks or jwks_uri must be set.")];
};

/** Hydra check 2b: with private_key_jwt, a set token_endpoint_auth_signing_alg must be RS/PS/ES. */
export const privateKeyJwtSigningAlg: ClientRule = (ctx) => {
  const alg = str(ctx.value, 'token_endpoint_auth_signing_alg');
  if (str(ctx.value, 'token_endpoint_auth_method') !== 'private_key_jwt' || !alg || SUPPORTED_SIGNING_ALGS.includes(alg)) return NO_FINDINGS;
  return [hydraError(spanAt(ctx, ['token_endpoint_auth_signing_alg']), RuleCodes.unsupportedAuthSigningAlg, 'Only RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 and ES512 are supported as algorithms for private key authentication.')];
};

/** Accepted, but useless: private_key_jwt whose jwks holds no key and no jwks_uri to fetch. */
export const privateKeyJwtWithoutKeys: ClientRule = (ctx) => {
  const v = ctx.value;
  if (str(v, 'token_endpoint_auth_method') !== 'private_key_jwt' || str(v, 'jwks_uri') !== '' || isJwksWrongType(v.jwks)) return NO_FINDINGS;
  if (!jwksIsSet(v.jwks, versionOf(ctx)) || jwksKeys(v.jwks).length > 0) return NO_FINDINGS;
  return [note(keySpan(ctx, 'jwks'), 'warning', RuleCodes.privateKeyJwtWithoutKeys,
    'Hydra accepts this client, but its jwks holds no key, so no private_key_jwt client assertion can be verified. Add the public key(s) or set jwks_uri instead.')];
};
