// Where the clients are: a document holds one client, an array of clients (`hydra import` form),
// or, in YAML, one of those per `---` document.
import type { AstNode, NodesOnDemand, ObjectNode, ParsedDocument } from './documentModel';
import type { ValueSpan } from './jsonOutline';

export interface ClientEntry {
  node: ObjectNode;
  documentIndex: number;
  /** Index within a top-level array, when the client is an array item. */
  arrayIndex?: number;
  /** The client's plain value, when the parser already built it. */
  value?: unknown;
  /**
   * Set when the client is well-formed JSON without duplicate keys, starting at `offset`, and
   * reading positions from its text (clientPositions.ts) is still cheaper than building its nodes.
   */
  readonly jsonSource?: { text: string; offset: number };
}

/** A client of a parsed document: its place is known even while its nodes are not built. */
export interface LocatedClient extends ClientEntry {
  offset: number;
  length: number;
}

export interface ClientLayout {
  clients: LocatedClient[];
  /** Values standing where a client object should be (e.g. a string item in the client array). */
  misplaced: AstNode[];
}

/**
 * The clients of a document. Where the tree is not built yet (well-formed JSON, block-style YAML),
 * each client's nodes are built on their own when first read — in JSON, validation reads positions
 * from the text instead (clientPositions.ts) — and the tree stays unbuilt until an editing
 * feature asks for it.
 * `withTree`: build the tree now, for a caller that reads every client's nodes (the requests
 * that follow then find it built, instead of building each client's nodes again).
 */
export function clientLayout(doc: ParsedDocument, withTree = false): ClientLayout {
  const clients: LocatedClient[] = [];
  const misplaced: AstNode[] = [];
  doc.documents.forEach((d, documentIndex) => {
    const onDemand = withTree ? undefined : d.nodesOnDemand;
    if (onDemand) {
      layoutFromOutline(onDemand, d.value, documentIndex, clients, misplaced);
      return;
    }
    const root = d.root;
    if (!root) return;
    if (root.type === 'object') clients.push(treeClient(root, documentIndex, undefined, d.value));
    else if (root.type === 'array') {
      const values = Array.isArray(d.value) && d.value.length === root.items.length ? d.value : undefined;
      root.items.forEach((item, arrayIndex) => {
        if (item.type === 'object') clients.push(treeClient(item, documentIndex, arrayIndex, values?.[arrayIndex]));
        else misplaced.push(item);
      });
    } else if (!(root.type === 'null' && root.length === 0)) misplaced.push(root);
  });
  return { clients, misplaced };
}

function treeClient(node: ObjectNode, documentIndex: number, arrayIndex: number | undefined, value: unknown): LocatedClient {
  return { node, documentIndex, arrayIndex, value, offset: node.offset, length: node.length };
}

function layoutFromOutline(onDemand: NodesOnDemand, value: unknown, documentIndex: number, clients: LocatedClient[], misplaced: AstNode[]): void {
  const { root, items } = onDemand.outline;
  if (root.kind === 'object') clients.push(new ClientOnDemand(onDemand, root, documentIndex, undefined, value));
  else if (items) {
    const values = Array.isArray(value) && value.length === items.length ? value : undefined;
    items.forEach((item, arrayIndex) => {
      if (item.kind === 'object') clients.push(new ClientOnDemand(onDemand, item, documentIndex, arrayIndex, values?.[arrayIndex]));
      else misplaced.push(onDemand.nodesAt(item));
    });
  } else misplaced.push(onDemand.nodesAt(root));
}

/**
 * A text lookup scans the client from its start (each one costs about what building the client's
 * nodes costs); past this many in one client, its nodes are built and answer the rest, so that a
 * client with thousands of findings (20,000 unknown grant types) stays linear.
 */
const TEXT_LOOKUPS_PER_CLIENT = 16;

class ClientOnDemand implements LocatedClient {
  readonly offset: number;
  readonly length: number;
  private nodes?: ObjectNode;
  private textLookups = 0;

  constructor(
    private readonly source: NodesOnDemand,
    private readonly span: ValueSpan,
    readonly documentIndex: number,
    readonly arrayIndex: number | undefined,
    readonly value: unknown,
  ) {
    this.offset = span.offset;
    this.length = span.length;
  }

  get node(): ObjectNode {
    return (this.nodes ??= this.source.nodesAt(this.span) as ObjectNode);
  }

  /** Read once per lookup (clientPositions.ts): the text while that is cheaper, then the nodes. */
  get jsonSource(): { text: string; offset: number } | undefined {
    if (this.nodes || this.source.language !== 'json' || ++this.textLookups > TEXT_LOOKUPS_PER_CLIENT) return undefined;
    return { text: this.source.text, offset: this.offset };
  }

  forgetNodes(): void {
    this.nodes = undefined;
  }
}

/**
 * Lets go of the nodes a client built on demand, once its diagnostics are made: kept until the
 * whole document is validated, they would be copied by the young-generation GC over and over.
 */
export function forgetNodesBuiltOnDemand(client: LocatedClient): void {
  if (client instanceof ClientOnDemand) client.forgetNodes();
}
