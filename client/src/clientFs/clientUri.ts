// The only code that builds and parses oauth2-client:// URIs: oauth2-client://<connection>/<client_id>.<json|yaml>.
import type { UriParts } from '../host';

export const CLIENT_SCHEME = 'oauth2-client';
/** Read-only virtual documents (the server's side of a diff). */
export const READONLY_SCHEME = 'oauth2-client-readonly';

export type LiveFormat = 'json' | 'yaml';

export interface ClientRef {
  connection: string;
  clientId: string;
  format: LiveFormat;
}

export function toClientUri(ref: ClientRef): UriParts {
  return { scheme: CLIENT_SCHEME, authority: ref.connection, path: `/${ref.clientId}.${ref.format}` };
}

export function parseClientUri(uri: UriParts): ClientRef | undefined {
  if (uri.scheme !== CLIENT_SCHEME || !uri.authority) return undefined;
  const m = /^\/([^/]+)\.(json|yaml)$/.exec(uri.path);
  if (!m) return undefined;
  return { connection: uri.authority, clientId: m[1], format: m[2] as LiveFormat };
}

export function uriKey(uri: UriParts): string {
  return `${uri.scheme}://${uri.authority}${uri.path}`;
}
