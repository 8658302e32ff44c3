// One analysed version of one document: parsed once, shared by every request on that version.
import type { DocumentLanguage, ParsedDocument } from './document/documentModel';
import { LineIndex } from './document/lineIndex';
import { parseDocument } from './document/parseDocument';
import { ClientFileMatcher } from './fileSelection/clientFileMatcher';
import type { EngineSettings } from './engineSettings';
import type { EngineDiagnostic } from './validation/diagnostic';
import { validateDocument, type ClientRule, type ValidationOptions } from './validation/validateDocument';

export type DocumentFacts = NonNullable<ValidationOptions['documentFacts']>;

export class ClientDocument {
  private diagnosticsMemo?: EngineDiagnostic[];
  private linesMemo?: LineIndex;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly parsed: ParsedDocument,
    readonly isClientFile: boolean,
    private readonly settings: EngineSettings,
    private readonly rules: readonly ClientRule[],
    private readonly facts: DocumentFacts = {},
  ) {}

  get lines(): LineIndex {
    return (this.linesMemo ??= new LineIndex(this.parsed.text));
  }

  /** Diagnostics for this version, computed once. Empty for files that aren't ours. */
  diagnostics(): EngineDiagnostic[] {
    if (!this.isClientFile) return [];
    if (!this.diagnosticsMemo) {
      this.diagnosticsMemo = validateDocument(this.parsed, { hydraVersion: this.settings.hydraVersion, rules: this.rules, documentFacts: this.facts }, this.lines);
      // The plain values served validation only; the tree stays for the editing features.
      for (const d of this.parsed.documents) d.value = undefined;
    }
    return this.diagnosticsMemo;
  }
}

export function languageOf(languageId: string | undefined, uri: string): DocumentLanguage {
  if (languageId === 'yaml') return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  return /\.ya?ml$/i.test(uri) ? 'yaml' : 'json';
}

export function analyseDocument(
  uri: string,
  version: number,
  text: string,
  language: DocumentLanguage,
  settings: EngineSettings,
  rules: readonly ClientRule[] = [],
  facts: (text: string) => DocumentFacts = () => ({}),
): ClientDocument {
  const matcher = new ClientFileMatcher(settings.files, settings.detectByContent);
  const byName = matcher.matchByNameOrPointer(uri, text);
  if (byName === false) {
    // Not ours: skip the parse entirely (cheap for every other JSON/YAML file in the workspace).
    return new ClientDocument(uri, version, { language, text, documents: [], problems: [] }, false, settings, rules);
  }
  const parsed = parseDocument(text, language, settings.maxFileSize);
  const ours = byName === true || matcher.matchByContent(parsed);
  return new ClientDocument(uri, version, parsed, ours, settings, rules, ours ? facts(text) : {});
}
