// Go's base64.RawURLEncoding.DecodeString, as go-jose decodes JWK members: URL alphabet, no
// padding, `\r`/`\n` skipped, non-zero trailing bits tolerated, errors as CorruptInputError.

export type DecodeResult = { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function decodeRawUrlBase64(s: string): DecodeResult {
  const src = new TextEncoder().encode(s);
  const out: number[] = [];
  let quantum: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === 0x0a || c === 0x0d) continue;
    const v = c < 0x80 ? ALPHABET.indexOf(String.fromCharCode(c)) : -1;
    if (v < 0) return { error: `illegal base64 data at input byte ${i}` };
    quantum.push(v);
    if (quantum.length === 4) {
      out.push(...bytesOf(quantum));
      quantum = [];
    }
  }
  // A lone trailing character cannot encode a byte; Go reports the input's last position.
  if (quantum.length === 1) return { error: `illegal base64 data at input byte ${src.length - 1}` };
  if (quantum.length) out.push(...bytesOf(quantum));
  return { bytes: Uint8Array.from(out) };
}

function bytesOf(q: number[]): number[] {
  const n = ((q[0] ?? 0) << 18) | ((q[1] ?? 0) << 12) | ((q[2] ?? 0) << 6) | (q[3] ?? 0);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff].slice(0, q.length - 1);
}
