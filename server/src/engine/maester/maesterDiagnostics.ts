// Diagnostics for the Hydra Maester OAuth2Client resources of a YAML manifest: the CRD's own schema
// on `spec`, then Hydra's schema and rules applied through the mapping, placed on the CRD's keys
// and worded with the CRD's names. Other Kubernetes objects in the manifest get nothing.
import type { ObjectNode, ParsedDocument } from '../document/documentModel';
import { findProperty } from '../document/nodeLookup';
import { AliasBudgetExceeded, nodeValue } from '../document/nodeValue';
import { firstReached } from '../document/sortedSearch';
import type { LineIndex } from '../document/lineIndex';
import { fieldInfo, type HydraVersion } from '../schema/clientSchema';
import { toEngineDiagnostic, type EngineDiagnostic } from '../validation/diagnostic';
import { Codes } from '../validation/diagnosticCodes';
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import { validateClientSchema } from '../validation/schemaValidation';
import type { ClientRule, ClientRuleContext } from '../validation/validateDocument';
import { hydraView } from './hydraView';
import { MaesterCodes } from './maesterCodes';
import { crdFields, crdPathOf, MAESTER_API_VERSION } from './maesterMapping';
import { maesterResources, otherMaesterVersions, type MaesterResource } from './maesterResources';
import { validateSpec } from './maesterSchema';

export interface MaesterOptions {
  hydraVersion: HydraVersion;
  rules: readonly ClientRule[];
  supportedSubjectTypes?: readonly string[];
}

// Hydra schema findings the CRD layer already covers in its own terms.
const COVERED_BY_CRD: ReadonlySet<string> = new Set([Codes.typeMismatch, Codes.unknownKey, Codes.missingRequired]);

export function maesterDiagnostics(parsed: ParsedDocument, options: MaesterOptions, lines: LineIndex): EngineDiagnostic[] {
  const found: OffsetDiagnostic[] = [];
  const resources = maesterResources(parsed);
  // Syntax problems inside our resources only: the manifest's other objects are not ours to judge.
  // Sorted once and searched per resource: thousands of resources × thousands of problems otherwise.
  const problems = [...parsed.problems].sort((a, b) => a.offset - b.offset);
  for (const r of resources) {
    const d = parsed.documents[r.documentIndex];
    for (let i = firstReached(problems.length, (k) => problems[k].offset >= d.offset); i < problems.length && problems[i].offset <= d.offset + d.length; i++) found.push({ ...problems[i] });
  }
  for (const r of resources) found.push(...resourceDiagnostics(r, parsed, options));
  for (const { apiVersion } of otherMaesterVersions(parsed)) {
    found.push({ offset: apiVersion.keyOffset, length: apiVersion.keyLength, severity: 'warning', code: MaesterCodes.unknownVersion, message: `Only ${MAESTER_API_VERSION} of Hydra Maester's OAuth2Client is known here: this resource is not checked.` });
  }
  found.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return found.map((d) => toEngineDiagnostic(d, lines));
}

export function resourceDiagnostics(r: MaesterResource, parsed: ParsedDocument, options: MaesterOptions): OffsetDiagnostic[] {
  const out: OffsetDiagnostic[] = [];
  const kind = findProperty(r.root, 'kind')!;
  const name = metadataName(r);
  if (!name) out.push({ offset: kind.keyOffset, length: kind.keyLength, severity: 'error', code: MaesterCodes.missingName, message: 'This OAuth2Client has no metadata.name: Kubernetes rejects it (and the controller derives the Hydra owner from it).' });
  if (!r.spec) {
    const at = r.specProperty?.value ?? undefined;
    out.push(at
      ? { offset: at.offset, length: at.length, severity: 'error', code: MaesterCodes.typeMismatch, message: 'spec must be a mapping of the OAuth2Client fields.' }
      : { offset: kind.keyOffset, length: kind.keyLength, severity: 'error', code: MaesterCodes.missingSpec, message: 'This OAuth2Client has no spec: the controller needs at least grantTypes and secretName.' });
    return out;
  }
  let view;
  try {
    view = hydraView(r);
  } catch (e) {
    if (!(e instanceof AliasBudgetExceeded)) throw e;
    return [...out, { offset: e.node.offset, length: e.node.length, severity: 'error', code: MaesterCodes.tooLarge, message: 'This spec expands to too many values through YAML aliases; it was not validated.' }];
  }
  if (!view) return out;
  // hydraView already proved that the spec expands within the alias budget.
  const crd = validateSpec(r.spec, nodeValue(r.spec));
  out.push(...crd);
  const scope = findProperty(r.spec, 'scope');
  const deprecated = crdFields.get('scope')?.deprecated;
  if (scope && deprecated) out.push({ offset: scope.keyOffset, length: scope.keyLength, severity: 'information', code: MaesterCodes.deprecatedKey, message: `spec.scope is deprecated. ${deprecated}`, data: { key: 'scope', suggestion: 'scopeArray' } });

  const crdSpans = new Set(crd.map((d) => `${d.offset}:${d.length}`));
  const hydraSchema = validateClientSchema(view, view.value, options.hydraVersion)
    .filter((d) => !COVERED_BY_CRD.has(d.code) && !crdSpans.has(`${d.offset}:${d.length}`));
  const ctx: ClientRuleContext = {
    client: { node: view.node, documentIndex: r.documentIndex },
    value: view.value,
    options: { hydraVersion: options.hydraVersion, supportedSubjectTypes: options.supportedSubjectTypes, documentFacts: {} },
    document: parsed,
    schemaDiagnostics: [...hydraSchema, ...crd],
  };
  const ruled: OffsetDiagnostic[] = [...hydraSchema, ...versionNotes(view.node, options.hydraVersion)];
  // A token the CRD already rejects never reaches Hydra: its rules' findings there are noise.
  for (const rule of options.rules) for (const d of rule(ctx)) if (!crdSpans.has(`${d.offset}:${d.length}`)) ruled.push(d);
  for (const d of ruled) out.push({ ...d, message: inCrdTerms(d.message) });
  return out;
}

/** Fields the target Hydra version does not know: the controller sends them, that Hydra ignores them. */
function versionNotes(node: ObjectNode, version: HydraVersion): OffsetDiagnostic[] {
  const out: OffsetDiagnostic[] = [];
  for (const p of node.properties) {
    const info = fieldInfo(p.key);
    if (!info || info.versions.includes(version)) continue;
    out.push({ offset: p.keyOffset, length: p.keyLength, severity: 'warning', code: Codes.keyNotInVersion, message: `"${p.key}" is not known to Hydra ${version} (known in ${info.versions.join(', ')}): it is ignored there.`, data: { key: p.key, versions: info.versions } });
  }
  return out;
}

function metadataName(r: MaesterResource): string | undefined {
  const m = findProperty(r.root, 'metadata')?.value;
  const n = m?.type === 'object' ? findProperty(m, 'name')?.value : undefined;
  return n?.type === 'string' && n.value ? n.value : undefined;
}

// Hydra's messages name Hydra's fields; here the user wrote the CRD's names.
const RENAMES: [RegExp, string][] = [...crdFields.values()]
  .filter((f) => f.hydra && f.hydra.includes('_') && crdPathOf(f.hydra)?.length === 1)
  .map((f) => [new RegExp(`\\b${f.hydra}\\b`, 'g'), crdPathOf(f.hydra!)![0]]);

export function inCrdTerms(message: string): string {
  let m = message;
  for (const [re, name] of RENAMES) m = m.replace(re, name);
  return m;
}
