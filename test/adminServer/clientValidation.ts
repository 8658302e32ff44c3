// Hydra's decode step and validator, through the project's own engine: the server rejects exactly
// what the linter calls a Hydra error. `judgeClient` is the one place that maps a diagnostic to
// Hydra's status and body.
import { clientLayout } from '../../server/src/engine/document/clientEntries';
import type { ParsedDocument } from '../../server/src/engine/document/documentModel';
import { nodeValue } from '../../server/src/engine/document/nodeValue';
import { parseDocument } from '../../server/src/engine/document/parseDocument';
import { fieldInfo } from '../../server/src/engine/schema/clientSchema';
import { HYDRA_RULES, RuleCodes } from '../../server/src/engine/rules';
import type { EngineDiagnostic } from '../../server/src/engine/validation/diagnostic';
import { Codes } from '../../server/src/engine/validation/diagnosticCodes';
import { validateDocument } from '../../server/src/engine/validation/validateDocument';
import type { HydraVersion, OAuth2ClientJson } from './clientDefaults';
import { parseGoDuration } from './goDuration';
import { decodeError, invalidClientMetadata, invalidRedirectUri, type HydraErrorResponse } from './hydraErrors';

export type Verdict = { ok: true } | { ok: false; kind: 'decode' | 'validation'; error: HydraErrorResponse };

/** Hydra's check order: the order of the error codes in RuleCodes (see rules/index.ts). */
const RULE_ORDER: readonly string[] = Object.values(RuleCodes);
const REDIRECT_CODES: ReadonlySet<string> = new Set([RuleCodes.redirectUriUnparsable, RuleCodes.redirectUriFragment]);
/** Hydra logs these at debug level only: the client sees the base text without a hint. */
const DEBUG_ONLY_CODES: ReadonlySet<string> = new Set([RuleCodes.sectorIdentifierUriNotHttps]);
/** Problems Go's JSON decoder hits before any validation runs. */
const DECODE_CODES: ReadonlySet<string> = new Set([Codes.syntaxError, Codes.notAClient, Codes.typeMismatch, Codes.invalidDuration, RuleCodes.jwkNotDecodable]);

/**
 * Decides what Hydra answers for a decoded JSON body (an object): decode errors first (400
 * "Unable to decode the request body: …"), then the first rule error in Hydra's check order
 * (400 invalid_client_metadata / invalid_redirect_uri with the rule's hint), then any other
 * error the engine reports (invalid_client_metadata with its message).
 */
export function judgeClient(body: unknown, hydraVersion: HydraVersion): Verdict {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, kind: 'decode', error: decodeError(`json: cannot unmarshal ${goJsonType(body)} into Go value of type client.Client`) };
  }
  // Hydra ignores keys its version does not know (no DisallowUnknownFields).
  const known = Object.fromEntries(Object.entries(body).filter(([k]) => fieldInfo(k)?.versions.includes(hydraVersion) ?? true));
  const doc = parseDocument(JSON.stringify(known), 'json');
  const diagnostics = validateDocument(doc, { hydraVersion, rules: HYDRA_RULES });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return { ok: true };

  const decode = errors.find((d) => DECODE_CODES.has(d.code) || (d.code === Codes.formatMismatch && isDateTime(d)));
  if (decode) return { ok: false, kind: 'decode', error: decodeError(goDecodeMessage(decode, body as OAuth2ClientJson, hydraVersion)) };

  // The schema layer reports some of Hydra's checks first (enums, URI formats) and the rule then
  // stays quiet; run the rules alone to get Hydra's own hint for those.
  const ruleErrors = rulesAlone(doc, hydraVersion);
  // A key set go-jose cannot decode is a decode error even when the schema layer reported it first.
  const undecodable = ruleErrors.find((d) => DECODE_CODES.has(d.code));
  if (undecodable) return { ok: false, kind: 'decode', error: decodeError(undecodable.message.replace(/^Unable to decode the request body: /, '')) };
  ruleErrors.sort((a, b) => RULE_ORDER.indexOf(a.code) - RULE_ORDER.indexOf(b.code)); // stable: reading order within a rule
  const first: { code: string; message: string } = ruleErrors[0] ?? errors[0];
  if (REDIRECT_CODES.has(first.code)) return { ok: false, kind: 'validation', error: invalidRedirectUri(first.message) };
  if (DEBUG_ONLY_CODES.has(first.code)) return { ok: false, kind: 'validation', error: invalidClientMetadata() };
  return { ok: false, kind: 'validation', error: invalidClientMetadata(first.message) };
}

