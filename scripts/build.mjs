// Bundles the extension client, the language server, the CLIs and the dev admin server with esbuild.
import { build } from 'esbuild';
import { compiledValidatorPlugin } from './lib/compiledValidatorPlugin.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  plugins: [compiledValidatorPlugin()],
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client/extension.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server/server.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli/lint.ts', out: 'dist/cli/oauth2-client-lint.js', banner: '#!/usr/bin/env node' },
  // The in-memory Hydra admin API that `npm start` runs (test/adminServer/; node built-ins only).
  { in: 'test/adminServer/main.ts', out: 'dist/dev/admin-server.js', banner: '#!/usr/bin/env node' },
];

await Promise.all(
  entries.map((e) =>
    build({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
    }),
  ),
);
