// The oauth2Client.connections setting: what is accepted, what is refused and why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConnections } from '../../../client/src/connections/connectionConfig';

test('valid entries are kept with their options; bad ones are reported', () => {
  const { connections, problems } = parseConnections([
    { name: 'local', adminUrl: 'http://127.0.0.1:4445' },
    { name: 'ory', adminUrl: 'https://x.projects.oryapis.com', auth: 'bearer', readOnly: true, confirmWrites: true, insecureSkipTlsVerify: true },
    { name: 'local', adminUrl: 'http://other' },
    { adminUrl: 'http://no-name' },
    { name: 'leaky', adminUrl: 'http://admin:hunter22@host:4445' },
    { name: 'a/b', adminUrl: 'http://host' },
  ]);
  assert.deepEqual(connections, [
    { name: 'local', adminUrl: 'http://127.0.0.1:4445', auth: 'none' },
    { name: 'ory', adminUrl: 'https://x.projects.oryapis.com', auth: 'bearer', readOnly: true, confirmWrites: true, insecureSkipTlsVerify: true },
  ]);
  assert.equal(problems.length, 4);
  assert.ok(!problems.join('\n').includes('hunter22'));
  assert.deepEqual(parseConnections(undefined), { connections: [], problems: [] });
});