/** HYDRA_RULES' errors without the schema layer's findings (so no rule defers to it). */
function rulesAlone(doc: ParsedDocument, hydraVersion: HydraVersion): { code: string; message: string }[] {
  const client = clientLayout(doc).clients[0];
  if (!client) return [];
  const value = (client.value ?? nodeValue(client.node)) as Record<string, unknown>;
  const ctx = { client, value, options: { hydraVersion, rules: HYDRA_RULES }, document: doc, schemaDiagnostics: [] };
  const out: { code: string; message: string; offset: number }[] = [];
  for (const rule of HYDRA_RULES) for (const d of rule(ctx)) if (d.severity === 'error' && RULE_ORDER.includes(d.code)) out.push(d);
  return out.sort((a, b) => a.offset - b.offset);
}

function isDateTime(d: EngineDiagnostic): boolean {
  return (d.data as { format?: string } | undefined)?.format === 'date-time';
}

/** Go's encoding/json (or time) wording for the problem, as far as the diagnostic tells. */
function goDecodeMessage(d: EngineDiagnostic, body: OAuth2ClientJson, version: HydraVersion): string {
  if (d.code === RuleCodes.jwkNotDecodable) return d.message.replace(/^Unable to decode the request body: /, '');
  const label = (d.code === Codes.typeMismatch ? /^(\S+) must be/.exec(d.message) : /\(([A-Za-z_][\w.]*)\)/.exec(d.message))?.[1] ?? '';
  const path = label.split('.');
  const field = path[0];
  const value = valueAt(body, path);
  if (d.code === Codes.invalidDuration && typeof value === 'string') {
    const parsed = parseGoDuration(value);
    return typeof parsed === 'bigint' ? `time: invalid duration ${JSON.stringify(value)}` : parsed.error;
  }
  if (d.code === Codes.formatMismatch) {
    return `parsing time ${JSON.stringify(JSON.stringify(value))} as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse ${JSON.stringify(JSON.stringify(value))} as "2006"`;
  }
  if (field.endsWith('_lifespan')) return `json: cannot unmarshal ${goJsonType(value)} into Go value of type string`;
  return `json: cannot unmarshal ${goJsonType(value)} into Go struct field Client.${label} of type ${goFieldType(field, path.length > 1, version)}`;
}

function valueAt(body: unknown, path: string[]): unknown {
  let v: unknown = body;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string, number, object
}

const ARRAY_FIELDS = new Set(['redirect_uris', 'grant_types', 'response_types', 'audience', 'allowed_cors_origins', 'contacts', 'request_uris', 'post_logout_redirect_uris']);
const BOOL_FIELDS = new Set(['frontchannel_logout_session_required', 'backchannel_logout_session_required', 'skip_consent', 'skip_logout_consent']);

function goFieldType(field: string, item: boolean, version: HydraVersion): string {
  if (ARRAY_FIELDS.has(field)) return item ? 'string' : version === 'v1.11' ? 'sqlxx.StringSlicePipeDelimiter' : 'sqlxx.StringSliceJSONFormat';
  if (BOOL_FIELDS.has(field)) return field === 'skip_logout_consent' ? 'sqlxx.NullBool' : 'bool';
  if (field === 'client_secret_expires_at') return 'int';
  if (field === 'jwks') return 'x.JoseJSONWebKeySet';
  if (field === 'created_at' || field === 'updated_at') return 'time.Time';
  return 'string';
}
