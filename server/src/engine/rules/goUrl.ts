// What matters of Go's net/url Parse and ParseRequestURI, with Go's error texts, so the rules
// accept and reject exactly what Hydra's validator does. WHATWG `new URL` is no stand-in:
// - Go accepts any scheme and the opaque form (`app:callback`, `mailto:x`), relative references
//   (Parse) and absolute paths (ParseRequestURI); WHATWG needs a base for the latter two.
// - Go normalises nothing: no lower-casing of the host, no default-port removal, no punycode,
//   no dot-segment removal, no percent-encoding of spaces in the path (`/a b` parses).
// - Go rejects what WHATWG repairs: ASCII control characters anywhere (tabs and newlines too),
//   bad percent escapes (`%zz`), `%`-escaped ASCII in the host, host characters outside RFC 3986's
//   set (`{`, space…), a non-numeric port (`:abc`, but `:` alone and ports above 65535 pass).
// - ParseRequestURI keeps a `#…` in the path or query (Hydra checks `#` itself).
// Go works on bytes; so does this module internally (a "byte string": one char per UTF-8 byte).
// Hosts follow the Go release that built each Hydra. v26 (Go 1.26) checks that brackets hold an
// IPv6 address and open the host (CVE-2025-47912, CVE-2026-25679), and in http(s) URLs the
// host's first `:` starts the port (go.dev/issue/75223). v1.11 and v2.3 (Go 1.17, 1.22) accept
// anything up to the last `]`, and take the port after the last `:`.
import { goQuoteBytes } from './goQuote';
import { parseAddr } from './goNetip';
import type { HydraVersion } from '../schema/clientSchema';

export interface GoUrl {
  scheme: string;
  opaque: string;
  /** Present when the authority had `userinfo@`. */
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
}

export type GoUrlResult = { url: GoUrl; error?: undefined } | { url?: undefined; error: string };

export interface GoUrlDialect {
  /** Go 1.26 host checks: IP literals, and the first `:` of an http(s) host starts the port. */
  strictHost: boolean;
}

export function dialectFor(version: HydraVersion): GoUrlDialect {
  return version === 'v26' ? STRICT_HOST : LENIENT_HOST;
}

// Shared: rules ask for a dialect per client, and a fresh object each time was garbage.
const STRICT_HOST: GoUrlDialect = Object.freeze({ strictHost: true });
const LENIENT_HOST: GoUrlDialect = Object.freeze({ strictHost: false });

class ParseError extends Error {}

// Several rules parse the same URI (syntax, loopback, post-logout matching…): remember results.
// Results are frozen so a caller can't change what the next one reads. Bounded: cleared when full.
const memo = new Map<string, GoUrlResult>();
const MEMO_LIMIT = 50_000;

function memoized(kind: string, raw: string, dialect: GoUrlDialect, run: () => GoUrlResult): GoUrlResult {
  const simple = simpleUrl(raw);
  if (simple) return { url: simple }; // cheaper to build afresh than to look up
  const key = `${kind}${dialect.strictHost ? 1 : 0}${raw}`;
  let hit = memo.get(key);
  if (!hit) {
    hit = run();
    if (hit.url) {
      Object.freeze(hit.url.user);
      Object.freeze(hit.url);
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, Object.freeze(hit));
  }
  return hit;
}

// `scheme://host[:port][/path]` with only unreserved characters: what nearly every redirect URI
// is. Both Parse and ParseRequestURI read it the same way in every dialect (no escapes, no query,
// no fragment, one `:` at most in the host), so the general parser's byte work can be skipped.
// test/engine/rules/goUrl.test.ts checks the shortcut against the general parser.
const SIMPLE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([A-Za-z0-9.-]*(?::[0-9]*)?)(\/[A-Za-z0-9\-._~/]*)?$/;

function simpleUrl(raw: string): GoUrl | undefined {
  const m = SIMPLE_URL.exec(raw);
  if (!m) return undefined;
  return { scheme: m[1].toLowerCase(), opaque: '', host: m[2], path: m[3] ?? '', rawQuery: '', forceQuery: false, fragment: '' };
}

/** The general parsers without the memo and the shortcut, for tests that check the shortcut. */
export const uncachedForTests = { parseUncached, parseRequestUriUncached, simpleUrl };

/** url.Parse: error texts are url.Error's, `parse "<url>": <reason>`. */
export function goParse(raw: string, dialect: GoUrlDialect): GoUrlResult {
  return memoized('p', raw, dialect, () => parseUncached(raw, dialect));
}

function parseUncached(raw: string, dialect: GoUrlDialect): GoUrlResult {
  const b = toBytes(raw);
  const hash = b.indexOf('#');
  const beforeFrag = hash < 0 ? b : b.slice(0, hash);
  try {
    const url = parse(beforeFrag, false, dialect);
    if (hash >= 0) {
      try {
        url.fragment = fromBytes(unescape(b.slice(hash + 1), 'fragment'));
      } catch (e) {
        return failure(e, b);
      }
    }
    return { url };
  } catch (e) {
    return failure(e, beforeFrag);
  }
}

/** url.ParseRequestURI: an absolute URI or an absolute path; `#` is not special. */
export function goParseRequestURI(raw: string, dialect: GoUrlDialect): GoUrlResult {
  return memoized('r', raw, dialect, () => parseRequestUriUncached(raw, dialect));
}

function parseRequestUriUncached(raw: string, dialect: GoUrlDialect): GoUrlResult {
  const b = toBytes(raw);
  try {
    return { url: parse(b, true, dialect) };
  } catch (e) {
    return failure(e, b);
  }
}

/** URL.Hostname(): the host without port and IPv6 brackets. */
export function hostname(u: GoUrl): string {
  return splitHostPort(u.host).host;
}

