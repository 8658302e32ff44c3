// The workspace `npm start` opens (and the end-to-end tests start from): the client files of
// samples/ under clients/, next to a copy of the schema their "$schema" lines point at, plus a JSON
// client with mistakes so both languages show diagnostics.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const JSON_WITH_MISTAKES = {
  client_id: 'partner-portal',
  client_name: 'Partner portal',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code', 'token'],
  redirect_uris: ['https://partners.example.com/callback#done'],
  scope: 'openid profile',
  token_endpoint_auth_method: 'private_key_jwt',
  authorization_code_grant_refresh_token_lifespan: '2 weeks',
};

/** Writes the sample workspace into `dir` (created if needed); returns its path. */
export function createSampleWorkspace(dir) {
  const clients = path.join(dir, 'clients');
  mkdirSync(clients, { recursive: true });
  cpSync(path.join(root, 'samples'), clients, { recursive: true });
  // samples/ files say "$schema": "../schemas/…": keep that path valid.
  mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  cpSync(path.join(root, 'schemas', 'oauth2-client.schema.json'), path.join(dir, 'schemas', 'oauth2-client.schema.json'));
  writeFileSync(path.join(clients, 'oauth2-clients', 'partner-portal.json'), `${JSON.stringify(JSON_WITH_MISTAKES, null, 2)}\n`);
  return dir;
}
