// `npm run fuzz [-- options]`: builds the server, bundles test/fuzz/fuzzMain.ts and runs the long
// engine and protocol fuzz (options: see test/fuzz/fuzzMain.ts, or `npm run fuzz -- --help`).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bundleTests } from './lib/bundleTests.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

// The protocol fuzz drives dist/server/server.js: build it from the current sources first.
if (spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const outDir = path.join(root, '.cache', 'fuzz', `run-${process.pid}`);
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await bundleTests({ entryPoints: ['test/fuzz/fuzzMain.ts'], outdir: outDir });
const r = spawnSync('node', ['--enable-source-maps', path.join(outDir, 'fuzzMain.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, OAUTH2_CLIENT_STUDIO_ROOT: root },
});
process.exit(r.status ?? 1);
