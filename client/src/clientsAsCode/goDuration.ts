// Go's time.ParseDuration, reduced to what comparison needs: the length in nanoseconds. Hydra echoes
// lifespans in Duration.String() form ("1.5h" → "1h30m0s"), so equal lengths are the same lifespan.
const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1_000n, 'µs': 1_000n, 'μs': 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const TERM = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;

/** Nanoseconds, or undefined when Go would reject the text. */
export function durationNanos(text: string): bigint | undefined {
  let s = text;
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1n;
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  while (s !== '') {
    const m = TERM.exec(s);
    if (!m || (m[1] === '' && !m[2])) return undefined;
    const unit = UNIT_NS[m[3]]!;
    const frac = m[2] ?? '';
    total += BigInt(m[1] || '0') * unit + (frac ? (BigInt(frac) * unit) / 10n ** BigInt(frac.length) : 0n);
    s = s.slice(m[0].length);
  }
  return sign * total;
}
