import type { AstNode, NodesOnDemand, ParseProblem, ParsedDocument, SubDocument, ValueOutline } from './documentModel';
import { findDuplicateKeys } from './duplicateKeys';
import type { ValueSpan } from './jsonOutline';
import { parseYamlBlock, parseYamlBlockNodesAt, parseYamlBlockValues, type OutlinedValue } from './parseYamlBlock';
import { parseYamlFast } from './parseYamlFast';
import { parseYamlTolerant } from './parseYamlTolerant';

/**
 * Block-style YAML (what client files are), or null: safe at any depth, so no guard first. As for
 * well-formed JSON, the values come first and nodes only on demand: one client's when one of its
 * diagnostics needs a position, the whole tree when an editing feature asks for it. `withTree`:
 * the tree now, in the same pass as the values (an editing feature is about to ask for it: one
 * pass costs less than values, then tree). A repeated key needs the tree at once, to place its
 * warning.
 */
export function parseYamlBlockStyle(text: string, withTree = false): ParsedDocument | null {
  if (withTree) {
    const block = parseYamlBlock(text);
    return block && withDuplicateKeys(text, block.documents, block.problems, block.repeatsKey);
  }
  const values = parseYamlBlockValues(text);
  if (!values) return null;
  if (values.repeatsKey) return withDuplicateKeys(text, parseYamlBlock(text)!.documents, values.problems);
  const tree = new LazyYamlTree(text);
  return { language: 'yaml', text, documents: values.documents.map((d, index) => new LazyYamlDocument(tree, index, d)), problems: values.problems };
}

export function parseYaml(text: string): ParsedDocument {
  const fast = parseYamlFast(text);
  if (fast) return withDuplicateKeys(text, fast);
  const { documents, problems } = parseYamlTolerant(text);
  // The library reports duplicate keys itself only when asked to; ours carry Hydra's semantics.
  return withDuplicateKeys(text, documents, problems);
}

/**
 * The parser's own problems, then the duplicate keys. `mayRepeatKeys` false: the parser saw no
 * mapping repeat a key, so the tree needs no search.
 */
function withDuplicateKeys(text: string, documents: SubDocument[], syntax: ParseProblem[] = [], mayRepeatKeys = true): ParsedDocument {
  const duplicates = mayRepeatKeys ? documents.flatMap((d) => (d.root ? findDuplicateKeys(d.root) : [])) : [];
  return { language: 'yaml', text, documents, problems: [...syntax, ...duplicates] };
}

/** The nodes of every `---` document of a text, built by one parse when the first is asked for. */
class LazyYamlTree {
  private roots: (AstNode | undefined)[] | undefined;

  constructor(readonly text: string) {}

  root(index: number): AstNode | undefined {
    this.roots ??= parseYamlBlock(this.text)!.documents.map((d) => d.root);
    return this.roots[index];
  }

  get built(): boolean {
    return this.roots !== undefined;
  }
}

class LazyYamlDocument implements SubDocument, NodesOnDemand {
  readonly language = 'yaml';
  readonly offset: number;
  readonly length: number;
  value: unknown;
  readonly outline: ValueOutline;

  constructor(
    private readonly tree: LazyYamlTree,
    private readonly index: number,
    read: OutlinedValue,
  ) {
    this.offset = read.offset;
    this.length = read.length;
    this.value = read.value;
    this.outline = read.outline;
  }

  get text(): string {
    return this.tree.text;
  }

  get root(): AstNode | undefined {
    return this.tree.root(this.index);
  }

  get nodesOnDemand(): NodesOnDemand | undefined {
    return this.tree.built ? undefined : this;
  }

  nodesAt(span: ValueSpan): AstNode {
    return parseYamlBlockNodesAt(this.tree.text, span);
  }
}
