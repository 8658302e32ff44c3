// Bench sections that measure our TypeScript code directly (the admin API client, clients as code)
// bundle it with esbuild into bench/.out/build, then measure in a child Node process, so that each
// section starts with a fresh heap and JIT and can ask for flags such as --expose-gc. The child
// prints its result as one JSON line, last on stdout.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bundles `entryPoints` (name → source) to `<outDir>/build/<name>.mjs`; returns that folder. */
export async function bundleForBench(root, outDir, entryPoints) {
  const { build } = await import('esbuild');
  const { compiledValidatorPlugin } = await import('../scripts/lib/compiledValidatorPlugin.mjs');
  const buildDir = path.join(outDir, 'build');
  mkdirSync(buildDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    // jsonc-parser's UMD entry hides its requires from the bundler; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    outdir: buildDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    plugins: [compiledValidatorPlugin()],
  });
  return buildDir;
}

/** Runs `script --child buildDir` and returns its JSON result; never throws (an error comes back as { error }). */
export function measureInChild(root, script, buildDir, nodeFlags = []) {
  try {
    const r = spawnSync(process.execPath, [...nodeFlags, script, '--child', buildDir], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 60_000) * 10,
    });
    const line = (r.stdout ?? '').trim().split('\n').filter(Boolean).pop();
    if (r.status !== 0 || !line) return { error: (r.stderr || r.error?.message || `child exited with ${r.status}`).trim().split('\n').slice(-3).join(' ') };
    return JSON.parse(line);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A section's command line, when its script is run itself: `--child DIR` measures with the bundles
 * in DIR and prints the result as JSON; without it, the section measures in a child process and
 * prints its table.
 */
export async function runSection(scriptUrl, { child, measure, title, table }) {
  const self = fileURLToPath(scriptUrl);
  if (!process.argv[1] || path.resolve(process.argv[1]) !== self) return;
  if (process.argv[2] === '--child') {
    await child(process.argv[3]).then((r) => console.log(JSON.stringify(r)), (e) => {
      console.error(e instanceof Error ? e.stack : String(e));
      process.exit(1);
    });
    return;
  }
  const root = path.resolve(path.dirname(self), '..');
  const r = await measure({ root, outDir: path.join(root, 'bench/.out') });
  console.log(`${title}\n`);
  console.log(table(r));
  if (r.error) process.exitCode = 1;
}
