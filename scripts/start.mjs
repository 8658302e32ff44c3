// `npm start`: build, run the engine on the bundled sample workspace (samples/), then start the
// in-memory Hydra admin API seeded with sample clients (dist/dev/admin-server.js, from
// test/adminServer/) and show how to point the extension at it. Runs until Ctrl+C (SIGINT/SIGTERM
// stop the admin server cleanly).
//
//   HYDRA_ADMIN_URL=http://host:4445 npm start   use that admin API instead (none is started)
//   ADMIN_PORT=4455 npm start                     port of the in-memory one (default 4445, else any free port)
//   HYDRA_VERSION=v2.3 npm start                  the Hydra version it imitates (v1.11, v2.3, v26; default v26)
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

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

function adminInstructions(adminUrl, what) {
  const connections = `[{ "name": "local", "adminUrl": ${JSON.stringify(adminUrl)}, "auth": "none" }]`;
  return `› admin API: ${what}
  ${adminUrl}
  Point the extension at it (VS Code settings.json, user or workspace):
    "oauth2Client.connections": ${connections}
  and its clients appear under the connection "local".
  From a shell: curl ${adminUrl.replace(/\/+$/, '')}/admin/clients
`;
}

const external = process.env.HYDRA_ADMIN_URL?.trim();
if (external) {
  console.log(adminInstructions(external, 'HYDRA_ADMIN_URL is set, so no in-memory server was started; using'));
  process.exit(0);
}

/** Starts dist/dev/admin-server.js on `port`; resolves with the child and its first line ("… at <url>"). */
function startAdminServer(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/dev/admin-server.js', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const lines = createInterface({ input: child.stdout });
    const onExit = (code, signal) => reject(new Error(stderr.trim() || `the admin server exited (${signal ?? code}) before it listened`));
    child.once('exit', onExit);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', onExit);
      // Later output of the server (if any) and its errors go to ours.
      lines.on('line', (l) => console.log(l));
      child.stderr.removeAllListeners('data');
      child.stderr.pipe(process.stderr);
      if (stderr) process.stderr.write(stderr);
      resolve({ child, line });
    });
  });
}

const wantedPort = Number(process.env.ADMIN_PORT ?? 4445);
let server;
try {
  server = await startAdminServer(wantedPort);
} catch (e) {
  if (wantedPort === 0 || process.env.ADMIN_PORT) {
    console.error(`› the in-memory admin server did not start: ${e.message}`);
    process.exit(1);
  }
  // 4445 taken (a real Hydra, another npm start): any free port will do.
  try {
    server = await startAdminServer(0);
  } catch (e2) {
    console.error(`› the in-memory admin server did not start: ${e2.message}`);
    process.exit(1);
  }
}
const { child, line } = server;
const adminUrl = /\bat (\S+)\s*$/.exec(line)?.[1] ?? `http://127.0.0.1:${wantedPort}`;
const what = line.replace(/\s*at \S+\s*$/, ''); // "Hydra v26 admin API (in memory, 12 sample clients)"
console.log(adminInstructions(adminUrl, `${what}, started at`));
console.log('Running; press Ctrl+C to stop.');

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n› ${signal}: stopping the admin server`);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // If it does not close within 3 s, don't hang: force it.
  setTimeout(() => child.kill('SIGKILL'), 3000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code, signal) => {
  if (!stopping) console.error(`› the admin server exited (${signal ?? code})`);
  process.exit(stopping ? 0 : (code ?? 1));
});
