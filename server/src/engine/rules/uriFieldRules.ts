// tos_uri, policy_uri, logo_uri and client_uri: checked from v26 on (v1.11 and v2.3 store anything).
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRule } from '../validation/validateDocument';
import { dialectFor, goParseRequestURI } from './goUrl';
import { RuleCodes } from './ruleCodes';
import { hydraError, NO_FINDINGS, schemaErrorAt, spanAt, str, versionOf } from './ruleSupport';

const FIELDS = ['tos_uri', 'policy_uri', 'logo_uri', 'client_uri'] as const;

/**
 * Hydra check 6 (v26 only; Hydra visits the four fields in random order): a non-empty value must
 * pass url.ParseRequestURI (an absolute URI or an absolute path) and use http or https.
 */
export const webPageUris: ClientRule = (ctx) => {
  if (versionOf(ctx) !== 'v26') return NO_FINDINGS;
  const out: OffsetDiagnostic[] = [];
  for (let k = 0; k < FIELDS.length; k++) {
    const field = FIELDS[k];
    const uri = str(ctx.value, field);
    if (!uri) continue;
    const { url } = goParseRequestURI(uri, dialectFor('v26'));
    const problem = !url
      ? hydraError(spanAt(ctx, [field]), RuleCodes.uriFieldInvalid, `Field ${field} must be a valid URI.`)
      : url.scheme !== 'https' && url.scheme !== 'http'
        ? hydraError(spanAt(ctx, [field]), RuleCodes.uriFieldScheme, `${uri} must use https:// or http:// as HTTP scheme for field ${field}.`)
        : undefined;
    if (problem && !schemaErrorAt(ctx, problem)) out.push(problem);
  }
  return out;
};
