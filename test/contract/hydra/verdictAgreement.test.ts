// Verdict agreement with a real Ory Hydra: every case of the Hydra verdict table for the version
// that is running is POSTed to it (and PUT onto an existing client, as a save from the editor
// would be), and our linter must report an error exactly when Hydra answers 400. The table's own claims (hydraRejects, Hydra's error and description) are checked too, so a
// wrong row fails here instead of passing on our word.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { HYDRA_VERDICT_CASES, type HydraVerdictCase } from '../../engine/rules/hydraVerdictCases';
import { runCase } from '../../engine/rules/verdictHarness';
import { builtWithGo126OrLater, realHydraAdminUrl } from '../realHydra';

/** The table's version for a release string from /version. */
function tableVersion(release: string): HydraVersion {
  if (/^v1\.11\./.test(release)) return 'v1.11';
  if (/^v2\.3\./.test(release)) return 'v2.3';
  if (/^v(2[5-9]|[3-9]\d)\./.test(release)) return 'v26';
  throw new Error(`no verdict table for Hydra ${release}`);
}

/**
 * Cases Hydra would answer by fetching a URL off this machine (an https sector_identifier_uri it
 * can parse): tests send traffic to loopback only, so these are not POSTed.
 */
function offMachineFetch(c: HydraVerdictCase): string | undefined {
  const uri = c.client.sector_identifier_uri;
  if (typeof uri !== 'string' || !uri.startsWith('https://')) return undefined;
  try {
    new URL(uri);
  } catch {
    return undefined;
  }
  return `Hydra would fetch ${uri}; tests reach loopback only (sectorIdentifier.test.ts checks this on loopback)`;
}

const needsPairwise = (c: HydraVerdictCase) => c.options?.supportedSubjectTypes?.includes('pairwise') ?? false;

// The stage says which release it started (HYDRA_VERSION), so the cases are chosen up front;
// before() checks that the server really is that release.
const release = process.env.HYDRA_VERSION ?? '';
const version = release ? tableVersion(release) : undefined;
const goVersion = process.env.HYDRA_GO_VERSION ?? '';

describe(`verdict agreement with a real Hydra ${release}`, () => {
  const tag = `va-${randomUUID().slice(0, 8)}`;
  const created: { url: string; id: string }[] = [];
  let agreed = 0;
  let compared = 0;
  /** Cases where this build's newer Go, not our rules, makes Hydra answer otherwise than a release binary. */
  const byGo: string[] = [];
  const disagreements: string[] = [];

  before(async () => {
    assert.ok(version, 'HYDRA_VERSION is not set: run `npm run test:hydra`, which builds and starts Hydra');
    const res = await fetch(`${realHydraAdminUrl()}/version`);
    assert.equal(((await res.json()) as { version?: unknown }).version, release, 'HYDRA_VERSION names the running release');
  });
  after(async () => {
    for (const { url, id } of created) await fetch(`${url}/admin/clients/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => undefined);
  });

  HYDRA_VERDICT_CASES.forEach((c, i) => {
    if (!version || !c.versions.includes(version)) return;
    test(c.name, async (t) => {
      const offMachine = offMachineFetch(c);
      if (offMachine) return t.skip(offMachine);
      const base = realHydraAdminUrl(needsPairwise(c) ? 'HYDRA_PAIRWISE_ADMIN_URL' : 'HYDRA_ADMIN_URL');
      const clients = `${base}${version === 'v1.11' ? '/clients' : '/admin/clients'}`;
      const id = `${tag}-${i}`;
      const send = async (method: string, url: string, client: Record<string, unknown>) => {
        const r = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(client) });
        return { status: r.status, body: (await r.json().catch(() => ({}))) as { client_id?: string; error?: string; error_description?: string } };
      };
      const { status, body } = await send('POST', clients, { client_id: id, ...c.client });
      if (status === 201) created.push({ url: base, id: String(body.client_id ?? id) });
      assert.ok(status === 201 || status === 400, `Hydra answered ${status}: ${JSON.stringify(body)}`);
      // A save from the editor is a PUT: Hydra must answer it as it answered the create.
      assert.equal((await send('POST', clients, { client_id: `${id}-put` })).status, 201);
      created.push({ url: base, id: `${id}-put` });
      const put = await send('PUT', `${clients}/${id}-put`, c.client);
      assert.deepEqual([put.status, status === 400 ? put.body : undefined], [status === 201 ? 200 : 400, status === 400 ? body : undefined], 'an update is judged like a create');
      const hydraRejects = status === 400;
      const linterRejects = runCase(c, version, 'json').some((d) => d.severity === 'error');
      const answer = hydraRejects ? ` (${body.error}: ${body.error_description})` : '';
      compared++;
      if (c.hydraRejectsWithGo126 !== undefined && builtWithGo126OrLater(goVersion)) {
        // This build answers as a Go 1.26 build does; the editor follows the release binaries.
        byGo.push(c.name);
        assert.equal(hydraRejects, c.hydraRejectsWithGo126, `the table says a Go 1.26 build ${c.hydraRejectsWithGo126 ? 'rejects' : 'accepts'} it${answer}`);
        assert.equal(linterRejects, c.hydraRejects, 'the linter follows the release binaries');
        return;
      }
      if (linterRejects === hydraRejects) agreed++;
      else disagreements.push(`${c.name}: Hydra ${hydraRejects ? 'rejects' : 'accepts'}, the linter ${linterRejects ? 'rejects' : 'accepts'}`);

      assert.equal(linterRejects, hydraRejects, `Hydra ${hydraRejects ? 'rejects' : 'accepts'} this client${answer}; the linter ${linterRejects ? 'reports an error' : 'reports none'}`);
      assert.equal(c.hydraRejects, hydraRejects, `the table says Hydra ${c.hydraRejects ? 'rejects' : 'accepts'} it${answer}`);
      if (hydraRejects && c.hydraAnswer) {
        assert.equal(c.hydraAnswer.status, 400);
        assert.equal(body.error, c.hydraAnswer.error);
        assert.ok(String(body.error_description).includes(c.hydraAnswer.description), `Hydra says: ${body.error_description}`);
      }
    });
  });

  test('the agreement count', () => {
    const go = byGo.length ? `; ${byGo.length} more answered as the table says a ${goVersion} build does, not as the release binary the editor follows` : '';
    console.log(`verdict agreement (Hydra ${release}, built with ${goVersion}): ${agreed}/${compared - byGo.length}${go}`);
    assert.ok(compared > 0, 'no case was compared');
    assert.deepEqual(disagreements, []);
  });
});
