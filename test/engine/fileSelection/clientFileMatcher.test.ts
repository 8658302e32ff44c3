import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { globToRegExp } from '../../../server/src/engine/fileSelection/glob';

const isOurs = (uri: string, text: string, settings = DEFAULT_SETTINGS) =>
  analyseDocument(uri, 1, text, uri.endsWith('.json') ? 'json' : 'yaml', settings).isClientFile;

test('files named *.oauth2-client.json|yaml|yml are ours, whatever they hold', () => {
  for (const name of ['a.oauth2-client.json', 'a.oauth2-client.yaml', 'a.oauth2-client.yml']) assert.ok(isOurs(`file:///w/${name}`, ''));
});

test('files inside an oauth2-clients/ folder are ours', () => {
  assert.ok(isOurs('file:///w/deploy/oauth2-clients/web.yaml', 'foo: bar\n'));
  assert.ok(isOurs('file:///w/oauth2-clients/nested/api.json', '{}'));
  assert.ok(!isOurs('file:///w/other-clients/web.yaml', 'foo: bar\n'));
});

test('a $schema or modeline naming oauth2-client.schema.json makes a file ours', () => {
  assert.ok(isOurs('file:///w/x.json', '{"$schema": "../schemas/oauth2-client.schema.json", "foo": 1}'));
  assert.ok(isOurs('file:///w/x.yaml', '# yaml-language-server: $schema=https://example.com/oauth2-client.schema.json\nfoo: 1\n'));
});

test('content detection needs two client keys, one of them a strong one', () => {
  assert.ok(isOurs('file:///w/x.json', '{"client_id": "a", "scope": "openid"}'));
  assert.ok(isOurs('file:///w/x.yaml', '- client_name: a\n  grant_types: [client_credentials]\n'));
  assert.ok(!isOurs('file:///w/x.json', '{"client_id": "a"}'));
  assert.ok(!isOurs('file:///w/x.json', '{"scope": "openid", "owner": "me"}'));
  assert.ok(!isOurs('file:///w/package.json', '{"name": "x", "version": "1.0.0"}'));
  assert.ok(!isOurs('untitled:Untitled-1', '{"client_id": "a", "foo": 1}'));
});

test('content detection can be turned off, and globs replaced', () => {
  const off = { ...DEFAULT_SETTINGS, detectByContent: false };
  assert.ok(!isOurs('file:///w/x.json', '{"client_id": "a", "scope": "openid"}', off));
  const custom = { ...DEFAULT_SETTINGS, files: ['**/clients/*.json'] };
  assert.ok(isOurs('file:///w/clients/a.json', '{}', custom));
  assert.ok(!isOurs('file:///w/a.oauth2-client.json', '{}', custom));
});

test('non-client files are not even parsed', () => {
  const doc = analyseDocument('file:///w/big.json', 1, '{"name": "x"}', 'json', DEFAULT_SETTINGS);
  assert.equal(doc.isClientFile, false);
  assert.deepEqual(doc.diagnostics(), []);
  assert.equal(doc.parsed.documents.length, 0);
});

test('glob syntax: **, *, ?, {a,b}', () => {
  assert.ok(globToRegExp('**/*.{json,yaml}').test('/a/b/c.yaml'));
  assert.ok(globToRegExp('**/x?.json').test('/x1.json'));
  assert.ok(!globToRegExp('*.json').test('/a/b.yaml'));
  assert.ok(globToRegExp('*.json').test('/a/b.json'));
});
