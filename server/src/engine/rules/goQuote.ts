// Go's strconv.Quote (what %q prints), for error texts that quote user input. Works on a JS
// string or on a "byte string" (one char per byte, as goUrl.ts uses internally).

/** strconv.Quote of a JS string. */
export function goQuote(s: string): string {
  return quoteBytes(Array.from(new TextEncoder().encode(s)));
}

/** strconv.Quote of a byte string (each char code is one byte). */
export function goQuoteBytes(bytes: string): string {
  return quoteBytes(Array.from(bytes, (c) => c.charCodeAt(0)));
}

const SHORT_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 34: '\\"', 92: '\\\\' };

function quoteBytes(b: number[]): string {
  let out = '"';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      out += SHORT_ESCAPES[c] ?? (c < 0x20 || c === 0x7f ? `\\x${hex2(c)}` : String.fromCharCode(c));
      i++;
      continue;
    }
    const rune = decodeRune(b, i);
    if (!rune) {
      out += `\\x${hex2(c)}`; // invalid UTF-8 byte
      i++;
      continue;
    }
    out += isPrintable(rune.cp) ? String.fromCodePoint(rune.cp) : rune.cp > 0xffff ? `\\U${rune.cp.toString(16).padStart(8, '0')}` : `\\u${rune.cp.toString(16).padStart(4, '0')}`;
    i += rune.size;
  }
  return out + '"';
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function decodeRune(b: number[], i: number): { cp: number; size: number } | undefined {
  const c = b[i];
  const size = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
  if (!size || i + size > b.length) return undefined;
  let cp = c & (0xff >> (size + 1));
  for (let k = 1; k < size; k++) {
    if ((b[i + k] & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (b[i + k] & 0x3f);
  }
  const min = [0, 0, 0x80, 0x800, 0x10000][size];
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return { cp, size };
}

// Approximates unicode.IsPrint: controls, format characters, separators other than the ASCII
// space, and unassigned/private-use code points are escaped.
function isPrintable(cp: number): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}
