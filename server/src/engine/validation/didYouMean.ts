// "Did you mean" for unknown keys: edit distance on names normalised for case and separators, so
// `redirect_uri`, `scopes`, `clientName` and `Grant-Types` all find their field.
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  let known = memo.get(candidates);
  if (!known) memo.set(candidates, (known = new Map()));
  if (known.has(input)) return known.get(input);
  const n = norm(input);
  const allowed = Math.max(1, Math.floor(Math.max(n.length, 3) / 4));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const nc = norm(c);
    // The distance is at least the length difference: most candidates are out before any work.
    if (Math.abs(nc.length - n.length) > allowed) continue;
    const d = levenshtein(n, nc);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  const answer = bestScore <= allowed ? best : undefined;
  // Files repeat their mistakes (the same misspelt key in many clients): answer those once.
  if (known.size < 500) known.set(input, answer);
  return answer;
}

const norm = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
const memo = new WeakMap<readonly string[], Map<string, string | undefined>>();

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
