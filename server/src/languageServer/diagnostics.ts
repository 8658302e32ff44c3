// Diagnostics, pushed or pulled (whichever the client prefers, never both), and never for a
// version that has since been superseded.
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../engine/document/documentModel';
import { languageOf, parseDocumentAhead } from '../engine/clientDocument';
import { withServerDiagnostics } from '../engine/discovery/serverDiagnostics';
import { DIAGNOSTIC_SOURCE, type EngineDiagnostic } from '../engine/validation/diagnostic';
import { prefetchDocumentFacts } from '../host/documentFacts';
import type { DocumentCache } from './documentCache';
import type { ServerConfigurationStore } from './serverConfigurationStore';
import type { SettingsStore } from './settingsStore';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: EngineDiagnostic): Diagnostic {
  return { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message, data: d.data };
}

// Large documents are re-validated after a short pause while typing; small ones at once, since a
// one-client file validates in about a millisecond.
const LARGE_DOCUMENT = 200_000;
const LARGE_DOCUMENT_DELAY_MS = 60;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  usePull = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: DocumentCache,
    private readonly settings: SettingsStore,
    /** The Hydra server each document is checked against (engine/discovery), when the client says. */
    private readonly servers?: ServerConfigurationStore,
  ) {}

  register(): void {
    this.connection.languages.diagnostics.on(async (params) => {
      const doc = this.documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: await this.compute(doc) };
    });
  }

  /** Push mode only: validate now (on open) or soon (on change). */
  schedule(doc: TextDocument, immediately: boolean): void {
    if (this.usePull) return;
    const pending = this.timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    const delay = immediately || doc.getText().length < LARGE_DOCUMENT ? 0 : LARGE_DOCUMENT_DELAY_MS;
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      void this.publish(doc.uri, doc.version);
    }, delay));
  }

  /** Revalidate everything (settings changed). */
  refreshAll(): void {
    if (this.usePull) {
      void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of this.documents.all()) this.schedule(doc, true);
  }

  closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    if (!this.usePull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string, version: number): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== version) return;
    const diagnostics = await this.compute(doc);
    // Settings are fetched asynchronously: the document may have moved on meanwhile.
    if (this.documents.get(uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private async compute(doc: TextDocument): Promise<Diagnostic[]> {
    // git (for the committed-secret note) answers while the settings are on their way, and the
    // text is parsed meanwhile with the settings they will most likely be.
    const ready = Promise.all([this.settings.get(doc.uri), prefetchDocumentFacts(doc.uri, doc.getText())]);
    const likely = this.settings.likely(doc.uri);
    if (!this.cache.has(doc, likely)) {
      // vscode-jsonrpc writes each message from a setImmediate: let the settings request leave
      // before the parse holds the thread, so that its answer is waiting when the parse is done
      // (on the bench's big file the whole round trip had come after the parse: 2-4 ms).
      await new Promise((resolve) => setImmediate(resolve));
      // A request for this document (hover, completion) may have parsed it meanwhile.
      if (!this.cache.has(doc, likely)) parseDocumentAhead(doc.uri, doc.getText(), languageOf(doc.languageId, doc.uri), likely);
    }
    const [settings] = await ready;
    const analysed = this.cache.get(doc, settings);
    return withServerDiagnostics(analysed.diagnostics(), analysed, this.servers?.serverFor(doc.uri)).map(toLspDiagnostic);
  }
}
