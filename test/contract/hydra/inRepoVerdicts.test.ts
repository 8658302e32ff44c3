// The in-repo admin server's validation against a real Hydra: every verdict-table case of the
// running version is POSTed to both, and the answers must be the same (status, error, exact
// description). The in-repo server emulates the release binaries, so a case whose answer depends
// on the Go release that built Hydra is compared with the table instead.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startAdminServer, type AdminServer, type HydraVersion } from '../../adminServer/adminServer';
import { HYDRA_VERDICT_CASES } from '../../engine/rules/hydraVerdictCases';
import { builtWithGo126OrLater, realHydraAdminUrl } from '../realHydra';

const release = process.env.HYDRA_VERSION ?? '';
const version: HydraVersion | undefined = /^v2\.3\./.test(release) ? 'v2.3' : undefined;

async function answer(url: string, body: string): Promise<{ status: number; body: unknown }> {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const text = await r.text();
  return { status: r.status, body: r.status === 201 ? undefined : JSON.parse(text) };
}

describe(`the in-repo server answers the verdict table like a real Hydra ${release}`, () => {
  const tag = `iv-${randomUUID().slice(0, 8)}`;
  const created: string[] = [];
  let local: AdminServer;
  let real = '';

  before(async () => {
    assert.ok(version, `HYDRA_VERSION is "${release}": this suite compares with a running v2.3`);
    real = realHydraAdminUrl();
    local = await startAdminServer({ hydraVersion: version });
  });
  after(async () => {
    for (const id of created) await fetch(`${real}/admin/clients/${id}`, { method: 'DELETE' }).catch(() => undefined);
    await local?.close();
  });

  const comparable = HYDRA_VERDICT_CASES.filter(
    (c) => version && c.versions.includes(version)
      // The in-repo server's subject types are the defaults; it fetches no sector_identifier_uri.
      && !c.options?.supportedSubjectTypes
      && !(typeof c.client.sector_identifier_uri === 'string' && /^https:\/\/[^:]+\//.test(c.client.sector_identifier_uri)),
  );
  // A suite without tests never runs its before(): without this, another release would pass silently.
  test('there are cases to compare', () => {
    assert.ok(version, `HYDRA_VERSION is "${release}": this suite compares with a running v2.3`);
    assert.ok(comparable.length > 0, 'no verdict case is comparable');
  });
  comparable.forEach((c, i) => {
    test(c.name, async () => {
      const id = `${tag}-${i}`;
      const body = JSON.stringify({ client_id: id, ...c.client });
      const [hydra, ours] = [await answer(`${real}/admin/clients`, body), await answer(`${local.adminUrl}/admin/clients`, body)];
      if (hydra.status === 201) created.push(id);
      if (c.hydraRejectsWithGo126 !== undefined && builtWithGo126OrLater()) {
        assert.equal(ours.status === 400, c.hydraRejects, 'the in-repo server follows the release binaries');
        return;
      }
      assert.deepEqual(ours, hydra);
    });
  });
});
