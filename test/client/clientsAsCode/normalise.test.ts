// Each normalisation rule, proven against the in-repo server's own stored form (v26, and v1.11 for
// the fields it doesn't know), plus the details no server round trip shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { diffClients, normaliseClient } from '../../../client/src/clientsAsCode/normalise';
import { type AdminServer, type HydraVersion, startAdminServer } from '../../adminServer/adminServer';
import { normalisationSuite } from './normaliseCases';
import { allFields } from '../../../server/src/engine/schema/clientSchema';

for (const hydraVersion of ['v26', 'v1.11'] as const) {
  normalisationSuite(`the in-repo Hydra ${hydraVersion}`, hydraVersion, async () => {
    const srv = await startAdminServer({ hydraVersion });
    return { adminUrl: srv.adminUrl, close: () => srv.close() };
  });
}

test("the schema decides: every readOnly field is ignored, every field's default equals its absence", () => {
  const readOnly = allFields.filter((f) => f.readOnly);
  const defaults = allFields.filter((f) => !f.readOnly && typeof f.schema.default === 'string');
  assert.ok(readOnly.length >= 4 && defaults.length >= 3, 'the schema marks server-set fields and stored defaults');
  for (const f of readOnly) assert.deepEqual(diffClients({ client_id: 'a' }, { client_id: 'a', [f.name]: 'set by the server' }, { hydraVersion: f.versions[0]! }), [], f.name);
  for (const f of defaults) {
    const options = { hydraVersion: f.versions[0]! };
    assert.deepEqual(diffClients({ client_id: 'a' }, { client_id: 'a', [f.name]: f.schema.default }, options), [], f.name);
    assert.deepEqual(diffClients({ client_id: 'a', [f.name]: '' }, { client_id: 'a', [f.name]: f.schema.default }, options), [], f.name);
    assert.deepEqual(diffClients({ client_id: 'a' }, { client_id: 'a', [f.name]: 'something-else' }, options).map((c) => c.field), [f.name], f.name);
  }
});

describe('normalisation details', () => {
  const servers = new Map<HydraVersion, AdminServer>();
  before(async () => {
    for (const v of ['v26', 'v1.11'] as const) servers.set(v, await startAdminServer({ hydraVersion: v }));
  });
  after(async () => {
    for (const s of servers.values()) await s.close();
  });

  test('create responses (null arrays, registration token, the secret) equal later reads', async () => {
    const srv = servers.get('v26')!;
    const api = new AdminApiClient({ name: 'local', adminUrl: srv.adminUrl, auth: { kind: 'none' } });
    const created = await api.create({ client_id: 'echo', grant_types: ['client_credentials'] });
    const read = await api.get('echo');
    assert.ok(created.registration_access_token && created.client_secret);
    assert.deepEqual(diffClients(created, read, { hydraVersion: 'v26' }), []);
  });

  test('a server with another default scope: the configured one is the default', () => {
    const n = normaliseClient({ client_id: 'x' }, { hydraVersion: 'v26', defaultScope: 'openid' });
    assert.equal(n.get('scope'), '"openid"');
    assert.deepEqual(diffClients({ client_id: 'x' }, { client_id: 'x', scope: 'openid' }, { hydraVersion: 'v26', defaultScope: 'openid' }), []);
    assert.equal(diffClients({ client_id: 'x' }, { client_id: 'x', scope: 'openid' }, { hydraVersion: 'v26' }).length, 1);
  });

  test('an unparsable lifespan is compared as written (it is a change, not a crash)', () => {
    const d = diffClients({ client_id: 'x', implicit_grant_access_token_lifespan: '30d' }, { client_id: 'x', implicit_grant_access_token_lifespan: '720h0m0s' }, { hydraVersion: 'v26' });
    assert.deepEqual(d, [{ field: 'implicit_grant_access_token_lifespan', local: '30d', server: '720h0m0s' }]);
  });
});
