// Extension entry point: builds the language client, the connections, the explorer and the commands.
import * as vscode from 'vscode';
import type { LiveFormat } from './clientFs/clientUri';
import { registerCommands } from './commands';
import { registerConvertCrdCommands } from './commands/convertCrdCommands';
import { parseConnections } from './connections/connectionConfig';
import { ConnectionRegistry } from './connections/connectionRegistry';
import { InsecureTransportGuard } from './connections/insecureTransportGuard';
import { createConnectionStatusBar } from './connections/statusBar';
import { registerDiscovery } from './discovery/registerDiscovery';
import { registerDrift } from './drift/registerDrift';
import { registerExplorer } from './explorer/registerExplorer';
import { createLanguageClient, LanguageClientHost } from './languageClient';
import { ReadonlyDocuments, createVscodeHost } from './vscodeHost';

let host: LanguageClientHost | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('OAuth2 Client Studio', { log: true });
  const clients = new LanguageClientHost(() => createLanguageClient(context, log));
  host = clients;
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('oauth2Client.restartServer', () =>
      clients.restart().then(() => pushServerConfiguration()).catch((err: unknown) => log.error('Restarting the language server failed:', err)),
    ),
  );
  const pushServerConfiguration = activateExplorer(context, log, clients);
  // Not awaited: a server that fails to start must not fail activation (the client already reports
  // the failure in the output channel and a notification, and the restart command stays usable).
  // Once it runs, it learns which Hydra server each file is checked against.
  clients.start().then(() => pushServerConfiguration(), () => undefined);
}

function activateExplorer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, clients: LanguageClientHost): () => Promise<void> {
  const readonly = new ReadonlyDocuments();
  const ui = createVscodeHost(log, readonly);
  const insecureTransport = new InsecureTransportGuard(ui);
  const registry = new ConnectionRegistry(context.secrets, undefined, (c) => insecureTransport.check(c));
  const warned = new Set<string>();
  const loadConnections = () => {
    const { connections, problems } = parseConnections(vscode.workspace.getConfiguration('oauth2Client').get('connections'));
    for (const p of problems) log.warn(p);
    if (problems.length) void ui.showWarningMessage(problems[0], {});
    for (const c of connections) {
      if (c.insecureSkipTlsVerify && !warned.has(c.name)) {
        warned.add(c.name);
        void ui.showWarningMessage(`Connection "${c.name}" skips TLS certificate verification (insecureSkipTlsVerify): anyone on the network path can read its credentials.`, {});
      }
    }
    registry.setConfigs(connections);
    void vscode.commands.executeCommand('setContext', 'oauth2Client.hasConnections', connections.length > 0);
  };
  loadConnections();
  const { explorer, disposables } = registerExplorer(registry, ui, readonly);
  const discovery = registerDiscovery(registry, (method, params) => clients.sendNotification(method, params), log);
  const liveFormat = (): LiveFormat => (vscode.workspace.getConfiguration('oauth2Client').get('liveFormat') === 'yaml' ? 'yaml' : 'json');
  context.subscriptions.push(
    ...disposables,
    createConnectionStatusBar(registry),
    ...registerCommands({ host: ui, registry, explorer, secrets: context.secrets, liveFormat, changed: (c) => explorer.refresh(c) }),
    ...registerDrift({ host: ui, registry, explorer, liveFormat }),
    ...discovery.disposables,
    ...registerConvertCrdCommands(ui),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oauth2Client.connections')) loadConnections();
    }),
  );
  return () => discovery.push();
}

export function deactivate(): Promise<void> | undefined {
  // Returned so VS Code waits for the server's shutdown/exit handshake.
  return host?.stop();
}
