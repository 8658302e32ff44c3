// Bundles the extension client, the language server, the CLIs and the dev admin server with esbuild.
import { chmod, readFile } from 'node:fs/promises';
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

// The server's bin starts Node with the options it needs (server/src/languageServer/nodeStartFlags.ts);
// `env -S` splits them on Linux and macOS, and npm's Windows shims read them from this line too.
const serverNodeFlags = JSON.parse(await readFile('server/src/languageServer/nodeStartFlags.json', 'utf8'));
const serverShebang = serverNodeFlags.length ? `#!/usr/bin/env -S node ${serverNodeFlags.join(' ')}` : '#!/usr/bin/env node';

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client/extension.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server/server.js', banner: serverShebang },
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
    }).then(() => (e.banner ? chmod(e.out, 0o755) : undefined)),
  ),
);
