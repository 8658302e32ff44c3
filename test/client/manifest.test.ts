// The manifest repeats the engine's defaults (VS Code reads them from package.json): keep them equal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/engine/engineSettings';
import { HYDRA_VERSIONS } from '../../server/src/engine/schema/clientSchema';
import { projectRoot } from '../helpers/lspClient';

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const props = manifest.contributes.configuration.properties;

test('setting defaults in package.json are the engine defaults', () => {
  assert.deepEqual(props['oauth2Client.files'].default, DEFAULT_SETTINGS.files);
  assert.equal(props['oauth2Client.detectByContent'].default, DEFAULT_SETTINGS.detectByContent);
  assert.equal(props['oauth2Client.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
  assert.equal(props['oauth2Client.hydraVersion'].default, DEFAULT_SETTINGS.hydraVersion);
  assert.deepEqual(props['oauth2Client.hydraVersion'].enum, [...HYDRA_VERSIONS]);
});

test('the extension activates on JSON and YAML and ships its bundles as entry points', () => {
  assert.deepEqual([...manifest.activationEvents].sort(), ['onFileSystem:oauth2-client', 'onLanguage:json', 'onLanguage:jsonc', 'onLanguage:yaml', 'onView:oauth2Client.explorer']);
  assert.equal(manifest.main, './dist/client/extension.js');
  assert.equal(manifest.bin['oauth2-client-language-server'], './dist/server/server.js');
  assert.equal(manifest.bin['oauth2-client-lint'], './dist/cli/oauth2-client-lint.js');
});
