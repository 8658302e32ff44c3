// Conversion between a Hydra Maester OAuth2Client resource and a Hydra client, through the
// mapping table, with a warning for every field the target cannot express. Plain values in and
// out; the callers parse and print (YAML or JSON). Secret values never appear in a warning.
import { hydraDefault } from '../features/fieldDocs';
import { fieldInfo } from '../schema/clientSchema';
import { hydraValueOf } from './hydraView';
import { CONTROLLER_SETS, crdEnum, crdFields, crdPathOf, MAESTER_API_VERSION, MAESTER_KIND } from './maesterMapping';

export interface ConversionWarning {
  /** The field that could not be carried over (as named in the source). */
  field: string;
  message: string;
}

export interface Conversion {
  result: Record<string, unknown>;
  warnings: ConversionWarning[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function isMaesterResource(v: unknown): v is Obj {
  return isObj(v) && v.apiVersion === MAESTER_API_VERSION && v.kind === MAESTER_KIND;
}

/** CRD → the client the controller would send Hydra (owner included, as the controller sets it). */
export function crdToHydraClient(resource: Obj): Conversion {
  const warnings: ConversionWarning[] = [];
  const spec = isObj(resource.spec) ? resource.spec : {};
  const meta = isObj(resource.metadata) ? resource.metadata : {};
  const result: Obj = {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  Object.assign(result, hydraValueOf(spec));
  // What the controller sends as owner (hydra/types.go): name/namespace.
  result.owner = `${name}/${namespace}`;
  if (!namespace) warnings.push({ field: 'metadata.namespace', message: `The resource names no namespace, so the owner is not known: the controller sets it to ${name || '<name>'}/<the namespace it is applied to>. ${CONTROLLER_SETS.owner}` });
  for (const [key, v] of Object.entries(spec)) {
    const f = crdFields.get(key);
    if (!f) {
      warnings.push({ field: key, message: `spec.${key} is not a Hydra Maester field (Kubernetes drops it): not converted.` });
      continue;
    }
    if (f.controllerOnly) {
      const what = key === 'secretName'
        ? `client_id and client_secret live in the Kubernetes Secret "${String(v)}" (keys CLIENT_ID, CLIENT_SECRET), not in the resource: add client_id to the client file if it must stay the same.`
        : `spec.${key} configures the controller, not the client: Hydra has no such field.`;
      warnings.push({ field: key, message: what });
    } else if (f.flatten && isObj(v)) {
      for (const sub of Object.keys(v)) if (!(f.schema.properties ?? {})[sub]) warnings.push({ field: `${key}.${sub}`, message: `spec.${key}.${sub} is not a lifespan the CRD knows: not converted.` });
    } else if (f.flatten && v !== null && v !== undefined) {
      warnings.push({ field: key, message: `spec.${key} must be a mapping of lifespans: not converted.` });
    }
  }
  if (typeof spec.scope === 'string' && Array.isArray(spec.scopeArray)) {
    warnings.push({ field: 'scope', message: 'spec.scope (deprecated) and spec.scopeArray are both set: scope is scopeArray joined with spaces, then spec.scope — as the controller sends it.' });
  }
  return { result, warnings };
}

export interface ToCrdOptions {
  name?: string;
  namespace?: string;
  secretName?: string;
}

/** A Hydra client → a Hydra Maester resource. Whatever the CRD cannot hold is dropped, with a warning. */
export function hydraClientToCrd(client: Obj, options: ToCrdOptions = {}): Conversion {
  const warnings: ConversionWarning[] = [];
  const spec: Obj = {};
  const name = options.name ?? resourceName(client);
  const secretName = options.secretName ?? `${name}-credentials`;
  for (const [key, v] of Object.entries(client)) {
    if (v === null || v === undefined) continue;
    const path = crdPathOf(key);
    if (key === 'client_id' || key === 'client_secret') {
      warnings.push({ field: key, message: `${key} cannot be written in the resource: put it in the Kubernetes Secret "${secretName}" under ${key === 'client_id' ? 'CLIENT_ID' : 'CLIENT_SECRET'} (the controller reads it from there).` });
    } else if (key === 'owner') {
      warnings.push({ field: key, message: `owner cannot be expressed: ${CONTROLLER_SETS.owner}` });
    } else if (fieldInfo(key)?.readOnly) {
      warnings.push({ field: key, message: `${key} is set by the server: not converted.` });
    } else if (!path) {
      warnings.push({ field: key, message: `${key} cannot be expressed by Hydra Maester's CRD: it is dropped. Set it on the Hydra client another way, or leave it out.` });
    } else if (key === 'scope') {
      if (typeof v === 'string' && v.trim()) spec.scopeArray = v.trim().split(/\s+/);
    } else {
      const target = path.length === 1 ? spec : ((spec[path[0]] ??= {}) as Obj);
      target[path[path.length - 1]] = withinCrdEnum(key, path, v, warnings);
    }
  }
  if (!Array.isArray(spec.grantTypes) || !spec.grantTypes.length) {
    // Hydra's effective default, read from the schema (x-hydra-default), not retyped here.
    spec.grantTypes = hydraDefault(fieldInfo('grant_types')!);
    warnings.push({ field: 'grant_types', message: `The CRD requires grantTypes: set to ${JSON.stringify(spec.grantTypes)}, Hydra's default when grant_types is absent.` });
  }
  spec.secretName = secretName;
  const metadata: Obj = { name };
  if (options.namespace) metadata.namespace = options.namespace;
  return { result: { apiVersion: MAESTER_API_VERSION, kind: MAESTER_KIND, metadata, spec }, warnings };
}

/** Items (or a value) outside the CRD's closed set are dropped: the API server would refuse them. */
function withinCrdEnum(key: string, path: readonly string[], v: unknown, warnings: ConversionWarning[]): unknown {
  const f = crdFields.get(path[0]);
  const allowed = path.length === 1 ? crdEnum(f?.schema) : undefined;
  if (!allowed) return v;
  if (Array.isArray(v)) {
    const kept = v.filter((item) => typeof item === 'string' && allowed.includes(item));
    for (const item of v) if (!kept.includes(item)) warnings.push({ field: key, message: `${JSON.stringify(item)} in ${key} is not allowed by the CRD's ${path[0]} (${allowed.join(', ')}): dropped.` });
    return kept;
  }
  if (typeof v === 'string' && !allowed.includes(v)) warnings.push({ field: key, message: `${key} ${JSON.stringify(v)} is not allowed by the CRD's ${path[0]} (${allowed.join(', ')}): kept, but the API server will reject it.` });
  return v;
}

/** A DNS-1123 name from the client's name or id. */
function resourceName(client: Obj): string {
  const base = [client.client_name, client.client_id].find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  // Cut to 63 before trimming the ends: a cut may land on a '-' or '.', which a name cannot end with.
  const slug = (base ?? 'oauth2-client').toLowerCase().replace(/[^a-z0-9.-]+/g, '-').slice(0, 63).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return slug || 'oauth2-client';
}
