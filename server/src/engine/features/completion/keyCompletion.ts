// Client keys not yet in the object, common ones first (x-completion-rank), each inserting a value
// of the right shape in the file's language, indentation and quote style. Server-set (readOnly)
// keys and keys the configured Hydra version doesn't know are left out.
import type { CompletionItem } from 'vscode-languageserver-types';
import { allFields, type FieldInfo } from '../../schema/clientSchema';
import { fieldMarkdown, proposedValues, typeLabel, valueShape } from '../fieldDocs';
import { escapeSnippet } from '../format';
import type { KeySlot } from './contextTypes';
import { editItem, filterTextFor, ItemKind, spaces, type RenderContext } from './renderContext';

const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export function keyCompletions(slot: KeySlot, ctx: RenderContext): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const f of allFields) {
    if (f.readOnly || slot.existingKeys.has(f.name) || !f.versions.includes(ctx.hydraVersion)) continue;
    const newText = slot.hasValue ? keyOnly(f, ctx) : keyWithValue(f, slot, ctx);
    const suggestValues = !slot.hasValue && valueShape(f) !== 'boolean' && proposedValues(f).values.length > 0;
    out.push(editItem(ctx, slot, newText, {
      label: f.name,
      kind: ItemKind.Property,
      detail: typeLabel(f),
      documentation: { kind: 'markdown', value: fieldMarkdown(f, false) },
      sortText: `${String(f.rank).padStart(5, '0')}_${f.name}`,
      filterText: filterTextFor(ctx, slot.replace, f.name),
      ...(suggestValues ? { command: TRIGGER_SUGGEST } : {}),
    }));
  }
  return out;
}

function keyOnly(f: FieldInfo, ctx: RenderContext): string {
  return ctx.language === 'json' ? escapeSnippet(JSON.stringify(f.name)) : escapeSnippet(f.name);
}

function keyWithValue(f: FieldInfo, slot: KeySlot, ctx: RenderContext): string {
  const shape = valueShape(f);
  if (ctx.language === 'json') {
    const value = shape === 'array' ? '[$1]' : shape === 'object' ? '{$1}' : shape === 'boolean' ? '${1|true,false|}' : shape === 'string' ? '"$1"' : '$1';
    return `${keyOnly(f, ctx)}: ${value}`;
  }
  const { style } = ctx;
  const key = keyOnly(f, ctx);
  const unit = style.indentUnit.length;
  switch (shape) {
    case 'array':
      return style.flowArrays ? `${key}: [$1]` : `${key}:${style.eol}${spaces(slot.keyColumn + (style.indentedSequences ? unit : 0))}- $1`;
    case 'object':
      return `${key}:${style.eol}${spaces(slot.keyColumn + unit)}$1`;
    case 'boolean':
      return `${key}: \${1|true,false|}`;
    case 'string':
      return `${key}: ${style.quote}$1${style.quote}`;
    default:
      return `${key}: $1`;
  }
}
