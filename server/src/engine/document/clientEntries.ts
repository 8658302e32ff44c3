// Where the clients are: a document holds one client, an array of clients (`hydra import` form),
// or, in YAML, one of those per `---` document.
import type { AstNode, ObjectNode, ParsedDocument } from './documentModel';

export interface ClientEntry {
  node: ObjectNode;
  documentIndex: number;
  /** Index within a top-level array, when the client is an array item. */
  arrayIndex?: number;
  /** The client's plain value, when the parser already built it. */
  value?: unknown;
}

export interface ClientLayout {
  clients: ClientEntry[];
  /** Values standing where a client object should be (e.g. a string item in the client array). */
  misplaced: AstNode[];
}

export function clientLayout(doc: ParsedDocument): ClientLayout {
  const clients: ClientEntry[] = [];
  const misplaced: AstNode[] = [];
  doc.documents.forEach((d, documentIndex) => {
    const root = d.root;
    if (!root) return;
    if (root.type === 'object') clients.push({ node: root, documentIndex, value: d.value });
    else if (root.type === 'array') {
      const values = Array.isArray(d.value) && d.value.length === root.items.length ? d.value : undefined;
      root.items.forEach((item, arrayIndex) => {
        if (item.type === 'object') clients.push({ node: item, documentIndex, arrayIndex, value: values?.[arrayIndex] });
        else misplaced.push(item);
      });
    } else if (!(root.type === 'null' && root.length === 0)) misplaced.push(root);
  });
  return { clients, misplaced };
}
