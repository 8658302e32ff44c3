// Binary search over lists kept in document order (nodes, diagnostics sorted by offset): lookups
// repeated once per item of a long list must not scan the list each time.

/** The first index in [0, n) where `reached(i)` holds, for a `reached` that stays true once it is (n when none does). */
export function firstReached(n: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
