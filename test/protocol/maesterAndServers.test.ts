// Through the built server over stdio: a Kubernetes manifest with a Hydra Maester OAuth2Client
// (diagnostics on the CRD's keys, completion, hover; the Deployment beside it untouched), and the
// server-aware checks switched on by the extension's oauth2Client/serverConfigurations notification.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { SERVER_CONFIGURATIONS_NOTIFICATION } from '../../server/src/engine/discovery/serverConfiguration';
import { DEPLOYMENT, VALID_CLIENT } from '../engine/maester/manifests';
import { caret } from '../helpers/edits';
import { LspClient } from '../helpers/lspClient';
import { summarize } from '../helpers/text';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('a manifest: CRD mistakes on their tokens, the Deployment left alone', async () => {
  const uri = 'file:///w/k8s/app.yaml';
  const text = `${DEPLOYMENT}---\n${VALID_CLIENT.replace('deletionPolicy: orphan', 'deletionPolicy: keep').replace('clientName', 'client_name')}`;
  await client.open(uri, text);
  const diags = await client.diagnostics(uri, 1);
  assert.deepEqual(summarize(text, diags), ['crd-enum-mismatch@keep', 'crd-unknown-key@client_name']);
  assert.ok(diags.every((d) => d.range.start.line >= DEPLOYMENT.split('\n').length));
});

test('completion and hover under spec', async () => {
  const uri = 'file:///w/k8s/edit.yaml';
  const { text, position } = caret(VALID_CLIENT.replace('deletionPolicy: orphan', 'deletionPolicy: |'));
  await client.open(uri, text);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
  assert.deepEqual(list.items.map((i) => i.label), ['delete', 'orphan']);
  const line = text.split('\n').findIndex((l) => l.includes('jwksUri') || l.includes('tokenEndpointAuthMethod'));
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
  assert.match((hover.contents as { value: string }).value, /→ Hydra `token_endpoint_auth_method`/);
});

test('server configurations: warnings name the server; an unreachable one is a note; none → none', async () => {
  const uri = 'file:///w/prod/app.oauth2-client.yaml';
  const text = 'client_id: app\ngrant_types: [authorization_code, urn:ietf:params:oauth:grant-type:device_code]\n';
  await client.open(uri, text);
  assert.deepEqual(await client.diagnostics(uri, 1), []);
  const servers = [
    { name: 'prod', url: 'https://auth.example/.well-known/openid-configuration', document: { grant_types_supported: ['authorization_code', 'refresh_token'] } },
    { name: 'dev', url: 'http://127.0.0.1:9/.well-known/openid-configuration', unreachable: 'connect ECONNREFUSED 127.0.0.1:9' },
  ];
  const before = client.publications(uri).length;
  await client.connection.sendNotification(SERVER_CONFIGURATIONS_NOTIFICATION, { servers, associations: [{ pattern: '**/prod/**', server: 'prod' }], defaultServer: 'dev' });
  const diags = await waitForNewPublication(uri, before);
  assert.deepEqual(summarize(text, diags), ['server-grant-type-unsupported@urn:ietf:params:oauth:grant-type:device_code']);
  assert.match(diags[0].message, /^Server "prod"/);

  const other = 'file:///w/dev/app.oauth2-client.yaml';
  await client.open(other, text);
  const note = await client.diagnostics(other, 1);
  assert.deepEqual(note.map((d) => [d.code, d.severity]), [['server-configuration-unavailable', 3]]);
});

async function waitForNewPublication(uri: string, seen: number) {
  for (let i = 0; i < 200 && client.publications(uri).length <= seen; i++) await new Promise((r) => setTimeout(r, 25));
  const all = client.publications(uri);
  assert.ok(all.length > seen, 'the notification re-validates open documents');
  return all[all.length - 1].diagnostics;
}
