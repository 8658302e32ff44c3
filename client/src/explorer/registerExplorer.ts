// Wires the explorer view, the oauth2-client:// file system and the read-only diff documents.
import * as vscode from 'vscode';
import { ClientFsCore } from '../clientFs/clientFileSystemProvider';
import { CLIENT_SCHEME, READONLY_SCHEME } from '../clientFs/clientUri';
import { VSCODE_FS_ERRORS, VscodeClientFileSystem } from '../clientFs/vscodeClientFileSystem';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { Host } from '../host';
import type { ReadonlyDocuments } from '../vscodeHost';
import { ExplorerModel } from './explorerModel';
import { VIEW_ID } from './explorerNode';
import { ExplorerTreeProvider } from './explorerTreeProvider';

export function registerExplorer(registry: ConnectionRegistry, host: Host, readonly: ReadonlyDocuments): { explorer: ExplorerModel; disposables: vscode.Disposable[] } {
  const explorer = new ExplorerModel(registry);
  const provider = new ExplorerTreeProvider(explorer);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  explorer.onDidChange(() => (view.description = explorer.describeFilter()));
  const fs = new VscodeClientFileSystem();
  fs.core = new ClientFsCore(registry, host, VSCODE_FS_ERRORS, (uri, ref) => {
    fs.fired(uri as vscode.Uri);
    explorer.refresh(ref.connection);
  });
  return {
    explorer,
    disposables: [
      provider,
      view,
      fs.emitter,
      vscode.workspace.registerFileSystemProvider(CLIENT_SCHEME, fs, { isCaseSensitive: true }),
      vscode.workspace.registerTextDocumentContentProvider(READONLY_SCHEME, readonly),
    ],
  };
}
