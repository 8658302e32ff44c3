// allowed_cors_origins: each entry must be a bare http(s) origin.
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRule } from '../validation/validateDocument';
import { dialectFor, goParse, hasUserinfo, type GoUrlDialect } from './goUrl';
import { RuleCodes, type RuleCode } from './ruleCodes';
import { hydraError, schemaErrorAt, spanAt, strings, versionOf } from './ruleSupport';

/**
 * Hydra check 9, per entry in order: url.Parse must succeed; the scheme must be http or https;
 * no user or password; the path (after trimming trailing `/`), query and fragment must be empty.
 */
export const corsOrigins: ClientRule = (ctx) => {
  const out: OffsetDiagnostic[] = [];
  const dialect = dialectFor(versionOf(ctx));
  const origins = strings(ctx.value, 'allowed_cors_origins') ?? [];
  for (let k = 0; k < origins.length; k++) {
    const { index, value: origin } = origins[k];
    const problem = originProblem(origin, dialect);
    if (!problem) continue;
    const at = spanAt(ctx, ['allowed_cors_origins', index]);
    if (!schemaErrorAt(ctx, at)) out.push(hydraError(at, problem.code, problem.hint));
  }
  return out;
};

function originProblem(origin: string, dialect: GoUrlDialect): { code: RuleCode; hint: string } | undefined {
  const { url, error } = goParse(origin, dialect);
  if (!url) return { code: RuleCodes.corsOriginUnparsable, hint: `Origin URL ${origin} from allowed_cors_origins could not be parsed: ${error}` };
  if (url.scheme !== 'https' && url.scheme !== 'http') return { code: RuleCodes.corsOriginScheme, hint: `Origin URL ${origin} must use https:// or http:// as HTTP scheme.` };
  if (hasUserinfo(url)) return { code: RuleCodes.corsOriginUserinfo, hint: `Origin URL ${origin} has HTTP user and/or password set which is not allowed.` };
  if (url.path.replace(/\/+$/, '') || url.rawQuery || url.fragment) {
    return { code: RuleCodes.corsOriginNotBare, hint: `Origin URL ${origin} must have an empty path, query, and fragment but one of the parts is not empty.` };
  }
  return undefined;
}
