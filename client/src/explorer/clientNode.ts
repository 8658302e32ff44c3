// How a live client appears in the tree.
import type { OAuth2Client } from '../adminApi/oauth2Client';
import { type ClientNode, ContextValue, type TreeItemData } from './explorerNode';

export type ClientKind = 'public' | 'confidential' | 'privateKeyJwt';

export function clientKind(c: OAuth2Client): ClientKind {
  const method = c.token_endpoint_auth_method;
  if (method === 'none') return 'public';
  if (method === 'private_key_jwt') return 'privateKeyJwt';
  return 'confidential';
}

const ICONS: Record<ClientKind, string> = { public: 'globe', confidential: 'lock', privateKeyJwt: 'key' };

const list = (v: unknown) => (Array.isArray(v) && v.length ? v.join(', ') : '—');

export function clientTreeItem(node: ClientNode, readOnly: boolean): TreeItemData {
  const c = node.client;
  const id = String(c.client_id ?? '');
  const label = typeof c.client_name === 'string' && c.client_name ? c.client_name : id;
  const tooltip = [
    `Grant types: ${list(c.grant_types)}`,
    `Redirect URIs: ${list(c.redirect_uris)}`,
    `Owner: ${c.owner || '—'}`,
    `Updated: ${c.updated_at ?? '—'}`,
  ].join('\n');
  return {
    label,
    id: `${node.connection}/client/${id}`,
    description: id,
    tooltip,
    icon: ICONS[clientKind(c)],
    contextValue: readOnly ? ContextValue.clientReadOnly : ContextValue.client,
    collapsible: false,
    command: { command: 'oauth2Client.openClient', title: 'Open client', arguments: [node] },
  };
}
