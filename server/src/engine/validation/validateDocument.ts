// Validation of a parsed document: parse problems, then per client the schema, unknown or
// version-unknown keys, server-set fields, and the pluggable rules (Hydra's own checks).
import { clientLayout, forgetNodesBuiltOnDemand, type ClientEntry } from '../document/clientEntries';
import type { ParsedDocument } from '../document/documentModel';
import { LineIndex } from '../document/lineIndex';
import { keysNamed } from '../document/clientPositions';
import { AliasBudgetExceeded, DocumentAliasBudget, nodeValue } from '../document/nodeValue';
import { fieldInfo, type HydraVersion } from '../schema/clientSchema';
import { toEngineDiagnostic, type EngineDiagnostic } from './diagnostic';
import { Codes } from './diagnosticCodes';
import { offsetDiagnostic, type OffsetDiagnostic } from './offsetDiagnostic';
import { validateClientSchema } from './schemaValidation';

export interface ValidationOptions {
  hydraVersion: HydraVersion;
  /** Extra checks per client (Hydra's cross-field rules plug in here). */
  rules?: readonly ClientRule[];
  /** The target server's `oidc.subject_identifiers.supported_types`; Hydra's default is ['public']. */
  supportedSubjectTypes?: readonly string[];
  /** Facts about the file the host knows (rules that need them stay quiet without them). */
  documentFacts?: { committedToGit?: boolean };
}

export interface ClientRuleContext {
  client: ClientEntry;
  value: Record<string, unknown>;
  options: ValidationOptions;
  document: ParsedDocument;
  /** What the schema layer found in this client, so rules don't report the same thing again. */
  schemaDiagnostics: readonly OffsetDiagnostic[];
}

export type ClientRule = (ctx: ClientRuleContext) => readonly OffsetDiagnostic[];

/**
 * A client's diagnostics keyed by its source text, offsets relative to its start. A client's
 * verdict depends on its own text alone (without YAML aliases), so the next version of the
 * document reuses it for every client the edit did not touch.
 */
export type ClientResultCache = ReadonlyMap<string, readonly OffsetDiagnostic[]>;

/** One client's diagnostics (offsets in the document) and where its text is. */
export interface ClientResult {
  offset: number;
  length: number;
  diagnostics: readonly OffsetDiagnostic[];
}

export interface ClientResultReuse {
  previous?: ClientResultCache;
  /** Receives this version's results, for the version after it (see clientResultCache). */
  next: ClientResult[];
}

/**
 * The cache the next version reads. Built only when a next version asks: keying 2,000 clients
 * by their text costs milliseconds that opening a big file shouldn't pay.
 */
export function clientResultCache(text: string, results: readonly ClientResult[]): ClientResultCache {
  const cache = new Map<string, readonly OffsetDiagnostic[]>();
  for (const r of results) {
    cache.set(text.slice(r.offset, r.offset + r.length), r.diagnostics.map((d) => movedBy(d, -r.offset)));
  }
  return cache;
}

export function validateDocument(
  doc: ParsedDocument,
  options: ValidationOptions,
  lines = new LineIndex(doc.text),
  reuse?: ClientResultReuse,
): EngineDiagnostic[] {
  const found: OffsetDiagnostic[] = doc.problems.map((p) => ({ ...p }));
  if (!doc.skippedForSize) {
    const layout = clientLayout(doc);
    const aliases = new DocumentAliasBudget();
    for (const node of layout.misplaced) {
      found.push({
        offset: node.offset,
        length: node.length,
        severity: 'error',
        code: Codes.notAClient,
        message: 'Expected an OAuth2 client object here (a file holds one client, or an array of clients).',
      });
    }
    const { clients } = layout;
    for (let k = 0; k < clients.length; k++) {
      const client = clients[k];
      const { offset, length } = client;
      const reused = reuse?.previous?.get(doc.text.slice(offset, offset + length));
      const diagnostics = reused ? reused.map((d) => movedBy(d, offset)) : validateClient(client, doc, options, aliases);
      forgetNodesBuiltOnDemand(client);
      reuse?.next.push({ offset, length, diagnostics });
      append(found, diagnostics);
    }
  }
  // In reading order, as people scan a file (and the CLI prints it).
  found.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return found.map((d) => toEngineDiagnostic(d, lines));
}

