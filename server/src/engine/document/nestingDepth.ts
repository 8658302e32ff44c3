// Deep flow nesting (`[[[[…`) is cheap to type and expensive to parse: the tolerant parsers
// recurse per level, and past a few thousand levels V8 can abort the whole process (a stack
// overflow inside regex compilation is fatal, not a catchable RangeError). Measure first.

import { CST, Lexer } from 'yaml';
import type { DocumentLanguage } from './documentModel';

export const MAX_NESTING_DEPTH = 1000;
/**
 * The YAML library's error recovery recurses deeper per level: unclosed, ~800–1000 levels overflow
 * the stack or not depending on how deep the caller already is, so diagnostics would differ between
 * an open and an edit. 500 keeps a wide margin.
 */
export const MAX_YAML_NESTING_DEPTH = 500;

export function maxNestingDepth(language: DocumentLanguage): number {
  return language === 'yaml' ? MAX_YAML_NESTING_DEPTH : MAX_NESTING_DEPTH;
}

/** True when the text may nest flow collections past the limit (cheap: counts brackets first). */
export function mayBeTooDeep(text: string, language: DocumentLanguage = 'json'): boolean {
  const max = maxNestingDepth(language);
  let opens = 0;
  for (const ch of ['[', '{']) {
    for (let i = text.indexOf(ch); i >= 0 && opens <= max; i = text.indexOf(ch, i + 1)) opens++;
  }
  if (opens <= max) return false;
  if (flowNestingDepth(text, max + 1, language === 'yaml') > max) return true;
  // For YAML, also ask the YAML lexer (iterative, so safe at any depth): it sees strings as the
  // parser will, where one stray `"` in a half-typed line fooled the quick count.
  return language === 'yaml' && yamlFlowDepth(text, max + 1) > max;
}

function yamlFlowDepth(text: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++depth > max && (max = depth) >= stopAt) return max;
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') depth = Math.max(0, depth - 1);
    else if (type === 'doc-start') depth = 0; // each `---` document is parsed on its own
  }
  return max;
}

/**
 * The deepest `[`/`{` nesting outside strings and comments (approximate for YAML, which is fine).
 * `yamlDocuments`: a `---` line starts again from 0, as the parser does with each document (600
 * documents that each leave a `[` open are 600 syntax errors, not one document 600 levels deep).
 */
export function flowNestingDepth(text: string, stopAt = MAX_NESTING_DEPTH + 1, yamlDocuments = false): number {
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
    else if (c === 45 && yamlDocuments && (i === 0 || text.charCodeAt(i - 1) === 10) && text.startsWith('---', i) && (i + 3 >= text.length || text.charCodeAt(i + 3) <= 32)) depth = 0;
    else if (c === 34) quote = 34;
    else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    }
  }
  return max;
}
