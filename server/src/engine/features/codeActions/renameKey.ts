// unknown-key → rename the key to the suggested field (data.suggestion), keeping its quoting.
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { propertiesNamed } from '../../document/nodeLookup';
import type { Located } from '../clientNodes';
import { yamlString } from '../format';
import { action, dataOf, type FixContext } from './fixContext';

export function renameKeyFix(ctx: FixContext, d: Diagnostic, at: Located): CodeAction[] {
  const { key, suggestion } = dataOf(d);
  if (typeof suggestion !== 'string' || at.kind !== 'key') return [];
  const p = at.property;
  // A rename replaces one key token. A key over several lines (a YAML collection used as a key,
  // a key being typed joined with the line below) is no such token: replacing it would swallow
  // the lines it covers, and could leave YAML that no longer parses.
  if (/[\r\n]/.test(ctx.text.slice(p.keyOffset, p.keyOffset + p.keyLength))) return [];
  const quote = ctx.text[p.keyOffset];
  const newKey = ctx.language === 'json' ? JSON.stringify(suggestion) : quote === '"' || quote === "'" ? yamlString(suggestion, quote) : yamlString(suggestion, '');
  const clash = propertiesNamed(p.parent, suggestion).some((q) => q !== p);
  const title = `Rename "${typeof key === 'string' ? key : p.key}" to "${suggestion}"${clash ? ` (a "${suggestion}" key exists: the last one wins)` : ''}`;
  return [action(ctx, title, d, [{ start: p.keyOffset, end: p.keyOffset + p.keyLength, newText: newKey }], !clash)];
}