/** `d` placed `delta` further on (for each reused diagnostic, on every edit). */
function movedBy(d: OffsetDiagnostic, delta: number): OffsetDiagnostic {
  return offsetDiagnostic(d.offset + delta, d.length, d.severity, d.code, d.message, d.data);
}

function validateClient(client: ClientEntry, document: ParsedDocument, options: ValidationOptions, aliases: DocumentAliasBudget): OffsetDiagnostic[] {
  let value: Record<string, unknown>;
  try {
    const known = client.value;
    value = (known && typeof known === 'object' && !Array.isArray(known) ? known : nodeValue(client.node, aliases)) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof AliasBudgetExceeded)) throw e;
    return [{
      offset: e.node.offset,
      length: e.node.length,
      severity: 'error',
      code: Codes.aliasTooLarge,
      message: 'This client expands to too many values through YAML aliases (an alias bomb?); it was not validated.',
    }];
  }
  const schemaDiagnostics = validateClientSchema(client, value, options.hydraVersion);
  const ctx: ClientRuleContext = { client, value, options, document, schemaDiagnostics };
  // A literal, not concat's result: concat gives an array whose kind depends on what it joined
  // (empty lists stay small-integer arrays), and each kind a big file meets first there threw
  // this loop's optimised code away ("wrong map").
  const out: OffsetDiagnostic[] = [];
  append(out, schemaDiagnostics);
  append(out, fieldNotes(client, value, options));
  const rules = options.rules ?? [];
  for (let k = 0; k < rules.length; k++) append(out, rules[k](ctx));
  return withoutShadowedWarnings(out);
}

// Indexed loops here and in the rules, which run for every client: the first big document runs
// them before V8 has optimised them, when each for-of step allocates an iterator result (2.4 MB
// of a 2,000-client file's garbage); and once optimised, for-of's inlined iterator was thrown away
// at each new kind of array (rules return empty literals, filter/map results, shared constants).
function append(out: OffsetDiagnostic[], found: readonly OffsetDiagnostic[]): void {
  for (let i = 0; i < found.length; i++) out.push(found[i]);
}

/**
 * A schema warning ("Hydra stores it anyway") is wrong once a rule proves Hydra rejects that very
 * value (e.g. a signing alg under private_key_jwt, a v26 URI field): keep only the error.
 */
function withoutShadowedWarnings(found: OffsetDiagnostic[]): OffsetDiagnostic[] {
  const errors = found.filter((d) => d.severity === 'error');
  if (!errors.length) return found;
  const errorSpans = new Set(errors.map((d) => `${d.offset}:${d.length}`));
  return found.filter((d) => !(d.severity === 'warning' && SCHEMA_WARNING_CODES.has(d.code) && errorSpans.has(`${d.offset}:${d.length}`)));
}

const SCHEMA_WARNING_CODES: ReadonlySet<string> = new Set([Codes.enumMismatch, Codes.formatMismatch, Codes.patternMismatch]);

/** Keys the target Hydra version doesn't know, and server-set keys that Hydra ignores on input. */
function fieldNotes(client: ClientEntry, value: Record<string, unknown>, options: ValidationOptions): OffsetDiagnostic[] {
  const out: OffsetDiagnostic[] = [];
  // The value's keys first: most clients have no such key, and then no position is looked up.
  const keys = Object.keys(value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const info = fieldInfo(key);
    if (!info) continue;
    if (!info.versions.includes(options.hydraVersion)) {
      for (const at of keysNamed(client, key)) {
        out.push(offsetDiagnostic(at.offset, at.length, 'warning', Codes.keyNotInVersion,
          `"${key}" is not known to Hydra ${options.hydraVersion} (known in ${info.versions.join(', ')}): it is ignored there.`,
          { key, versions: info.versions }));
      }
    } else if (info.readOnly) {
      for (const at of keysNamed(client, key)) {
        if (at.hasValue) out.push(offsetDiagnostic(at.offset, at.length, 'information', Codes.readOnlyField, `"${key}" is set by the server; Hydra ignores it on create and update.`, { key }));
      }
    }
  }
  return out;
}
