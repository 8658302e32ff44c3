// Which YAML documents are Hydra Maester OAuth2Client resources. Other Kubernetes objects in the
// same manifest (Deployments, Secrets…) are left alone.
import type { ObjectNode, ParsedDocument, PropertyNode } from '../document/documentModel';
import { findProperty } from '../document/nodeLookup';
import { MAESTER_API_VERSION, MAESTER_KIND } from './maesterMapping';

export interface MaesterResource {
  documentIndex: number;
  root: ObjectNode;
  /** The `spec` property, when present. */
  specProperty?: PropertyNode;
  /** Its value, when it is a mapping. */
  spec?: ObjectNode;
}

const GROUP = MAESTER_API_VERSION.split('/')[0];
// Cheap pre-check on the raw text, so plain Kubernetes manifests are never parsed for us.
// The key may be quoted too (flow style: {"apiVersion": "hydra.ory.sh/v1alpha1", …}).
const QUICK_API = new RegExp(`apiVersion["']?\\s*:\\s*["']?${GROUP.replace(/\./g, '\\.')}/`);
const QUICK_KIND = new RegExp(`kind["']?\\s*:\\s*["']?${MAESTER_KIND}\\b`);

/** True when the text may hold a Maester OAuth2Client (decided without parsing). */
export function mayHoldMaesterClient(text: string): boolean {
  const head = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  return QUICK_API.test(head) && QUICK_KIND.test(head);
}

function scalarString(root: ObjectNode, key: string): string | undefined {
  const v = findProperty(root, key)?.value;
  return v?.type === 'string' ? v.value : undefined;
}

export function isMaesterClientObject(root: ObjectNode): boolean {
  return scalarString(root, 'apiVersion') === MAESTER_API_VERSION && scalarString(root, 'kind') === MAESTER_KIND;
}

export function maesterResources(doc: ParsedDocument): MaesterResource[] {
  if (doc.language !== 'yaml') return [];
  const out: MaesterResource[] = [];
  doc.documents.forEach((d, documentIndex) => {
    const root = d.root;
    if (root?.type !== 'object' || !isMaesterClientObject(root)) return;
    const specProperty = findProperty(root, 'spec');
    const spec = specProperty?.value?.type === 'object' ? specProperty.value : undefined;
    out.push({ documentIndex, root, specProperty, spec });
  });
  return out;
}

/** Another apiVersion of the group with kind OAuth2Client: we only know v1alpha1. */
export function otherMaesterVersions(doc: ParsedDocument): { root: ObjectNode; apiVersion: PropertyNode }[] {
  const out: { root: ObjectNode; apiVersion: PropertyNode }[] = [];
  for (const d of doc.documents) {
    const root = d.root;
    if (root?.type !== 'object' || scalarString(root, 'kind') !== MAESTER_KIND) continue;
    const api = scalarString(root, 'apiVersion');
    const p = findProperty(root, 'apiVersion');
    if (p && api && api.startsWith(`${GROUP}/`) && api !== MAESTER_API_VERSION) out.push({ root, apiVersion: p });
  }
  return out;
}
