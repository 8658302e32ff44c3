// Completion and hover under spec of a Hydra Maester OAuth2Client: the CRD's keys and enums, Hydra's
// docs for mapped keys, the controller's docs for its own keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { maesterCodeActions } from '../../../server/src/engine/maester/maesterCodeActions';
import { maesterCompletion } from '../../../server/src/engine/maester/maesterCompletion';
import { maesterHover } from '../../../server/src/engine/maester/maesterHover';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import { toLspDiagnostic } from '../../../server/src/languageServer/diagnostics';
import { applyTextEdits, caret } from '../../helpers/edits';
import { DEPLOYMENT, VALID_CLIENT } from './manifests';

function at(src: string) {
  const { text, position } = caret(src);
  return { text, position, doc: analyseDocument('file:///w/k8s.yaml', 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES) };
}

function labels(src: string): string[] {
  const { doc, position } = at(src);
  return (maesterCompletion(doc, position)?.items ?? []).map((i) => i.label);
}

function hoverText(src: string): string {
  const { doc, position } = at(src);
  const h = maesterHover(doc, position);
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

test('spec keys: the CRD names not yet written, required ones first', () => {
  const src = VALID_CLIENT.replace('  secretName: web-app-credentials\n', '  sec|\n');
  const { doc, position } = at(src);
  const items = maesterCompletion(doc, position)!.items;
  const names = items.map((i) => i.label);
  assert.ok(names.includes('secretName') && names.includes('jwksUri') && names.includes('skipConsent'));
  assert.ok(!names.includes('grantTypes') && !names.includes('clientName'), 'keys already present are left out');
  assert.ok(!names.includes('client_name') && !names.includes('jwks'), 'only CRD names');
  const secret = items.find((i) => i.label === 'secretName')!;
  assert.equal(secret.sortText?.[0], '0');
  assert.deepEqual(secret.textEdit && 'range' in secret.textEdit ? secret.textEdit.range.start : undefined, { line: position.line, character: 2 });
  const noGrants = at(VALID_CLIENT.replace('  clientName: Web App\n', '  |\n').replace(/  grantTypes:\n(    - .*\n)+/, ''));
  const grant = maesterCompletion(noGrants.doc, noGrants.position)!.items.find((i) => i.label === 'grantTypes')!;
  assert.match(grant.textEdit!.newText, /^grantTypes:\n    - \$1$/);
});

test('sub-keys of tokenLifespans and hydraAdmin', () => {
  const lifespans = labels(VALID_CLIENT.replace('    authorization_code_grant_access_token_lifespan: 1h\n', '    authorization_code_grant_access_token_lifespan: 1h\n    |\n'));
  assert.ok(lifespans.includes('refresh_token_grant_refresh_token_lifespan'));
  assert.ok(!lifespans.includes('authorization_code_grant_access_token_lifespan'));
  assert.ok(!lifespans.includes('device_authorization_grant_access_token_lifespan'), 'the CRD has no device lifespans');
  assert.deepEqual(labels(VALID_CLIENT.replace('    port: 4445\n', '    port: 4445\n    |\n')).sort(), ['endpoint', 'forwardedProto']);
});

test("values: the CRD's closed sets, for a key and for the items of a sequence", () => {
  assert.deepEqual(labels(VALID_CLIENT.replace('deletionPolicy: orphan', 'deletionPolicy: |')), ['delete', 'orphan']);
  assert.deepEqual(labels(VALID_CLIENT.replace('tokenEndpointAuthMethod: client_secret_basic', 'tokenEndpointAuthMethod: cl|')), ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none']);
  const grants = labels(VALID_CLIENT.replace('    - refresh_token\n', '    - refresh_token\n    - |\n'));
  assert.deepEqual(grants.sort(), ['client_credentials', 'implicit'], 'the CRD has no jwt-bearer; present items are left out');
  assert.deepEqual(labels(VALID_CLIENT.replace('    - code\n', '    - |\n')).length, 7);
  assert.deepEqual(labels(VALID_CLIENT.replace('skipConsent', 'x').replace('  deletionPolicy: orphan\n', '  skipConsent: |\n')), ['true', 'false']);
});

test('no completion in the other objects of a manifest, nor outside spec', () => {
  const src = `${DEPLOYMENT.replace('  replicas: 2\n', '  replicas: 2\n  |\n')}---\n${VALID_CLIENT}`;
  assert.deepEqual(labels(src), []);
  assert.deepEqual(labels(VALID_CLIENT.replace('  namespace: apps\n', '  namespace: apps\n  |\n')), []);
});

test("hover: a mapped key shows the mapping, the CRD's restriction and Hydra's own docs", () => {
  const md = hoverText(VALID_CLIENT.replace('  grantTypes:', '  grant|Types:'));
  assert.match(md, /\*\*spec\.grantTypes\*\* · array of strings → Hydra `grant_types`/);
  assert.match(md, /The CRD allows: `client_credentials`, `authorization_code`, `implicit`, `refresh_token`\./);
  assert.match(md, /\*\*grant_types\*\*/, "Hydra's field docs follow");
  const lifespan = hoverText(VALID_CLIENT.replace('authorization_code_grant_access_token_lifespan', 'authorization_code_grant_access_|token_lifespan'));
  assert.match(lifespan, /→ Hydra `authorization_code_grant_access_token_lifespan`/);
});

test("hover: controller-only keys show the controller's doc; values say whether the CRD allows them", () => {
  const md = hoverText(VALID_CLIENT.replace('secretName', 'secret|Name'));
  assert.match(md, /read by the Hydra Maester controller, never sent to Hydra/);
  assert.match(md, /CLIENT_ID/);
  const url = hoverText(VALID_CLIENT.replace('    url:', '    u|rl:'));
  assert.match(url, /--hydra-url/);
  const value = hoverText(VALID_CLIENT.replace('    - code\n', '    - co|de\n'));
  assert.match(value, /^`code`/);
  assert.match(value, /→ Hydra `response_types`/);
  assert.equal(hoverText(`${DEPLOYMENT.replace('replicas', 'repl|icas')}---\n${VALID_CLIENT}`), '');
});

test("quick fixes: a Hydra spelling renamed to the CRD key, a value outside the CRD's enum replaced", () => {
  const text = VALID_CLIENT.replace('  redirectUris:', '  redirect_uris:').replace('deletionPolicy: orphan', 'deletionPolicy: Orphan');
  const doc = analyseDocument('file:///w/k8s.yaml', 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES);
  const diags = doc.diagnostics().map(toLspDiagnostic);
  const actions = maesterCodeActions(doc, 'file:///w/k8s.yaml', diags);
  assert.deepEqual(actions.map((a) => a.title).sort(), ['Change to "orphan"', 'Rename "redirect_uris" to "redirectUris"']);
  const fixed = applyTextEdits(text, actions.flatMap((a) => a.edit!.changes!['file:///w/k8s.yaml']));
  assert.equal(fixed, VALID_CLIENT);
  assert.deepEqual(analyseDocument('file:///w/k8s.yaml', 2, fixed, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES).diagnostics(), []);
});

test('completion still knows the resource when apiVersion and kind carry trailing comments', () => {
  const commented = VALID_CLIENT
    .replace('apiVersion: hydra.ory.sh/v1alpha1\n', 'apiVersion: hydra.ory.sh/v1alpha1 # Hydra Maester\n')
    .replace('kind: OAuth2Client\n', 'kind: OAuth2Client  # the CRD\n')
    .replace('  secretName: web-app-credentials\n', '  sec|\n');
  assert.ok(labels(commented).includes('secretName'));
});
