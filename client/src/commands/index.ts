// The command table: short name → handler, registered as `oauth2Client.<name>`. Each handler is wrapped
// once: a failure shows one short message (already free of secrets) and logs it.
import * as vscode from 'vscode';
import { type ConnectionConfig, type SecretStore } from '../connections/connectionConfig';
import type { ExplorerModel } from '../explorer/explorerModel';
import { type ClientNode, type ExplorerNode, NodeType } from '../explorer/explorerNode';
import { formatOf, textToClient } from '../clientFs/clientText';
import { toClientUri } from '../clientFs/clientUri';
import { type ClientTarget, type CommandDeps, compareWithLive, copyClientId, createClient, deleteClient, exportClient, pushFile } from './clientCommands';
import { runSafe } from './runSafe';
import { pickConnection, promptNewConnection, selectActiveConnection, setCredentials } from './connectionCommands';

export interface Services extends CommandDeps {
  explorer: ExplorerModel;
  secrets: SecretStore;
}

type Handler = (...args: unknown[]) => Promise<unknown> | unknown;

const target = (n: ClientNode): ClientTarget => {
  const t: ClientTarget = { connection: n.connection, clientId: String(n.client.client_id) };
  if (typeof n.client.client_name === 'string') t.clientName = n.client.client_name;
  return t;
};
const isClientNode = (a: unknown): a is ClientNode => (a as ExplorerNode | undefined)?.nodeType === NodeType.client;
const connectionOf = (a: unknown) => (a as ExplorerNode | undefined)?.connection;

export function commandTable(s: Services): Record<string, Handler> {
  const { host, registry, explorer } = s;
  const chooseConnection = async (arg: unknown, purpose: string) => connectionOf(arg) ?? registry.activeName() ?? (await pickConnection(host, registry, purpose));
  const activeDocument = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) throw new Error('Open a client file first.');
    return doc;
  };
  return {
    addConnection: async () => {
      const entry = await promptNewConnection(host, registry.all());
      if (!entry) return;
      await updateConnections([...registry.all(), entry]);
      if (entry.auth !== 'none') await setCredentials(host, registry, s.secrets, entry.name);
    },
    editConnection: () => vscode.commands.executeCommand('workbench.action.openSettings', 'oauth2Client.connections'),
    setCredentials: async (arg: unknown) => {
      const name = await chooseConnection(arg, 'Set credentials for which connection?');
      if (name) await setCredentials(host, registry, s.secrets, name);
    },
    selectConnection: () => selectActiveConnection(host, registry),
    refreshExplorer: () => explorer.refresh(),
    retryConnection: (arg: unknown) => explorer.refresh(connectionOf(arg)),
    filterClients: async () => {
      const current = explorer.getFilter();
      const name = await host.showInputBox({ prompt: 'Show clients whose name matches (empty: any)', value: current.name ?? '' });
      if (name === undefined) return;
      const owner = await host.showInputBox({ prompt: 'Show clients of this owner (empty: any)', value: current.owner ?? '' });
      if (owner === undefined) return;
      explorer.setFilter({ name, owner });
    },
    clearFilter: () => explorer.setFilter({}),
    loadMore: (arg: unknown) => {
      const c = connectionOf(arg);
      return c ? explorer.loadMore(c) : undefined;
    },
    openClient: (arg: unknown) => {
      if (!isClientNode(arg)) return undefined;
      return host.openDocument(toClientUri({ connection: arg.connection, clientId: String(arg.client.client_id), format: s.liveFormat() }));
    },
    createClient: async (arg: unknown) => {
      const c = await chooseConnection(arg, 'Create the client on which connection?');
      if (c) await createClient(s, c);
    },
    createClientFromEditor: async () => {
      const doc = activeDocument();
      const { $schema: _s, client_id: _id, ...body } = textToClient(doc.getText(), formatOf(doc.fileName));
      void _s, void _id;
      const c = await chooseConnection(undefined, 'Create the client on which connection?');
      if (c) await createClient(s, c, body);
    },
    deleteClient: (arg: unknown) => (isClientNode(arg) ? deleteClient(s, target(arg)) : undefined),
    copyClientId: (arg: unknown) => (isClientNode(arg) ? copyClientId(host, target(arg)) : undefined),
    exportClient: async (arg: unknown) => {
      if (!isClientNode(arg)) return;
      const format = await host.showQuickPick([{ label: 'json' }, { label: 'yaml' }], { placeHolder: 'Export as' });
      if (format) await exportClient(s, target(arg), format.label as 'json' | 'yaml');
    },
    compareWithLive: async (arg: unknown) => {
      const doc = activeDocument();
      const c = await chooseConnection(arg, 'Compare with the client on which connection?');
      if (c) await compareWithLive(s, c, doc.uri, doc.getText());
    },
    pushFile: async (arg: unknown) => {
      const doc = activeDocument();
      const c = await chooseConnection(arg, 'Push the file to which connection?');
      if (!c) return;
      const result = await pushFile(s, c, doc.uri, doc.getText());
      if (result !== 'cancelled') void host.showInformationMessage(`Client ${result} on connection "${c}".`, {});
    },
  };
}

async function updateConnections(list: readonly ConnectionConfig[]): Promise<void> {
  await vscode.workspace.getConfiguration('oauth2Client').update('connections', list, vscode.ConfigurationTarget.Global);
}

export function registerCommands(s: Services): vscode.Disposable[] {
  return Object.entries(commandTable(s)).map(([name, handler]) =>
    vscode.commands.registerCommand(`oauth2Client.${name}`, (...args: unknown[]) => runSafe(s.host, name, () => handler(...args))),
  );
}
