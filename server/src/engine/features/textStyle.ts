// How a file is written — indentation step, line breaks, YAML sequence and quoting habits — so that
// completions, templates and quick fixes insert text that looks like the rest of the file.
// Detected once per parsed version from the first 64 KB (a bounded, O(1)-per-request cost).
import type { ParsedDocument } from '../document/documentModel';

export interface TextStyle {
  /** One indentation step: two or four spaces (or a tab in JSON). */
  indentUnit: string;
  eol: '\n' | '\r\n';
  /** YAML: block sequences indented under their key (`key:\n  - a`) rather than flush (`key:\n- a`). */
  indentedSequences: boolean;
  /** YAML: arrays mostly written in flow style (`key: [a, b]`). JSON: arrays mostly on one line. */
  flowArrays: boolean;
  /** YAML: how string values are mostly written: plain, "double" or 'single' quoted. JSON: always ". */
  quote: '' | '"' | "'";
}

const SAMPLE = 64 * 1024;
const memo = new WeakMap<ParsedDocument, TextStyle>();

export function textStyle(doc: ParsedDocument): TextStyle {
  let s = memo.get(doc);
  if (!s) {
    s = doc.language === 'json' ? jsonStyle(doc.text.slice(0, SAMPLE)) : yamlStyle(doc.text.slice(0, SAMPLE));
    memo.set(doc, s);
  }
  return s;
}

function eolOf(text: string): '\n' | '\r\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function jsonStyle(text: string): TextStyle {
  let unit = '';
  for (const m of text.matchAll(/\n([ \t]+)["{[]/g)) {
    const ws = m[1];
    if (ws.startsWith('\t')) {
      unit = '\t';
      break;
    }
    if (!unit || ws.length < unit.length) unit = ws;
    if (unit.length <= 2) break;
  }
  const inline = (text.match(/:\s*\[[^\s\]]/g) ?? []).length;
  const multiline = (text.match(/:\s*\[[ \t]*\r?\n/g) ?? []).length;
  return { indentUnit: unit || '  ', eol: eolOf(text), indentedSequences: true, flowArrays: inline >= multiline, quote: '"' };
}

function yamlStyle(text: string): TextStyle {
  const lines = text.split(/\r?\n/);
  let unit = 0;
  let indented = 0;
  let flush = 0;
  let blockSeqs = 0;
  let flowSeqs = 0;
  const quotes = { plain: 0, double: 0, single: 0 };
  const indentOf = (l: string) => l.length - l.trimStart().length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // No `:`, no key: and the pattern below backtracks quadratically over a long `- - - …` run.
    if (!line.includes(':')) continue;
    // `[^]*`, not `.*`: a \r or \u2028 the `.` stops at made `[ \t]+` backtrack over every space.
    const m = /^( *)(?:- +)*([^\s#][^:#]*?):(?:[ \t]+([^]*))?$/.exec(line);
    if (!m) continue;
    // Cut at the first ` #` (a comment): a regex /\s+#.*$/ was quadratic on a long run of spaces.
    const raw = m[3] ?? '';
    const hash = raw.search(/\s#/);
    const value = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (value.startsWith('[')) flowSeqs++;
    else if (value.startsWith('"')) quotes.double++;
    else if (value.startsWith("'")) quotes.single++;
    else if (value && /^[A-Za-z]/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value)) quotes.plain++;
    if (value) continue;
    // `key:` with a block value: the next content line says how this file indents.
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j])) j++;
    if (j >= lines.length) continue;
    const keyCol = line.length - line.replace(/^( *)(?:- +)*/, '').length;
    const next = lines[j];
    const col = indentOf(next);
    if (next.trimStart().startsWith('- ') || next.trim() === '-') {
      blockSeqs++;
      if (col > keyCol) {
        indented++;
        if (!unit) unit = col - keyCol;
      } else if (col === keyCol) flush++;
    } else if (col > keyCol && !unit) unit = col - keyCol;
  }
  const quote = quotes.double > quotes.plain && quotes.double >= quotes.single ? '"' : quotes.single > quotes.plain ? "'" : '';
  return {
    indentUnit: ' '.repeat(unit === 4 ? 4 : unit === 3 ? 3 : 2),
    eol: eolOf(text),
    indentedSequences: indented >= flush,
    flowArrays: flowSeqs > blockSeqs,
    quote,
  };
}
