// VS Code wiring of the server checks: when connections, the status-bar pick or
// oauth2Client.connectionForFiles change, tell the language server again; the "Refresh Server
// Configuration" command re-reads every discovery document.
import * as vscode from 'vscode';
import { SERVER_CONFIGURATIONS_NOTIFICATION } from '../../../server/src/engine/discovery/serverConfiguration';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import { ServerConfigurationSync } from './serverConfigurationSync';

export const REFRESH_SERVER_CONFIGURATION = 'oauth2Client.refreshServerConfiguration';

export function registerDiscovery(
  registry: ConnectionRegistry,
  notify: (method: string, params: unknown) => Promise<void>,
  log: vscode.LogOutputChannel,
): { push(force?: boolean): Promise<void>; disposables: vscode.Disposable[] } {
  const sync = new ServerConfigurationSync({
    connections: () => registry.all(),
    activeName: () => registry.activeName(),
    connectionForFiles: () => vscode.workspace.getConfiguration('oauth2Client').get('connectionForFiles'),
    send: (config) => notify(SERVER_CONFIGURATIONS_NOTIFICATION, config),
    log: (m) => log.info(m),
  });
  const push = (force = false) => sync.push(force).then(
    () => undefined,
    (err: unknown) => log.warn(`Sending the server configuration failed: ${err instanceof Error ? err.message : String(err)}`),
  );
  registry.onDidChange(() => void push());
  const disposables = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oauth2Client.connectionForFiles')) void push();
    }),
    vscode.commands.registerCommand(REFRESH_SERVER_CONFIGURATION, async () => {
      let config: Awaited<ReturnType<typeof sync.push>>;
      try {
        config = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading server configuration…' }, () => sync.push(true));
      } catch (err) {
        // Our own message, not VS Code's generic "command failed" (e.g. the language server is restarting).
        const message = `Reading the server configuration failed: ${err instanceof Error ? err.message : String(err)}`;
        log.error(message);
        void vscode.window.showErrorMessage(message);
        return;
      }
      if (!config.servers.length) {
        void vscode.window.showInformationMessage('No connection has a publicUrl: add one to a connection in oauth2Client.connections to check files against that server.');
        return;
      }
      const parts = config.servers.map((s) => (s.document ? `"${s.name}" read` : `"${s.name}" unreachable (${s.unreachable})`));
      void vscode.window.showInformationMessage(`Server configuration: ${parts.join(', ')}.`);
    }),
  ];
  return { push, disposables };
}
