// jwks: exclusive with jwks_uri, and every key must decode (and, from v2, be Valid()).
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRule } from '../validation/validateDocument';
import { isJwksWrongType, jwksIsSet, jwksKeys, keysMember } from './hydraJwks';
import { checkJwk } from './jwkCheck';
import { RuleCodes } from './ruleCodes';
import { hydraError, keySpan, NO_FINDINGS, note, schemaErrorWithin, spanAt, str, versionOf } from './ruleSupport';

/**
 * Hydra check 3: jwks and jwks_uri are exclusive. v1.11/v2.3 count any jwks object, even the
 * `"jwks": {}` every GET returns (hydra #3935: a GET→edit→PUT of a jwks_uri client fails);
 * v26 counts only a set with "keys".
 */
export const jwksAndJwksUri: ClientRule = (ctx) => {
  const uri = str(ctx.value, 'jwks_uri');
  if (!uri || !jwksIsSet(ctx.value.jwks, versionOf(ctx))) return NO_FINDINGS;
  return [hydraError(keySpan(ctx, 'jwks'), RuleCodes.jwksAndJwksUri, 'Fields jwks and jwks_uri can not both be set, you must choose one.')];
};

/**
 * Before check 1, while decoding the body: go-jose must decode each key (all versions; Hydra
 * answers "Unable to decode the request body: …", v1.11's create even a 500). Hydra check 4
 * (v2.3, v26): each key must be Valid(). Keys the schema layer already flags are left to it.
 */
export const jwksKeysDecode: ClientRule = (ctx) => {
  const jwks = ctx.value.jwks;
  if (isJwksWrongType(jwks)) return NO_FINDINGS;
  const member = keysMember(jwks);
  if (member === undefined) return NO_FINDINGS;
  const out: OffsetDiagnostic[] = [];
  jwksKeys(jwks).forEach((key, i) => {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) return;
    const keyPath = ['jwks', member, i];
    const problem = checkJwk(key as Record<string, unknown>, versionOf(ctx));
    if (!problem || schemaErrorWithin(ctx, spanAt(ctx, keyPath))) return;
    const at = spanAt(ctx, problem.member !== undefined && problem.member in key ? [...keyPath, problem.member] : keyPath);
    out.push(problem.kind === 'invalid'
      ? hydraError(at, RuleCodes.invalidJwk, problem.message)
      : note(at, 'error', RuleCodes.jwkNotDecodable, `Unable to decode the request body: ${problem.message}`));
  });
  return out;
};
