// Markdown for a CRD spec key: the mapping line (CRD key → Hydra field), the CRD's type and closed
// set, then Hydra's own documentation of the field (from oauth2-client.schema.json) — or, for
// controller-only keys, the controller's doc from the mapping.
import { fieldInfo, type JsonSchema } from '../schema/clientSchema';
import { fieldMarkdown, valueDoc } from '../features/fieldDocs';
import { CONTROLLER_CHECKS, crdEnum, crdFields, hydraFieldAt } from './maesterMapping';

export function crdTypeLabel(s: JsonSchema | undefined): string {
  if (!s) return 'any';
  const t = Array.isArray(s.type) ? s.type.join(' or ') : s.type ?? 'any';
  if (t === 'array' && s.items) return `array of ${crdTypeLabel(s.items)}s`;
  return s.nullable === true ? `${t} (or null)` : t;
}

/** The CRD schema at a spec path (['grantTypes'], ['tokenLifespans', 'x'], ['hydraAdmin', 'url']). */
export function crdSchemaAt(path: readonly string[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = crdFields.get(path[0])?.schema;
  for (const seg of path.slice(1)) s = s?.properties?.[seg];
  return s;
}

function restrictions(s: JsonSchema): string[] {
  const out: string[] = [];
  const values = crdEnum(s);
  if (values) out.push(`The CRD allows: ${values.map((v) => `\`${v}\``).join(', ')}.`);
  const items = s.items ?? s;
  if (items.pattern) out.push(`CRD pattern: \`${items.pattern}\``);
  if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`CRD item count: ${s.minItems ?? 0}–${s.maxItems ?? '∞'}`);
  if (s.maxLength !== undefined) out.push(`CRD max length: ${s.maxLength}`);
  return out;
}

export function crdKeyMarkdown(path: readonly string[]): string | undefined {
  const top = crdFields.get(path[0]);
  const s = crdSchemaAt(path);
  if (!top || !s) return undefined;
  const label = `spec.${path.join('.')}`;
  const hydra = hydraFieldAt(path);
  const parts: string[] = [];
  if (hydra) {
    parts.push(`**${label}** · ${crdTypeLabel(s)} → Hydra \`${hydra}\`${top.join ? ' (joined with spaces: scopeArray, then scope)' : ''}`);
    if (top.deprecated && path.length === 1) parts.push(`Deprecated: ${top.deprecated}`);
    const extra = restrictions(s);
    if (hydra === 'jwks_uri') extra.push(CONTROLLER_CHECKS.jwksUriForPrivateKeyJwt);
    if (extra.length) parts.push(extra.join('  \n'));
    const f = fieldInfo(hydra);
    if (f) parts.push('---', fieldMarkdown(f));
  } else {
    parts.push(`**${label}** · ${crdTypeLabel(s)} · read by the Hydra Maester controller, never sent to Hydra`);
    const doc = path.length === 1 ? top.doc : s.description;
    if (doc) parts.push(doc);
    const extra = restrictions(s);
    if (extra.length) parts.push(extra.join('  \n'));
  }
  return parts.join('\n\n');
}

/** One line on a value: its Hydra doc, and whether the CRD allows it. */
export function crdValueLine(path: readonly string[], value: string): string {
  const s = crdSchemaAt(path);
  const allowed = crdEnum(s);
  const hydra = hydraFieldAt(path);
  const f = hydra ? fieldInfo(hydra) : undefined;
  const doc = f ? valueDoc(f, value) : undefined;
  const head = doc ? `\`${value}\` — ${doc}` : `\`${value}\``;
  if (allowed && !allowed.includes(value)) return `${head}\n\nNot allowed by the Hydra Maester CRD (${allowed.map((v) => `\`${v}\``).join(', ')}).`;
  return head;
}
