// Duplicate keys: Hydra (Go's encoding/json) keeps the last one, so they are warnings, placed on
// every earlier occurrence — the ones whose values are silently dropped.
import type { AstNode, ParseProblem } from './documentModel';

export function findDuplicateKeys(root: AstNode): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const work: AstNode[] = [root];
  while (work.length) {
    const n = work.pop()!;
    if (n.type === 'array') {
      for (const item of n.items) if (item.type === 'object' || item.type === 'array') work.push(item);
    } else if (n.type === 'object') {
      const props = n.properties;
      // Client objects are small: a pairwise scan beats building a Map for each of them.
      const last = props.length > 32 ? new Map(props.map((p, i) => [p.key, i] as const)) : undefined;
      for (let i = 0; i < props.length; i++) {
        const p = props[i];
        let dup = false;
        if (last) dup = last.get(p.key) !== i;
        else for (let j = i + 1; j < props.length && !dup; j++) dup = props[j].key === p.key;
        if (dup) {
          problems.push({
            code: 'duplicate-key',
            message: `Duplicate key "${p.key}": Hydra keeps only the last one.`,
            offset: p.keyOffset,
            length: p.keyLength,
            severity: 'warning',
          });
        }
        const v = p.value;
        if (v && (v.type === 'object' || v.type === 'array')) work.push(v);
      }
    }
  }
  return problems;
}
