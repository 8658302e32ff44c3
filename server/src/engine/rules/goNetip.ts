// Go's netip.ParseAddr (Go 1.22+), with its error texts: Go's url.Parse uses it for bracketed
// hosts, and net.ParseIP(h).IsLoopback() (fosite's loopback test) is built on it.
import { goQuote } from './goQuote';

export interface GoAddr {
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
  zone: string;
}

export type ParseAddrResult = { addr: GoAddr; error?: undefined } | { addr?: undefined; error: string };

class AddrError extends Error {}

export function parseAddr(s: string): ParseAddrResult {
  const fail = (msg: string, at = ''): never => {
    throw new AddrError(`ParseAddr(${goQuote(s)}): ${msg}${at ? ` (at ${goQuote(at)})` : ''}`);
  };
  try {
    for (const c of s) {
      if (c === '.') return { addr: { bytes: ipv4Fields(s, 0, s.length, fail), zone: '' } };
      if (c === ':') return { addr: parseIPv6(s, fail) };
      if (c === '%') fail('missing IPv6 address');
    }
    return fail('unable to parse IP');
  } catch (e) {
    if (e instanceof AddrError) return { error: e.message };
    throw e;
  }
}

type Fail = (msg: string, at?: string) => never;

function ipv4Fields(input: string, off: number, end: number, fail: Fail): number[] {
  const s = input.slice(off, end);
  const fields: number[] = [];
  let val = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits === 1 && val === 0) fail('IPv4 field has octet with leading zero');
      val = val * 10 + (c.charCodeAt(0) - 48);
      digits++;
      if (val > 255) fail('IPv4 field has value >255');
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') fail('IPv4 field must have at least one digit', s.slice(i));
      if (fields.length === 3) fail('IPv4 address too long');
      fields.push(val);
      val = 0;
      digits = 0;
    } else {
      fail('unexpected character', s.slice(i));
    }
  }
  if (fields.length < 3) fail('IPv4 address too short');
  fields.push(val);
  return fields;
}

function parseIPv6(input: string, fail: Fail): GoAddr {
  let s = input;
  let zone = '';
  const pct = input.indexOf('%');
  if (pct !== -1) {
    s = input.slice(0, pct);
    zone = input.slice(pct + 1);
    if (zone === '') fail('zone must be a non-empty string');
  }
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return { bytes: ip, zone };
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const d = parseInt(s[off], 16);
      if (Number.isNaN(d)) break;
      acc = acc * 16 + d;
      if (off > 3) fail('each group must have 4 or less digits', s);
      if (acc > 0xffff) fail('IPv6 field has value >=2^16', s);
    }
    if (off === 0) fail('each colon-separated field must have at least one digit', s);
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) fail('embedded IPv4 address must replace the final 2 fields of the address', s);
      if (i + 4 > 16) fail('too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const end = input.length - (zone ? zone.length + 1 : 0);
      ipv4Fields(input, end - s.length, end, fail).forEach((b, k) => (ip[i + k] = b));
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s === '') break;
    if (s[0] !== ':') fail('unexpected character, want colon', s);
    if (s.length === 1) fail('colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) fail('multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') fail('trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) fail('address string too short');
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) {
    fail('the :: must expand to at least one field of zeros');
  }
  return { bytes: ip, zone };
}

/** net.ParseIP(h).IsLoopback(): 127.0.0.0/8 (also IPv4-mapped) or ::1; zones are not IPs. */
export function isLoopbackIP(hostname: string): boolean {
  const r = parseAddr(hostname);
  if (!r.addr || r.addr.zone) return false;
  const b = r.addr.bytes;
  if (b.length === 4) return b[0] === 127;
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (mapped) return b[12] === 127;
  return b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
}
