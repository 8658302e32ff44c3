// enum-mismatch → replace the value with the closest allowed one (data.suggestion), keeping quoting.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Located } from '../clientNodes';
import { yamlString } from '../format';
import { action, dataOf, type FixContext } from './fixContext';

export function replaceEnumValueFix(ctx: FixContext, d: Diagnostic, at: Located): CodeAction[] {
  const { suggestion } = dataOf(d);
  if (typeof suggestion !== 'string' || at.kind !== 'value') return [];
  const n = at.node;
  if (n.type === 'object' || n.type === 'array') return [];
  const newText = ctx.language === 'json' ? JSON.stringify(suggestion) : yamlString(suggestion, n.type === 'string' ? n.quote : '');
  return [action(ctx, `Change to "${suggestion}"`, d, [{ start: n.offset, end: n.offset + n.length, newText }], true)];
}
