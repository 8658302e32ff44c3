// The status bar item naming the active connection; click → pick another.
import * as vscode from 'vscode';
import type { ConnectionRegistry } from './connectionRegistry';

export function createConnectionStatusBar(registry: ConnectionRegistry): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('oauth2Client.connection', vscode.StatusBarAlignment.Left, 10);
  item.name = 'OAuth2 Client Connection';
  item.command = 'oauth2Client.selectConnection';
  const update = () => {
    const name = registry.activeName();
    if (!name) return item.hide();
    const c = registry.get(name);
    item.text = `$(server) ${name}${c.readOnly ? ' $(lock)' : ''}`;
    item.tooltip = `OAuth2 clients: ${c.adminUrl}${c.readOnly ? ' (read-only)' : ''}. Click to switch connection.`;
    item.show();
  };
  registry.onDidChange(update);
  update();
  return item;
}
