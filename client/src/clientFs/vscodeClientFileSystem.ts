// The vscode.FileSystemProvider for oauth2-client://, delegating to ClientFsCore. Directories and
// renames make no sense for live clients, so those refuse.
import * as vscode from 'vscode';
import type { ClientFsCore } from './clientFileSystemProvider';

export const VSCODE_FS_ERRORS = {
  fileNotFound: (m: string) => vscode.FileSystemError.FileNotFound(m),
  noPermissions: (m: string) => vscode.FileSystemError.NoPermissions(m),
  unavailable: (m: string) => vscode.FileSystemError.Unavailable(m),
};

export class VscodeClientFileSystem implements vscode.FileSystemProvider {
  readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  core: ClientFsCore | undefined;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return this.get().stat(uri);
  }
  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.get().readFile(uri);
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    return this.get().writeFile(uri, content);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Live clients have no folders.');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete live clients with "Delete Client" in the OAuth2 Clients view.');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('A client id cannot be renamed.');
  }
  fired(uri: vscode.Uri): void {
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  private get(): ClientFsCore {
    if (!this.core) throw vscode.FileSystemError.Unavailable('OAuth2 client file system is not ready.');
    return this.core;
  }
}
