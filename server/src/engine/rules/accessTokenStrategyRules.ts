// access_token_strategy (v2.3 and v26; v1.11 does not know the field and ignores it).
import type { ClientRule } from '../validation/validateDocument';
import { RuleCodes } from './ruleCodes';
import { hydraError, NO_FINDINGS, schemaErrorAt, spanAt, str, versionOf } from './ruleSupport';

/**
 * Hydra check 16: jwt or opaque, compared lower-cased (Hydra stores the lower-case form). The
 * error names the lower-cased value, as Hydra's message does.
 */
export const accessTokenStrategy: ClientRule = (ctx) => {
  const strategy = str(ctx.value, 'access_token_strategy');
  if (versionOf(ctx) === 'v1.11' || !strategy) return NO_FINDINGS;
  const lower = strategy.toLowerCase();
  if (lower === 'jwt' || lower === 'opaque') return NO_FINDINGS;
  const at = spanAt(ctx, ['access_token_strategy']);
  if (schemaErrorAt(ctx, at)) return NO_FINDINGS;
  return [hydraError(at, RuleCodes.invalidAccessTokenStrategy, `invalid access token strategy: expected one of [jwt, opaque] but got ${lower}`)];
};
