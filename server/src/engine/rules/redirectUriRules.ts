// redirect_uris: Hydra's registration checks, and what /oauth2/auth refuses later.
import type { HydraVersion } from '../schema/clientSchema';
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRule, ClientRuleContext } from '../validation/validateDocument';
import { isLoopbackIP } from './goNetip';
import { dialectFor, goParseRequestURI, hostname, type GoUrl } from './goUrl';
import { RuleCodes } from './ruleCodes';
import { hydraError, note, schemaErrorAt, spanAt, strings, versionOf } from './ruleSupport';

export interface RedirectUri {
  index: number;
  value: string;
  /** Set when url.ParseRequestURI accepts the entry (even with a `#`, so one fix at a time). */
  url?: GoUrl;
  /** Why Hydra rejects the entry: v26 checks for `#` first, v1.11/v2.3 parse first. */
  problem?: 'unparsable' | 'fragment';
}

// Four rules read the parsed redirect URIs of each client: parse them once per client.
const parsedFor = new WeakMap<ClientRuleContext, readonly RedirectUri[]>();

export function redirectUris(ctx: ClientRuleContext): readonly RedirectUri[] {
  let parsed = parsedFor.get(ctx);
  if (!parsed) {
    const dialect = dialectFor(versionOf(ctx));
    const hashFirst = versionOf(ctx) === 'v26';
    parsed = (strings(ctx.value, 'redirect_uris') ?? []).map(({ index, value }) => {
      const { url } = goParseRequestURI(value, dialect);
      const problem = value.includes('#') && (hashFirst || url) ? 'fragment' : url ? undefined : 'unparsable';
      return { index, value, url, problem };
    });
    parsedFor.set(ctx, parsed);
  }
  return parsed;
}

/** An http entry Hydra accepts. */
function isAcceptedHttp(r: RedirectUri): r is RedirectUri & { url: GoUrl } {
  return !r.problem && r.url?.scheme === 'http';
}

/**
 * Hydra check 13 (error `invalid_redirect_uri`): each entry must pass url.ParseRequestURI (any
 * absolute URI, custom schemes included, or an absolute path) and contain no `#`.
 */
export const redirectUriSyntax: ClientRule = (ctx) => {
  const out: OffsetDiagnostic[] = [];
  const redirects = redirectUris(ctx);
  for (let k = 0; k < redirects.length; k++) {
    const r = redirects[k];
    if (!r.problem) continue;
    const at = spanAt(ctx, ['redirect_uris', r.index]);
    if (schemaErrorAt(ctx, at)) continue;
    out.push(r.problem === 'fragment'
      ? hydraError(at, RuleCodes.redirectUriFragment, 'Redirect URIs must not contain fragments (#).')
      : hydraError(at, RuleCodes.redirectUriUnparsable, `Unable to parse redirect URL: ${r.value}`));
  }
  return out;
};

/** fosite's IsLocalhost: v1.11 knows two loopback literals, v2.3+ any loopback IP. */
function isLocalhost(host: string, version: HydraVersion): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return version === 'v1.11' ? host === '127.0.0.1' || host === '::1' : isLoopbackIP(host);
}

/**
 * Not checked at registration; /oauth2/auth then refuses an http redirect unless its host is
 * localhost, *.localhost or a loopback IP ("Redirect URL is using an insecure protocol"). The
 * escape hatches: v2.3+ `--dev`; v1.11 a `--dangerous-allow-insecure-redirect-urls` entry.
 */
export const insecureRedirectUris: ClientRule = (ctx) => {
  const version = versionOf(ctx);
  const unless = version === 'v1.11' ? 'unless Hydra lists it in --dangerous-allow-insecure-redirect-urls' : 'unless Hydra runs with --dev';
  const out: OffsetDiagnostic[] = [];
  const redirects = redirectUris(ctx);
  for (let k = 0; k < redirects.length; k++) {
    const r = redirects[k];
    if (!isAcceptedHttp(r) || isLocalhost(hostname(r.url), version)) continue;
    out.push(note(spanAt(ctx, ['redirect_uris', r.index]), 'warning', RuleCodes.insecureRedirectUri,
      `Hydra stores this http:// redirect URI, but its authorization endpoint refuses http except for localhost, *.localhost and loopback IPs (${unless}). Use https.`));
  }
  return out;
};

/**
 * Information, not a warning: exact matching works when the app always listens on the same port.
 * Only loopback IP literals get RFC 8252's any-port matching (v1.11: just 127.0.0.1 and [::1]);
 * `localhost` must match exactly, port included, which breaks native apps on ephemeral ports.
 */
export const localhostRedirectUris: ClientRule = (ctx) => {
  const out: OffsetDiagnostic[] = [];
  const redirects = redirectUris(ctx);
  for (let k = 0; k < redirects.length; k++) {
    const r = redirects[k];
    if (!isAcceptedHttp(r) || hostname(r.url) !== 'localhost') continue;
    out.push(note(spanAt(ctx, ['redirect_uris', r.index]), 'information', RuleCodes.localhostRedirectExactPort,
      'Hydra matches "localhost" redirect URIs exactly, port included. Only loopback IPs (http://127.0.0.1/… or http://[::1]/…) may use any port at login (RFC 8252 §7.3), which native apps on a random port need.'));
  }
  return out;
};
