// The explorer's logic: connections → clients, page by page, with a filter and one error row per
// unreachable server. No vscode: explorerTreeProvider.ts adapts it to a TreeDataProvider.
import type { OAuth2Client } from '../adminApi/oauth2Client';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import { clientTreeItem } from './clientNode';
import { ContextValue, type ExplorerNode, type ExplorerSection, NodeType, type TreeItemData } from './explorerNode';
import { loadMoreTreeItem } from './loadMoreNode';
import { messageNode, messageTreeItem } from './messageNode';

export interface ExplorerFilter {
  name?: string;
  owner?: string;
}

interface Listing {
  clients: OAuth2Client[];
  nextPageToken?: string;
  error?: string;
}

export class ExplorerModel {
  private readonly listings = new Map<string, Promise<Listing>>();
  private filter: ExplorerFilter = {};
  private readonly listeners: ((node?: ExplorerNode) => void)[] = [];
  private readonly sections: ExplorerSection[] = [];

  constructor(
    private readonly registry: ConnectionRegistry,
    /** Page size asked of the server; undefined = the server's default. */
    private readonly pageSize?: number,
  ) {
    registry.onDidChange(() => this.refresh());
  }

  onDidChange(listener: (node?: ExplorerNode) => void): void {
    this.listeners.push(listener);
  }

  /** Adds another feature's nodes under each connection; the returned function re-renders a connection. */
  addSection(section: ExplorerSection): (connection?: string) => void {
    this.sections.push(section);
    return (connection) => {
      const node: ExplorerNode | undefined = connection === undefined ? undefined : { nodeType: NodeType.connection, connection };
      for (const l of this.listeners) l(node);
    };
  }

  getFilter(): ExplorerFilter {
    return { ...this.filter };
  }

  /** The view's description: what the filter shows. */
  describeFilter(): string | undefined {
    const parts = [];
    if (this.filter.name) parts.push(`name: ${this.filter.name}`);
    if (this.filter.owner) parts.push(`owner: ${this.filter.owner}`);
    return parts.length ? parts.join(', ') : undefined;
  }

  setFilter(filter: ExplorerFilter): void {
    this.filter = {};
    if (filter.name) this.filter.name = filter.name;
    if (filter.owner) this.filter.owner = filter.owner;
    this.refresh();
  }

  /** Forgets loaded pages (of one connection, or all) and asks the view to reload. */
  refresh(connection?: string): void {
    if (connection === undefined) this.listings.clear();
    else this.listings.delete(connection);
    const node: ExplorerNode | undefined = connection === undefined ? undefined : { nodeType: NodeType.connection, connection };
    for (const l of this.listeners) l(node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.registry.all().map((c) => ({ nodeType: NodeType.connection, connection: c.name }));
    if (node.nodeType === NodeType.section) return node.section.children(node);
    if (node.nodeType !== NodeType.connection) return [];
    const listing = await this.listing(node.connection);
    const extra = this.sections.flatMap((s) => s.roots(node.connection));
    if (listing.error !== undefined) return [messageNode(node.connection, listing.error, true), ...extra];
    const out: ExplorerNode[] = [...extra, ...listing.clients.map((client) => ({ nodeType: NodeType.client as typeof NodeType.client, connection: node.connection, client }))];
    if (out.length === extra.length) out.push(messageNode(node.connection, this.describeFilter() ? 'No clients match the filter.' : 'No clients.', false));
    if (listing.nextPageToken !== undefined) out.push({ nodeType: NodeType.loadMore, connection: node.connection });
    return out;
  }

  /** Appends the next page to a connection's clients. */
  async loadMore(connection: string): Promise<void> {
    const current = await this.listing(connection);
    if (current.nextPageToken === undefined) return;
    const next = this.fetchPage(connection, current.nextPageToken).then((page) => {
      if (page.error !== undefined) return { ...current, error: page.error };
      const seen = new Set(current.clients.map((c) => c.client_id));
      const listing: Listing = { clients: [...current.clients, ...page.clients.filter((c) => !seen.has(c.client_id))] };
      if (page.nextPageToken !== undefined) listing.nextPageToken = page.nextPageToken;
      return listing;
    });
    this.listings.set(connection, next);
    await next;
    for (const l of this.listeners) l({ nodeType: NodeType.connection, connection });
  }

  getTreeItem(node: ExplorerNode): TreeItemData {
    switch (node.nodeType) {
      case NodeType.connection: {
        const c = this.registry.get(node.connection);
        const active = this.registry.activeName() === c.name;
        return {
          label: c.name,
          id: `${c.name}/connection`,
          description: `${c.adminUrl}${c.readOnly ? ' (read-only)' : ''}${active ? ' • active' : ''}`,
          tooltip: `${c.name}: ${c.adminUrl}, auth ${c.auth}`,
          icon: c.readOnly ? 'lock-small' : 'server',
          contextValue: c.readOnly ? ContextValue.connectionReadOnly : ContextValue.connection,
          collapsible: true,
        };
      }
      case NodeType.client:
        return clientTreeItem(node, !!this.registry.get(node.connection).readOnly);
      case NodeType.message:
        return messageTreeItem(node);
      case NodeType.loadMore:
        return loadMoreTreeItem(node);
      case NodeType.section:
        return node.section.treeItem(node);
    }
  }

  private listing(connection: string): Promise<Listing> {
    let p = this.listings.get(connection);
    if (!p) {
      p = this.fetchPage(connection, undefined);
      this.listings.set(connection, p);
    }
    return p;
  }

  private async fetchPage(connection: string, pageToken: string | undefined): Promise<Listing> {
    try {
      const api = await this.registry.client(connection);
      const options: Parameters<typeof api.listPage>[0] = {};
      if (pageToken !== undefined) options.pageToken = pageToken;
      if (this.pageSize !== undefined) options.pageSize = this.pageSize;
      if (this.filter.name) options.clientName = this.filter.name;
      if (this.filter.owner) options.owner = this.filter.owner;
      const page = await api.listPage(options);
      const listing: Listing = { clients: page.clients };
      if (page.nextPageToken !== undefined) listing.nextPageToken = page.nextPageToken;
      return listing;
    } catch (err) {
      // AdminApiError messages are already free of secrets.
      return { clients: [], error: err instanceof Error ? err.message : String(err) };
    }
  }
}
