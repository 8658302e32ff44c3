// The properties every document must satisfy, whatever its content: every engine entry point
// answers (no exception, within a time bound), diagnostics and fix edits stay inside the
// document, and a quick fix never breaks a document that parsed.
import { performance } from 'node:perf_hooks';
import type { CodeAction, Diagnostic, Position } from 'vscode-languageserver-types';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import type { DocumentLanguage } from '../../../server/src/engine/document/documentModel';
import { LineIndex } from '../../../server/src/engine/document/lineIndex';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../../server/src/engine/engineSettings';
import { provideCodeActions } from '../../../server/src/engine/features/codeActions';
import { provideCompletion } from '../../../server/src/engine/features/completion';
import { provideDocumentSymbols } from '../../../server/src/engine/features/documentSymbols';
import { provideHover } from '../../../server/src/engine/features/hover';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import { HYDRA_VERSIONS, type HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/engine/validation/diagnostic';
import { applyTextEdits } from '../../helpers/edits';

export interface CaseInput {
  text: string;
  language: DocumentLanguage;
  /** Completion and hover positions, as fractions of the text (1 = end). */
  probes: readonly number[];
}

export interface CaseOutcome {
  /** Property violations; empty when the case passed. */
  violations: string[];
  /** The slowest single engine call of the case. */
  slowestMs: number;
  slowestCall: string;
}

/** Problems that mean a parser threw and the engine swallowed it: a bug, even though nothing crashed. */
const PARSER_FAILURE = 'parse-failure';
/** What makes a text "not parse". */
const UNPARSED = new Set(['syntax-error', 'too-deep', PARSER_FAILURE]);

const settingsByVersion = new Map<HydraVersion, EngineSettings>(HYDRA_VERSIONS.map((v) => [v, { ...DEFAULT_SETTINGS, hydraVersion: v }]));

/** One URI per language: analysed as a client file by name, as the extension does for *.oauth2-client.*. */
const uriOf = (language: DocumentLanguage) => `file:///fuzz/case.oauth2-client.${language}`;

/** Runs every property on one document; `boundMs` bounds each single call. */
export function checkCase(input: CaseInput, hydraVersion: HydraVersion, boundMs: number): CaseOutcome {
  const out: CaseOutcome = { violations: [], slowestMs: 0, slowestCall: '' };
  const { text, language } = input;
  const uri = uriOf(language);
  const timed = <T>(call: string, run: () => T): T | undefined => {
    const started = performance.now();
    let result: T | undefined;
    try {
      result = run();
    } catch (e) {
      out.violations.push(`${call} threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    const ms = performance.now() - started;
    if (ms > out.slowestMs) {
      out.slowestMs = ms;
      out.slowestCall = call;
    }
    if (ms > boundMs) out.violations.push(`${call} took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
    return result;
  };

  const settings = settingsByVersion.get(hydraVersion)!;
  const doc = timed('analyse', () => analyseDocument(uri, 1, text, language, settings, HYDRA_RULES));
  if (!doc) return out;
  const swallowed = doc.parsed.problems.find((p) => p.code === PARSER_FAILURE);
  if (swallowed) out.violations.push(`a parser threw (reported as ${PARSER_FAILURE}): ${swallowed.message}`);
  const diagnostics = timed('validate', () => doc.diagnostics()) ?? [];
  if (language === 'json') {
    // Well-formed JSON is validated from its text, its nodes unbuilt: the tree must agree.
    const treeFirst = analyseDocument(uri, 1, text, language, settings, HYDRA_RULES);
    for (const d of treeFirst.parsed.documents) void d.root;
    if (JSON.stringify(treeFirst.diagnostics()) !== JSON.stringify(diagnostics)) out.violations.push('diagnostics differ when the tree is built before validating');
  }
  if (manyBrackets(text)) {
    // Deep documents: the parse must not depend on how deep the caller's stack already is (a
    // recursive parser near its limit answered differently from a request handler than on open).
    const again = withDeeperStack(400, () => parseDocument(text, language).problems.map((p) => p.message).join('\n'));
    if (again !== doc.parsed.problems.map((p) => p.message).join('\n')) out.violations.push('parse problems differ when parsed from a deeper call stack');
  }

  const lines = new LineIndex(text);
  const lineLengths = lineLengthsOf(text);
  for (const d of diagnostics) {
    const problem = rangeProblem(d.range, lineLengths);
    if (problem) out.violations.push(`diagnostic ${d.code} ${JSON.stringify(d.range)}: ${problem}`);
  }

  const positions: Position[] = input.probes.map((f) => lines.positionAt(Math.floor(f * text.length)));
  // Editors send stale positions too: past the last line, past a line's end.
  positions.push({ line: lines.lineCount + 3, character: 7 }, { line: 0, character: 1e6 });
  for (const position of positions) {
    timed(`completion at ${position.line}:${position.character}`, () => provideCompletion(doc, position, { hydraVersion }));
    timed(`hover at ${position.line}:${position.character}`, () => provideHover(doc, position));
  }
  timed('documentSymbol', () => provideDocumentSymbols(doc));

  const lsp: Diagnostic[] = diagnostics.map((d) => ({ range: d.range, severity: 1, code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message, ...(d.data ? { data: d.data } : {}) }));
  const actions = timed('codeAction', () => provideCodeActions(doc, uri, lsp)) ?? [];
  const parsedBefore = !doc.parsed.problems.some((p) => UNPARSED.has(p.code));
  for (const action of actions) checkFix(action, uri, text, language, parsedBefore, lineLengths, out);
  return out;
}

function checkFix(action: CodeAction, uri: string, text: string, language: DocumentLanguage, parsedBefore: boolean, lineLengths: number[], out: CaseOutcome): void {
  const edits = action.edit?.changes?.[uri];
  if (!edits?.length) {
    out.violations.push(`quick fix "${action.title}" has no edit for the document`);
    return;
  }
  for (const e of edits) {
    const problem = rangeProblem(e.range, lineLengths);
    if (problem) out.violations.push(`quick fix "${action.title}" edit ${JSON.stringify(e.range)}: ${problem}`);
  }
  if (!parsedBefore) return;
  const fixed = applyTextEdits(text, edits);
  const broken = parseDocument(fixed, language).problems.filter((p) => UNPARSED.has(p.code));
  if (broken.length) out.violations.push(`quick fix "${action.title}" leaves a document that does not parse: ${broken[0].message}\n--- after:\n${fixed.slice(0, 2000)}`);
}

/** May nest deeply: many brackets or many `- ` (compact block sequences nest too). */
function manyBrackets(text: string): boolean {
  let n = 0;
  for (const s of ['{', '[', '- ']) for (let i = text.indexOf(s); i >= 0 && n < 300; i = text.indexOf(s, i + 1)) n++;
  return n >= 300;
}

function withDeeperStack<T>(frames: number, run: () => T): T {
  return frames === 0 ? run() : withDeeperStack(frames - 1, run);
}

/** LSP line lengths (\r\n, \r and \n all end a line), excluding the terminator. */
export function lineLengthsOf(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

interface RangeLike {
  start: Position;
  end: Position;
}

/** Why a range is not inside the document, or undefined when it is. */
export function rangeProblem(r: RangeLike, lineLengths: readonly number[]): string | undefined {
  for (const [name, p] of [['start', r.start], ['end', r.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${name} is not a position`;
    if (p.line >= lineLengths.length) return `${name} line ${p.line} is past the last line (${lineLengths.length - 1})`;
    if (p.character > lineLengths[p.line]) return `${name} character ${p.character} is past the end of line ${p.line} (${lineLengths[p.line]})`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start is after end';
  return undefined;
}
