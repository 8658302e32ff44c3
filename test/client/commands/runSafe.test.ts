// Command failures: one short message and a log line; cancels are silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminApiError } from '../../../client/src/adminApi/adminApiError';
import { runSafe } from '../../../client/src/commands/runSafe';
import { WriteRefusedError } from '../../../client/src/connections/writeGuard';
import { FakeHost } from '../fakeHost';

test('errors are shown once and logged; cancels show nothing', async () => {
  const host = new FakeHost();
  await runSafe(host, 'deleteClient', () => {
    throw new AdminApiError({ kind: 'http', status: 404, message: 'Not found: client "x".' });
  });
  assert.deepEqual(host.shown.map((s) => [s.kind, s.message]), [['error', 'Not found: client "x".']]);
  assert.equal(host.logs.length, 1);
  await runSafe(host, 'createClient', () => Promise.reject(new WriteRefusedError('Cancelled', true)));
  await runSafe(host, 'exportClient', () => Promise.reject(new AdminApiError({ kind: 'cancelled', message: 'Cancelled.' })));
  assert.equal(host.shown.length, 1);
  await runSafe(host, 'createClient', () => Promise.reject(new WriteRefusedError('Connection "prod" is read-only: cannot create client.')));
  assert.match(host.shown[1].message, /read-only/);
});
