// Plain JavaScript values from AST nodes, for ajv and the rules. YAML aliases are expanded under a
// budget so an alias bomb costs a bounded amount of work and memory.
import type { AstNode } from './documentModel';

export class AliasBudgetExceeded extends Error {
  constructor(readonly node: AstNode) {
    super('YAML alias expansion is too large.');
  }
}

const MAX_EXPANDED_NODES = 100_000;

/**
 * Values reached through aliases, counted over a whole document: thousands of clients can each
 * stay under their own limit while all expanding one big anchor (4 million findings from 0.1 MB).
 */
export class DocumentAliasBudget {
  left = 200_000;
}

export function nodeValue(root: AstNode, document?: DocumentAliasBudget): unknown {
  let budget = MAX_EXPANDED_NODES;
  const visit = (n: AstNode | undefined, depth: number, viaAlias = false): unknown => {
    if (!n) return null;
    if (--budget < 0 || depth > 10_000 || (viaAlias && document && --document.left < 0)) throw new AliasBudgetExceeded(n);
    switch (n.type) {
      case 'object': {
        const o: Record<string, unknown> = {};
        for (const p of n.properties) {
          if (p.key === '<<' && p.value) {
            mergeInto(o, visit(p.value, depth + 1, viaAlias));
            continue;
          }
          const v = visit(p.value, depth + 1, viaAlias);
          // defineProperty keeps `__proto__` an ordinary own key instead of changing the prototype.
          if (p.key === '__proto__') Object.defineProperty(o, p.key, { value: v, enumerable: true, writable: true, configurable: true });
          else o[p.key] = v;
        }
        return o;
      }
      case 'array':
        return n.items.map((i) => visit(i, depth + 1, viaAlias));
      case 'alias':
        return visit(n.target, depth + 1, true);
      default:
        return n.value;
    }
  };
  return guardStackDepth(root, visit);
}

/** YAML merge: keys already present win over merged ones; a list merges left to right. */
function mergeInto(target: Record<string, unknown>, merged: unknown): void {
  const sources = Array.isArray(merged) ? merged : [merged];
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    for (const [k, v] of Object.entries(src)) {
      if (!Object.prototype.hasOwnProperty.call(target, k)) {
        Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
    }
  }
}

// A pathologically deep document could still overflow the stack before the depth cap; report it
// like an oversized alias expansion instead of crashing.
function guardStackDepth(root: AstNode, visit: (n: AstNode, depth: number) => unknown): unknown {
  try {
    return visit(root, 0);
  } catch (e) {
    if (e instanceof RangeError) throw new AliasBudgetExceeded(root);
    throw e;
  }
}
