// `npm run package`: build, then pack the extension into oauth2-client-studio-<version>.vsix with vsce
// (run with the cached Node 24: vsce 4 needs Node ≥ 22). .vscodeignore keeps the package to the
// bundles, the schema, README, LICENSE and the icons. Prints the file list and the size.
//
//   node scripts/package.mjs [--out FILE] [--no-build]
//   import { packageExtension } from './package.mjs'  → { vsix, bytes, files }
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { provisionNode } from './provision-vscode.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function packageExtension({ out, build = true, quiet = false } = {}) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.resolve(out ?? path.join(root, `${manifest.name}-${manifest.version}.vsix`));
  const stdio = quiet ? 'pipe' : 'inherit';
  if (build) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio });
    if (b.status !== 0) throw new Error(`build failed${quiet ? `:\n${b.stderr}` : ''}`);
  }
  mkdirSync(path.dirname(vsix), { recursive: true });
  const node = await provisionNode();
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // --no-dependencies: the bundles carry their dependencies, so node_modules is never looked at;
  // --no-rewrite-relative-links: README's images stay relative (there is no public repository URL).
  const r = spawnSync(node, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}${r.stderr}`);
  const files = spawnSync(node, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
  return { vsix, bytes: statSync(vsix).size, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    const { vsix, bytes, files } = await packageExtension({ out: outAt >= 0 ? args[outAt + 1] : undefined, build: !args.includes('--no-build') });
    console.log(`\n${files.length} files:\n  ${files.join('\n  ')}`);
    console.log(`\n✓ ${path.relative(process.cwd(), vsix) || vsix}: ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes)`);
  } catch (e) {
    console.error(`✗ ${e.message}`);
    process.exit(1);
  }
}
