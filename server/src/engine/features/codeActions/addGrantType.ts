// response-type-needs-grant-type → add the grant type the response type needs (data.grantType):
// appended to grant_types, or a new grant_types key holding Hydra's default plus that grant type
// (so what Hydra already allowed stays allowed).
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { findProperty } from '../../document/nodeLookup';
import { fieldInfo } from '../../schema/clientSchema';
import { hydraDefault } from '../fieldDocs';
import { clientOf, hasStringItem, keyColumnAt, type Located } from '../clientNodes';
import { action, dataOf, type FixContext } from './fixContext';
import { addArrayProperty, appendItem, arrayValue, isFlow, scalarSource, stringLike } from './propertyEdits';

export function addGrantTypeFix(ctx: FixContext, d: Diagnostic, at: Located): CodeAction[] {
  const { grantType } = dataOf(d);
  if (typeof grantType !== 'string') return [];
  const owner = at.kind === 'key' ? clientOf(at.property.parent) : clientOf(at.node);
  if (!owner) return [];
  const o = owner.client;
  const title = `Add "${grantType}" to grant_types`;
  const p = findProperty(o, 'grant_types');
  const v = p?.value;
  if (v?.type === 'array') {
    if (hasStringItem(v, grantType)) return [];
    // An empty list means Hydra's default: keep what it allowed, and add the missing one.
    const added = v.items.length ? [grantType] : [...new Set([...defaultGrantTypes(), grantType])];
    return [action(ctx, title, d, appendItem(ctx, v, added.map((g) => stringLike(ctx, g, v.items[0])).join(', ')), true)];
  }
  const values = [...new Set([...defaultGrantTypes(), grantType])];
  if (p && p.colonOffset !== undefined && (!v || v.type === 'null' || v.type === 'string')) {
    // `grant_types:` with no value (Hydra's default applies), or a lone string: make it an array.
    const existing = v?.type === 'string' ? [v.value] : defaultGrantTypes();
    const items = [...new Set([...existing, grantType])].map((g) => (v?.type === 'string' && g === v.value ? scalarSource(ctx, v) : stringLike(ctx, g, v)));
    const end = v && v.length > 0 ? v.offset + v.length : p.colonOffset;
    const newText = arrayValue(ctx, items, keyColumnAt(ctx.text, p.keyOffset), isFlow(ctx, o));
    return [action(ctx, title, d, [{ start: p.colonOffset, end, newText }], true)];
  }
  if (p) return [];
  return [action(ctx, title, d, addArrayProperty(ctx, o, 'grant_types', values.map((g) => stringLike(ctx, g))), true)];
}

/** What Hydra uses when grant_types is absent, from the schema. */
function defaultGrantTypes(): string[] {
  const f = fieldInfo('grant_types');
  const def = f ? hydraDefault(f) : undefined;
  return Array.isArray(def) ? def.filter((x): x is string => typeof x === 'string') : [];
}
