// package.json's view, menus and settings must agree with the ids the code uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLIENT_SCHEME } from '../../../client/src/clientFs/clientUri';
import { ContextValue, VIEW_CONTAINER_ID, VIEW_ID } from '../../../client/src/explorer/explorerNode';
import { projectRoot } from '../../helpers/lspClient';

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const c = manifest.contributes;

test('the view lives in its own activity-bar container, with a welcome view', () => {
  const [container] = c.viewsContainers.activitybar;
  assert.equal(container.id, VIEW_CONTAINER_ID);
  assert.ok(readFileSync(path.join(projectRoot, container.icon), 'utf8').includes('<svg'));
  assert.equal(c.views[VIEW_CONTAINER_ID][0].id, VIEW_ID);
  assert.match(c.viewsWelcome[0].contents, /command:oauth2Client\.addConnection/);
});

test('every menu entry names a declared command, and viewItem clauses name real contextValues', () => {
  const declared = new Set(c.commands.map((x: { command: string }) => x.command));
  const values = Object.values(ContextValue) as string[];
  for (const [menu, entries] of Object.entries(c.menus) as [string, { command: string; when?: string }[]][]) {
    for (const e of entries) {
      assert.ok(declared.has(e.command), `${menu}: ${e.command}`);
      for (const m of (e.when ?? '').matchAll(/viewItem == ([\w.]+)/g)) assert.ok(values.includes(m[1]), m[1]);
      for (const m of (e.when ?? '').matchAll(/viewItem =~ \/(.+?)\//g)) assert.ok(values.some((v) => new RegExp(m[1]).test(v)), m[1]);
    }
  }
});

test('connections and liveFormat settings; live clients reach the language server', () => {
  const props = c.configuration.properties;
  const item = props['oauth2Client.connections'].items;
  assert.deepEqual(item.required, ['name', 'adminUrl']);
  assert.deepEqual(item.properties.auth.enum, ['none', 'basic', 'bearer']);
  for (const k of ['apiVersion', 'headers', 'caFile', 'readOnly', 'confirmWrites', 'insecureSkipTlsVerify']) assert.ok(item.properties[k], k);
  for (const k of ['password', 'token']) assert.equal(item.properties[k], undefined, `${k} must not be a setting`);
  assert.deepEqual(props['oauth2Client.liveFormat'].enum, ['json', 'yaml']);
  // languageClient.ts loads vscode-languageclient (which needs vscode): read its source instead.
  const source = readFileSync(path.join(projectRoot, 'client/src/languageClient.ts'), 'utf8');
  assert.match(source, new RegExp(`DOCUMENT_SCHEMES[^=]*= \\[[^\\]]*'${CLIENT_SCHEME}'`));
  assert.ok(manifest.activationEvents.includes(`onFileSystem:${CLIENT_SCHEME}`));
});
