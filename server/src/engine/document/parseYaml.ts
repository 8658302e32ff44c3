import type { ParsedDocument } from './documentModel';
import { findDuplicateKeys } from './duplicateKeys';
import { parseYamlFast } from './parseYamlFast';
import { parseYamlTolerant } from './parseYamlTolerant';

export function parseYaml(text: string): ParsedDocument {
  const fast = parseYamlFast(text);
  if (fast) {
    const problems = fast.flatMap((d) => (d.root ? findDuplicateKeys(d.root) : []));
    return { language: 'yaml', text, documents: fast, problems };
  }
  const { documents, problems } = parseYamlTolerant(text);
  const dupes = documents.flatMap((d) => (d.root ? findDuplicateKeys(d.root) : []));
  // The library reports duplicate keys itself only when asked to; ours carry Hydra's semantics.
  return { language: 'yaml', text, documents, problems: [...problems, ...dupes] };
}
