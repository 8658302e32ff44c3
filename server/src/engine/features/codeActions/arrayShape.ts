// type-mismatch between a string and an array: a string where an array is expected becomes a
// one-item array; an array of one item where a string is expected becomes that item.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { AstNode } from '../../document/documentModel';
import { keyColumnAt, owningProperty, type Located } from '../clientNodes';
import { action, dataOf, type FixContext } from './fixContext';
import { arrayValue, isFlow, scalarSource } from './propertyEdits';

export function arrayShapeFix(ctx: FixContext, d: Diagnostic, at: Located): CodeAction[] {
  const { expected } = dataOf(d);
  if (!Array.isArray(expected) || at.kind !== 'value') return [];
  const n = at.node;
  if (expected.includes('array') && n.type === 'string') return [wrap(ctx, d, n)].filter((a): a is CodeAction => !!a);
  const scalarTypes = expected.filter((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean');
  if (scalarTypes.length && n.type === 'array' && n.items.length === 1) {
    const item = n.items[0];
    const fits = scalarTypes.includes(item.type) || (item.type === 'number' && scalarTypes.includes('integer'));
    if (fits) return [unwrap(ctx, d, n, item)];
  }
  return [];
}

function wrap(ctx: FixContext, d: Diagnostic, n: AstNode & { type: 'string' }): CodeAction | undefined {
  const src = scalarSource(ctx, n);
  const title = `Make it an array: [${JSON.stringify(n.value)}]`;
  const parent = n.parent;
  if (ctx.language === 'json' || !parent || isFlow(ctx, parent) || src.includes('\n')) {
    return action(ctx, title, d, [{ start: n.offset, end: n.offset + n.length, newText: `[${src.includes('\n') ? JSON.stringify(n.value) : src}]` }], true);
  }
  const p = owningProperty(n);
  if (!p || p.colonOffset === undefined) {
    return action(ctx, title, d, [{ start: n.offset, end: n.offset + n.length, newText: `[${src}]` }], true);
  }
  // Block YAML: `key: value` → `key:\n  - value`, in the file's sequence style.
  const newText = arrayValue(ctx, [src], keyColumnAt(ctx.text, p.keyOffset), false);
  return action(ctx, title, d, [{ start: p.colonOffset, end: n.offset + n.length, newText }], true);
}

function unwrap(ctx: FixContext, d: Diagnostic, a: AstNode & { type: 'array' }, item: AstNode): CodeAction {
  const src = scalarSource(ctx, item);
  const title = `Use the single value ${item.type === 'string' ? JSON.stringify(item.value) : src} instead of an array`;
  const p = owningProperty(a);
  if (ctx.language === 'yaml' && !isFlow(ctx, a) && p?.colonOffset !== undefined) {
    return action(ctx, title, d, [{ start: p.colonOffset, end: a.offset + a.length, newText: ` ${src}` }], true);
  }
  return action(ctx, title, d, [{ start: a.offset, end: a.offset + a.length, newText: src }], true);
}
