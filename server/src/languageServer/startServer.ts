// Wires the protocol to the engine: capabilities, document sync, settings and diagnostics.
// Feature handlers stay thin; the work happens in ../engine.
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientRule } from '../engine/validation/validateDocument';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentCache } from './documentCache';
import { editingCapabilities, registerEditingHandlers } from './editingHandlers';
import { ServerConfigurationStore } from './serverConfigurationStore';
import { SettingsStore } from './settingsStore';
import { startWarmUp } from './warmUp';

export const SERVER_NAME = 'oauth2-client-language-server';
export const SERVER_VERSION = '0.1.0';

export interface ServerOptions {
  /** Runs when the start-up warm-up has finished undisturbed (the bin settles V8's heap there). */
  afterWarmUp?: () => void;
}

export function startServer(connection: Connection, rules: readonly ClientRule[] = [], options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache(rules);
  const settings = new SettingsStore(connection);
  const servers = new ServerConfigurationStore();
  const diagnostics = new DiagnosticsPublisher(connection, documents, cache, settings, servers);
  servers.listen(connection, () => diagnostics.refreshAll());

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    settings.canPull = caps.workspace?.configuration === true;
    diagnostics.usePull = caps.textDocument?.diagnostic !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...editingCapabilities,
        ...(diagnostics.usePull
          ? { diagnosticProvider: { identifier: 'oauth2-client', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  let warmUp: { stop(): void } | undefined;
  connection.onInitialized(() => {
    // After the initialize answer, so the editor isn't kept waiting.
    warmUp = startWarmUp(rules, options.afterWarmUp);
    if (settings.canPull) {
      // Ask to be told about changes; without registration some clients send nothing.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'oauth2Client' }).catch(() => undefined);
    }
  });

  // VS Code sends this twice per change (its synchronize option and our registration): coalesce.
  let refreshPending = false;
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    if (refreshPending) return;
    refreshPending = true;
    setTimeout(() => {
      refreshPending = false;
      cache.clear();
      diagnostics.refreshAll();
    }, 10);
  });

  // TextDocuments fires both events on open: validate once, at once; later edits may wait a bit.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    warmUp?.stop();
    justOpened.add(e.document.uri);
  });
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document, justOpened.delete(e.document.uri)));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    diagnostics.closed(e.document.uri);
  });

  diagnostics.register();
  registerEditingHandlers(connection, documents, cache, settings);
  documents.listen(connection);
  connection.listen();
}
