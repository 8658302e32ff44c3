// Go's time.ParseDuration and Duration.String, for Hydra's NullDuration lifespans ("1.5h" → "1h30m0s").
const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/** Nanoseconds, or an error message worded like Go's. */
export function parseGoDuration(text: string): bigint | { error: string } {
  const bad = { error: `time: invalid duration ${JSON.stringify(text)}` };
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return bad;
  let total = 0n;
  const re = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)?/;
  while (s !== '') {
    const m = re.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '') || m[0] === '') return bad;
    if (!m[3]) return { error: `time: missing unit in duration ${JSON.stringify(text)}` };
    const unit = UNIT_NS[m[3]];
    const whole = BigInt(m[1] || '0') * unit;
    const frac = m[2] ?? '';
    const fracNs = frac ? (BigInt(frac) * unit) / 10n ** BigInt(frac.length) : 0n;
    total += whole + fracNs;
    s = s.slice(m[0].length);
  }
  return negative ? -total : total;
}

/** Go's Duration.String(). */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, div] = u < 1000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1000n] : ['ms', 1_000_000n];
    out = fraction(u, div as bigint) + unit;
  } else {
    const h = u / 3_600_000_000_000n;
    u -= h * 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u -= m * 60_000_000_000n;
    out = `${fraction(u, 1_000_000_000n)}s`;
    if (h > 0n) out = `${h}h${m}m${out}`;
    else if (m > 0n) out = `${m}m${out}`;
  }
  return neg ? `-${out}` : out;
}

function fraction(v: bigint, div: bigint): string {
  const whole = v / div;
  const rest = v % div;
  if (rest === 0n) return String(whole);
  const digits = String(div).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** Normalises a lifespan value as Hydra echoes it; undefined/null/"" → null. */
export function normaliseLifespan(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return null;
  const ns = parseGoDuration(value);
  return typeof ns === 'bigint' ? formatGoDuration(ns) : null;
}
