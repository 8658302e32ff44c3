// The normalisation rules as a suite any Hydra can run: each case's client is created on the target
// (which fills in its defaults), then the same file must plan as unchanged, and a real change to the
// same field must plan as an update of exactly that field. Run against the in-repo server (unit) and
// a real Hydra (test/contract/hydra).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { planAgainstServer } from '../../../client/src/clientsAsCode/plan';
import type { HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { load } from './files';

export interface NormalisationTarget {
  adminUrl: string;
  close(): Promise<void>;
}

export interface Case {
  rule: string;
  /** The client as the file declares it (key order as written). */
  file: Record<string, unknown>;
  /** A real change to the same field, which must be reported. */
  change: [field: string, value: unknown];
  /** The versions the case applies to (default: all). */
  versions?: HydraVersion[];
}

export const base = { grant_types: ['client_credentials'] };
export const CASES: Case[] = [
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
  { rule: 'false booleans are unset ones', versions: ['v2.3', 'v26'], file: { ...base, skip_consent: false, frontchannel_logout_session_required: false }, change: ['skip_consent', true] },
  { rule: 'access token strategy in any case', versions: ['v2.3', 'v26'], file: { ...base, access_token_strategy: 'JWT' }, change: ['access_token_strategy', 'opaque'] },
  { rule: 'fields this Hydra version does not know are dropped by it', versions: ['v1.11'], file: { ...base, skip_consent: true, access_token_strategy: 'jwt' }, change: ['client_name', 'x'] },
];


export function normalisationSuite(label: string, hydraVersion: HydraVersion, start: () => Promise<NormalisationTarget>): void {
  describe(`normalisation rules against the stored form of ${label}`, () => {
    let target: NormalisationTarget;
    // Ids unique per run: a real Hydra keeps its clients between runs of the suite.
    const run = Date.now().toString(36);
    before(async () => {
      target = await start();
    });
    after(() => target.close());

    CASES.forEach((c, i) => {
      if (c.versions && !c.versions.includes(hydraVersion)) return;
      test(c.rule, async () => {
        const version = hydraVersion;
        const api = new AdminApiClient({ name: label, adminUrl: target.adminUrl, auth: { kind: 'none' } }, undefined, { retry: { delaysMs: [] } });
        const id = `norm-${run}-${i}`;
        const file = { client_id: id, ...c.file };
        await api.create(file);
        try {
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
        } finally {
          await api.delete(id);
        }
      });
    });
  });
}
