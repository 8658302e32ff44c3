// userinfo_signed_response_alg: 'none' (the default when empty) or 'RS256'.
import type { ClientRule } from '../validation/validateDocument';
import { RuleCodes } from './ruleCodes';
import { hydraError, NO_FINDINGS, schemaErrorAt, spanAt, str } from './ruleSupport';

/** Hydra check 12. The schema's enum usually reports this first; the rule then stays quiet. */
export const userinfoSignedResponseAlg: ClientRule = (ctx) => {
  const alg = str(ctx.value, 'userinfo_signed_response_alg');
  if (!alg || alg === 'none' || alg === 'RS256') return NO_FINDINGS;
  const at = spanAt(ctx, ['userinfo_signed_response_alg']);
  if (schemaErrorAt(ctx, at)) return NO_FINDINGS;
  return [hydraError(at, RuleCodes.userinfoSignedResponseAlg, "Field userinfo_signed_response_alg can either be 'none' or 'RS256'.")];
};
