// The real-Hydra test stage's service: builds Hydra (cached) and starts two in-memory instances,
// one with Hydra's default configuration and one that also supports pairwise subject identifiers
// (verdict cases that need that setting go there). Their admin URLs reach the tests as
// HYDRA_ADMIN_URL and HYDRA_PAIRWISE_ADMIN_URL, its release (e.g. v2.3.0) as HYDRA_VERSION and the
// Go release that built it as HYDRA_GO_VERSION. Both trust only a throwaway loopback certificate
// (HYDRA_TRUSTED_CERT/KEY), so tests can serve https that Hydra fetches (sector_identifier_uri).
import { buildHydra, hydraVersion } from './build.mjs';
import { startHydra } from './hydraProcess.mjs';
import { makeLoopbackCertificate } from './testCertificate.mjs';

/** @returns {Promise<{ env: Record<string, string>, stop: () => Promise<void> }>} */
export async function startHydraService({ log = (line) => console.log(line) } = {}) {
  const { binary, goVersion } = buildHydra({ log });
  const started = [];
  const tls = makeLoopbackCertificate();
  if ('error' in tls) log(`› ${tls.error}: the tests that need Hydra to fetch https URLs will fail`);
  const trust = 'cert' in tls ? { SSL_CERT_FILE: tls.cert } : {};
  // An interrupted run (Ctrl+C exits from hydraProcess's signal hook) never reaches stop(): the
  // certificate folder goes with the process too.
  const removeTls = () => {
    if ('remove' in tls) tls.remove();
  };
  process.once('exit', removeTls);
  const stop = () => Promise.all(started.map((h) => h.stop())).then(() => {
    process.off('exit', removeTls);
    removeTls();
  });
  try {
    const plain = await startHydra(binary, { log, env: trust });
    started.push(plain);
    const pairwise = await startHydra(binary, {
      log,
      env: {
        ...trust,
        OIDC_SUBJECT_IDENTIFIERS_SUPPORTED_TYPES: 'public,pairwise',
        OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT: 'a-salt-for-the-tests-only',
      },
    });
    started.push(pairwise);
    const env = { HYDRA_ADMIN_URL: plain.adminUrl, HYDRA_PAIRWISE_ADMIN_URL: pairwise.adminUrl, HYDRA_VERSION: hydraVersion(), HYDRA_GO_VERSION: goVersion };
    if ('cert' in tls) Object.assign(env, { HYDRA_TRUSTED_CERT: tls.cert, HYDRA_TRUSTED_KEY: tls.key });
    return { env, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
