// The CodeLens compares a file with the connection its oauth2Client.connectionForFiles glob names,
// else with the active one — the same association the server checks use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionForFile } from '../../../client/src/drift/fileConnection';

test('a glob in connectionForFiles wins over the active connection; unknown names and no match fall back', () => {
  const names = ['dev', 'prod'];
  const setting = { '**/prod/**': 'prod', '**/gone/**': 'deleted-connection' };
  assert.equal(connectionForFile('file:///ws/clients/prod/web.yaml', setting, names, 'dev'), 'prod');
  assert.equal(connectionForFile('file:///ws/clients/dev/web.yaml', setting, names, 'dev'), 'dev');
  assert.equal(connectionForFile('file:///ws/clients/gone/web.yaml', setting, names, 'dev'), undefined);
  assert.equal(connectionForFile('file:///ws/a.json', 'not an object', names, 'prod'), 'prod');
  assert.equal(connectionForFile('file:///ws/a.json', {}, names, undefined), undefined);
});
