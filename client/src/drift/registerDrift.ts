// Wires the drift view into VS Code: the workspace's files, the "Workspace vs server" tree section,
// the CodeLens on client files, and the plan/apply/compare/push commands.
import * as vscode from 'vscode';
import { type SourceFile, clientsInText } from '../clientsAsCode/clientFiles';
import type { LiveFormat } from '../clientFs/clientUri';
import { pickConnection } from '../commands/connectionCommands';
import { runSafe } from '../commands/runSafe';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ExplorerNode, SectionNode } from '../explorer/explorerNode';
import type { Host } from '../host';
import { type EngineSettings, normalizeSettings } from '../../../server/src/engine/engineSettings';
import { LENS_COMMANDS, clientLenses } from './codeLens';
import { type DriftDeps, applyWorkspace, compareDrift, compareFileClient, planWorkspace, pushClient } from './driftCommands';
import type { OAuth2Client } from '../adminApi/oauth2Client';
import { DriftModel, type WorkspaceFiles } from './driftModel';
import { DRIFT_COMMANDS, DriftSection } from './driftTree';
import { connectionForFile } from './fileConnection';
import { readListedFiles } from './workspaceFiles';

/** Enough for real repositories of client files; beyond it the plan is partial (no only-on-server clients). */
const MAX_WORKSPACE_FILES = 5000;
const CLIENT_FILE_LANGUAGES = ['json', 'jsonc', 'yaml'];

export interface DriftServices {
  host: Host;
  registry: ConnectionRegistry;
  explorer: ExplorerModel;
  liveFormat(): LiveFormat;
}

export function registerDrift(s: DriftServices): vscode.Disposable[] {
  const settings = (): EngineSettings => {
    const c = vscode.workspace.getConfiguration('oauth2Client');
    return normalizeSettings({ files: c.get('files'), detectByContent: c.get('detectByContent'), maxFileSize: c.get('maxFileSize'), hydraVersion: c.get('hydraVersion') });
  };
  const drift = new DriftModel(s.registry, workspaceFiles(), settings);
  const rerender = s.explorer.addSection(new DriftSection(drift));
  const lensChanged = new vscode.EventEmitter<void>();
  drift.onDidChange((c) => {
    rerender(c);
    lensChanged.fire();
  });
  s.registry.onDidChange(() => drift.refresh());
  const deps: DriftDeps = { host: s.host, registry: s.registry, drift, settings, liveFormat: s.liveFormat, changed: (c) => s.explorer.refresh(c) };

  const chooseConnection = async (arg: unknown, purpose: string) =>
    (arg as ExplorerNode | undefined)?.connection ?? s.registry.activeName() ?? (await pickConnection(s.host, s.registry, purpose));
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    [DRIFT_COMMANDS.plan]: async (arg) => {
      const c = await chooseConnection(arg, 'Compare the workspace with which connection?');
      if (c) await planWorkspace(deps, c);
    },
    [DRIFT_COMMANDS.apply]: async (arg) => {
      const c = await chooseConnection(arg, 'Apply the workspace to which connection?');
      if (c) await applyWorkspace(deps, c);
    },
    [LENS_COMMANDS.refresh]: (c) => drift.refresh(typeof c === 'string' ? c : (c as ExplorerNode | undefined)?.connection),
    [DRIFT_COMMANDS.compare]: (node) => compareDrift(deps, node as SectionNode),
    [DRIFT_COMMANDS.openRefused]: (node) => compareDrift(deps, node as SectionNode),
    [LENS_COMMANDS.compare]: async (connection, uri, clientId) => compareFileClient(deps, String(connection), await sourceFile(String(uri)), String(clientId)),
    [LENS_COMMANDS.push]: async (connection, uri, clientId) => {
      await pushClient(deps, String(connection), await sourceFile(String(uri)), String(clientId));
    },
  };

  // A failed listing is remembered until the next refresh: lenses must not retry on every keystroke.
  const failures = new Map<string, Error>();
  drift.onDidChange(() => failures.clear());
  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensChanged.event,
    provideCodeLenses: async (doc) => {
      const config = vscode.workspace.getConfiguration('oauth2Client');
      if (config.get('liveStatusCodeLens') === false) return [];
      const connection = connectionForFile(doc.uri.toString(), config.get('connectionForFiles'), s.registry.all().map((c) => c.name), s.registry.activeName());
      if (!connection) return [];
      const file: SourceFile = { name: vscode.workspace.asRelativePath(doc.uri), uri: doc.uri.toString(), text: doc.getText() };
      if (!clientsInText(file, settings()).length) return [];
      let server: ReadonlyMap<string, OAuth2Client> | Error | undefined = failures.get(connection);
      if (!server) {
        try {
          server = await drift.serverClients(connection);
        } catch (err) {
          server = err instanceof Error ? err : new Error(String(err));
          failures.set(connection, server);
        }
      }
      return clientLenses(file, connection, server, settings(), drift.normaliseOptions()).map((l) => {
        const range = new vscode.Range(l.line, 0, l.line, 0);
        return new vscode.CodeLens(range, l.command ? { title: l.title, command: l.command.command, arguments: l.command.arguments, ...(l.tooltip ? { tooltip: l.tooltip } : {}) } : { title: l.title, command: '' });
      });
    },
  };

  return [
    lensChanged,
    ...Object.entries(commands).map(([name, handler]) => vscode.commands.registerCommand(name, (...args: unknown[]) => runSafe(s.host, name.replace('oauth2Client.', ''), () => handler(...args)))),
    vscode.languages.registerCodeLensProvider(CLIENT_FILE_LANGUAGES.map((language) => ({ language, scheme: 'file' })), lenses),
    // The files side of the plan changed: plan again from the cached server lists (no request).
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oauth2Client.liveStatusCodeLens') || e.affectsConfiguration('oauth2Client.connectionForFiles')) lensChanged.fire();
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (CLIENT_FILE_LANGUAGES.includes(d.languageId)) drift.refreshFiles();
    }),
  ];
}

function workspaceFiles(): WorkspaceFiles {
  return {
    list: async () => {
      // One more than the limit: telling "exactly the limit" from "cut off".
      const uris = await vscode.workspace.findFiles('**/*.{json,yaml,yml}', '**/{node_modules,.git}/**', MAX_WORKSPACE_FILES + 1);
      return readListedFiles(uris.map((u) => u.toString()), MAX_WORKSPACE_FILES, sourceFile);
    },
  };
}

/** An open editor's text (saved or not) wins over the disk. */
async function sourceFile(uri: string): Promise<SourceFile> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  const parsed = vscode.Uri.parse(uri);
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(parsed));
  return { name: vscode.workspace.asRelativePath(parsed), uri, text };
}

