// The OAuth2Client schema file is the single source of truth: field names, types, docs, enum
// values, suggestions, versions and defaults are all read from it here, never retyped.
import rawSchema from '../../../../schemas/oauth2-client.schema.json';

export type HydraVersion = 'v1.11' | 'v2.3' | 'v26';
export const HYDRA_VERSIONS: readonly HydraVersion[] = ['v1.11', 'v2.3', 'v26'];
export const DEFAULT_HYDRA_VERSION: HydraVersion = 'v26';

export interface JsonSchema {
  $id?: string;
  $ref?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  readOnly?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  allOf?: JsonSchema[];
  'x-hydra-versions'?: HydraVersion[];
  'x-hydra-default'?: string;
  'x-spec'?: { title: string; url: string };
  'x-completion-rank'?: number;
  'x-severity'?: 'warning' | 'error';
  'x-case-insensitive'?: boolean;
  'x-suggestions'?: string[];
  'x-value-docs'?: Record<string, string>;
  [k: string]: unknown;
}

export const schema = rawSchema as unknown as JsonSchema;
export const SCHEMA_ID = schema.$id ?? 'urn:oauth2-client-studio:oauth2-client.schema.json';
export const CLIENT_DEFINITION_REF = `${SCHEMA_ID}#/definitions/OAuth2Client`;

const clientDefinition = schema.definitions!.OAuth2Client;

/** Follows local `$ref`s and single-entry `allOf` wrappers to the schema that says what a value is. */
export function resolveSchema(s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  const merged: JsonSchema = {};
  for (let i = 0; cur && i < 10; i++) {
    for (const [k, v] of Object.entries(cur)) if (!(k in merged) && k !== '$ref' && k !== 'allOf') merged[k] = v;
    if (cur.$ref?.startsWith('#/definitions/')) cur = schema.definitions?.[cur.$ref.slice('#/definitions/'.length)];
    else if (cur.allOf?.length === 1) cur = cur.allOf[0];
    else cur = undefined;
  }
  return s ? merged : undefined;
}

export interface FieldInfo {
  name: string;
  schema: JsonSchema;
  types: string[];
  versions: HydraVersion[];
  readOnly: boolean;
  rank: number;
}

const fields: Map<string, FieldInfo> = new Map(
  Object.entries(clientDefinition.properties ?? {}).map(([name, raw]) => {
    const s = resolveSchema(raw)!;
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    return [name, {
      name,
      schema: s,
      types,
      versions: s['x-hydra-versions'] ?? [...HYDRA_VERSIONS],
      readOnly: s.readOnly === true,
      rank: s['x-completion-rank'] ?? 1000,
    }];
  }),
);

export function fieldInfo(name: string): FieldInfo | undefined {
  return fields.get(name);
}

/** Every field, common ones first. */
export const allFields: readonly FieldInfo[] = [...fields.values()].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
export const fieldNames: readonly string[] = allFields.map((f) => f.name);

/** Values a field (or its array items) may take: the closed `enum`, else the known suggestions. */
export function knownValues(field: FieldInfo): { values: string[]; closed: boolean } {
  const s = field.schema;
  const target = s.items ? resolveSchema(s.items)! : s;
  if (target.enum) return { values: target.enum.filter((v): v is string => typeof v === 'string'), closed: true };
  return { values: target['x-suggestions'] ?? s['x-suggestions'] ?? [], closed: false };
}
