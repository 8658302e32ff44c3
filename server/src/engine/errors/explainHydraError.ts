// Hydra's error answers for a client, explained: which field, why, how to fix, and our diagnostic
// code for the same problem. The knowledge is the table in hydraErrorTable.json; this only matches.
import table from './hydraErrorTable.json';

/** What the admin API answered (status and the `error` / `error_description` of its body). */
export interface HydraErrorAnswer {
  status?: number;
  error?: string;
  errorDescription?: string;
}

export interface ErrorExplanation {
  id: string;
  /** The client field at fault, when Hydra's answer tells. */
  field?: string;
  why: string;
  fix: string;
  /** The diagnostic our linter shows for this problem, when it has one. */
  ruleCode?: string;
  /** Where in Hydra this comes from (the reference's rule or section). */
  source: string;
  /** Hydra's hint with the generic first sentence removed ('' when Hydra hid it). */
  hint: string;
}

interface Entry {
  id: string;
  status: number[];
  error?: string;
  hint?: string;
  description?: string;
  baseOnly?: boolean;
  field?: string;
  ruleCode?: string;
  source: string;
  why: string;
  fix: string;
}

interface CompiledEntry extends Entry {
  hintRe?: RegExp;
  descriptionRe?: RegExp;
}

const entries: CompiledEntry[] = (table.entries as Entry[]).map((e) => ({
  ...e,
  hintRe: e.hint ? new RegExp(e.hint) : undefined,
  descriptionRe: e.description ? new RegExp(e.description) : undefined,
}));

export const ERROR_TABLE_IDS: readonly string[] = entries.map((e) => e.id);
export const ERROR_TABLE_RULE_CODES: readonly string[] = [...new Set(entries.flatMap((e) => (e.ruleCode ? [e.ruleCode] : [])))];

/** The hint after fosite's base sentence; '' when the description is only the base. */
export function hintOf(description: string): { hint: string; hadBase: boolean } {
  for (const base of table.validationBases) {
    if (description.startsWith(base)) return { hint: description.slice(base.length).trim(), hadBase: true };
  }
  return { hint: description.trim(), hadBase: false };
}

function expand(template: string, match: RegExpExecArray | null): string {
  return template.replace(/\$(\d)/g, (_, n: string) => match?.[Number(n)] ?? '');
}

export function explainHydraError(answer: HydraErrorAnswer): ErrorExplanation | undefined {
  const description = answer.errorDescription ?? '';
  const { hint, hadBase } = hintOf(description);
  for (const e of entries) {
    if (answer.status !== undefined ? !e.status.includes(answer.status) : !e.error && !e.hintRe && !e.descriptionRe) continue;
    if (e.error !== undefined && e.error !== answer.error) continue;
    if (e.baseOnly && !(hadBase && hint === '')) continue;
    const hintMatch = e.hintRe ? e.hintRe.exec(hint) : null;
    if (e.hintRe && !hintMatch) continue;
    const descriptionMatch = e.descriptionRe ? e.descriptionRe.exec(description) : null;
    if (e.descriptionRe && !descriptionMatch) continue;
    const match = hintMatch ?? descriptionMatch;
    const field = e.field ? expand(e.field, match) : '';
    return {
      id: e.id,
      ...(field ? { field } : {}),
      why: e.why,
      fix: expand(e.fix, match),
      ...(e.ruleCode ? { ruleCode: e.ruleCode } : {}),
      source: e.source,
      hint,
    };
  }
  return undefined;
}

/** One paragraph for a message or a log line. */
export function explanationText(x: ErrorExplanation, lines: readonly number[] = []): string {
  const field = x.field ? `Field: ${x.field}. ` : '';
  const where = lines.length ? ` at line ${lines.join(', ')}` : ' in the file';
  const rule = x.ruleCode ? ` The linter reports this as "${x.ruleCode}"${where}.` : '';
  return `${field}${x.why} Fix: ${x.fix}${rule}`;
}
