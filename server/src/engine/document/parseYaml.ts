import type { ParsedDocument, SubDocument } from './documentModel';
import { findDuplicateKeys } from './duplicateKeys';
import { parseYamlBlock } from './parseYamlBlock';
import { parseYamlFast } from './parseYamlFast';
import { parseYamlTolerant } from './parseYamlTolerant';

/** Block-style YAML (what client files are), or null: safe at any depth, so no guard first. */
export function parseYamlBlockStyle(text: string): ParsedDocument | null {
  const block = parseYamlBlock(text);
  return block && withDuplicateKeys(text, block.documents, block.repeatsKey);
}

export function parseYaml(text: string): ParsedDocument {
  const fast = parseYamlFast(text);
  if (fast) return withDuplicateKeys(text, fast);
  const { documents, problems } = parseYamlTolerant(text);
  // The library reports duplicate keys itself only when asked to; ours carry Hydra's semantics.
  const parsed = withDuplicateKeys(text, documents);
  parsed.problems.unshift(...problems);
  return parsed;
}

/** `mayRepeatKeys` false: the parser saw no mapping repeat a key, so the tree needs no search. */
function withDuplicateKeys(text: string, documents: SubDocument[], mayRepeatKeys = true): ParsedDocument {
  const problems = mayRepeatKeys ? documents.flatMap((d) => (d.root ? findDuplicateKeys(d.root) : [])) : [];
  return { language: 'yaml', text, documents, problems };
}
