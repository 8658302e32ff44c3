// The logic of the oauth2-client:// file system: read = GET, save = PUT with an updated_at conflict check.
// No vscode import: FileSystemError values come from an injected factory, dialogs from the Host, so a
// failed save throws (the editor stays dirty, the text intact) and tests run it with fakes.
import { AdminApiError } from '../adminApi/adminApiError';
import { describeFailure } from '../../../server/src/engine/errors/describeFailure';
import type { ClientSource } from '../../../server/src/engine/errors/diagnosticPointer';
import { type OAuth2Client, SERVER_SET_FIELDS } from '../adminApi/oauth2Client';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import { WriteRefusedError, guardWrite } from '../connections/writeGuard';
import type { Host, UriParts } from '../host';
import { clientToText, textToClient } from './clientText';
import { type ClientRef, parseClientUri, uriKey } from './clientUri';

/** Builds the vscode.FileSystemError of each kind (the real ones in the extension, plain errors in tests). */
export interface FsErrors {
  fileNotFound(message: string): Error;
  noPermissions(message: string): Error;
  unavailable(message: string): Error;
}

export interface FileStatLike {
  type: 1; // FileType.File
  ctime: number;
  mtime: number;
  size: number;
}

interface ReadState {
  updatedAt: string | undefined;
  client: OAuth2Client;
  mtime: number;
  size: number;
}

export const OVERWRITE = 'Overwrite';
export const KEEP_EDITING = 'Keep editing';

export class ClientFsCore {
  private readonly reads = new Map<string, ReadState>();

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly host: Host,
    private readonly errors: FsErrors,
    /** Called after a successful write (tree refresh, onDidChangeFile). */
    private readonly onWritten: (uri: UriParts, ref: ClientRef) => void = () => undefined,
  ) {}

  async stat(uri: UriParts): Promise<FileStatLike> {
    const known = this.reads.get(uriKey(uri));
    if (known) return { type: 1, ctime: known.mtime, mtime: known.mtime, size: known.size };
    const bytes = await this.readFile(uri);
    const s = this.reads.get(uriKey(uri));
    return { type: 1, ctime: s?.mtime ?? 0, mtime: s?.mtime ?? 0, size: bytes.byteLength };
  }

  async readFile(uri: UriParts): Promise<Uint8Array> {
    const ref = this.ref(uri);
    const api = await this.registry.client(ref.connection).catch((e: unknown) => this.rethrow(e));
    const client = await api.get(ref.clientId).catch((e: unknown) => this.rethrow(e));
    const bytes = new TextEncoder().encode(clientToText(client, ref.format));
    const mtime = Date.parse(String(client.updated_at)) || Date.now();
    this.reads.set(uriKey(uri), { updatedAt: client.updated_at, client, mtime, size: bytes.byteLength });
    return bytes;
  }

  async writeFile(uri: UriParts, content: Uint8Array): Promise<void> {
    const ref = this.ref(uri);
    const config = this.registry.get(ref.connection);
    let edited: Record<string, unknown>;
    const text = new TextDecoder().decode(content);
    try {
      edited = textToClient(text, ref.format);
    } catch (err) {
      throw this.errors.unavailable((err as Error).message);
    }
    if (edited.client_id !== undefined && edited.client_id !== ref.clientId) {
      throw this.errors.noPermissions(`client_id cannot change (the document is client "${ref.clientId}"); create a new client instead.`);
    }
    const read = this.reads.get(uriKey(uri));
    this.reportServerSetEdits(edited, read?.client);
    const target = `update client "${ref.clientId}"`;
    try {
      await guardWrite(this.host, config, target);
    } catch (err) {
      throw this.errors.noPermissions((err as Error).message);
    }
    const api = await this.registry.client(ref.connection).catch((e: unknown) => this.rethrow(e));
    let saved: OAuth2Client;
    try {
      saved = await api.update(ref.clientId, edited, read?.updatedAt ? { expectedUpdatedAt: read.updatedAt } : {});
    } catch (err) {
      if (!(err instanceof AdminApiError) || !err.conflict) this.rethrow(err, { text, language: ref.format });
      saved = await this.resolveConflict(uri, ref, edited, err.conflict.server);
    }
    const bytes = clientToText(saved, ref.format);
    this.reads.set(uriKey(uri), { updatedAt: saved.updated_at, client: saved, mtime: Date.parse(String(saved.updated_at)) || Date.now(), size: bytes.length });
    this.host.log('info', `Saved client "${ref.clientId}" on connection "${ref.connection}".`);
    this.onWritten(uri, ref);
  }

  /** Server changed meanwhile: show server vs yours, then overwrite only on an explicit choice. */
  private async resolveConflict(uri: UriParts, ref: ClientRef, edited: Record<string, unknown>, server: OAuth2Client): Promise<OAuth2Client> {
    await this.host.openDiff(
      { title: `${ref.clientId} (server)`, content: clientToText(server, ref.format), language: ref.format },
      uri,
      `${ref.clientId}: server ↔ yours`,
    );
    const answer = await this.host.showWarningMessage(
      `Client "${ref.clientId}" was changed on connection "${ref.connection}" since you opened it. Nothing was written.`,
      { modal: true, detail: 'Overwrite replaces the server copy with yours; Keep editing leaves the server unchanged.', closeWith: KEEP_EDITING },
      OVERWRITE,
      KEEP_EDITING,
    );
    if (answer !== OVERWRITE) throw this.errors.unavailable(`Not saved: client "${ref.clientId}" changed on the server. Compare, then save again to overwrite.`);
    const api = await this.registry.client(ref.connection);
    try {
      return await api.update(ref.clientId, edited, server.updated_at ? { expectedUpdatedAt: server.updated_at } : {});
    } catch (err) {
      return this.rethrow(err);
    }
  }

  /** Server-set fields are not sent (toWritableClient drops them): say so rather than silently lose the edit. */
  private reportServerSetEdits(edited: Record<string, unknown>, original: OAuth2Client | undefined): void {
    if (!original) return;
    const changed = SERVER_SET_FIELDS.filter((f) => f in edited && JSON.stringify(edited[f]) !== JSON.stringify(original[f]));
    if (!changed.length) return;
    void this.host.showWarningMessage(`${changed.join(', ')} ${changed.length > 1 ? 'are' : 'is'} set by the server: your edit${changed.length > 1 ? 's were' : ' was'} not sent.`, {});
  }

  private ref(uri: UriParts): ClientRef {
    const ref = parseClientUri(uri);
    if (!ref) throw this.errors.fileNotFound(`Not an OAuth2 client URI: ${uriKey(uri)}`);
    return ref;
  }

  /** `source`: the text being saved, so a rejection can point at the linter's diagnostic line. */
  private rethrow(err: unknown, source?: ClientSource): never {
    if (err instanceof WriteRefusedError) throw this.errors.noPermissions(err.message);
    if (err instanceof AdminApiError) {
      this.host.log('error', err.message);
      if (err.status === 404) throw this.errors.fileNotFound(err.message);
      if (err.status === 401 || err.status === 403) throw this.errors.noPermissions(err.message);
      // A rejected save names the field, why, the fix and the linter's diagnostic (engine/errors).
      throw this.errors.unavailable(describeFailure(err, source));
    }
    throw this.errors.unavailable(err instanceof Error ? err.message : String(err));
  }
}
