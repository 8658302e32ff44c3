// Conversion CRD ↔ Hydra client through the mapping, with a warning for every field the target
// cannot express; and the round trip of what both can.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { crdToHydraClient, hydraClientToCrd } from '../../../server/src/engine/maester/convert';
import { clientFileToCrdManifest, ConversionInputError, crdManifestToClientJson } from '../../../server/src/engine/maester/convertText';
import { DEPLOYMENT, VALID_CLIENT } from './manifests';

test('CRD → Hydra: mapped fields renamed, scope joined, owner set, controller fields warned about', () => {
  const { result, warnings } = crdToHydraClient(load(VALID_CLIENT) as Record<string, unknown>);
  assert.deepEqual(result, {
    client_name: 'Web App',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: 'openid offline_access',
    redirect_uris: ['https://app.example.com/callback'],
    post_logout_redirect_uris: ['https://app.example.com/'],
    token_endpoint_auth_method: 'client_secret_basic',
    authorization_code_grant_access_token_lifespan: '1h',
    owner: 'web-app/apps',
  });
  assert.deepEqual(warnings.map((w) => w.field).sort(), ['deletionPolicy', 'hydraAdmin', 'secretName']);
  assert.match(warnings.find((w) => w.field === 'secretName')!.message, /Secret "web-app-credentials" \(keys CLIENT_ID, CLIENT_SECRET\)/);
});

test('Hydra → CRD: every field the CRD cannot hold is named, secrets never echoed', () => {
  const client = {
    client_id: 'svc',
    client_secret: 'super-secret-value',
    client_name: 'Billing Service',
    grant_types: ['client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
    scope: 'billing.read  billing.write',
    token_endpoint_auth_method: 'private_key_jwt',
    jwks: { keys: [] },
    owner: 'team-a',
    created_at: '2024-01-01T00:00:00Z',
    device_authorization_grant_access_token_lifespan: '1h',
    client_credentials_grant_access_token_lifespan: '5m',
    skip_consent: true,
    metadata: { tier: 'gold' },
    subject_type: null,
  };
  const { result, warnings } = hydraClientToCrd(client, { namespace: 'billing' });
  assert.deepEqual(result, {
    apiVersion: 'hydra.ory.sh/v1alpha1',
    kind: 'OAuth2Client',
    metadata: { name: 'billing-service', namespace: 'billing' },
    spec: {
      clientName: 'Billing Service',
      grantTypes: ['client_credentials'],
      scopeArray: ['billing.read', 'billing.write'],
      tokenEndpointAuthMethod: 'private_key_jwt',
      tokenLifespans: { client_credentials_grant_access_token_lifespan: '5m' },
      skipConsent: true,
      metadata: { tier: 'gold' },
      secretName: 'billing-service-credentials',
    },
  });
  assert.deepEqual(warnings.map((w) => w.field).sort(), [
    'client_id', 'client_secret', 'created_at', 'device_authorization_grant_access_token_lifespan', 'grant_types', 'jwks', 'owner',
  ]);
  assert.ok(warnings.every((w) => !w.message.includes('super-secret-value')));
  assert.match(warnings.find((w) => w.field === 'grant_types')!.message, /jwt-bearer.*dropped/);
});

test('round trip of what both sides express', () => {
  const { result: hydra } = crdToHydraClient(load(VALID_CLIENT) as Record<string, unknown>);
  const { result: back } = hydraClientToCrd(hydra, { name: 'web-app', namespace: 'apps', secretName: 'web-app-credentials' });
  const original = load(VALID_CLIENT) as { spec: Record<string, unknown> };
  const { deletionPolicy, hydraAdmin, ...expressible } = original.spec;
  void deletionPolicy;
  void hydraAdmin;
  assert.deepEqual(back.spec, expressible);
});

test('files: every resource of a manifest, the other objects ignored; a client array → documents', () => {
  const two = `${DEPLOYMENT}---\n${VALID_CLIENT}---\n${VALID_CLIENT.replace('web-app', 'other')}`;
  const out = crdManifestToClientJson(two);
  assert.equal(out.count, 2);
  const parsed = JSON.parse(out.text) as { owner: string }[];
  assert.deepEqual(parsed.map((c) => c.owner), ['web-app/apps', 'other/apps']);
  assert.ok(out.warnings.some((w) => w.startsWith('other: ')));
  const manifest = clientFileToCrdManifest(JSON.stringify([{ client_name: 'A', grant_types: ['implicit'] }, { client_id: 'b' }]));
  assert.equal(manifest.count, 2);
  const docs = manifest.text.split(/^---$/m);
  assert.equal(docs.length, 2);
  assert.equal((load(docs[1]) as { spec: { grantTypes: string[] } }).spec.grantTypes[0], 'authorization_code');
  assert.throws(() => crdManifestToClientJson(DEPLOYMENT), ConversionInputError);
  assert.throws(() => clientFileToCrdManifest('{ nope'), ConversionInputError);
});

test('CRD → Hydra without a namespace: the owner cannot be known, and a warning says so', () => {
  const noNamespace = load(VALID_CLIENT.replace('  namespace: apps\n', '')) as Record<string, unknown>;
  const { result, warnings } = crdToHydraClient(noNamespace);
  assert.equal(result.owner, 'web-app/');
  assert.match(warnings.find((w) => w.field === 'metadata.namespace')!.message, /web-app\/<the namespace it is applied to>/);
});

test('an alias bomb is refused in both directions, not expanded (it exhausted the memory)', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const bomb = `client_id: b\n${lines.join('\n')}\nmetadata: *a8\n`;
  assert.throws(() => clientFileToCrdManifest(bomb), (e) => e instanceof ConversionInputError && /too many values through YAML aliases/.test(e.message));
  const crdBomb = `apiVersion: hydra.ory.sh/v1alpha1\nkind: OAuth2Client\nx:\n${lines.map((l) => `  ${l}`).join('\n')}\nmetadata: {name: b, namespace: n}\nspec:\n  grantTypes: [client_credentials]\n  secretName: s\n  metadata: *a8\n`;
  assert.throws(() => crdManifestToClientJson(crdBomb), (e) => e instanceof ConversionInputError && /too many values through YAML aliases/.test(e.message));
  // Aliases that expand modestly still convert.
  assert.equal(clientFileToCrdManifest('client_id: a\nredirect_uris: &r [https://a.example.com/cb]\npost_logout_redirect_uris: *r\n').count, 1);
});

test('the resource name from a long client name is a DNS-1123 name: at most 63 characters, ending alphanumeric', () => {
  const { result } = hydraClientToCrd({ client_name: `${'a'.repeat(62)} billing portal` });
  const name = (result.metadata as { name: string }).name;
  assert.ok(name.length <= 63, name);
  assert.match(name, /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
});

test('CRD → Hydra: tokenLifespans that is not a mapping is reported, not silently dropped', () => {
  const resource = load(VALID_CLIENT) as { spec: Record<string, unknown> };
  resource.spec.tokenLifespans = '1h';
  const { result, warnings } = crdToHydraClient(resource);
  assert.ok(warnings.some((w) => w.field === 'tokenLifespans' && /must be a mapping/.test(w.message)), JSON.stringify(warnings));
  assert.equal(Object.keys(result).some((k) => k.endsWith('_lifespan')), false);
});
