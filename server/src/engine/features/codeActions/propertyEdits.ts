// Structural edits that keep JSON and YAML valid in the file's own layout: removing a property,
// appending an array item, adding a property, writing a one-item or plain value.
import type { ArrayNode, AstNode, ObjectNode, PropertyNode } from '../../document/documentModel';
import { columnAt, keyColumnAt, lineEndAt, lineStartAt, propertyEnd } from '../clientNodes';
import { isPlainYamlSafe, yamlString } from '../format';
import type { FixContext, OffsetEdit } from './fixContext';

/** A flow collection (`{…}`, `[…]`, and everything in JSON) rather than a YAML block one. */
export function isFlow(ctx: FixContext, n: ObjectNode | ArrayNode): boolean {
  return ctx.language === 'json' || ctx.text[n.offset] === '{' || ctx.text[n.offset] === '[';
}

/** A string value written like `like` (a sibling value), or in the file's style. */
export function stringLike(ctx: FixContext, value: string, like?: AstNode): string {
  if (ctx.language === 'json') return JSON.stringify(value);
  const quote = like?.type === 'string' ? like.quote : ctx.style.quote;
  return yamlString(value, quote);
}

/** The edits removing property `p` from `o`, with its separator, leaving the rest as it was. */
export function removeProperty(ctx: FixContext, o: ObjectNode, p: PropertyNode): OffsetEdit[] {
  const text = ctx.text;
  const props = o.properties;
  const i = props.indexOf(p);
  const next = props[i + 1];
  const prev = props[i - 1];
  const end = propertyEnd(p);
  if (isFlow(ctx, o)) {
    if (next) return [{ start: p.keyOffset, end: next.keyOffset, newText: '' }];
    if (prev) return [{ start: propertyEnd(prev), end, newText: '' }];
    const close = text[o.offset + o.length - 1] === '}' ? o.offset + o.length - 1 : end;
    return [{ start: o.offset + 1, end: close, newText: '' }];
  }
  // Block YAML: the next key moves up to this one's place; the last one takes its lines with it.
  if (next) return [{ start: p.keyOffset, end: next.keyOffset, newText: '' }];
  if (prev) return [{ start: lineEndAt(text, propertyEnd(prev)), end: lineEndAt(text, end), newText: '' }];
  return [{ start: p.keyOffset, end: lineEndAt(text, end), newText: '{}' }];
}

/** Edits appending `value` (already written) to array `a`. */
export function appendItem(ctx: FixContext, a: ArrayNode, value: string): OffsetEdit[] {
  const text = ctx.text;
  const last = a.items[a.items.length - 1];
  if (isFlow(ctx, a)) {
    if (!last) {
      const close = text[a.offset + a.length - 1] === ']' ? a.offset + a.length - 1 : a.offset + 1;
      return [{ start: a.offset + 1, end: close, newText: value }];
    }
    const lastEnd = last.offset + last.length;
    const first = a.items[0];
    if (text.slice(a.offset, first.offset).includes('\n')) {
      // One item per line: the new one goes on its own line, indented like the others.
      return [{ start: lastEnd, end: lastEnd, newText: `,${ctx.style.eol}${text.slice(lineStartAt(text, last.offset), last.offset)}${value}` }];
    }
    return [{ start: lastEnd, end: lastEnd, newText: `, ${value}` }];
  }
  // Block sequence: a new `- ` line like the last item's.
  const ref = last ?? a;
  const lineStart = lineStartAt(text, ref.offset);
  const m = /^([ \t]*(?:-[ \t]+)*)-([ \t]+)$/.exec(text.slice(lineStart, ref.offset));
  const dashCol = m ? m[1].length : columnAt(text, ref.offset);
  const gap = m ? m[2] : ' ';
  const at = lineEndAt(text, ref.offset + ref.length);
  return [{ start: at, end: at, newText: `${ctx.style.eol}${' '.repeat(dashCol)}-${gap}${value}` }];
}

/** An array of already-written values, as the value of a key at column `keyColumn` (YAML block or flow). */
export function arrayValue(ctx: FixContext, values: string[], keyColumn: number, flow: boolean): string {
  if (ctx.language === 'json' || flow || ctx.style.flowArrays) return ` [${values.join(', ')}]`;
  const indent = ' '.repeat(keyColumn + (ctx.style.indentedSequences ? ctx.style.indentUnit.length : 0));
  return values.map((v) => `${ctx.style.eol}${indent}- ${v}`).join('');
}

/** Edits adding `key` with an array of `values` (already written) as the last property of `o`. */
export function addArrayProperty(ctx: FixContext, o: ObjectNode, key: string, values: string[]): OffsetEdit[] {
  const text = ctx.text;
  const last = o.properties[o.properties.length - 1];
  const keyText = ctx.language === 'json' ? JSON.stringify(key) : key;
  if (isFlow(ctx, o)) {
    const entry = `${keyText}:${arrayValue(ctx, values, 0, true)}`;
    if (!last) {
      const close = text[o.offset + o.length - 1] === '}' ? o.offset + o.length - 1 : o.offset + 1;
      return [{ start: o.offset + 1, end: close, newText: entry }];
    }
    const end = propertyEnd(last);
    if (text.slice(o.offset, last.keyOffset).includes('\n')) {
      return [{ start: end, end, newText: `,${ctx.style.eol}${text.slice(lineStartAt(text, last.keyOffset), last.keyOffset).replace(/[^\t]/g, ' ')}${entry}` }];
    }
    return [{ start: end, end, newText: `, ${entry}` }];
  }
  const keyColumn = last ? keyColumnAt(text, last.keyOffset) : columnAt(text, o.offset);
  const at = last ? lineEndAt(text, propertyEnd(last)) : lineEndAt(text, o.offset);
  return [{ start: at, end: at, newText: `${ctx.style.eol}${' '.repeat(keyColumn)}${keyText}:${arrayValue(ctx, values, keyColumn, false)}` }];
}

/** The source text of a scalar node, safe to stand alone in a flow collection. */
export function scalarSource(ctx: FixContext, n: AstNode): string {
  const src = ctx.text.slice(n.offset, n.offset + n.length);
  if (ctx.language === 'json' || n.type !== 'string' || n.quote !== '') return src;
  return isPlainYamlSafe(n.value) ? src : JSON.stringify(n.value);
}
