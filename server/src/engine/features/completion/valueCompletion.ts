// Values for the field under the cursor: its closed set (enum), its known values (x-suggestions)
// or true/false — for a scalar, for an array item (leaving out items already there), or as a whole
// one-item array right after the key.
import type { CompletionItem } from 'vscode-languageserver-types';
import { fieldInfo } from '../../schema/clientSchema';
import { proposedValues, valueDoc, valueShape } from '../fieldDocs';
import { escapeSnippet, stringIn } from '../format';
import type { ValueSlot } from './contextTypes';
import { editItem, filterTextFor, ItemKind, spaces, type RenderContext } from './renderContext';
import { scopeCompletions, TOKEN_LIST_FIELDS } from './scopeCompletion';

export function valueCompletions(slot: ValueSlot, ctx: RenderContext): CompletionItem[] {
  const f = fieldInfo(slot.field);
  if (!f) return [];
  const shape = valueShape(f);
  if (TOKEN_LIST_FIELDS.has(f.name) && !slot.item && shape === 'string') return scopeCompletions(f, slot, ctx);
  if (shape === 'boolean' && !slot.item) {
    return ['true', 'false'].map((v, i) => editItem(ctx, slot, v, {
      label: v,
      kind: ItemKind.Keyword,
      detail: `${f.name}`,
      sortText: String(i),
      filterText: v,
    }));
  }
  if (shape === 'object' || shape === 'any') return [];
  const { values, closed } = proposedValues(f);
  const wholeArray = shape === 'array' && !slot.item;
  const out: CompletionItem[] = [];
  values.forEach((v, i) => {
    if (slot.item && slot.existingItems.has(v)) return;
    const doc = valueDoc(f, v);
    out.push(editItem(ctx, slot, escapeSnippet(wholeArray ? arrayText(v, slot, ctx) : scalarText(v, slot, ctx)), {
      label: v,
      kind: closed ? ItemKind.EnumMember : ItemKind.Value,
      detail: `${f.name}${slot.item || wholeArray ? ' item' : ''}`,
      ...(doc ? { documentation: { kind: 'markdown', value: `\`${v}\` — ${doc}` } } : {}),
      sortText: String(i).padStart(4, '0'),
      filterText: filterTextFor(ctx, slot.replace, v),
    }));
  });
  return out;
}

function quoteFor(slot: ValueSlot, ctx: RenderContext): '' | '"' | "'" {
  return slot.quote ?? ctx.style.quote;
}

function scalarText(v: string, slot: ValueSlot, ctx: RenderContext): string {
  return stringIn(ctx.language, v, quoteFor(slot, ctx));
}

/** A one-item array holding `v`, written right after `key:`. */
function arrayText(v: string, slot: ValueSlot, ctx: RenderContext): string {
  const item = scalarText(v, slot, ctx);
  if (ctx.language === 'json' || ctx.style.flowArrays) return `[${item}]`;
  const { style } = ctx;
  return `${style.eol}${spaces(slot.keyColumn + (style.indentedSequences ? style.indentUnit.length : 0))}- ${item}`;
}
