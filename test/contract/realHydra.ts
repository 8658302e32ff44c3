// The real Hydra the hydra stage started (scripts/test.mjs → test/hydra/service.mjs), or one a
// developer points the tests at. Without HYDRA_ADMIN_URL the real-Hydra tests fail, loudly:
// they never quietly fall back to our own server.
export function realHydraAdminUrl(variable: 'HYDRA_ADMIN_URL' | 'HYDRA_PAIRWISE_ADMIN_URL' = 'HYDRA_ADMIN_URL'): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run the real-Hydra tests with \`npm run test:hydra\`, which builds and starts Hydra`);
  return url.replace(/\/+$/, '');
}

/** Whether the running Hydra was built with Go 1.26 or later (HYDRA_GO_VERSION, e.g. "go1.26.8"). */
export function builtWithGo126OrLater(go = process.env.HYDRA_GO_VERSION ?? ''): boolean {
  const m = /^go(\d+)\.(\d+)/.exec(go);
  return !!m && (Number(m[1]) > 1 || Number(m[2]) >= 26);
}
