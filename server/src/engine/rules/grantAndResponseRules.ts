// grant_types and response_types: Hydra never validates them at registration (any string is
// stored), so these warn about flows that will fail at the authorization or token endpoint.
import type { HydraVersion } from '../schema/clientSchema';
import { closestMatch } from '../validation/didYouMean';
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRule, ClientRuleContext } from '../validation/validateDocument';
import { RuleCodes } from './ruleCodes';
import { hasWord, NO_FINDINGS, note, spanAt, str, strings, versionOf, type StringItem } from './ruleSupport';

const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';
const BASE_GRANTS = ['authorization_code', 'implicit', 'client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer'];

const V26_GRANTS = [...BASE_GRANTS, DEVICE_CODE];

export function knownGrantTypes(version: HydraVersion): readonly string[] {
  return version === 'v26' ? V26_GRANTS : BASE_GRANTS;
}

// Five rules read the grant_types items of each client: list them once per client.
const grantsFor = new WeakMap<ClientRuleContext, readonly StringItem[] | undefined>();

/** The grant_types items, or undefined when grant_types is of the wrong type. */
function grants(ctx: ClientRuleContext): readonly StringItem[] | undefined {
  if (!grantsFor.has(ctx)) grantsFor.set(ctx, strings(ctx.value, 'grant_types'));
  return grantsFor.get(ctx);
}

function grantNote(ctx: ClientRuleContext, item: StringItem, code: Parameters<typeof note>[2], message: string, data?: Record<string, unknown>): OffsetDiagnostic {
  return note(spanAt(ctx, ['grant_types', item.index]), 'warning', code, message, data);
}

/**
 * fosite needs authorization_code for any response type with `code` (at the token exchange, or
 * at once in the hybrid flow), and implicit for `token`, or for `id_token` without `code`.
 * Empty grant_types means ["authorization_code"].
 */
export const responseTypesNeedGrants: ClientRule = (ctx) => {
  const granted = grants(ctx);
  const responseTypes = strings(ctx.value, 'response_types');
  if (!granted || !responseTypes?.length) return NO_FINDINGS;
  // Every client runs this: plain loops and word checks, no sets or split lists per client.
  const grantsCode = !granted.length || hasItem(granted, 'authorization_code');
  const grantsImplicit = hasItem(granted, 'implicit');
  const out: OffsetDiagnostic[] = [];
  for (let k = 0; k < responseTypes.length; k++) {
    const { index, value } = responseTypes[k];
    const code = hasWord(value, 'code');
    if (code && !grantsCode) out.push(responseTypeNeeds(ctx, index, value, 'authorization_code'));
    if ((hasWord(value, 'token') || (!code && hasWord(value, 'id_token'))) && !grantsImplicit) out.push(responseTypeNeeds(ctx, index, value, 'implicit'));
  }
  return out;
};

function responseTypeNeeds(ctx: ClientRuleContext, index: number, value: string, grantType: string): OffsetDiagnostic {
  return note(spanAt(ctx, ['response_types', index]), 'warning', RuleCodes.responseTypeNeedsGrantType,
    `Response type "${value}" needs the "${grantType}" grant, which grant_types does not include: Hydra stores the client, but this flow fails.`,
    { grantType });
}

function hasItem(items: readonly StringItem[], value: string): boolean {
  for (let i = 0; i < items.length; i++) if (items[i].value === value) return true;
  return false;
}

/** OAuth 2.0 Security BCP (RFC 9700 §2.1.2): the implicit grant should not be used. */
export const implicitGrantDiscouraged: ClientRule = (ctx) => (grants(ctx) ?? [])
  .filter((g) => g.value === 'implicit')
  .map((g) => grantNote(ctx, g, RuleCodes.implicitGrantDiscouraged,
    'The implicit grant is discouraged (OAuth 2.0 Security BCP, RFC 9700 §2.1.2): tokens travel in the redirect URL. Use authorization_code with PKCE instead.'));

/** fosite refuses client_credentials to public clients (token_endpoint_auth_method "none"). */
export const publicClientCredentials: ClientRule = (ctx) => {
  if (str(ctx.value, 'token_endpoint_auth_method') !== 'none') return NO_FINDINGS;
  return (grants(ctx) ?? [])
    .filter((g) => g.value === 'client_credentials')
    .map((g) => grantNote(ctx, g, RuleCodes.publicClientCredentials,
      'client_credentials needs client authentication, but token_endpoint_auth_method is "none": Hydra refuses this grant to public clients.'));
};

/**
 * Hydra issues refresh tokens only when offline_access (or offline) is granted, so the client's
 * scope must allow one. An empty scope gets Hydra's default, which has both.
 */
export const refreshTokenNeedsOfflineScope: ClientRule = (ctx) => {
  const scope = str(ctx.value, 'scope');
  if (!scope || hasWord(scope, 'offline') || hasWord(scope, 'offline_access')) return NO_FINDINGS;
  return (grants(ctx) ?? [])
    .filter((g) => g.value === 'refresh_token')
    .map((g) => grantNote(ctx, g, RuleCodes.refreshTokenWithoutOfflineScope,
      'Hydra issues refresh tokens only when the offline_access (or offline) scope is granted, and this client\'s scope has neither. Add offline_access to scope.'));
};

/** Unknown grant types are stored but never usable (device_code exists from v26 on). */
export const unknownGrantTypes: ClientRule = (ctx) => {
  const version = versionOf(ctx);
  const known = knownGrantTypes(version);
  return (grants(ctx) ?? [])
    .filter((g) => !known.includes(g.value))
    .map((g) => {
      const later = g.value === DEVICE_CODE;
      const suggestion = later ? undefined : closestMatch(g.value, known);
      const since = later ? ' (it is supported from v26 on)' : '';
      return grantNote(ctx, g, RuleCodes.unknownGrantType,
        `Hydra ${version} does not support grant type "${g.value}"${since}: it stores it, but no flow can use it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        suggestion ? { suggestion } : undefined);
    });
};
