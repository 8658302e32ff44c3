// The "Load more…" row at the end of a connection's clients when the server has another page.
import { ContextValue, type LoadMoreNode, type TreeItemData } from './explorerNode';

export function loadMoreTreeItem(node: LoadMoreNode): TreeItemData {
  return {
    label: 'Load more…',
    icon: 'ellipsis',
    contextValue: ContextValue.loadMore,
    collapsible: false,
    command: { command: 'oauth2Client.loadMore', title: 'Load more', arguments: [node] },
  };
}
