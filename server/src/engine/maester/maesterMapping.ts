// The Hydra Maester OAuth2Client mapping, read from schemas/hydra-maester-oauth2client.mapping.json:
// CRD spec key ↔ Hydra field, the CRD's own types/enums/patterns, and the controller-only keys.
// Validation, completion, hover and conversion all read this one table.
import rawMapping from '../../../../schemas/hydra-maester-oauth2client.mapping.json';
import { fieldInfo, type JsonSchema } from '../schema/clientSchema';

export interface CrdField {
  /** The key under `spec`. */
  key: string;
  /** The Hydra field it becomes (undefined: the controller reads it itself). */
  hydra?: string;
  /** The CRD's schema for the value (type, items, enum, pattern, bounds). */
  schema: JsonSchema;
  controllerOnly: boolean;
  /** Docs for what Hydra's schema cannot document: controller-only keys. */
  doc?: string;
  deprecated?: string;
  /** scope/scopeArray: both feed Hydra's space-separated `scope`, scopeArray first. */
  join?: 'before' | 'after';
  /** tokenLifespans: an object whose keys are Hydra's own lifespan fields. */
  flatten: boolean;
}

interface RawField {
  hydra?: string;
  schema: JsonSchema;
  controllerOnly?: boolean;
  doc?: string;
  deprecated?: string;
  join?: 'before' | 'after';
  flatten?: boolean;
}

interface RawMapping {
  apiVersion: string;
  kind: string;
  required: string[];
  fields: Record<string, RawField>;
  controllerSets: Record<string, string>;
  controllerChecks: Record<string, string>;
}

const mapping = rawMapping as unknown as RawMapping;

export const MAESTER_API_VERSION = mapping.apiVersion;
export const MAESTER_KIND = mapping.kind;
export const REQUIRED_SPEC_KEYS: readonly string[] = mapping.required;
/** Hydra fields the controller fills in itself (client_id, client_secret from the Secret; owner). */
export const CONTROLLER_SETS: Readonly<Record<string, string>> = mapping.controllerSets;
export const CONTROLLER_CHECKS: Readonly<Record<string, string>> = mapping.controllerChecks;

export const crdFields: ReadonlyMap<string, CrdField> = new Map(
  Object.entries(mapping.fields).map(([key, f]) => [key, {
    key,
    hydra: f.hydra,
    schema: f.schema,
    controllerOnly: f.controllerOnly === true,
    doc: f.doc,
    deprecated: f.deprecated,
    join: f.join,
    flatten: f.flatten === true,
  }]),
);

export const crdFieldNames: readonly string[] = [...crdFields.keys()];

/** The keys of a flattened object (tokenLifespans), each one a Hydra field of the same name. */
export function flattenedKeys(f: CrdField): string[] {
  return f.flatten ? Object.keys(f.schema.properties ?? {}) : [];
}

/** Hydra field → the CRD path that expresses it (e.g. jwks_uri → ['jwksUri']), if any. */
const crdPathByHydra = new Map<string, string[]>();
for (const f of crdFields.values()) {
  if (f.hydra && !crdPathByHydra.has(f.hydra) && f.join !== 'after') crdPathByHydra.set(f.hydra, [f.key]);
  for (const k of flattenedKeys(f)) crdPathByHydra.set(k, [f.key, k]);
}

export function crdPathOf(hydraField: string): readonly string[] | undefined {
  return crdPathByHydra.get(hydraField);
}

/** The Hydra field a CRD path documents: a mapped spec key or a flattened sub-key. */
export function hydraFieldAt(path: readonly string[]): string | undefined {
  const f = crdFields.get(path[0]);
  if (!f) return undefined;
  if (path.length === 1) return f.hydra;
  if (path.length === 2 && f.flatten && flattenedKeys(f).includes(path[1]) && fieldInfo(path[1])) return path[1];
  return undefined;
}

/** The CRD's closed set for a key (or its items), e.g. grantTypes' four grant types. */
export function crdEnum(schema: JsonSchema | undefined): string[] | undefined {
  if (!schema) return undefined;
  const target = schema.items ?? schema;
  return target.enum?.filter((v): v is string => typeof v === 'string');
}
