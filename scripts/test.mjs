// `npm test`: type check, build, then every test stage in order; ends with "N passed, N failed".
// `node scripts/test.mjs unit|protocol|…` runs one stage (the npm run test:* scripts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleTests } from './lib/bundleTests.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

// Stages: name → test folders (under test/). Later issues append stages (real Hydra, VS Code).
const STAGES = {
  unit: ['engine', 'server', 'client', 'adminServer', 'contract/inRepo', 'fuzz/engine', 'scripts'],
  protocol: ['protocol', 'cli', 'fuzz/protocol'],
  hydra: ['contract/hydra'],
  e2e: ['e2e'],
};
// Stages that need a server: started (and for Hydra first built, cached) before the stage's tests,
// stopped after them even when they fail; its env (e.g. HYDRA_ADMIN_URL) reaches the tests.
const SERVICES = {
  hydra: async () => (await import('../test/hydra/service.mjs')).startHydraService(),
  // A real VS Code (code-server + Chromium), provisioned once into ~/.cache, and the packaged .vsix.
  e2e: async () => (await import('../test/e2e/service.mjs')).startE2eService(),
};
// Test files run two at a time, except where they share one server that cannot take concurrent
// writes: Hydra on in-memory SQLite answers those with "concurrent update" errors.
// Each e2e file drives its own VS Code and browser: one at a time on two cores.
const CONCURRENCY = { hydra: 1, e2e: 1 };

const only = process.argv[2];
if (only && !STAGES[only]) {
  console.error(`unknown stage "${only}"; stages: ${Object.keys(STAGES).join(', ')}`);
  process.exit(2);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

let passed = 0;
let failed = 0;
const fail = (what) => {
  console.error(`\n✗ ${what}`);
  failed++;
};

if (!only) {
  console.log('› type check');
  if (run('npx', ['tsc', '-p', 'test/tsconfig.json', '--noEmit']) === 0) passed++;
  else fail('type check');
}
console.log('› build');
if (run('node', ['scripts/build.mjs']) !== 0) {
  fail('build');
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

// One folder per run, so that two runs at once (e.g. a stage while `npm test` runs) don't collide.
const outDir = path.join(root, '.cache', 'tests', `run-${process.pid}`);
rmSync(outDir, { recursive: true, force: true });
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
// Ctrl+C: exit through the 'exit' hooks (this folder, the services' own), not around them.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

for (const [stage, folders] of Object.entries(STAGES)) {
  if (only && stage !== only) continue;
  const files = folders.flatMap((f) => findTests(path.join('test', f)));
  if (!files.length) continue;
  console.log(`› ${stage} tests (${files.length} files)`);
  // Tests are TypeScript: bundle each to JS (dependencies stay external) and run with node --test.
  await bundleTests({ entryPoints: files, outdir: path.join(outDir, stage), outbase: 'test' });
  const built = files.map((f) => path.join(outDir, stage, path.relative('test', f)).replace(/\.ts$/, '.js'));
  const tap = path.join(outDir, `${stage}.tap`);
  mkdirSync(path.dirname(tap), { recursive: true });
  let service;
  try {
    service = await SERVICES[stage]?.();
  } catch (e) {
    fail(`${stage}: ${e.message}`);
    continue;
  }
  let status;
  try {
    status = run('node', [
      '--enable-source-maps', '--test', `--test-concurrency=${CONCURRENCY[stage] ?? 2}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...built,
    ], { env: { ...process.env, OAUTH2_CLIENT_STUDIO_ROOT: root, ...service?.env } });
  } finally {
    await service?.stop();
  }
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  // A runner that died (killed, out of memory, Ctrl+C) leaves no failures in its TAP: never a pass.
  if (status !== 0 && count('fail') + count('cancelled') === 0) fail(`${stage}: the test runner exited with ${status} and reported no failure`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function findTests(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(findTests(p));
    else if (e.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}
