// Clients as code against a real Ory Hydra (HYDRA_ADMIN_URL): every normalisation rule must hold for
// the stored form Hydra itself produces, and an applied folder must plan as in sync afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { applyPlan } from '../../../client/src/clientsAsCode/apply';
import { planAgainstServer } from '../../../client/src/clientsAsCode/plan';
import { load } from '../../client/clientsAsCode/files';
import { normalisationSuite } from '../../client/clientsAsCode/normaliseCases';
import { realHydraAdminUrl } from '../realHydra';

const release = process.env.HYDRA_VERSION ?? 'v2.3.0';
const version = release.startsWith('v1.') ? 'v1.11' : /^v2\./.test(release) ? 'v2.3' : 'v26';

normalisationSuite(`a real Hydra ${release}`, version, async () => ({ adminUrl: realHydraAdminUrl(), close: async () => undefined }));

test(`apply, then plan again: in sync on a real Hydra ${release}`, async () => {
  const api = new AdminApiClient({ name: 'real', adminUrl: realHydraAdminUrl(), auth: { kind: 'none' } }, undefined, { retry: { delaysMs: [] } });
  const run = `cac-${Date.now().toString(36)}`;
  const web = { client_id: `${run}-web`, client_name: 'Web', redirect_uris: ['https://web.example/cb'], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], scope: 'openid offline_access', allowed_cors_origins: ['https://web.example/'] };
  const svc = { client_id: `${run}-svc`, grant_types: ['client_credentials'], client_credentials_grant_access_token_lifespan: '1.5h', metadata: { team: 'a' } };
  await api.create({ ...svc, metadata: { team: 'old' } });
  try {
    const files = { 'oauth2-clients/web.yaml': `client_id: ${web.client_id}\nclient_name: Web\nredirect_uris: [https://web.example/cb]\ngrant_types: [authorization_code, refresh_token]\nresponse_types: [code]\nscope: openid offline_access\nallowed_cors_origins: ["https://web.example/"]\n`, 'oauth2-clients/svc.json': svc };
    const plan = await planAgainstServer(api, load(files, version), { hydraVersion: version });
    const mine = plan.entries.filter((e) => e.clientId.startsWith(run));
    assert.deepEqual(mine.map((e) => `${e.action} ${e.clientId}`).sort(), [`create ${web.client_id}`, `update ${svc.client_id}`]);
    const secrets: string[] = [];
    const summary = await applyPlan(api, { ...plan, entries: mine }, { onSecret: (_id, s) => secrets.push(s) });
    assert.deepEqual(summary.results.map((r) => r.outcome), ['created', 'updated']);
    assert.equal(secrets.length, 1);
    const again = (await planAgainstServer(api, load(files, version), { hydraVersion: version })).entries.filter((e) => e.clientId.startsWith(run));
    assert.deepEqual(again.map((e) => e.action), ['unchanged', 'unchanged'], JSON.stringify(again.map((e) => e.changes)));
  } finally {
    for (const id of [web.client_id, svc.client_id]) await api.delete(id).catch(() => undefined);
  }
});
