// Writing values the way each language needs them: YAML scalars quoted only when they must be (or
// in the file's own quote style), JSON strings escaped, snippet text escaped.

/** Escapes literal text for an LSP snippet (`$`, `}` and `\` are special there). */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

const YAML_RESERVED = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;
const YAML_NUMBERISH = /^[-+]?(?:\.?[0-9]|\.inf$|\.nan$|0x|0o)/i;

/** True when `s` can be written as a plain YAML scalar, in block or flow context, and read back as the same string. */
export function isPlainYamlSafe(s: string): boolean {
  if (s === '' || s !== s.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/[\n\r\t,[\]{}]|: |:$| #/.test(s)) return false;
  return !YAML_RESERVED.test(s) && !YAML_NUMBERISH.test(s);
}

/** A YAML string scalar in the preferred quote style; plain only when that is safe. */
export function yamlString(s: string, quote: '' | '"' | "'"): string {
  if (quote === "'") return `'${s.replace(/'/g, "''")}'`;
  if (quote === '' && isPlainYamlSafe(s)) return s;
  return JSON.stringify(s);
}

/** A string in the document's language: JSON always double-quoted, YAML per `quote`. */
export function stringIn(language: 'json' | 'yaml', s: string, quote: '' | '"' | "'"): string {
  return language === 'json' ? JSON.stringify(s) : yamlString(s, quote);
}
