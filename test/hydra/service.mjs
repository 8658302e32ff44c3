// The real-Hydra test stage's service: builds Hydra (cached) and starts two in-memory instances,
// one with Hydra's default configuration and one that also supports pairwise subject identifiers
// (verdict cases that need that setting go there). Their admin URLs reach the tests as
// HYDRA_ADMIN_URL and HYDRA_PAIRWISE_ADMIN_URL, its release (e.g. v2.3.0) as HYDRA_VERSION and the
// Go release that built it as HYDRA_GO_VERSION.
import { buildHydra, hydraVersion } from './build.mjs';
import { startHydra } from './hydraProcess.mjs';

/** @returns {Promise<{ env: Record<string, string>, stop: () => Promise<void> }>} */
export async function startHydraService({ log = (line) => console.log(line) } = {}) {
  const { binary, goVersion } = buildHydra({ log });
  const started = [];
  const stop = () => Promise.all(started.map((h) => h.stop())).then(() => undefined);
  try {
    const plain = await startHydra(binary, { log });
    started.push(plain);
    const pairwise = await startHydra(binary, {
      log,
      env: {
        OIDC_SUBJECT_IDENTIFIERS_SUPPORTED_TYPES: 'public,pairwise',
        OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT: 'a-salt-for-the-tests-only',
      },
    });
    started.push(pairwise);
    return { env: { HYDRA_ADMIN_URL: plain.adminUrl, HYDRA_PAIRWISE_ADMIN_URL: pairwise.adminUrl, HYDRA_VERSION: hydraVersion(), HYDRA_GO_VERSION: goVersion }, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
