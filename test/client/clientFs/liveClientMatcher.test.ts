// A live client opened through oauth2-client:// is validated whatever its name and content.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientFileMatcher } from '../../../server/src/engine/fileSelection/clientFileMatcher';

test('the language server treats oauth2-client:// documents as client files', () => {
  const m = new ClientFileMatcher(undefined, false);
  assert.equal(m.matchByNameOrPointer('oauth2-client://local/web.json', '{}'), true);
  assert.equal(m.matchByNameOrPointer('file:///ws/web.json', '{}'), false);
});
