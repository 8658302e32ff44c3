// A client checked against what one server's discovery document says it supports. Data-driven: each
// check names the client field, the discovery key, how values compare and the severity. Hydra
// enforces none of these at registration except the subject type (hence an error), but flows fail
// on them later (warnings).
import type { ObjectNode } from '../document/documentModel';
import { nodeAtSegments } from '../document/nodeLookup';
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import { supported, type ServerConfiguration } from './serverConfiguration';

export const DiscoveryCodes = {
  subjectType: 'server-subject-type-unsupported',
  authMethod: 'server-auth-method-unsupported',
  signingAlg: 'server-signing-alg-unsupported',
  grantType: 'server-grant-type-unsupported',
  responseType: 'server-response-type-unsupported',
  scope: 'server-scope-unlisted',
  unavailable: 'server-configuration-unavailable',
} as const;

interface Check {
  field: string;
  key: string;
  shape: 'string' | 'array' | 'scope';
  code: string;
  severity: 'error' | 'warning' | 'information';
  what: string;
  /** Hydra's behaviour when the value is not supported. */
  effect: string;
  /** Response types are sets of words: "id_token code" is "code id_token". */
  unordered?: boolean;
}

const CHECKS: readonly Check[] = [
  { field: 'subject_type', key: 'subject_types_supported', shape: 'string', code: DiscoveryCodes.subjectType, severity: 'error', what: 'subject type', effect: 'Hydra rejects the client (400).' },
  { field: 'token_endpoint_auth_method', key: 'token_endpoint_auth_methods_supported', shape: 'string', code: DiscoveryCodes.authMethod, severity: 'warning', what: 'token endpoint auth method', effect: 'token requests of this client will fail.' },
  { field: 'token_endpoint_auth_signing_alg', key: 'token_endpoint_auth_signing_alg_values_supported', shape: 'string', code: DiscoveryCodes.signingAlg, severity: 'warning', what: 'client assertion signing algorithm', effect: 'its client assertions will be refused.' },
  { field: 'id_token_signed_response_alg', key: 'id_token_signing_alg_values_supported', shape: 'string', code: DiscoveryCodes.signingAlg, severity: 'warning', what: 'ID token signing algorithm', effect: 'ID tokens are signed with what the server supports.' },
  { field: 'userinfo_signed_response_alg', key: 'userinfo_signing_alg_values_supported', shape: 'string', code: DiscoveryCodes.signingAlg, severity: 'warning', what: 'userinfo signing algorithm', effect: 'userinfo responses will not be signed this way.' },
  { field: 'request_object_signing_alg', key: 'request_object_signing_alg_values_supported', shape: 'string', code: DiscoveryCodes.signingAlg, severity: 'warning', what: 'request object signing algorithm', effect: 'its request objects will be refused.' },
  { field: 'grant_types', key: 'grant_types_supported', shape: 'array', code: DiscoveryCodes.grantType, severity: 'warning', what: 'grant type', effect: 'token requests with it will fail.' },
  { field: 'response_types', key: 'response_types_supported', shape: 'array', code: DiscoveryCodes.responseType, severity: 'warning', what: 'response type', effect: 'authorization requests with it will fail.', unordered: true },
  { field: 'scope', key: 'scopes_supported', shape: 'scope', code: DiscoveryCodes.scope, severity: 'information', what: 'scope', effect: 'Hydra still grants scopes it does not list, but no client of this server is documented to use it.' },
];

const words = (s: string) => s.trim().split(/\s+/).sort().join(' ');

function listed(check: Check, allowed: string[], value: string): boolean {
  return check.unordered ? allowed.some((a) => words(a) === words(value)) : allowed.includes(value);
}

/** Warnings for one client (its node, for ranges, and its Hydra value), naming the server. */
export function checkAgainstServer(node: ObjectNode, value: Record<string, unknown>, server: ServerConfiguration, fieldLabel: (field: string) => string = (f) => f): OffsetDiagnostic[] {
  const doc = server.document;
  if (!doc) return [];
  const out: OffsetDiagnostic[] = [];
  for (const check of CHECKS) {
    const allowed = supported(doc, check.key);
    const v = value[check.field];
    if (!allowed || v === undefined || v === null) continue;
    const report = (path: (string | number)[], item: string, offset?: number, length?: number) => {
      const n = nodeAtSegments(node, path).node;
      out.push({
        offset: offset ?? n.offset,
        length: length ?? n.length,
        severity: check.severity,
        code: check.code,
        message: `Server "${server.name}" does not list the ${check.what} "${item}" in ${check.key} ([${allowed.join(', ')}]): ${check.effect} (${fieldLabel(check.field)})`,
        data: { server: server.name, field: check.field, value: item, supported: allowed },
      });
    };
    if (check.shape === 'string' && typeof v === 'string' && v !== '' && !listed(check, allowed, v)) report([check.field], v);
    if (check.shape === 'array' && Array.isArray(v)) {
      v.forEach((item, i) => {
        if (typeof item === 'string' && !listed(check, allowed, item)) report([check.field, i], item);
      });
    }
    if (check.shape === 'scope' && typeof v === 'string') {
      const n = nodeAtSegments(node, [check.field]).node;
      for (const m of v.matchAll(/\S+/g)) {
        if (allowed.includes(m[0])) continue;
        // The token's own span when the source is the plain string, its item when it is a Maester
        // scopeArray; else the whole value.
        const src = n.type === 'string' ? scopeTokenSpan(n, m[0]) : n.type === 'array' ? n.items.find((i) => i.type === 'string' && i.value.trim() === m[0]) : undefined;
        report([check.field], m[0], src?.offset, src?.length);
      }
    }
  }
  return out;
}

function scopeTokenSpan(n: { offset: number; length: number; value: string; quote: string }, token: string): { offset: number; length: number } | undefined {
  const start = n.value.search(new RegExp(`(^|\\s)${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`));
  if (start < 0 || n.value.length + (n.quote ? 2 : 0) !== n.length) return undefined;
  const lead = /^\s/.test(n.value.slice(start)) ? 1 : 0;
  return { offset: n.offset + (n.quote ? 1 : 0) + start + lead, length: token.length };
}
