// The CRD's own schema for `spec` (types, enums, patterns, item counts), compiled once with ajv and
// mapped to the exact node. Kubernetes prunes unknown keys of structural schemas, so they are
// reported too — with the CRD key when a Hydra (snake_case) name was written instead.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ObjectNode } from '../document/documentModel';
import { findProperty, nodeAtPath } from '../document/nodeLookup';
import { fieldInfo, type JsonSchema } from '../schema/clientSchema';
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import { closestMatch } from '../validation/didYouMean';
import { MaesterCodes } from './maesterCodes';
import { crdFieldNames, crdFields, crdPathOf, REQUIRED_SPEC_KEYS } from './maesterMapping';

let compiled: ValidateFunction | undefined;

/** Closed objects all the way down, except the free-form ones (metadata). */
function closed(s: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...s };
  if (s.items) out.items = closed(s.items);
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, closed(v)]));
    out.additionalProperties = false;
  }
  return out;
}

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('int64', true);
    const spec: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries([...crdFields.values()].map((f) => [f.key, f.schema])),
      required: [...REQUIRED_SPEC_KEYS],
    };
    compiled = ajv.compile(closed(spec));
  }
  return compiled;
}

export function validateSpec(spec: ObjectNode, value: unknown): OffsetDiagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: OffsetDiagnostic[] = [];
  for (const e of errors) {
    if (e.keyword !== 'type' && typeErrorPaths.has(e.instancePath)) continue;
    const d = mapError(spec, e);
    if (d) out.push(d);
  }
  return out;
}

function mapError(spec: ObjectNode, e: ErrorObject): OffsetDiagnostic | undefined {
  const hit = nodeAtPath(spec, e.instancePath);
  const at = { offset: hit.node.offset, length: hit.node.length };
  const label = `spec${e.instancePath.replace(/\//g, '.')}`;
  const actual = (hit.node as { value?: unknown }).value;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const obj = hit.node.type === 'object' ? hit.node : undefined;
      const prop = obj && findProperty(obj, key);
      const keyAt = prop ? { offset: prop.keyOffset, length: prop.keyLength } : at;
      if (e.instancePath === '') return unknownSpecKey(key, keyAt);
      return { ...keyAt, severity: 'warning', code: MaesterCodes.unknownKey, message: `Unknown key "${key}" in ${label}: Kubernetes drops it.`, data: { key } };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type);
      return { ...at, severity: 'error', code: MaesterCodes.typeMismatch, message: `${label} must be ${expected === 'array' || expected === 'object' || expected === 'integer' ? 'an' : 'a'} ${expected}, not ${hit.node.type}: the Kubernetes API server rejects the resource.`, data: { expected } };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const suggestion = typeof actual === 'string' ? closestMatch(actual, allowed) : undefined;
      return {
        ...at,
        severity: 'error',
        code: MaesterCodes.enumMismatch,
        message: `${JSON.stringify(actual)} is not allowed in ${label} by the Hydra Maester CRD.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''} Allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}.`,
        data: { allowed, ...(suggestion ? { suggestion } : {}) },
      };
    }
    case 'pattern': {
      const pattern = String((e.params as { pattern: string }).pattern);
      const lifespan = /^\/tokenLifespans\//.test(e.instancePath);
      return {
        ...at,
        severity: 'error',
        code: MaesterCodes.patternMismatch,
        message: lifespan
          ? `${JSON.stringify(actual)} is not a duration the CRD accepts (${label}): a number with ns, us, ms, s, m or h, e.g. "1h" or "720h".`
          : `${JSON.stringify(actual)} does not match the CRD's pattern for ${label} (${pattern}).`,
        data: { pattern },
      };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const why = missing === 'secretName' ? ' (the Kubernetes Secret that holds CLIENT_ID and CLIENT_SECRET)' : '';
      return { ...at, severity: 'error', code: MaesterCodes.missingRequired, message: `${label} is missing "${missing}"${why}: the Kubernetes API server rejects the resource.`, data: { missing } };
    }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
      return { ...at, severity: 'error', code: MaesterCodes.invalid, message: `${label} ${e.message ?? 'is invalid'} (Hydra Maester CRD).` };
    default:
      return { ...at, severity: 'error', code: MaesterCodes.invalid, message: `${label} ${e.message ?? 'is invalid'}.` };
  }
}

/** An unknown key directly under spec: a Hydra name with a CRD spelling, a Hydra field the CRD lacks, or a typo. */
function unknownSpecKey(key: string, at: { offset: number; length: number }): OffsetDiagnostic {
  const crdPath = crdPathOf(key);
  if (crdPath) {
    const suggestion = crdPath.join('.');
    return { ...at, severity: 'warning', code: MaesterCodes.unknownKey, message: `Unknown key "${key}": Hydra Maester spells it "${suggestion}". Kubernetes drops "${key}".`, data: { key, suggestion: crdPath.length === 1 ? crdPath[0] : undefined } };
  }
  if (fieldInfo(key)) {
    return { ...at, severity: 'warning', code: MaesterCodes.notExpressible, message: `"${key}" cannot be set through Hydra Maester: its CRD has no such field, so Kubernetes drops it. Set it on the Hydra client directly, or leave it out.`, data: { key } };
  }
  const suggestion = closestMatch(key, crdFieldNames);
  return {
    ...at,
    severity: 'warning',
    code: MaesterCodes.unknownKey,
    message: `Unknown key "${key}": Kubernetes drops it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    data: suggestion ? { key, suggestion } : { key },
  };
}
