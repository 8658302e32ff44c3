// Client files → the clients they declare, through the language server's engine: the same parser,
// the same file selection and the same lint verdict as the editor and oauth2-client-lint. A file with
// a lint error is refused as a whole (naming the error): half a file is never planned.
import { type ClientDocument, analyseDocument, languageOf } from '../../../server/src/engine/clientDocument';
import type { ParsedDocument } from '../../../server/src/engine/document/documentModel';
import { clientLayout } from '../../../server/src/engine/document/clientEntries';
import { AliasBudgetExceeded, nodeValue } from '../../../server/src/engine/document/nodeValue';
import type { EngineSettings } from '../../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../../server/src/engine/rules';

export interface SourceFile {
  /** How the file is named to the user (a relative path, or a URI's path). */
  name: string;
  /** file:// URI: what the engine's file selection matches. */
  uri: string;
  text: string;
  /** Named explicitly (command line): linted as a client file whatever its name. */
  explicit?: boolean;
}

/** Where a client is declared: file and 0-based line of the client object's start. */
export interface ClientSource {
  file: string;
  uri: string;
  line: number;
  /** Position within the file: YAML document, array item. */
  documentIndex: number;
  arrayIndex?: number;
}

export interface LocalClient {
  clientId: string;
  /** The client as the file declares it, without editor-only keys ($schema). */
  value: Record<string, unknown>;
  source: ClientSource;
}

export interface Refusal {
  file: string;
  uri: string;
  /** 0-based line and character, like the engine's ranges. */
  line: number;
  character: number;
  code: string;
  message: string;
  /** The client_ids the refused file declares (so they don't look "only on the server"). */
  clientIds?: string[];
}

export interface LoadedClients {
  clients: LocalClient[];
  refused: Refusal[];
  /** Files that are not client files (by name or content): ignored. */
  ignored: number;
}

export function loadClients(files: readonly SourceFile[], settings: EngineSettings): LoadedClients {
  const clients: LocalClient[] = [];
  const refused: Refusal[] = [];
  let ignored = 0;
  const explicitSettings = { ...settings, files: ['**/*'] };
  for (const f of files) {
    const doc = analyseDocument(f.uri, 0, f.text, languageOf(undefined, f.uri), f.explicit ? explicitSettings : settings, HYDRA_RULES);
    if (!doc.isClientFile) {
      ignored++;
      continue;
    }
    // Unread clients would look "only on the server" (and be deleted by --delete-missing): refuse the file.
    const errors = doc.diagnostics().filter((d) => d.severity === 'error' || (doc.parsed.skippedForSize && d.code === 'file-too-large'));
    if (errors.length) {
      const clientIds = declaredIds(doc.parsed);
      for (const e of errors) refused.push({ file: f.name, uri: f.uri, line: e.range.start.line, character: e.range.start.character, code: e.code, message: e.message, clientIds });
      continue;
    }
    for (const c of declared(doc, f)) {
      if ('clientId' in c) clients.push(c);
      else refused.push(c);
    }
  }
  return { clients: withoutDuplicates(clients, refused), refused, ignored };
}

/** The clients a file declares, lint or not (CodeLens, compare): never refuses, skips clients without an id. */
export function clientsInText(f: SourceFile, settings: EngineSettings): LocalClient[] {
  const doc = analyseDocument(f.uri, 0, f.text, languageOf(undefined, f.uri), f.explicit ? { ...settings, files: ['**/*'] } : settings);
  if (!doc.isClientFile) return [];
  return declared(doc, f).filter((c): c is LocalClient => 'clientId' in c);
}

function declared(doc: ClientDocument, f: SourceFile): (LocalClient | Refusal)[] {
  const out: (LocalClient | Refusal)[] = [];
  for (const entry of clientLayout(doc.parsed).clients) {
    const source: ClientSource = { file: f.name, uri: f.uri, line: doc.lines.positionAt(entry.node.offset).line, documentIndex: entry.documentIndex };
    if (entry.arrayIndex !== undefined) source.arrayIndex = entry.arrayIndex;
    let raw: Record<string, unknown>;
    try {
      raw = nodeValue(entry.node) as Record<string, unknown>;
    } catch (err) {
      if (!(err instanceof AliasBudgetExceeded)) throw err;
      // An alias bomb the lint verdict let through: this client is refused, the file's others still count.
      const id = entry.node.properties.find((p) => p.key === 'client_id')?.value;
      out.push({ file: f.name, uri: f.uri, line: source.line, character: 0, code: 'alias-too-large', message: 'This client expands to too many values through YAML aliases: it is not planned.', ...(id?.type === 'string' && id.value ? { clientIds: [id.value] } : {}) });
      continue;
    }
    const { $schema: _schema, ...value } = raw;
    void _schema;
    const id = value.client_id;
    if (typeof id !== 'string' || !id) {
      // Without an id the server picks a random one: every plan would create it again.
      out.push({ file: f.name, uri: f.uri, line: source.line, character: 0, code: 'missing-client-id', message: 'This client has no client_id: clients as code are matched with the server by client_id.' });
      continue;
    }
    out.push({ clientId: id, value, source });
  }
  return out;
}

function declaredIds(parsed: ParsedDocument): string[] {
  const ids: string[] = [];
  for (const { node } of clientLayout(parsed).clients) {
    const v = node.properties.find((p) => p.key === 'client_id')?.value;
    if (v?.type === 'string' && v.value) ids.push(v.value);
  }
  return ids;
}

/** Two declarations of one client_id: neither is planned (which one wins would be an accident of order). */
function withoutDuplicates(clients: LocalClient[], refused: Refusal[]): LocalClient[] {
  const byId = new Map<string, LocalClient[]>();
  for (const c of clients) {
    const list = byId.get(c.clientId);
    if (list) list.push(c);
    else byId.set(c.clientId, [c]);
  }
  const out: LocalClient[] = [];
  for (const c of clients) {
    const all = byId.get(c.clientId)!;
    if (all.length === 1) {
      out.push(c);
      continue;
    }
    const elsewhere = all.filter((o) => o !== c).map((o) => `${o.source.file}:${o.source.line + 1}`).join(', ');
    refused.push({ file: c.source.file, uri: c.source.uri, line: c.source.line, character: 0, code: 'duplicate-client-id', message: `client_id "${c.clientId}" is also declared at ${elsewhere}.`, clientIds: [c.clientId] });
  }
  return out;
}
