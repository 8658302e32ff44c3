// RFC 6902 JSON Patch as Hydra applies it to a client (reference §4 "PATCH"): v2 knows add,
// remove and replace only (replace of a missing key works, add creates missing parents); v1.11
// all six. "/id" is denied. Every problem is thrown (Hydra answers 500, untyped).
import type { HydraVersion } from './clientDefaults';

export class PatchError extends Error {}

interface Operation {
  op?: unknown;
  path?: unknown;
  value?: unknown;
  from?: unknown;
}

export function applyJsonPatch(doc: Record<string, unknown>, ops: unknown, version: HydraVersion): Record<string, unknown> {
  if (!Array.isArray(ops)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out: unknown = structuredClone(doc);
  for (const raw of ops as Operation[]) {
    const path = typeof raw?.path === 'string' ? raw.path : '';
    if (version === 'v26' ? path.toLowerCase() === '/id' : path === '/id') throw new PatchError('patch includes denied path: /id');
    const op = String(raw?.op);
    const allowed = version === 'v1.11' ? ['add', 'remove', 'replace', 'move', 'copy', 'test'] : ['add', 'remove', 'replace'];
    if (!allowed.includes(op)) throw new PatchError(`unsupported operation: ${op}`);
    const tokens = parsePointer(path);
    switch (op) {
      case 'add':
        out = add(out, tokens, structuredClone(raw.value), version !== 'v1.11');
        break;
      case 'remove':
        remove(out, tokens);
        break;
      case 'replace':
        if (version !== 'v1.11' && !isIndex(tokens[tokens.length - 1])) out = add(out, tokens, structuredClone(raw.value), true);
        else {
          remove(out, tokens);
          out = add(out, tokens, structuredClone(raw.value), false);
        }
        break;
      case 'move':
      case 'copy': {
        const from = parsePointer(typeof raw.from === 'string' ? raw.from : '');
        const value = structuredClone(get(out, from));
        if (op === 'move') remove(out, from);
        out = add(out, tokens, value, false);
        break;
      }
      case 'test':
        if (JSON.stringify(get(out, tokens)) !== JSON.stringify(raw.value)) throw new PatchError('testing value failed');
        break;
    }
  }
  if (out === null || typeof out !== 'object' || Array.isArray(out)) throw new PatchError('patched document is not an object');
  return out as Record<string, unknown>;
}

/**
 * v2.3 decodes the patched document into the stored client (Go's json.Unmarshal onto the existing
 * struct, seen on a real v2.3.0): a key the patch removed keeps its value, and `null` leaves
 * strings, booleans and numbers as they were (arrays, jwks, metadata and lifespans do become null).
 */
export function decodeOnto(stored: Record<string, unknown>, patched: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stored };
  for (const [k, v] of Object.entries(patched)) {
    if (v === null && ['string', 'boolean', 'number'].includes(typeof stored[k])) continue;
    out[k] = v;
  }
  return out;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid path: ${path}`);
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isIndex = (t: string | undefined): boolean => t !== undefined && (/^\d+$/.test(t) || t === '-');

function container(doc: unknown, tokens: string[], createParents: boolean): unknown {
  let node = doc;
  for (const t of tokens) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o[t] === undefined || o[t] === null) && createParents) o[t] = {};
      node = o[t];
    } else node = undefined;
    if (node === undefined) throw new PatchError(`unable to find path: /${tokens.join('/')}`);
  }
  return node;
}

function add(doc: unknown, tokens: string[], value: unknown, createParents: boolean): unknown {
  if (!tokens.length) return value;
  const parent = container(doc, tokens.slice(0, -1), createParents);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new PatchError(`index out of range: ${key}`);
    parent.splice(i, 0, value);
  } else if (parent && typeof parent === 'object') (parent as Record<string, unknown>)[key] = value;
  else throw new PatchError(`unable to add at /${tokens.join('/')}`);
  return doc;
}

function remove(doc: unknown, tokens: string[]): void {
  if (!tokens.length) throw new PatchError('cannot remove the document root');
  const parent = container(doc, tokens.slice(0, -1), false);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) throw new PatchError(`index out of range: ${key}`);
    parent.splice(i, 1);
  } else if (parent && typeof parent === 'object' && key in (parent as object)) delete (parent as Record<string, unknown>)[key];
  else throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`);
}

function get(doc: unknown, tokens: string[]): unknown {
  return container(doc, tokens, false);
}
