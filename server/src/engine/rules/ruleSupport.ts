// Shared plumbing for Hydra's rules: reading the client the way Go's decoder does (null and
// absent are the zero value; a wrong type is the schema layer's error, so rules skip it), finding
// the node a diagnostic belongs on, and not repeating what the schema layer already reports.
import type { Severity } from '../document/documentModel';
import { keysNamed, valueAt } from '../document/clientPositions';
import { firstReached } from '../document/sortedSearch';
import { DEFAULT_HYDRA_VERSION, type HydraVersion } from '../schema/clientSchema';
import { offsetDiagnostic, type OffsetDiagnostic } from '../validation/offsetDiagnostic';
import type { ClientRuleContext } from '../validation/validateDocument';
import type { RuleCode } from './ruleCodes';

export interface Span {
  offset: number;
  length: number;
}

export type Value = Record<string, unknown>;
export type PathSegment = string | number;

export function versionOf(ctx: ClientRuleContext): HydraVersion {
  return ctx.options.hydraVersion ?? DEFAULT_HYDRA_VERSION;
}

/** A string field: '' when absent or null (Go's zero value), undefined when of another type. */
export function str(value: Value, key: string): string | undefined {
  const v = value[key];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : undefined;
}

/** A boolean field: false when absent or null, undefined when of another type. */
export function bool(value: Value, key: string): boolean | undefined {
  const v = value[key];
  if (v === undefined || v === null) return false;
  return typeof v === 'boolean' ? v : undefined;
}

/**
 * What a rule returns when it finds nothing: one shared empty list. Most rules find nothing in
 * most clients, and a new empty array per rule per client was ~1.5 MB of garbage on a big file.
 */
export const NO_FINDINGS: readonly OffsetDiagnostic[] = Object.freeze([]);

export interface StringItem {
  index: number;
  value: string;
}

/**
 * The string items of an array field ([] when absent or null), undefined when it is not an
 * array. Items of another type are left out (the schema layer flags them).
 */
export function strings(value: Value, key: string): readonly StringItem[] | undefined {
  const v = value[key];
  if (v === undefined || v === null) return NO_ITEMS;
  if (!Array.isArray(v)) return undefined;
  const out: StringItem[] = [];
  for (let index = 0; index < v.length; index++) {
    const item: unknown = v[index];
    if (typeof item === 'string') out.push({ index, value: item });
  }
  return out;
}

const NO_ITEMS: readonly StringItem[] = Object.freeze([]);

/** Whether `word` is one of the space-separated words of `text` (Go's strings.Split(text, " ")). */
export function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || text.charCodeAt(at - 1) === SPACE) && (end === text.length || text.charCodeAt(end) === SPACE)) return true;
  }
  return false;
}

const SPACE = 0x20;

/** Go's len(s): the UTF-8 byte length. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The value at a path below the client (the last duplicate key wins, like Hydra). */
export function spanAt(ctx: ClientRuleContext, path: readonly PathSegment[]): Span {
  const { offset, length } = valueAt(ctx.client, path);
  return { offset, length };
}

/** The key of a top-level property, for problems that the key's presence causes. */
export function keySpan(ctx: ClientRuleContext, key: string): Span {
  const p = keysNamed(ctx.client, key).pop();
  return p ? { offset: p.offset, length: p.length } : spanAt(ctx, [key]);
}

/** fosite replaces every `"` in an error description with `'`. */
export function fositeText(hint: string): string {
  return hint.replace(/"/g, "'");
}

/** An error Hydra answers with 400; `hint` is Hydra's hint text before fosite's quote swap. */
export function hydraError(at: Span, code: RuleCode, hint: string, data?: Record<string, unknown>): OffsetDiagnostic {
  return offsetDiagnostic(at.offset, at.length, 'error', code, fositeText(hint), data);
}

export function note(at: Span, severity: Severity, code: RuleCode, message: string, data?: Record<string, unknown>): OffsetDiagnostic {
  return offsetDiagnostic(at.offset, at.length, severity, code, message, data);
}

/** True when the schema layer already reports an error on exactly this node: a rule then stays quiet. */
export function schemaErrorAt(ctx: ClientRuleContext, at: Span): boolean {
  return someSchemaError(ctx, at.offset, at.offset, (d) => d.length === at.length);
}

/** True when the schema layer reports an error anywhere inside this node. */
export function schemaErrorWithin(ctx: ClientRuleContext, at: Span): boolean {
  const end = at.offset + at.length;
  return someSchemaError(ctx, at.offset, end, (d) => d.offset + d.length <= end);
}

/**
 * Whether a schema error starting at an offset in [from, to] passes `test`. Rules ask once per
 * item of a list (20,000 bad redirect URIs meant 400 million comparisons): past a few errors, the
 * client's errors are sorted once and searched.
 */
function someSchemaError(ctx: ClientRuleContext, from: number, to: number, test: (d: OffsetDiagnostic) => boolean): boolean {
  const found = ctx.schemaDiagnostics;
  if (found.length <= 16) return found.some((d) => d.severity === 'error' && d.offset >= from && d.offset <= to && test(d));
  const errors = errorsByOffset.get(ctx) ?? sortedErrors(ctx);
  for (let i = firstReached(errors.length, (k) => errors[k].offset >= from); i < errors.length && errors[i].offset <= to; i++) {
    if (test(errors[i])) return true;
  }
  return false;
}

const errorsByOffset = new WeakMap<ClientRuleContext, readonly OffsetDiagnostic[]>();

function sortedErrors(ctx: ClientRuleContext): readonly OffsetDiagnostic[] {
  const errors = ctx.schemaDiagnostics.filter((d) => d.severity === 'error').sort((a, b) => a.offset - b.offset);
  errorsByOffset.set(ctx, errors);
  return errors;
}
