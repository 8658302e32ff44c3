// Hydra Maester OAuth2Client resources: the CRD's schema on spec, Hydra's rules through the
// mapping on the CRD's own keys, and the other objects of a manifest left alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import { summarize } from '../../helpers/text';
import { DEPLOYMENT, VALID_CLIENT } from './manifests';

function diagnose(text: string, uri = 'file:///w/k8s/clients.yaml') {
  const doc = analyseDocument(uri, 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES);
  return { doc, diags: doc.diagnostics() };
}

test('a valid resource has no diagnostics, alone or among other Kubernetes objects', () => {
  assert.deepEqual(diagnose(VALID_CLIENT).diags, []);
  const mixed = `${DEPLOYMENT}---\n${VALID_CLIENT}`;
  const { doc, diags } = diagnose(mixed);
  assert.equal(doc.isMaesterManifest, true);
  assert.deepEqual(diags, []);
});

test('a manifest without a Maester client is not ours, and its spec keys are never judged', () => {
  const { doc, diags } = diagnose(`${DEPLOYMENT}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n`);
  assert.equal(doc.isMaesterManifest, false);
  assert.deepEqual(diags, []);
});

test('CRD names, types and enums: each mistake on its own token', () => {
  const text = VALID_CLIENT
    .replace('    - refresh_token\n', '    - refresh_token\n    - urn:ietf:params:oauth:grant-type:jwt-bearer\n')
    .replace('clientName: Web App', 'clientNam: Web App')
    .replace('deletionPolicy: orphan', 'deletionPolicy: Orphan')
    .replace('port: 4445', 'port: "4445"')
    .replace('1h', '30d')
    .replace('  secretName: web-app-credentials\n', '  redirect_uris: [https://x.example/cb]\n  jwks: {}\n');
  const { diags } = diagnose(`${DEPLOYMENT}---\n${text}`);
  const summary = summarize(`${DEPLOYMENT}---\n${text}`, diags.filter((d) => d.code !== 'crd-missing-required'));
  assert.deepEqual(summary, [
    'crd-enum-mismatch@Orphan',
    'crd-enum-mismatch@urn:ietf:params:oauth:grant-type:jwt-bearer',
    'crd-not-expressible@jwks',
    'crd-pattern-mismatch@30d',
    'crd-type-mismatch@"4445"',
    'crd-unknown-key@clientNam',
    'crd-unknown-key@redirect_uris',
  ]);
  const byCode = (c: string) => diags.filter((d) => d.code === c);
  assert.match(byCode('crd-missing-required')[0].message, /"secretName"/);
  const unknown = byCode('crd-unknown-key').map((d) => d.message).join('\n');
  assert.match(unknown, /Did you mean "clientName"\?/);
  assert.match(unknown, /Hydra Maester spells it "redirectUris"/);
  assert.equal(byCode('crd-enum-mismatch').find((d) => /Orphan/.test(d.message))?.data?.suggestion, 'orphan');
  // The missing key is reported on the spec mapping, which starts on the clientNam line.
  assert.equal(byCode('crd-missing-required')[0].range.start.line, text.split('\n').findIndex((l) => l.includes('clientNam')) + DEPLOYMENT.split('\n').length);
});

test("Hydra's rules through the mapping: ranges on the CRD's keys, messages in the CRD's names", () => {
  const text = VALID_CLIENT
    .replace('https://app.example.com/callback', 'https://app.example.com/callback#frag')
    .replace('https://app.example.com/\n', 'https://other.example.com/\n')
    .replace('client_secret_basic', 'private_key_jwt')
    .replace('    - code\n', '    - code\n    - id_token\n');
  const { diags } = diagnose(text);
  assert.deepEqual(summarize(text, diags), [
    'invalid-redirect-uri-fragment@https://app.example.com/callback#frag',
    'post-logout-redirect-uri-mismatch@https://other.example.com/',
    'private-key-jwt-needs-jwks@private_key_jwt',
    'response-type-needs-grant-type@id_token',
  ]);
  const pkj = diags.find((d) => d.code === 'private-key-jwt-needs-jwks')!;
  assert.match(pkj.message, /When tokenEndpointAuthMethod is 'private_key_jwt', either jwks or jwksUri must be set\./);
  assert.match(diags.find((d) => d.code === 'response-type-needs-grant-type')!.message, /grantTypes/);
});

