// Field and value documentation rendered from the schema (descriptions, values and their docs,
// Hydra's default, versions, spec links), shared by hover and completion. Nothing is retyped here.
import { knownValues, resolveSchema, type FieldInfo, type JsonSchema } from '../schema/clientSchema';

/** The non-null JSON types of a field, e.g. "array of strings", "string", "boolean". */
export function typeLabel(f: FieldInfo): string {
  const types = f.types.filter((t) => t !== 'null');
  const shown = types.map((t) => {
    if (t !== 'array') return t;
    const items = f.schema.items ? resolveSchema(f.schema.items) : undefined;
    const it = items?.type;
    const itemType = Array.isArray(it) ? it.filter((x) => x !== 'null')[0] : it;
    return itemType ? `array of ${itemType}s` : 'array';
  });
  const label = shown.join(' or ') || 'any';
  return f.types.includes('null') ? `${label} (or null)` : label;
}

/** The value shape a field takes, for snippets. An untyped field whose default is `{}` is an object. */
export function valueShape(f: FieldInfo): 'array' | 'object' | 'boolean' | 'number' | 'string' | 'any' {
  const t = f.types;
  if (t.includes('array')) return 'array';
  if (t.includes('object')) return 'object';
  if (t.includes('boolean')) return 'boolean';
  if (t.includes('integer') || t.includes('number')) return 'number';
  if (t.includes('string')) return 'string';
  const s = f.schema;
  const def = s.default;
  if (s.properties || (def !== null && typeof def === 'object' && !Array.isArray(def)) || /^`\{/.test(s['x-hydra-default'] ?? '')) return 'object';
  return 'any';
}

/** The values a field offers: its enum or suggestions, without the empty string (never worth proposing). */
export function proposedValues(f: FieldInfo): { values: string[]; closed: boolean } {
  const { values, closed } = knownValues(f);
  return { values: values.filter((v) => v !== ''), closed };
}

/**
 * Hydra's value when the field is absent: the schema's `default`, else the JSON in the first code
 * span of `x-hydra-default` (e.g. `["authorization_code"]`), when there is one.
 */
export function hydraDefault(f: FieldInfo): unknown {
  if (f.schema.default !== undefined) return f.schema.default;
  const m = /^`([^`]+)`/.exec(f.schema['x-hydra-default'] ?? '');
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]);
  } catch {
    return undefined;
  }
}

function valueDocs(f: FieldInfo): Record<string, string> {
  const items: JsonSchema | undefined = f.schema.items ? resolveSchema(f.schema.items) : undefined;
  return { ...(items?.['x-value-docs'] ?? {}), ...(f.schema['x-value-docs'] ?? {}) };
}

/** The documentation of one value of a field (x-value-docs), if the schema has any. */
export function valueDoc(f: FieldInfo, value: string): string | undefined {
  const docs = valueDocs(f);
  return Object.prototype.hasOwnProperty.call(docs, value) ? docs[value] : undefined;
}

export function description(f: FieldInfo): string {
  return f.schema.markdownDescription ?? f.schema.description ?? '';
}

const fullMemo = new Map<string, string>();
const shortMemo = new Map<string, string>();

/**
 * Markdown for a field: description, type, allowed or known values with their docs, Hydra's default
 * when absent, the Hydra versions that know it and the defining spec. `withValues: false` leaves
 * the value list out (completion items show it one value at a time).
 */
export function fieldMarkdown(f: FieldInfo, withValues = true): string {
  const memo = withValues ? fullMemo : shortMemo;
  let md = memo.get(f.name);
  if (md !== undefined) return md;
  const s = f.schema;
  const parts: string[] = [`**${f.name}** · ${typeLabel(f)}`];
  const desc = description(f);
  if (desc) parts.push(desc);
  if (withValues) {
    const { values, closed } = proposedValues(f);
    if (values.length) {
      const docs = valueDocs(f);
      const list = values.map((v) => (docs[v] ? `- \`${v}\` — ${docs[v]}` : `- \`${v}\``)).join('\n');
      parts.push(`${closed ? 'Allowed values' : 'Known values'}:\n\n${list}`);
    } else if (valueShape(f) === 'boolean') {
      parts.push('Allowed values: `true`, `false`');
    }
  }
  const facts: string[] = [];
  const def = s['x-hydra-default'] ?? (s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : undefined);
  if (def !== undefined) facts.push(`Default when absent: ${def}`);
  if (f.readOnly) facts.push('Set by the server: Hydra ignores it on create and update.');
  facts.push(`Hydra versions: ${f.versions.join(', ')}`);
  const spec = s['x-spec'];
  if (spec?.url) facts.push(`Spec: [${spec.title || spec.url}](${spec.url})`);
  parts.push(facts.join('  \n'));
  md = parts.join('\n\n');
  memo.set(f.name, md);
  return md;
}
