// Logout: post_logout_redirect_uris must sit beside a redirect URI; session_required flags need a URI.
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRule } from '../validation/validateDocument';
import { goQuote } from './goQuote';
import { dialectFor, goParseRequestURI, hostname, port, type GoUrl } from './goUrl';
import { redirectUris } from './redirectUriRules';
import { RuleCodes } from './ruleCodes';
import { bool, hydraError, NO_FINDINGS, note, schemaErrorAt, spanAt, str, strings, versionOf } from './ruleSupport';

/**
 * Hydra check 15, per entry: url.ParseRequestURI must succeed, and some redirect URI must have
 * the same scheme, hostname (case-sensitive) and port; no redirect URIs, every entry fails. A
 * redirect URI with a `#` still counts (its own error says so; fixing it must not surface a new
 * one). v26 quotes the URI with %q; v1.11/v2.3 use "…" and end with a stray `'`.
 */
export const postLogoutRedirectUris: ClientRule = (ctx) => {
  const entries = strings(ctx.value, 'post_logout_redirect_uris');
  if (!entries?.length) return NO_FINDINGS;
  const version = versionOf(ctx);
  const dialect = dialectFor(version);
  const registered: GoUrl[] = [];
  const redirects = redirectUris(ctx);
  for (let k = 0; k < redirects.length; k++) {
    const { url } = redirects[k];
    if (url) registered.push(url);
  }
  // Thousands of logout URIs × thousands of redirect URIs: compare origins through a set then.
  const origins = entries.length * registered.length > 256 ? new Set(registered.map(origin)) : undefined;
  const out: OffsetDiagnostic[] = [];
  for (let k = 0; k < entries.length; k++) {
    const { index, value } = entries[k];
    const u = goParseRequestURI(value, dialect).url;
    if (u && (origins ? origins.has(origin(u)) : registered.some((r) => sameOrigin(r, u)))) continue;
    const at = spanAt(ctx, ['post_logout_redirect_uris', index]);
    if (schemaErrorAt(ctx, at)) continue;
    if (!u) {
      out.push(hydraError(at, RuleCodes.postLogoutRedirectUriUnparsable, `Unable to parse post_logout_redirect_uri: ${value}`));
      continue;
    }
    const hint = version === 'v26'
      ? `post_logout_redirect_uri ${goQuote(value)} must match the domain, port, scheme of at least one of the registered redirect URIs but did not`
      : `post_logout_redirect_uri "${value}" must match the domain, port, scheme of at least one of the registered redirect URIs but did not'`;
    out.push(hydraError(at, RuleCodes.postLogoutRedirectUriMismatch, hint));
  }
  return out;
};

const LOGOUT_CHANNELS = (['frontchannel', 'backchannel'] as const).map((channel) => ({ channel, flag: `${channel}_logout_session_required`, uri: `${channel}_logout_uri` }));

/** Not a Hydra check: a *_logout_session_required flag means nothing without its logout URI. */
export const logoutSessionRequired: ClientRule = (ctx) => {
  const out: OffsetDiagnostic[] = [];
  for (let k = 0; k < LOGOUT_CHANNELS.length; k++) {
    const { channel, flag, uri } = LOGOUT_CHANNELS[k];
    if (bool(ctx.value, flag) !== true || str(ctx.value, uri) !== '') continue;
    out.push(note(spanAt(ctx, [flag]), 'warning', RuleCodes.logoutSessionWithoutUri,
      `${flag} is true but ${channel}_logout_uri is not set, so Hydra never sends ${channel} logout notifications to this client. Set ${channel}_logout_uri or remove the flag.`));
  }
  return out;
};

/** Hydra's comparison. Equal hosts need no split into hostname and port (the usual case). */
function sameOrigin(a: GoUrl, b: GoUrl): boolean {
  return a.scheme === b.scheme && (a.host === b.host || (hostname(a) === hostname(b) && port(a) === port(b)));
}

/** What Hydra compares: scheme, hostname (case-sensitive) and port, as one unambiguous key. */
function origin(u: GoUrl): string {
  return JSON.stringify([u.scheme, hostname(u), port(u)]);
}
