// The one document model both JSON and YAML parse into. Offsets are UTF-16 code-unit offsets into
// the original text, as in LSP, so every consumer maps ranges the same way whatever the language.
import type { ValueSpan } from './jsonOutline';

export type ScalarNode = StringNode | NumberNode | BooleanNode | NullNode;
export type AstNode = ObjectNode | ArrayNode | ScalarNode | AliasNode;

interface NodeBase {
  offset: number;
  length: number;
  parent?: ObjectNode | ArrayNode;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
}

export interface PropertyNode {
  type: 'property';
  key: string;
  keyOffset: number;
  keyLength: number;
  /** Offset just after the `:` separator, or undefined while the user is still typing the key. */
  colonOffset?: number;
  value?: AstNode;
  parent: ObjectNode;
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: AstNode[];
}

export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
  /** The quote character used in the source, or '' for a plain/block YAML scalar. */
  quote: '"' | "'" | '';
}

export interface NumberNode extends NodeBase {
  type: 'number';
  value: number;
}

export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  type: 'null';
  value: null;
}

/** A YAML alias (`*name`). Its value is the anchored node's; positions are the alias's own. */
export interface AliasNode extends NodeBase {
  type: 'alias';
  name: string;
  target?: AstNode;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found while parsing: syntax errors, duplicate keys, unsupported constructs. */
export interface ParseProblem {
  code: string;
  message: string;
  offset: number;
  length: number;
  severity: Severity;
}

/** One YAML document (`---`) or the whole JSON text. */
export interface SubDocument {
  root?: AstNode;
  offset: number;
  length: number;
  /** The plain value, when the parser built it anyway (js-yaml does): saves rebuilding it. */
  value?: unknown;
  /** Set while `root` is not built yet and can be built in parts (well-formed JSON, block-style YAML). */
  readonly nodesOnDemand?: NodesOnDemand;
}

/** Where a document's value is and, for an array, where each of its items is. */
export interface ValueOutline {
  root: ValueSpan;
  items?: ValueSpan[];
}

/** Where the top-level values are, without nodes, and how to build one value's nodes alone. */
export interface NodesOnDemand {
  /** The whole text, read by a fast parser (well-formed JSON, block-style YAML), with no key repeated. */
  readonly text: string;
  /** JSON: positions can also be read from the text itself (clientPositions.ts). */
  readonly language: DocumentLanguage;
  outline: ValueOutline;
  /** The nodes of one value of the outline, on their own (no parent): for positions only. */
  nodesAt(span: ValueSpan): AstNode;
}

export type DocumentLanguage = 'json' | 'yaml';

export interface ParsedDocument {
  language: DocumentLanguage;
  text: string;
  documents: SubDocument[];
  problems: ParseProblem[];
  /** Set when the text was too large to parse fully; the documents list is then empty. */
  skippedForSize?: boolean;
}