/** URL.Port(): the digits after the host's last `:`, or ''. */
export function port(u: GoUrl): string {
  return splitHostPort(u.host).port;
}

/** URL.User.String() is non-empty: a username, or a password (even empty) was given. */
export function hasUserinfo(u: GoUrl): boolean {
  return !!u.user && (u.user.username !== '' || u.user.password !== undefined);
}

function failure(e: unknown, url: string): GoUrlResult {
  if (e instanceof ParseError) return { error: `parse ${goQuoteBytes(url)}: ${e.message}` };
  throw e;
}

function parse(raw: string, viaRequest: boolean, dialect: GoUrlDialect): GoUrl {
  const url: GoUrl = { scheme: '', opaque: '', host: '', path: '', rawQuery: '', forceQuery: false, fragment: '' };
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new ParseError('net/url: invalid control character in URL');
  if (raw === '' && viaRequest) throw new ParseError('empty url');
  if (raw === '*') return { ...url, path: '*' };
  let [scheme, rest] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, url.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    if (url.scheme) return { ...url, opaque: rest };
    if (viaRequest) throw new ParseError('invalid URI for request');
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) throw new ParseError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    parseAuthority(url, authority, dialect);
  }
  url.path = fromBytes(unescape(rest, 'path'));
  return url;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new ParseError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw]; // not a scheme character: no scheme
  }
  return ['', raw];
}

function parseAuthority(url: GoUrl, authority: string, dialect: GoUrlDialect): void {
  const at = authority.lastIndexOf('@');
  url.host = fromBytes(parseHost(url.scheme, at < 0 ? authority : authority.slice(at + 1), dialect));
  if (at < 0) return;
  const userinfo = authority.slice(0, at);
  // RFC 3986 userinfo characters, plus '@' (Go tolerates "user:p@ss@host"); no non-ASCII.
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new ParseError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  url.user = colon < 0
    ? { username: fromBytes(unescape(userinfo, 'userPassword')) }
    : { username: fromBytes(unescape(userinfo.slice(0, colon), 'userPassword')), password: fromBytes(unescape(userinfo.slice(colon + 1), 'userPassword')) };
}

function parseHost(scheme: string, host: string, dialect: GoUrlDialect): string {
  const open = dialect.strictHost ? host.lastIndexOf('[') : host.startsWith('[') ? 0 : -1;
  if (open > 0) throw new ParseError('invalid IP-literal');
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) throw new ParseError("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new ParseError(`invalid port ${goQuoteBytes(colonPort)} after host`);
    if (dialect.strictHost) return strictIpLiteral(host.slice(1, close), colonPort);
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, close), 'zone') + unescape(host.slice(close), 'host');
  } else {
    const strictColon = dialect.strictHost && (scheme === 'http' || scheme === 'https');
    const colon = strictColon ? host.indexOf(':') : host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) throw new ParseError(`invalid port ${goQuoteBytes(host.slice(colon))} after host`);
  }
  return unescape(host, 'host');
}

/** Go 1.26's IP-literal check: the bracketed part must be an IPv6 address (IPv4 is refused). */
function strictIpLiteral(inner: string, colonPort: string): string {
  const port = unescape(colonPort, 'host');
  const zone = inner.indexOf('%25');
  const unescaped = zone >= 0 ? unescape(inner.slice(0, zone), 'host') + unescape(inner.slice(zone), 'zone') : unescape(inner, 'host');
  const { addr, error } = parseAddr(fromBytes(unescaped));
  if (!addr) throw new ParseError(`invalid host: ${error}`);
  if (addr.bytes.length === 4) throw new ParseError('invalid IP-literal');
  return `[${unescaped}]${port}`;
}

function validOptionalPort(p: string): boolean {
  return p === '' || /^:[0-9]*$/.test(p);
}

function splitHostPort(hostPort: string): { host: string; port: string } {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(host.slice(colon))) [host, port] = [host.slice(0, colon), host.slice(colon + 1)];
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host, port };
}

type Mode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

/** Go's shouldEscape, for the modes parsing uses. */
function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) return false;
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    if (mode === 'path') return ch === '?';
    if (mode === 'userPassword') return '@/?:'.includes(ch);
    if (mode === 'fragment') return false;
  }
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

/** Go's unescape: checks escapes (and host characters), returns the decoded byte string. */
function unescape(s: string, mode: Mode): string {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 0x25 /* % */) {
      const esc = s.slice(i, i + 3);
      if (!/^%[0-9A-Fa-f]{2}$/.test(esc)) throw new ParseError(`invalid URL escape ${goQuoteBytes(esc)}`);
      const v = parseInt(esc.slice(1), 16);
      if (mode === 'host' && v >> 4 < 8 && esc !== '%25') throw new ParseError(`invalid URL escape ${goQuoteBytes(esc)}`);
      if (mode === 'zone' && esc !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) throw new ParseError(`invalid URL escape ${goQuoteBytes(esc)}`);
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(c, mode)) {
        throw new ParseError(`invalid character ${goQuoteBytes(s[i])} in host name`);
      }
      i++;
    }
  }
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// Go works on bytes; we model a byte string as a JS string of code units 0–255. URLs are almost
// always ASCII, where both conversions are the identity: skip the codec work (it dominated the
// validation time of large files).
const ASCII = /^[\x00-\x7f]*$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBytes(s: string): string {
  if (ASCII.test(s)) return s;
  let out = '';
  for (const byte of encoder.encode(s)) out += String.fromCharCode(byte);
  return out;
}

function fromBytes(b: string): string {
  if (ASCII.test(b)) return b;
  return decoder.decode(Uint8Array.from(b, (c) => c.charCodeAt(0)));
}
