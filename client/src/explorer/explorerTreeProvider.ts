// Thin vscode adapter over ExplorerModel: turns TreeItemData into TreeItems.
import * as vscode from 'vscode';
import type { ExplorerModel } from './explorerModel';
import { type ExplorerNode, accessibleLabel } from './explorerNode';

export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly model: ExplorerModel) {
    // Nodes are rebuilt on every getChildren, so refresh the whole tree rather than a stale node object.
    model.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return this.model.getChildren(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const d = this.model.getTreeItem(node);
    const item = new vscode.TreeItem(d.label, d.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    if (d.id !== undefined) item.id = d.id;
    if (d.description !== undefined) item.description = d.description;
    if (d.tooltip !== undefined) item.tooltip = d.tooltip;
    item.accessibilityInformation = { label: accessibleLabel(d) };
    item.iconPath = new vscode.ThemeIcon(d.icon);
    item.contextValue = d.contextValue;
    if (d.command) item.command = d.command;
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
