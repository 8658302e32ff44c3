// Explorer node types, ids and contextValues: the one place that names them (package.json menus match
// these contextValues with `viewItem =~`).
import type { OAuth2Client } from '../adminApi/oauth2Client';

export const VIEW_CONTAINER_ID = 'oauth2Clients';
export const VIEW_ID = 'oauth2Client.explorer';

export const NodeType = {
  connection: 'connection',
  client: 'client',
  message: 'message',
  loadMore: 'loadMore',
  section: 'section',
} as const;

export const ContextValue = {
  connection: 'oauth2Client.connection',
  connectionReadOnly: 'oauth2Client.connection.readOnly',
  client: 'oauth2Client.client',
  clientReadOnly: 'oauth2Client.client.readOnly',
  error: 'oauth2Client.error',
  message: 'oauth2Client.message',
  loadMore: 'oauth2Client.loadMore',
  /** The drift view (client/src/drift/): its root and rows. */
  drift: 'oauth2Client.drift',
  driftClient: 'oauth2Client.drift.client',
} as const;

export interface ConnectionNode {
  nodeType: typeof NodeType.connection;
  connection: string;
}
export interface ClientNode {
  nodeType: typeof NodeType.client;
  connection: string;
  client: OAuth2Client;
}
export interface MessageNode {
  nodeType: typeof NodeType.message;
  connection: string;
  message: string;
  isError: boolean;
}
export interface LoadMoreNode {
  nodeType: typeof NodeType.loadMore;
  connection: string;
}
/** A node another feature adds under each connection (the drift view), rendered by that feature. */
export interface SectionNode {
  nodeType: typeof NodeType.section;
  connection: string;
  section: ExplorerSection;
  data?: unknown;
}
export interface ExplorerSection {
  /** Nodes listed first under a connection. */
  roots(connection: string): SectionNode[];
  children(node: SectionNode): Promise<ExplorerNode[]>;
  treeItem(node: SectionNode): TreeItemData;
}
export type ExplorerNode = ConnectionNode | ClientNode | MessageNode | LoadMoreNode | SectionNode;

/** A vscode.TreeItem described as data, so nodes are testable without vscode. */
export interface TreeItemData {
  label: string;
  id?: string;
  description?: string;
  tooltip?: string;
  /** ThemeIcon id. */
  icon: string;
  contextValue: string;
  collapsible: boolean;
  command?: { command: string; title: string; arguments: unknown[] };
}

/**
 * What a screen reader announces for a row: its label and description. Without it, VS Code reads a
 * row's tooltip instead, so a client row would be announced as "Grant types: …" without its name.
 */
export function accessibleLabel(d: TreeItemData): string {
  return d.description ? `${d.label}, ${d.description}` : d.label;
}
