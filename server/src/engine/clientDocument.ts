// One analysed version of one document: parsed once, shared by every request on that version.
import type { DocumentLanguage, ParsedDocument } from './document/documentModel';
import { LineIndex } from './document/lineIndex';
import { parseAhead, takeParsedAhead } from './document/parseAhead';
import { parseDocument } from './document/parseDocument';
import { ClientFileMatcher } from './fileSelection/clientFileMatcher';
import type { EngineSettings } from './engineSettings';
import { maesterDiagnostics } from './maester/maesterDiagnostics';
import { maesterResources, mayHoldMaesterClient } from './maester/maesterResources';
import type { EngineDiagnostic } from './validation/diagnostic';
import { clientResultCache, validateDocument, type ClientResult, type ClientResultCache, type ClientRule, type ValidationOptions } from './validation/validateDocument';

export type DocumentFacts = NonNullable<ValidationOptions['documentFacts']>;

export class ClientDocument {
  private diagnosticsMemo?: EngineDiagnostic[];
  private linesMemo?: LineIndex;
  /** Per-client results of this version, for the next one to reuse (keyed by text on demand). */
  private readonly clientResults: ClientResult[] = [];
  private clientResultCacheMemo?: ClientResultCache;
  /** The version before this one, until this one is validated (then dropped: no chains in memory). */
  private previous?: ClientDocument;
  /** A Kubernetes manifest with Hydra Maester OAuth2Client resources (engine/maester), not a client file. */
  isMaesterManifest = false;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly parsed: ParsedDocument,
    readonly isClientFile: boolean,
    private readonly settings: EngineSettings,
    private readonly rules: readonly ClientRule[],
    private readonly facts: DocumentFacts = {},
    previous?: ClientDocument,
  ) {
    this.previous = previous;
  }

  get lines(): LineIndex {
    return (this.linesMemo ??= new LineIndex(this.parsed.text));
  }

  /** Diagnostics for this version, computed once. Empty for files that aren't ours. */
  diagnostics(): EngineDiagnostic[] {
    if (!this.isClientFile && !this.isMaesterManifest) return [];
    if (this.isMaesterManifest) {
      return (this.diagnosticsMemo ??= maesterDiagnostics(this.parsed, { hydraVersion: this.settings.hydraVersion, rules: this.rules }, this.lines));
    }
    if (!this.diagnosticsMemo) {
      const options = { hydraVersion: this.settings.hydraVersion, rules: this.rules, documentFacts: this.facts };
      this.diagnosticsMemo = validateDocument(this.parsed, options, this.lines, { previous: this.reusableResults(), next: this.clientResults });
      this.previous = undefined;
      // The plain values served validation only; the tree stays for the editing features.
      for (const d of this.parsed.documents) d.value = undefined;
    }
    return this.diagnosticsMemo;
  }

  private reusableResults(): ClientResultCache | undefined {
    const p = this.previous;
    if (!p || p.settings !== this.settings || p.rules !== this.rules || JSON.stringify(p.facts) !== JSON.stringify(this.facts)) return undefined;
    // An alias can pull another client's values in: then a client's text no longer decides its verdict.
    if (this.parsed.language === 'yaml' && MAY_HAVE_ALIAS.test(this.parsed.text)) return undefined;
    return (p.clientResultCacheMemo ??= clientResultCache(p.parsed.text, p.clientResults));
  }
}

/** A YAML alias (`*name`) where a node may start; false positives only cost the reuse. */
const MAY_HAVE_ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/m;

// One matcher per settings object: its globs compile once, not on every edit of every document.
const matchers = new WeakMap<EngineSettings, ClientFileMatcher>();

function matcherFor(settings: EngineSettings): ClientFileMatcher {
  let m = matchers.get(settings);
  if (!m) {
    m = new ClientFileMatcher(settings.files, settings.detectByContent);
    matchers.set(settings, m);
  }
  return m;
}

export function languageOf(languageId: string | undefined, uri: string): DocumentLanguage {
  if (languageId === 'yaml') return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  return /\.ya?ml$/i.test(uri) ? 'yaml' : 'json';
}

/**
 * Parses now what analyseDocument will parse later with these settings, when it would parse it at
 * all: for a host that has a moment to spare before the settings are certain.
 */
export function parseDocumentAhead(uri: string, text: string, language: DocumentLanguage, settings: EngineSettings): void {
  if (firstLook(uri, text, language, settings).needsParse) parseAhead(uri, text, language, settings.maxFileSize);
}

/**
 * What name and text say before any parse: whether the file is ours by name or `$schema` (true,
 * false, or undefined = decided by content), whether it may be a Maester manifest, and so whether
 * it is worth parsing at all (every other JSON/YAML file in the workspace is not).
 */
function firstLook(uri: string, text: string, language: DocumentLanguage, settings: EngineSettings) {
  const byName = matcherFor(settings).matchByNameOrPointer(uri, text);
  const maybeMaester = language === 'yaml' && mayHoldMaesterClient(text);
  return { byName, maybeMaester, needsParse: byName !== false || maybeMaester };
}

/** `withTree`: for an editing feature, which reads the tree before anything else does. */
export function analyseDocument(
  uri: string,
  version: number,
  text: string,
  language: DocumentLanguage,
  settings: EngineSettings,
  rules: readonly ClientRule[] = [],
  facts: (text: string) => DocumentFacts = () => ({}),
  previous?: ClientDocument,
  withTree = false,
): ClientDocument {
  const parsedAhead = takeParsedAhead(uri, text, language, settings.maxFileSize);
  const { byName, maybeMaester, needsParse } = firstLook(uri, text, language, settings);
  if (!needsParse) {
    return new ClientDocument(uri, version, { language, text, documents: [], problems: [] }, false, settings, rules);
  }
  const parsed = parsedAhead ?? parseDocument(text, language, settings.maxFileSize, withTree);
  if (maybeMaester && maesterResources(parsed).length) {
    const manifest = new ClientDocument(uri, version, parsed, false, settings, rules);
    manifest.isMaesterManifest = true;
    return manifest;
  }
  if (byName === false) return new ClientDocument(uri, version, parsed, false, settings, rules);
  const ours = byName === true || matcherFor(settings).matchByContent(parsed);
  return new ClientDocument(uri, version, parsed, ours, settings, rules, ours ? facts(text) : {}, previous);
}
