// Command bodies for live clients: create, delete, copy id, export, compare, push. They take the Host
// and the registry (never vscode), so tests drive them against the in-memory admin server.
import { AdminApiError } from '../adminApi/adminApiError';
import type { OAuth2Client } from '../adminApi/oauth2Client';
import { clientToText, formatOf, textToClient } from '../clientFs/clientText';
import { type LiveFormat, toClientUri } from '../clientFs/clientUri';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import { WriteRefusedError, guardWrite } from '../connections/writeGuard';
import type { Host, UriParts } from '../host';
import { CLIENT_TEMPLATES, clientFromTemplate } from './templateClient';

export interface CommandDeps {
  host: Host;
  registry: ConnectionRegistry;
  liveFormat(): LiveFormat;
  /** Tree refresh after a write. */
  changed(connection: string): void;
}

export interface ClientTarget {
  connection: string;
  clientId: string;
  clientName?: string;
}

export const COPY = 'Copy';
export const DELETE = 'Delete';

const named = (t: ClientTarget) => (t.clientName && t.clientName !== t.clientId ? `"${t.clientName}" (${t.clientId})` : `"${t.clientId}"`);

/** Creates a client from a template (picked) or from the given body; shows the secret once. */
export async function createClient(deps: CommandDeps, connection: string, body?: Record<string, unknown>): Promise<OAuth2Client | undefined> {
  const { host, registry } = deps;
  let client = body;
  if (!client) {
    const picked = await host.showQuickPick(
      CLIENT_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
      { placeHolder: `Template for a new client on connection "${connection}"` },
    );
    if (!picked) return undefined;
    client = clientFromTemplate(picked.template);
  }
  const what = typeof client.client_name === 'string' ? `"${client.client_name}"` : 'a client';
  await guardWrite(host, registry.get(connection), `create client ${what}`);
  const api = await registry.client(connection);
  const created = await host.withProgress(`Creating client ${what} on "${connection}"…`, (signal) => api.create(client, signal));
  const id = String(created.client_id);
  host.log('info', `Created client "${id}" on connection "${connection}".`);
  deps.changed(connection);
  await showSecretOnce(host, id, created.client_secret);
  const { client_secret: _dropped, ...rest } = created;
  void _dropped;
  await host.openDocument(toClientUri({ connection, clientId: id, format: deps.liveFormat() }));
  return rest;
}

/** The plaintext secret exists only in this modal and, on "Copy", the clipboard: never logged or kept. */
async function showSecretOnce(host: Host, clientId: string, secret: unknown): Promise<void> {
  if (typeof secret !== 'string' || !secret) return;
  const answer = await host.showInformationMessage(
    `Client "${clientId}" created. Its secret is shown only now:`,
    { modal: true, detail: secret },
    COPY,
  );
  if (answer === COPY) await host.writeClipboard(secret);
}

export async function deleteClient(deps: CommandDeps, target: ClientTarget): Promise<boolean> {
  const { host, registry } = deps;
  const config = registry.get(target.connection);
  if (config.readOnly) throw new WriteRefusedError(`Connection "${config.name}" is read-only: cannot delete client ${named(target)}.`);
  const answer = await host.showWarningMessage(
    `Delete client ${named(target)} from connection "${config.name}" (${config.adminUrl})?`,
    { modal: true, detail: 'This cannot be undone: apps using this client stop working.' },
    DELETE,
  );
  if (answer !== DELETE) return false;
  // The modal above named client and connection: it is the confirmWrites confirmation too.
  await guardWrite(host, config, `delete client ${named(target)}`, true);
  const api = await registry.client(target.connection);
  await host.withProgress(`Deleting client ${named(target)}…`, (signal) => api.delete(target.clientId, signal));
  host.log('info', `Deleted client "${target.clientId}" on connection "${target.connection}".`);
  deps.changed(target.connection);
  return true;
}

export async function copyClientId(host: Host, target: ClientTarget): Promise<void> {
  await host.writeClipboard(target.clientId);
}

export async function exportClient(deps: CommandDeps, target: ClientTarget, format: LiveFormat): Promise<string | undefined> {
  const api = await deps.registry.client(target.connection);
  const client = await deps.host.withProgress(`Reading client ${named(target)}…`, (signal) => api.get(target.clientId, signal));
  return deps.host.saveTextFile(`${target.clientId}.oauth2-client.${format}`, clientToText(client, format));
}

/** Diff: the live client (read-only, left) against the workspace file (right). */
export async function compareWithLive(deps: CommandDeps, connection: string, file: UriParts, text: string): Promise<void> {
  const format = formatOf(file.path);
  const local = textToClient(text, format);
  const id = requireId(local);
  const api = await deps.registry.client(connection);
  const live = await deps.host.withProgress(`Reading client "${id}"…`, (signal) => api.get(id, signal));
  await deps.host.openDiff({ title: `${id} (${connection})`, content: clientToText(live, format), language: format }, file, `${id}: ${connection} ↔ ${file.path.split('/').pop()}`);
}

/** Push a workspace file: update when the client exists (with the updated_at check if the file has one), else create. */
export async function pushFile(deps: CommandDeps, connection: string, file: UriParts, text: string): Promise<'created' | 'updated' | 'cancelled'> {
  const { host, registry } = deps;
  const format = formatOf(file.path);
  // $schema is for the editor, not for Hydra.
  const { $schema: _schema, ...local } = textToClient(text, format);
  void _schema;
  const id = typeof local.client_id === 'string' && local.client_id ? local.client_id : undefined;
  const api = await registry.client(connection);
  const existing = id === undefined ? undefined : await api.get(id).catch((e: unknown) => {
    if (e instanceof AdminApiError && e.status === 404) return undefined;
    throw e;
  });
  if (!existing) return (await createClient(deps, connection, local)) ? 'created' : 'cancelled';
  const clientId = id as string;
  await guardWrite(host, registry.get(connection), `update client "${clientId}" from ${file.path.split('/').pop()}`);
  const expected = typeof local.updated_at === 'string' ? local.updated_at : undefined;
  try {
    await host.withProgress(`Updating client "${clientId}"…`, (signal) => api.update(clientId, local, expected ? { expectedUpdatedAt: expected, signal } : { signal }));
  } catch (err) {
    if (!(err instanceof AdminApiError) || !err.conflict) throw err;
    await host.openDiff({ title: `${clientId} (server)`, content: clientToText(err.conflict.server, format), language: format }, file, `${clientId}: server ↔ yours`);
    const answer = await host.showWarningMessage(`Client "${clientId}" changed on connection "${connection}" since this file was exported. Nothing was written.`, { modal: true }, 'Overwrite');
    if (answer !== 'Overwrite') return 'cancelled';
    await host.withProgress(`Updating client "${clientId}"…`, (signal) => api.update(clientId, local, { signal }));
  }
  deps.changed(connection);
  return 'updated';
}

function requireId(client: Record<string, unknown>): string {
  if (typeof client.client_id !== 'string' || !client.client_id) throw new Error('The file has no client_id: nothing to compare with.');
  return client.client_id;
}
