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
import { warmUpSchemaValidation } from '../engine/validation/schemaValidation';
import type { ClientRule } from '../engine/validation/validateDocument';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentCache } from './documentCache';
import { SettingsStore } from './settingsStore';

export const SERVER_NAME = 'oauth2-client-language-server';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection, rules: readonly ClientRule[] = []): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache(rules);
  const settings = new SettingsStore(connection);
  const diagnostics = new DiagnosticsPublisher(connection, documents, cache, settings);

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    settings.canPull = caps.workspace?.configuration === true;
    diagnostics.usePull = caps.textDocument?.diagnostic !== undefined;
    warmUpSchemaValidation();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(diagnostics.usePull
          ? { diagnosticProvider: { identifier: 'oauth2-client', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (settings.canPull) {
      // Ask to be told about changes; without registration some clients send nothing.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'oauth2Client' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    cache.clear();
    diagnostics.refreshAll();
  });

  documents.onDidOpen((e) => diagnostics.schedule(e.document, true));
  documents.onDidChangeContent((e) => diagnostics.schedule(e.document, false));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    diagnostics.closed(e.document.uri);
  });

  diagnostics.register();
  documents.listen(connection);
  connection.listen();
}
