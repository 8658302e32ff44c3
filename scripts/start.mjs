// `npm start`: build, then run the engine on the bundled sample workspace (samples/) and show how
// to use the language server from an editor. Later issues extend this into a full demo.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;

console.log('› building');
if (run(['scripts/build.mjs']) !== 0) process.exit(1);
console.log('\n› linting the sample workspace (samples/) with the same engine the language server uses\n');
run(['dist/cli/oauth2-client-lint.js', 'samples']);
console.log(`
› use it
  VS Code:        open this folder in VS Code and press F5 (or install the .vsix), then open samples/
  any LSP editor: ${path.join(root, 'dist/server/server.js')} --stdio
                  (Neovim: vim.lsp.start({ name = 'oauth2-client', cmd = { 'node', '<that path>', '--stdio' } }))
  CI:             node dist/cli/oauth2-client-lint.js [--format json] [--hydra-version v26] DIR...
`);
