// The conversion commands: the converted text is saved, every field not carried over is logged and
// counted in the one message, bad input is one error message; secrets stay out of every message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { convertClientToCrd, convertCrdToClient } from '../../../client/src/commands/convertCrd';
import type { Host } from '../../../client/src/host';
import { DEPLOYMENT, VALID_CLIENT } from '../../engine/maester/manifests';
import { FakeHost } from '../fakeHost';

test('CRD → client file: saved as JSON, the controller-only fields listed', async () => {
  const host = new FakeHost();
  const path = await convertCrdToClient(host, { text: `${DEPLOYMENT}---\n${VALID_CLIENT}`, fileName: '/w/k8s/web.yaml' });
  assert.equal(path, '/tmp/web.oauth2-client.json');
  const client = JSON.parse(host.saved[0].content) as Record<string, unknown>;
  assert.equal(client.client_name, 'Web App');
  assert.equal(client.owner, 'web-app/apps');
  assert.equal(host.shown.length, 1);
  assert.match(host.shown[0].message, /1 client written to \/tmp\/web\.oauth2-client\.json\. 3 fields were not carried over/);
  assert.equal(host.logs.filter((l) => l.startsWith('warn: ')).length, 3);
  assert.match(host.shown[0].detail ?? '', /Secret "web-app-credentials"/);
});

test('client file → CRD: YAML manifest, the secret never shown', async () => {
  const host = new FakeHost();
  const text = JSON.stringify({ client_id: 'svc', client_secret: 'do-not-show-me', grant_types: ['client_credentials'], jwks_uri: 'https://svc.example/jwks.json' });
  await convertClientToCrd(host, { text, fileName: 'svc.oauth2-client.json' }, 'billing');
  assert.equal(host.saved[0].name, 'svc.oauth2client.yaml');
  const doc = load(host.saved[0].content) as { metadata: { namespace: string }; spec: Record<string, unknown> };
  assert.equal(doc.metadata.namespace, 'billing');
  assert.deepEqual(doc.spec, { grantTypes: ['client_credentials'], jwksUri: 'https://svc.example/jwks.json', secretName: 'svc-credentials' });
  assert.ok(!host.allText().includes('do-not-show-me'));
  assert.match(host.shown[0].message, /2 fields were not carried over/);
});

test('nothing to convert: one error, nothing saved; a cancelled save shows nothing', async () => {
  const host = new FakeHost();
  assert.equal(await convertCrdToClient(host, { text: DEPLOYMENT, fileName: 'd.yaml' }), undefined);
  assert.equal(host.saved.length, 0);
  assert.match(host.shown[0].message, /No Hydra Maester OAuth2Client/);
  const cancelled = new FakeHost();
  (cancelled as Pick<Host, 'saveTextFile'>).saveTextFile = async () => undefined;
  assert.equal(await convertClientToCrd(cancelled, { text: '{"client_id":"a"}', fileName: 'a.json' }), undefined);
  assert.equal(cancelled.shown.length, 0);
});
