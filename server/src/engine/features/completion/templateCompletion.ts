// New-client templates as completion items, rendered in the file's language and style: a whole
// document, or an item of the top-level array (JSON `[…]`, YAML `- `).
import type { CompletionItem } from 'vscode-languageserver-types';
import { escapeSnippet, isPlainYamlSafe, yamlString } from '../format';
import { CLIENT_TEMPLATES, isPlaceholder, type ClientTemplate, type TemplateScalar, type TemplateValue } from '../templates';
import type { TemplateSlot } from './contextTypes';
import { editItem, ItemKind, spaces, type RenderContext } from './renderContext';

export function templateCompletions(slot: TemplateSlot, ctx: RenderContext): CompletionItem[] {
  return CLIENT_TEMPLATES.map((t, i) => editItem(ctx, slot, renderTemplate(t, ctx, slot.column), {
    label: t.label,
    kind: ItemKind.Snippet,
    detail: t.detail,
    documentation: { kind: 'markdown', value: t.documentation },
    sortText: `!${i}`,
    filterText: `${t.id} ${t.label}`,
  }));
}

/** The template as snippet text starting at the cursor; lines after the first are indented to `column`. */
export function renderTemplate(t: ClientTemplate, ctx: Pick<RenderContext, 'language' | 'style'>, column: number): string {
  return ctx.language === 'json' ? renderJson(t, ctx.style, column) : renderYaml(t, ctx.style, column);
}

function jsonScalar(v: TemplateScalar): string {
  if (typeof v === 'boolean') return String(v);
  if (isPlaceholder(v)) return `"\${${v.placeholder}:${escapeSnippet(JSON.stringify(v.text).slice(1, -1))}}"`;
  return escapeSnippet(JSON.stringify(v));
}

function renderJson(t: ClientTemplate, style: RenderContext['style'], column: number): string {
  const base = style.indentUnit === '\t' ? '\t'.repeat(Math.round(column / 4)) : spaces(column);
  const inner = base + style.indentUnit;
  const lines = t.fields.map(([key, value]) => {
    let v: string;
    if (Array.isArray(value)) {
      v = style.flowArrays
        ? `[${value.map(jsonScalar).join(', ')}]`
        : `[${style.eol}${value.map((x) => inner + style.indentUnit + jsonScalar(x)).join(`,${style.eol}`)}${style.eol}${inner}]`;
    } else v = jsonScalar(value as TemplateScalar);
    return `${inner}${escapeSnippet(JSON.stringify(key))}: ${v}`;
  });
  return `{${style.eol}${lines.join(`,${style.eol}`)}${style.eol}${base}}`;
}

function yamlScalar(v: TemplateScalar, quote: '' | '"' | "'"): string {
  if (typeof v === 'boolean') return String(v);
  if (isPlaceholder(v)) {
    const body = `\${${v.placeholder}:${escapeSnippet(v.text)}}`;
    if (quote === '' && isPlainYamlSafe(v.text)) return body;
    const q = quote || '"';
    return `${q}${body}${q}`;
  }
  return escapeSnippet(yamlString(v, quote));
}

function renderYaml(t: ClientTemplate, style: RenderContext['style'], column: number): string {
  const pad = spaces(column);
  const unit = style.indentUnit.length;
  const out: string[] = [];
  for (const [key, value] of t.fields as readonly (readonly [string, TemplateValue])[]) {
    if (Array.isArray(value)) {
      if (style.flowArrays) out.push(`${key}: [${value.map((x) => yamlScalar(x, style.quote)).join(', ')}]`);
      else {
        out.push(`${key}:`);
        for (const x of value) out.push(`${spaces(style.indentedSequences ? unit : 0)}- ${yamlScalar(x, style.quote)}`);
      }
    } else out.push(`${key}: ${yamlScalar(value as TemplateScalar, style.quote)}`);
  }
  return out.map((l, i) => (i === 0 ? l : pad + l)).join(style.eol);
}
