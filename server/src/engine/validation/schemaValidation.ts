// Schema validation of one client with ajv (compiled from the schema at build time), each error
// mapped to the exact node: the value for type/enum/format/pattern errors, the key for unknown keys.
import type { ErrorObject } from 'ajv';
import validateClient from 'oauth2-client-studio:client-validator';
import { keysNamed, valueAt, type PositionSource } from '../document/clientPositions';
import { pointerSegments } from '../document/nodeLookup';
import { fieldInfo, fieldNames, type HydraVersion } from '../schema/clientSchema';
import { closestMatch } from './didYouMean';
import { Codes } from './diagnosticCodes';
import type { OffsetDiagnostic } from './offsetDiagnostic';

/** Positions come from `client` only for the errors found (its nodes may be built on first read). */
export function validateClientSchema(client: PositionSource, value: unknown, hydraVersion?: HydraVersion): OffsetDiagnostic[] {
  if (validateClient(value)) return [];
  const errors = (validateClient.errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  // A wrong type makes enum/format/pattern errors on the same value noise.
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: OffsetDiagnostic[] = [];
  for (const e of errors) {
    if (e.keyword !== 'type' && typeErrorPaths.has(e.instancePath)) continue;
    // A key the target version doesn't know is ignored by it: only its key-not-in-version warning stays.
    const field = fieldInfo(topField(e.instancePath) ?? '');
    if (hydraVersion && field && !field.versions.includes(hydraVersion)) continue;
    const d = mapError(client, e);
    if (d) out.push(d);
  }
  return out;
}

function mapError(client: PositionSource, e: ErrorObject): OffsetDiagnostic | undefined {
  const hit = valueAt(client, pointerSegments(e.instancePath));
  const field = topField(e.instancePath);
  const label = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'client';
  const at = { offset: hit.offset, length: hit.length };
  const info = field ? fieldInfo(field) : undefined;
  const softSeverity = info?.schema['x-severity'] === 'warning' ? 'warning' : 'error';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      if (e.instancePath === '' && key === '$schema') return undefined;
      if (e.instancePath !== '') return undefined; // nested objects (jwks keys…) are open in practice
      const prop = keysNamed(client, key).pop();
      const suggestion = closestMatch(key, fieldNames);
      return {
        offset: prop?.offset ?? at.offset,
        length: prop?.length ?? at.length,
        severity: 'warning',
        code: Codes.unknownKey,
        message: suggestion
          ? `Unknown key "${key}": Hydra ignores it. Did you mean "${suggestion}"?`
          : `Unknown key "${key}": Hydra ignores it.`,
        data: suggestion ? { key, suggestion } : { key },
      };
    }
    case 'type': {
      const expected = ([] as string[]).concat((e.params as { type: string | string[] }).type);
      const shown = expected.filter((t) => t !== 'null');
      const nullable = expected.includes('null');
      return {
        ...at,
        severity: 'error',
        code: Codes.typeMismatch,
        message: `${label} must be ${shown.map(article).join(' or ')}${nullable ? ' (or null)' : ''}, not ${describe(hit.type)}. Hydra rejects the whole client when its JSON doesn't decode.`,
        data: { expected: shown, actual: hit.type },
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== null && v !== '');
      const actual = hit.value;
      // Hydra lower-cases some values (access_token_strategy) before checking them.
      if (info?.schema['x-case-insensitive'] === true && typeof actual === 'string' && allowed.includes(actual.toLowerCase())) return undefined;
      const closest = typeof actual === 'string' ? closestMatch(actual, allowed.map(String)) : undefined;
      return {
        ...at,
        severity: softSeverity,
        code: Codes.enumMismatch,
        message: `${JSON.stringify(actual)} is not a valid ${label}.${closest ? ` Did you mean ${JSON.stringify(closest)}?` : ''} Allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}.`
          + (softSeverity === 'warning' ? ' Hydra stores it anyway, but it will not work.' : ''),
        data: { allowed, ...(closest ? { suggestion: closest } : {}) },
      };
    }
    case 'format': {
      const format = (e.params as { format: string }).format;
      const actual = hit.value;
      return {
        ...at,
        severity: softSeverity,
        code: Codes.formatMismatch,
        message: `${JSON.stringify(actual)} is not a valid ${formatName(format)} (${label}).`,
        data: { format },
      };
    }
    case 'pattern': {
      const actual = hit.value;
      const isDuration = field !== undefined && e.instancePath === `/${field}` && field.endsWith('_lifespan');
      return isDuration
        ? {
            ...at,
            severity: 'error',
            code: Codes.invalidDuration,
            message: `${JSON.stringify(actual)} is not a Go duration (${label}). Use a number with a unit of ns, us, ms, s, m or h, e.g. "1h", "720h" (30 days), "1h30m".`,
          }
        : { ...at, severity: softSeverity, code: Codes.patternMismatch, message: `${JSON.stringify(actual)} does not match the pattern required for ${label}.` };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { ...at, severity: 'error', code: Codes.missingRequired, message: `${label} is missing "${missing}".`, data: { missing } };
    }
    default:
      return { ...at, severity: 'error', code: Codes.schemaViolation, message: `${label} ${e.message ?? 'is invalid'}.` };
  }
}

function topField(instancePath: string): string | undefined {
  const m = /^\/([^/]+)/.exec(instancePath);
  return m?.[1];
}

function article(t: string): string {
  return t === 'array' || t === 'object' || t === 'integer' ? `an ${t}` : `a ${t}`;
}

function describe(nodeType: string): string {
  return nodeType === 'alias' ? 'an alias' : article(nodeType);
}

function formatName(f: string): string {
  return f === 'uri' ? 'absolute URI' : f === 'uri-reference' ? 'URI' : f === 'date-time' ? 'RFC 3339 date-time' : f;
}
