// Errors and empty states are tree rows, not popups (a provider never opens dialogs).
import { ContextValue, type MessageNode, NodeType, type TreeItemData } from './explorerNode';

export function messageNode(connection: string, message: string, isError: boolean): MessageNode {
  return { nodeType: NodeType.message, connection, message, isError };
}

export function messageTreeItem(node: MessageNode): TreeItemData {
  return {
    label: node.message,
    tooltip: node.isError ? `${node.message}\nUse Retry or Edit connection.` : node.message,
    icon: node.isError ? 'error' : 'info',
    contextValue: node.isError ? ContextValue.error : ContextValue.message,
    collapsible: false,
  };
}
