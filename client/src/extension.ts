// Extension entry point: builds the language client, registers commands, nothing else.
import * as vscode from 'vscode';
import { createLanguageClient, LanguageClientHost } from './languageClient';

let host: LanguageClientHost | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('OAuth2 Client Studio', { log: true });
  const clients = new LanguageClientHost(() => createLanguageClient(context, log));
  host = clients;
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('oauth2Client.restartServer', () =>
      clients.restart().catch((err: unknown) => log.error('Restarting the language server failed:', err)),
    ),
  );
  // Not awaited: a server that fails to start must not fail activation (the client already reports
  // the failure in the output channel and a notification, and the restart command stays usable).
  clients.start().catch(() => undefined);
}

export function deactivate(): Promise<void> | undefined {
  // Returned so VS Code waits for the server's shutdown/exit handshake.
  return host?.stop();
}
