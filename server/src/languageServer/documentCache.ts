// Analysed documents keyed by URI and version: one parse per version, shared by all requests.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseDocument, languageOf, type ClientDocument } from '../engine/clientDocument';
import type { EngineSettings } from '../engine/engineSettings';
import type { ClientRule } from '../engine/validation/validateDocument';
import { documentFacts } from '../host/documentFacts';

export class DocumentCache {
  private readonly entries = new Map<string, { doc: ClientDocument; settings: EngineSettings }>();

  constructor(private readonly rules: readonly ClientRule[] = []) {}

  /** Whether get() would answer from memory. */
  has(textDocument: TextDocument, settings: EngineSettings): boolean {
    const hit = this.entries.get(textDocument.uri);
    return !!hit && hit.doc.version === textDocument.version && hit.settings === settings;
  }

  /**
   * `forEditing`: asked by an editing feature (completion, hover…), which reads the tree first —
   * when typing in a big file, it usually comes before the debounced diagnostics.
   */
  get(textDocument: TextDocument, settings: EngineSettings, forEditing = false): ClientDocument {
    const hit = this.entries.get(textDocument.uri);
    if (hit && this.has(textDocument, settings)) return hit.doc;
    const doc = analyseDocument(
      textDocument.uri,
      textDocument.version,
      textDocument.getText(),
      languageOf(textDocument.languageId, textDocument.uri),
      settings,
      this.rules,
      (text) => documentFacts(textDocument.uri, text),
      hit?.doc,
      forEditing,
    );
    this.entries.set(textDocument.uri, { doc, settings });
    return doc;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
