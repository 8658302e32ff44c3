// Deep flow nesting (`[[[[…`) is cheap to type and expensive to parse: the tolerant parsers
// recurse per level, and past a few thousand levels V8 can abort the whole process (a stack
// overflow inside regex compilation is fatal, not a catchable RangeError). Measure first.

export const MAX_NESTING_DEPTH = 1000;

/** True when the text may nest flow collections past the limit (cheap: counts brackets first). */
export function mayBeTooDeep(text: string): boolean {
  let opens = 0;
  for (const ch of ['[', '{']) {
    for (let i = text.indexOf(ch); i >= 0 && opens <= MAX_NESTING_DEPTH; i = text.indexOf(ch, i + 1)) opens++;
  }
  // Also counted ignoring quotes: one stray `"` in a half-typed line makes the rest look like a
  // string, and the deep brackets behind it then reached the recursive parser.
  return opens > MAX_NESTING_DEPTH && (flowNestingDepth(text) > MAX_NESTING_DEPTH || flowNestingDepth(text, MAX_NESTING_DEPTH + 1, false) > MAX_NESTING_DEPTH);
}

/** The deepest `[`/`{` nesting outside strings and comments (approximate for YAML, which is fine). */
export function flowNestingDepth(text: string, stopAt = MAX_NESTING_DEPTH + 1, quotes = true): number {
  let depth = 0;
  let max = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 91 || c === 123) {
      if (++depth > max && (max = depth) >= stopAt) return max;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if (c === 34 && quotes) quote = 34;
    else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    }
  }
  return max;
}
