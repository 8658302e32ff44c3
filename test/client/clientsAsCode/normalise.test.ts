// Each normalisation rule, proven against the server's own stored form: the file's client is created
// on the in-repo Hydra (which fills in its defaults), then the same file must plan as unchanged — and
// a real change to the same field must still plan as an update of that field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { diffClients, normaliseClient } from '../../../client/src/clientsAsCode/normalise';
import { planAgainstServer } from '../../../client/src/clientsAsCode/plan';
import { type AdminServer, type HydraVersion, startAdminServer } from '../../adminServer/adminServer';
import { load } from './files';

interface Case {
  rule: string;
  /** The client as the file declares it (key order as written). */
  file: Record<string, unknown>;
  /** A real change to the same field, which must be reported. */
  change: [field: string, value: unknown];
  version?: HydraVersion;
}

const base = { grant_types: ['client_credentials'] };
const CASES: Case[] = [
  { rule: 'key order, also inside objects', file: { metadata: { team: { b: 1, a: 2 }, env: 'prod' }, ...base, client_name: 'order' }, change: ['metadata', { team: { b: 1, a: 3 }, env: 'prod' }] },
  { rule: 'null and [] are the same as no array', file: { ...base, redirect_uris: null, contacts: [], audience: null }, change: ['audience', ['https://api.example']] },
  { rule: 'server-set fields in the file do not count', file: { ...base, created_at: '2001-01-01T00:00:00Z', updated_at: '2001-01-01T00:00:00Z', registration_client_uri: 'https://old.example/r', client_secret_expires_at: 0 }, change: ['client_name', 'renamed'] },
  { rule: 'the secret (never returned) does not count', file: { ...base, client_secret: 'a-long-enough-secret' }, change: ['owner', 'team-a'] },
  { rule: 'an empty scope is the default scope', file: { ...base, scope: '' }, change: ['scope', 'openid'] },
  { rule: 'no scope is the default scope', file: { ...base }, change: ['scope', 'offline_access openid'] },
  { rule: 'the default auth method, userinfo alg and subject type', file: { ...base, token_endpoint_auth_method: '' }, change: ['token_endpoint_auth_method', 'client_secret_post'] },
  { rule: 'lifespans in any Go spelling', file: { ...base, client_credentials_grant_access_token_lifespan: '1.5h', authorization_code_grant_access_token_lifespan: '90m' }, change: ['client_credentials_grant_access_token_lifespan', '2h'] },
  { rule: 'CORS origins without their trailing slash', file: { ...base, allowed_cors_origins: ['https://app.example/'] }, change: ['allowed_cors_origins', ['https://other.example']] },
  { rule: 'empty jwks and metadata', file: { ...base, jwks: {}, metadata: null }, change: ['metadata', { a: 1 }] },
  { rule: 'false booleans are unset ones', file: { ...base, skip_consent: false, frontchannel_logout_session_required: false }, change: ['skip_consent', true] },
  { rule: 'access token strategy in any case', file: { ...base, access_token_strategy: 'JWT' }, change: ['access_token_strategy', 'opaque'] },
  { rule: 'fields this Hydra version does not know are dropped by it', version: 'v1.11', file: { ...base, skip_consent: true, access_token_strategy: 'jwt' }, change: ['client_name', 'x'] },
];

describe('normalisation rules against the server\'s stored form', () => {
  const servers = new Map<HydraVersion, AdminServer>();
  before(async () => {
    for (const v of ['v26', 'v1.11'] as const) servers.set(v, await startAdminServer({ hydraVersion: v }));
  });
  after(async () => {
    for (const s of servers.values()) await s.close();
  });

  CASES.forEach((c, i) => {
    test(c.rule, async () => {
      const version = c.version ?? 'v26';
      const srv = servers.get(version)!;
      const api = new AdminApiClient({ name: 'local', adminUrl: srv.adminUrl, auth: { kind: 'none' } }, undefined, { retry: { delaysMs: [] } });
      const id = `case-${i}`;
      const file = { client_id: id, ...c.file };
      await api.create(file);
      const only = (plan: Awaited<ReturnType<typeof planAgainstServer>>) => plan.entries.find((e) => e.clientId === id)!;

      const loaded = load({ [`oauth2-clients/${id}.json`]: file }, version);
      assert.deepEqual(loaded.refused, []);
      const same = only(await planAgainstServer(api, loaded, { hydraVersion: version }));
      assert.equal(same.action, 'unchanged', JSON.stringify(same.changes));

      const [field, value] = c.change;
      const changed = only(await planAgainstServer(api, load({ [`oauth2-clients/${id}.json`]: { ...file, [field]: value } }, version), { hydraVersion: version }));
      assert.equal(changed.action, 'update');
      assert.deepEqual(changed.changes?.map((ch) => ch.field), [field]);
      assert.deepEqual(changed.changes?.[0]?.local, value);
    });
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
