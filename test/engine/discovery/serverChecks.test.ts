// Clients (files and Maester resources) checked against a server's discovery document: warnings that
// name the server, on the offending token; one information note when the document is unavailable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { ServerAssociation, normalizeServerConfigurations, type ServerConfiguration } from '../../../server/src/engine/discovery/serverConfiguration';
import { serverDiagnostics, withServerDiagnostics } from '../../../server/src/engine/discovery/serverDiagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import { summarize } from '../../helpers/text';
import { VALID_CLIENT } from '../maester/manifests';

// As Hydra v2 answers with default configuration (oauth2/handler.go discovery).
const HYDRA_DEFAULT: ServerConfiguration = {
  name: 'staging',
  url: 'https://auth.staging.example/.well-known/openid-configuration',
  document: {
    issuer: 'https://auth.staging.example/',
    subject_types_supported: ['public'],
    response_types_supported: ['code', 'code id_token', 'id_token', 'token id_token', 'token', 'token id_token code'],
    grant_types_supported: ['authorization_code', 'implicit', 'client_credentials', 'refresh_token'],
    scopes_supported: ['offline_access', 'offline', 'openid'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt', 'none'],
    id_token_signing_alg_values_supported: ['RS256'],
    userinfo_signing_alg_values_supported: ['none', 'RS256'],
  },
};

const analyse = (text: string, uri = 'file:///w/app.oauth2-client.yaml') => analyseDocument(uri, 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES);

test('each unsupported value is reported on its token, naming the server and its list', () => {
  const text = [
    'client_id: app',
    'subject_type: pairwise',
    'token_endpoint_auth_method: tls_client_auth',
    'grant_types: [authorization_code, urn:ietf:params:oauth:grant-type:device_code]',
    'response_types: [id_token code, code token]',
    'scope: openid billing.read offline_access',
    'userinfo_signed_response_alg: RS256',
    '',
  ].join('\n');
  const doc = analyse(text);
  const diags = serverDiagnostics(doc, HYDRA_DEFAULT);
  assert.deepEqual(summarize(text, diags), [
    'server-auth-method-unsupported@tls_client_auth',
    'server-grant-type-unsupported@urn:ietf:params:oauth:grant-type:device_code',
    'server-response-type-unsupported@code token',
    'server-scope-unlisted@billing.read',
    'server-subject-type-unsupported@pairwise',
  ]);
  for (const d of diags) assert.match(d.message, /^Server "staging" does not list the /);
  assert.equal(diags.find((d) => d.code === 'server-subject-type-unsupported')!.severity, 'error');
  assert.equal(diags.find((d) => d.code === 'server-scope-unlisted')!.severity, 'information');
  assert.equal(diags.find((d) => d.code === 'server-grant-type-unsupported')!.severity, 'warning');
});

test("the server's subject types replace Hydra's default assumption of [public]", () => {
  const text = 'client_id: app\nsubject_type: pairwise\nredirect_uris: [https://a.example/cb]\n';
  const doc = analyse(text);
  assert.deepEqual(doc.diagnostics().map((d) => d.code), ['subject-type-unsupported'], 'without a server: the default [public]');
  const pairwise: ServerConfiguration = { ...HYDRA_DEFAULT, document: { ...HYDRA_DEFAULT.document, subject_types_supported: ['public', 'pairwise'] } };
  assert.deepEqual(withServerDiagnostics(doc.diagnostics(), doc, pairwise), []);
  assert.deepEqual(withServerDiagnostics(doc.diagnostics(), doc, HYDRA_DEFAULT).map((d) => d.code), ['server-subject-type-unsupported']);
  assert.equal(withServerDiagnostics(doc.diagnostics(), doc, undefined), doc.diagnostics());
});

test('Maester resources are checked through the mapping, labelled with the CRD key', () => {
  const text = VALID_CLIENT.replace('tokenEndpointAuthMethod: client_secret_basic', 'tokenEndpointAuthMethod: none').replace('    - code\n', '    - code\n    - code token\n');
  const narrow: ServerConfiguration = { ...HYDRA_DEFAULT, document: { ...HYDRA_DEFAULT.document, token_endpoint_auth_methods_supported: ['client_secret_basic'] } };
  const diags = serverDiagnostics(analyse(text, 'file:///w/k8s.yaml'), narrow);
  assert.deepEqual(summarize(text, diags), ['server-auth-method-unsupported@none', 'server-response-type-unsupported@code token']);
  assert.match(diags[0].message + diags[1].message, /spec\.tokenEndpointAuthMethod/);
});

test('Maester scopeArray: an unlisted scope is flagged on its own item, not on the whole array', () => {
  const text = VALID_CLIENT.replace('scopeArray: [openid, offline_access]', 'scopeArray: [openid, billing.read]');
  assert.match(text, /billing\.read/);
  const diags = serverDiagnostics(analyse(text, 'file:///w/k8s.yaml'), HYDRA_DEFAULT);
  assert.deepEqual(summarize(text, diags), ['server-scope-unlisted@billing.read']);
});

test('an unreachable server: one information note, no other finding, nothing thrown', () => {
  const doc = analyse('client_id: app\nsubject_type: pairwise\n');
  const down: ServerConfiguration = { name: 'prod', url: 'https://auth.example/.well-known/openid-configuration', unreachable: 'connect ECONNREFUSED' };
  const diags = withServerDiagnostics(doc.diagnostics(), doc, down);
  assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['subject-type-unsupported', 'error'], ['server-configuration-unavailable', 'information']]);
  assert.match(diags[1].message, /Server "prod".*could not be read \(connect ECONNREFUSED\)/);
  assert.deepEqual(serverDiagnostics(analyse('apiVersion: v1\nkind: ConfigMap\n', 'file:///w/cm.yaml'), down), [], 'not our file: nothing');
});

test('association: live clients use their connection, then globs in order, then the status bar pick', () => {
  const config = normalizeServerConfigurations({
    servers: [{ name: 'prod', url: 'u1', document: {} }, { name: 'dev', url: 'u2', unreachable: 'timeout' }, { name: 7 }],
    associations: [{ pattern: '**/prod/**', server: 'prod' }, { pattern: 3 }],
    defaultServer: 'dev',
  });
  assert.equal(config.servers.length, 2);
  assert.equal(config.associations.length, 1);
  const a = new ServerAssociation(config);
  assert.equal(a.serverFor('file:///w/prod/app.oauth2-client.yaml')?.name, 'prod');
  assert.equal(a.serverFor('file:///w/other/app.oauth2-client.yaml')?.name, 'dev');
  assert.equal(a.serverFor('oauth2-client://prod/web.json')?.name, 'prod');
  assert.equal(new ServerAssociation(normalizeServerConfigurations(null)).serverFor('file:///x.yaml'), undefined);
  assert.equal(a.serverFor('not a uri'), undefined);
  // Malformed percent escapes (a URL keeps them as written) match as written, never throw.
  assert.equal(a.serverFor('file:///w/prod/100%zz.oauth2-client.yaml')?.name, 'prod');
  assert.equal(a.serverFor('file:///w/other/100%zz.oauth2-client.yaml')?.name, 'dev');
});