test('scopeArray and the deprecated scope are joined as the controller does', () => {
  const withScope = VALID_CLIENT.replace('scopeArray: [openid, offline_access]', 'scopeArray: [openid]\n  scope: offline_access');
  const { diags } = diagnose(withScope);
  // refresh_token needs offline_access: found in the joined scope, so no warning; scope is deprecated.
  assert.deepEqual(summarize(withScope, diags), ['crd-deprecated-key@scope']);
  const without = VALID_CLIENT.replace('scopeArray: [openid, offline_access]', 'scopeArray: [openid]');
  assert.deepEqual(summarize(without, diagnose(without).diags), ['refresh-token-without-offline-scope@refresh_token']);
});

test('a Hydra duration rule still applies where the CRD pattern is looser', () => {
  const text = VALID_CLIENT.replace('1h', '1h30x');
  const codes = diagnose(text).diags.map((d) => d.code);
  assert.deepEqual(codes, ['invalid-duration']);
});

test('no spec, no name, an unknown version: each reported, nothing crashes', () => {
  const noSpec = 'apiVersion: hydra.ory.sh/v1alpha1\nkind: OAuth2Client\n';
  assert.deepEqual(summarize(noSpec, diagnose(noSpec).diags), ['crd-missing-name@kind', 'crd-missing-spec@kind']);
  const other = `${VALID_CLIENT}---\napiVersion: hydra.ory.sh/v1beta9\nkind: OAuth2Client\nmetadata: {name: x}\nspec: {}\n`;
  assert.deepEqual(summarize(other, diagnose(other).diags), ['crd-unknown-version@apiVersion']);
  const scalarSpec = 'apiVersion: hydra.ory.sh/v1alpha1\nkind: OAuth2Client\nmetadata:\n  name: a\nspec: 7\n';
  assert.deepEqual(summarize(scalarSpec, diagnose(scalarSpec).diags), ['crd-type-mismatch@7']);
});

test('a Maester resource inside an oauth2-clients/ folder is still read as a resource, not as a client', () => {
  const { doc, diags } = diagnose(VALID_CLIENT, 'file:///w/oauth2-clients/web.yaml');
  assert.equal(doc.isClientFile, false);
  assert.equal(doc.isMaesterManifest, true);
  assert.deepEqual(diags, []);
});

test('a field the configured Hydra version does not know is noted on the CRD key, in its name', () => {
  const text = VALID_CLIENT.replace('  deletionPolicy: orphan\n', '  deletionPolicy: orphan\n  skipConsent: true\n');
  const doc = analyseDocument('file:///w/k8s.yaml', 1, text, 'yaml', { ...DEFAULT_SETTINGS, hydraVersion: 'v1.11' }, HYDRA_RULES);
  const diags = doc.diagnostics();
  assert.deepEqual(summarize(text, diags), ['key-not-in-version@skipConsent']);
  assert.match(diags[0].message, /^"skipConsent" is not known to Hydra v1\.11/);
  assert.deepEqual(diagnose(text).diags, [], 'v26 knows it');
});

test('a resource written in flow style with quoted keys is recognised like the block form', () => {
  const flow = '{"apiVersion": "hydra.ory.sh/v1alpha1", "kind": "OAuth2Client", "metadata": {"name": "x"}, "spec": {"grantTypes": ["client_credentials"], "secretName": "x", "deletionPolicy": "Orphan"}}\n';
  const { doc, diags } = diagnose(flow);
  assert.equal(doc.isMaesterManifest, true);
  assert.deepEqual(diags.map((d) => d.code), ['crd-enum-mismatch']);
});

test("a value the CRD rejects gets the CRD's error only, not Hydra's findings on the same token as well", () => {
  const text = VALID_CLIENT.replace('    - refresh_token\n', '    - refresh_token\n    - magic\n');
  const onMagic = diagnose(text).diags.filter((d) => d.range.start.line === text.split('\n').findIndex((l) => l.includes('magic')));
  assert.deepEqual(onMagic.map((d) => d.code), ['crd-enum-mismatch']);
});

test('a parse problem is reported once, for the resource it is in, among 40 resources', () => {
  // Problems are searched per resource in one sorted list: each must still land exactly once.
  const withDuplicate = (i: number) => VALID_CLIENT.replace('  clientName: Web App\n', `  clientName: App ${i}\n  clientName: App ${i} again\n`);
  const text = Array.from({ length: 40 }, (_, i) => (i % 2 ? withDuplicate(i) : VALID_CLIENT)).join('---\n') + `---\n${DEPLOYMENT.replace('  replicas: 2\n', '  replicas: 2\n  replicas: 3\n')}`;
  const { doc, diags } = diagnose(text);
  assert.equal(doc.isMaesterManifest, true);
  const duplicates = diags.filter((d) => d.code === 'duplicate-key');
  assert.equal(duplicates.length, 20, 'one per resource with a duplicate, none from the Deployment');
  assert.deepEqual(summarize(text, duplicates), Array(20).fill('duplicate-key@clientName'));
});
