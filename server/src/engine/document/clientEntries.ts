// Where the clients are: a document holds one client, an array of clients (`hydra import` form),
// or, in YAML, one of those per `---` document.
import type { AstNode, ObjectNode, ParsedDocument } from './documentModel';

export interface ClientEntry {
  node: ObjectNode;
  documentIndex: number;
  /** Index within a top-level array, when the client is an array item. */
  arrayIndex?: number;
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
    if (root.type === 'object') clients.push({ node: root, documentIndex });
    else if (root.type === 'array') {
      root.items.forEach((item, arrayIndex) => {
        if (item.type === 'object') clients.push({ node: item, documentIndex, arrayIndex });
        else misplaced.push(item);
      });
    } else if (!(root.type === 'null' && root.length === 0)) misplaced.push(root);
  });
  return { clients, misplaced };
}
