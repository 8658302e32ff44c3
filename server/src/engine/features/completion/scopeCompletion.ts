// Scope tokens inside the space-separated `scope` string: the token under the cursor is replaced,
// tokens already in the string are left out.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FieldInfo } from '../../schema/clientSchema';
import { proposedValues, valueDoc } from '../fieldDocs';
import { stringIn } from '../format';
import type { ValueSlot } from './contextTypes';
import { editItem, ItemKind, type RenderContext } from './renderContext';

/** Fields whose value is a space-separated list of tokens. */
export const TOKEN_LIST_FIELDS: ReadonlySet<string> = new Set(['scope']);

export function scopeCompletions(f: FieldInfo, slot: ValueSlot, ctx: RenderContext): CompletionItem[] {
  const values = proposedValues(f).values;
  const content = slot.stringContent;
  if (!content) {
    // No string yet: start one.
    return values.map((v, i) => editItem(ctx, slot, stringIn(ctx.language, v, slot.quote ?? ctx.style.quote), item(f, v, i)));
  }
  const text = ctx.text;
  const at = Math.min(Math.max(ctx.offset, content.start), content.end);
  let start = at;
  while (start > content.start && !/\s/.test(text[start - 1])) start--;
  let end = at;
  while (end < content.end && !/\s/.test(text[end])) end++;
  const existing = new Set(
    (text.slice(content.start, start) + ' ' + text.slice(end, content.end)).split(/\s+/).filter((t) => t !== ''),
  );
  const tokenSlot = { ...slot, replace: { start, end }, commaAfter: false, commaBefore: undefined, needsSpace: false };
  return values.filter((v) => !existing.has(v)).map((v, i) => editItem(ctx, tokenSlot, v, item(f, v, i)));
}

function item(f: FieldInfo, v: string, i: number): Omit<CompletionItem, 'textEdit'> {
  const doc = valueDoc(f, v);
  return {
    label: v,
    kind: ItemKind.Value,
    detail: `${f.name} token`,
    ...(doc ? { documentation: { kind: 'markdown', value: doc } } : {}),
    sortText: String(i).padStart(4, '0'),
    filterText: v,
  };
}
