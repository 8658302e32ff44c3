// subject_type: what the server supports, and what pairwise needs at login.
import type { HydraVersion } from '../schema/clientSchema';
import type { ClientRule, ClientRuleContext } from '../validation/validateDocument';
import { RuleCodes } from './ruleCodes';
import { hydraError, keySpan, NO_FINDINGS, note, schemaErrorAt, spanAt, str, strings, versionOf } from './ruleSupport';

/** Hydra's default oidc.subject_identifiers.supported_types. */
const DEFAULT_TYPES: readonly string[] = ['public'];

/**
 * Hydra's SubjectTypesSupported: the configured types limited to public and pairwise (public if
 * none is left); pairwise is dropped under the jwt access-token strategy, which in v2.3/v26 may
 * be the client's own access_token_strategy. v1.11 keeps the configured order, v2.3+ lists
 * public first.
 */
export function supportedSubjectTypes(ctx: ClientRuleContext, version: HydraVersion): string[] {
  const configured = (ctx.options.supportedSubjectTypes ?? DEFAULT_TYPES).filter((t) => t === 'public' || t === 'pairwise');
  const ordered = version === 'v1.11' ? [...new Set(configured)] : ['public', 'pairwise'].filter((t) => configured.some((c) => c === t));
  const types = ordered.length ? ordered : ['public'];
  const jwt = version !== 'v1.11' && str(ctx.value, 'access_token_strategy')?.toLowerCase() === 'jwt';
  const kept = jwt ? types.filter((t) => t !== 'pairwise') : types;
  return kept.length ? kept : ['public'];
}

/** Hydra check 14: a set subject_type must be one the server supports (default: only public). */
export const subjectTypeSupported: ClientRule = (ctx) => {
  const type = str(ctx.value, 'subject_type');
  if (!type) return NO_FINDINGS;
  // The usual case, without working out the list: a configured "public" survives every step below.
  if (type === 'public' && (ctx.options.supportedSubjectTypes ?? DEFAULT_TYPES).includes('public')) return NO_FINDINGS;
  const supported = supportedSubjectTypes(ctx, versionOf(ctx));
  if (supported.includes(type)) return NO_FINDINGS;
  const at = spanAt(ctx, ['subject_type']);
  if (schemaErrorAt(ctx, at)) return NO_FINDINGS;
  return [hydraError(at, RuleCodes.subjectTypeUnsupported, `Subject type ${type} is not supported by server, only [${supported.join(' ')}] are allowed.`, { supported })];
};

/**
 * Accepted, but every login fails: pairwise subjects are derived from sector_identifier_uri, or
 * from the host of the only redirect URI; with several redirect URIs and no sector_identifier_uri
 * Hydra answers "has multiple redirect_uris but no sector_identifier_uri was set".
 */
export const pairwiseNeedsSector: ClientRule = (ctx) => {
  if (str(ctx.value, 'subject_type') !== 'pairwise' || str(ctx.value, 'sector_identifier_uri') !== '') return NO_FINDINGS;
  const redirects = strings(ctx.value, 'redirect_uris');
  if (!redirects || redirects.length < 2) return NO_FINDINGS;
  return [note(keySpan(ctx, 'redirect_uris'), 'warning', RuleCodes.pairwiseNeedsSectorIdentifier,
    'With subject_type "pairwise" and several redirect_uris, Hydra needs a sector_identifier_uri: without one every login of this client fails. Set sector_identifier_uri, or keep a single redirect URI.')];
};
