// Protocol wiring for the editing features: completion, hover, outline and quick fixes. Each
// handler is thin — document, settings, cached analysis, then the engine — answers only for
// OAuth2Client files, and turns any exception into an empty answer (logged), never a crash.
import {
  CodeActionKind,
  type CodeAction,
  type CompletionList,
  type Connection,
  type DocumentSymbol,
  type Hover,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientDocument } from '../engine/clientDocument';
import type { EngineSettings } from '../engine/engineSettings';
import { provideCodeActions } from '../engine/features/codeActions';
import { provideCompletion } from '../engine/features/completion';
import { provideDocumentSymbols } from '../engine/features/documentSymbols';
import { provideHover } from '../engine/features/hover';
import { maesterCodeActions } from '../engine/maester/maesterCodeActions';
import { maesterCompletion } from '../engine/maester/maesterCompletion';
import { maesterHover } from '../engine/maester/maesterHover';
import type { DocumentCache } from './documentCache';
import type { SettingsStore } from './settingsStore';

export const editingCapabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['"', ':', ' ', '-'], resolveProvider: false },
  hoverProvider: true,
  documentSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
};

export function registerEditingHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  cache: DocumentCache,
  settings: SettingsStore,
): void {
  /** The analysed document and its settings, or undefined for unknown or non-client documents. */
  const analysed = async (uri: string): Promise<{ doc: ClientDocument; settings: EngineSettings } | undefined> => {
    const textDocument = documents.get(uri);
    if (!textDocument) return undefined;
    const s = await settings.get(uri);
    // Settings arrive asynchronously: use the document as it is now.
    const doc = cache.get(documents.get(uri) ?? textDocument, s, true);
    return doc.isClientFile || doc.isMaesterManifest ? { doc, settings: s } : undefined;
  };

  const guarded = <P, R>(name: string, empty: R, run: (params: P) => Promise<R>) => async (params: P): Promise<R> => {
    try {
      return await run(params);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return empty;
    }
  };

  connection.onCompletion(guarded('completion', null as CompletionList | null, async (params) => {
    const a = await analysed(params.textDocument.uri);
    if (a?.doc.isMaesterManifest) return maesterCompletion(a.doc, params.position);
    return a ? provideCompletion(a.doc, params.position, { hydraVersion: a.settings.hydraVersion }) : null;
  }));

  connection.onHover(guarded('hover', null as Hover | null, async (params) => {
    const a = await analysed(params.textDocument.uri);
    if (a?.doc.isMaesterManifest) return maesterHover(a.doc, params.position);
    return a ? provideHover(a.doc, params.position) : null;
  }));

  connection.onDocumentSymbol(guarded('documentSymbol', [] as DocumentSymbol[], async (params) => {
    const a = await analysed(params.textDocument.uri);
    return a ? provideDocumentSymbols(a.doc) : [];
  }));

  connection.onCodeAction(guarded('codeAction', [] as CodeAction[], async (params) => {
    const only = params.context.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === '')) return [];
    const a = await analysed(params.textDocument.uri);
    if (a?.doc.isMaesterManifest) return maesterCodeActions(a.doc, params.textDocument.uri, params.context.diagnostics);
    return a ? provideCodeActions(a.doc, params.textDocument.uri, params.context.diagnostics) : [];
  }));
}
