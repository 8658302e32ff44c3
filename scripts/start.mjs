// `npm start`: the extension in a real VS Code, ready to try. Builds, packages the .vsix, starts the
// in-memory Hydra admin API seeded with sample clients (dist/dev/admin-server.js, from
// test/adminServer/), then code-server (VS Code in the browser) with the extension installed, a
// sample workspace of client files (JSON and YAML, some with mistakes) and a connection to that
// admin API in the user settings. Prints the URL to open. The first run installs code-server,
// Node 24 and Chromium into ~/.cache/oauth2-client-studio (minutes; progress is printed).
// Ctrl+C (SIGINT/SIGTERM) stops everything.
//
//   HYDRA_ADMIN_URL=http://host:4445 npm start   use that admin API instead (none is started; auth none)
//   ADMIN_PORT=4455 npm start                     port of the in-memory one (default 4445, else any free port)
//   HYDRA_VERSION=v2.3 npm start                  the Hydra version it imitates (v1.11, v2.3, v26; default v26)
//   PORT=8081 npm start                           code-server's port (default 8080, else any free port)
//   npm start -- --fresh                          recreate the sample workspace (.cache/demo/workspace)
//   npm start -- --no-build                       use dist/ as it is (the e2e test of npm start does)
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { packageExtension } from './package.mjs';
import { provisionVscode } from './provision-vscode.mjs';
import { prepareProfile, startCodeServer } from './vscode/codeServer.mjs';
import { createSampleWorkspace } from './vscode/sampleWorkspace.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// OAUTH2_DEMO_DIR: where the profile and workspace live (the e2e test of npm start uses a temp one).
const demoDir = process.env.OAUTH2_DEMO_DIR ?? path.join(root, '.cache', 'demo');
const step = (msg) => console.log(`› ${msg}`);
/** A path as the user can find it: relative inside the repository, absolute elsewhere. */
const shown = (p) => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);

const stops = [];
let stopping = false;
async function stopAll(reason, code = 0) {
  if (stopping) return;
  stopping = true;
  if (reason) console.log(`\n› ${reason}: stopping`);
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll('SIGINT'));
process.on('SIGTERM', () => void stopAll('SIGTERM'));

async function main() {
  const build = !process.argv.includes('--no-build');
  step(build ? 'building and packaging the extension' : 'packaging the extension');
  const { vsix, bytes } = await packageExtension({ out: path.join(demoDir, 'oauth2-client-studio.vsix'), quiet: true, build });
  step(`packaged ${shown(vsix)} (${(bytes / 1024).toFixed(0)} KiB)`);

  const paths = await provisionVscode();

  const { adminUrl, what } = await adminApi();
  const workspace = path.join(demoDir, 'workspace');
  if (process.argv.includes('--fresh')) rmSync(workspace, { recursive: true, force: true });
  if (!existsSync(workspace)) {
    createSampleWorkspace(workspace);
    step(`sample workspace created in ${shown(workspace)}`);
  } else step(`sample workspace: ${shown(workspace)} (kept; --fresh recreates it)`);

  step('installing the extension into code-server');
  const profile = prepareProfile({
    dir: path.join(demoDir, 'profile'),
    vsix,
    paths,
    settings: { 'oauth2Client.connections': [{ name: 'local', adminUrl, auth: 'none' }] },
  });
  const wanted = Number(process.env.PORT ?? 8080);
  let server = await startVsCode(profile, paths, workspace, wanted).catch((e) => {
    if (process.env.PORT) throw e;
    return startVsCode(profile, paths, workspace, 0); // 8080 taken: any free port
  });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`
› ready: ${what}
    admin API ${adminUrl}   (connection "local" in the OAuth2 Clients view)

  Open VS Code in your browser:

    ${url}

  Try: clients/with-mistakes.oauth2-client.yaml (diagnostics, quick fixes with Ctrl+.), completion
  with Ctrl+Space, hover a key; the OAuth2 Clients view in the activity bar: open a client, edit, save.
  Outside VS Code: node dist/server/server.js --stdio (any LSP editor), node dist/cli/oauth2-client-lint.js DIR (CI).

  Press Ctrl+C to stop.`);
  server.child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`› code-server exited (${signal ?? code}):\n${server.log().slice(-2000)}`);
      void stopAll(undefined, 1);
    }
  });
}

async function startVsCode(profile, paths, workspace, port) {
  const server = startCodeServer({ profile, paths, workspace, port });
  stops.push(server.stop);
  const { url } = await server.ready;
  return { ...server, url };
}

/** HYDRA_ADMIN_URL, or the in-memory admin API on ADMIN_PORT / 4445 / any free port. */
async function adminApi() {
  const external = process.env.HYDRA_ADMIN_URL?.trim();
  if (external) return { adminUrl: external, what: 'using HYDRA_ADMIN_URL' };
  const wantedPort = Number(process.env.ADMIN_PORT ?? 4445);
  let started;
  try {
    started = await startAdminServer(wantedPort);
  } catch (e) {
    if (wantedPort === 0 || process.env.ADMIN_PORT) throw new Error(`the in-memory admin server did not start: ${e.message}`);
    // 4445 taken (a real Hydra, another npm start): any free port will do.
    started = await startAdminServer(0);
  }
  const { child, line } = started;
  stops.push(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  );
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`› the admin server exited (${signal ?? code})`);
      void stopAll(undefined, 1);
    }
  });
  const adminUrl = /\bat (\S+)\s*$/.exec(line)?.[1] ?? `http://127.0.0.1:${wantedPort}`;
  return { adminUrl, what: line.replace(/\s*at \S+\s*$/, '') }; // "Hydra v26 admin API (in memory, 12 sample clients)"
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
      lines.on('line', (l) => console.log(l));
      child.stderr.removeAllListeners('data');
      child.stderr.pipe(process.stderr);
      if (stderr) process.stderr.write(stderr);
      resolve({ child, line });
    });
  });
}

main().catch((e) => {
  console.error(`✗ ${e.message}`);
  void stopAll(undefined, 1);
});
