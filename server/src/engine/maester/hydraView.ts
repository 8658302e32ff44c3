// A Maester resource seen as the Hydra client the controller would send (hydra/types.go
// FromOAuth2Client): the value under Hydra's field names, and a stand-in object node whose
// properties carry Hydra's names but point at the CRD's own keys and values — so Hydra's rules
// and the server checks place their diagnostics on the CRD text.
import type { ObjectNode, PropertyNode } from '../document/documentModel';
import { findProperty } from '../document/nodeLookup';
import { nodeValue } from '../document/nodeValue';
import { crdFields, flattenedKeys } from './maesterMapping';
import type { MaesterResource } from './maesterResources';

export interface HydraView {
  node: ObjectNode;
  value: Record<string, unknown>;
}

/** The Hydra value of a spec's plain value (also used by conversion). */
export function hydraValueOf(spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(spec)) {
    const f = crdFields.get(key);
    if (!f || v === undefined) continue;
    if (f.flatten) {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const allowed = new Set(flattenedKeys(f));
        for (const [k, sub] of Object.entries(v)) if (allowed.has(k) && sub !== '' && sub != null) out[k] = sub;
      }
    } else if (f.hydra && !f.join) out[f.hydra] = v;
  }
  const scope = joinedScope(spec.scopeArray, spec.scope);
  if (scope !== undefined) out.scope = scope;
  return out;
}

/** strings.Trim(strings.Join(scopeArray, " ") + " " + scope, " "), as the controller does. */
function joinedScope(scopeArray: unknown, scope: unknown): unknown {
  const arr = Array.isArray(scopeArray) && scopeArray.every((s) => typeof s === 'string') ? scopeArray as string[] : undefined;
  if (!arr) return scope ?? (scopeArray === undefined ? undefined : scopeArray);
  const single = typeof scope === 'string' ? scope : '';
  return `${arr.join(' ')} ${single}`.replace(/^ +| +$/g, '');
}

export function hydraView(resource: MaesterResource): HydraView | undefined {
  const spec = resource.spec;
  if (!spec) return undefined;
  const node: ObjectNode = { type: 'object', offset: spec.offset, length: spec.length, properties: [], parent: undefined };
  const add = (p: PropertyNode, key: string) => node.properties.push({ ...p, key, parent: node });
  for (const p of spec.properties) {
    const f = crdFields.get(p.key);
    if (!f) continue;
    if (f.flatten && p.value?.type === 'object') {
      const allowed = new Set(flattenedKeys(f));
      for (const sub of p.value.properties) if (allowed.has(sub.key)) add(sub, sub.key);
    } else if (f.hydra && (f.join !== 'after' || !findProperty(spec, 'scopeArray'))) add(p, f.hydra);
  }
  return { node, value: hydraValueOf(nodeValue(spec) as Record<string, unknown>) };
}
