// `node main.js [port] [--hydra-version v1.11|v2.3|v26]`: a seeded in-memory Hydra admin API.
import { startAdminServer, type HydraVersion } from './adminServer';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const versionAt = args.indexOf('--hydra-version');
  const hydraVersion = (versionAt >= 0 ? args.splice(versionAt, 2)[1] : process.env.HYDRA_VERSION ?? 'v26') as HydraVersion;
  if (!['v1.11', 'v2.3', 'v26'].includes(hydraVersion)) throw new Error(`unknown Hydra version ${hydraVersion}`);
  const port = Number(args[0] ?? process.env.PORT ?? 4445);
  const server = await startAdminServer({ hydraVersion, seed: true, port });
  console.log(`Hydra ${hydraVersion} admin API (in memory, ${server.store.size} sample clients) at ${server.adminUrl}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
