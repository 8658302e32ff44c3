// Runs code-server (a real VS Code in the browser) on a private profile: its own user-data and
// extensions folders, quiet user settings (no telemetry, updates, marketplace or welcome pages),
// our .vsix installed. Shared by `npm start` and the end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Settings that keep VS Code from reaching out or covering the workbench with pages and prompts. */
const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // code-server offers to forward every port a process opens (the admin server's): no badge, no prompt.
  'remote.autoForwardPorts': false,
};

/**
 * Creates the profile folders under `dir`, writes the user settings (QUIET_SETTINGS + `settings`)
 * and installs `vsix`. Returns the paths code-server needs.
 */
export function prepareProfile({ dir, vsix, settings = {}, paths }) {
  const profile = {
    dir,
    config: path.join(dir, 'config.yaml'),
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    tmp: path.join(dir, 'tmp'),
  };
  for (const d of [profile.userData, profile.extensions, profile.tmp, path.join(profile.userData, 'User')]) mkdirSync(d, { recursive: true });
  // An empty config keeps code-server away from ~/.config/code-server (and its password).
  writeFileSync(profile.config, '');
  writeFileSync(path.join(profile.userData, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
  if (vsix) {
    const r = spawnSync(paths.node, [paths.codeServer, ...profileArgs(profile), '--install-extension', vsix], {
      env: codeServerEnv(profile),
      encoding: 'utf8',
    });
    if (r.status !== 0 || !/was successfully installed/.test(r.stdout)) throw new Error(`installing ${vsix} into code-server failed:\n${r.stdout}${r.stderr}`);
  }
  return profile;
}

const profileArgs = (p) => ['--config', p.config, '--user-data-dir', p.userData, '--extensions-dir', p.extensions];
// EXTENSIONS_GALLERY={} turns the marketplace off; TMPDIR keeps sockets and logs in the profile.
const codeServerEnv = (p) => ({ ...process.env, TMPDIR: p.tmp, EXTENSIONS_GALLERY: '{}' });

/**
 * Starts code-server on 127.0.0.1 (`port` 0 = any free one) in its own process group and resolves
 * once /healthz answers. `stop()` ends the whole group (code-server, extension hosts, language
 * servers).
 */
export function startCodeServer({ profile, paths, workspace, port = 0, onLog }) {
  const args = [
    paths.codeServer,
    ...profileArgs(profile),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    // Without it, every closed browser tab leaves an extension host running for hours.
    '--reconnection-grace-time', '5',
    // Lets a page run extension-host tests (the "payload" the tests pass in the URL).
    '--vscode-option', 'enable-smoke-test-driver',
    ...(workspace ? [workspace] : []),
  ];
  const child = spawn(paths.node, args, { env: codeServerEnv(profile), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const collect = (d) => {
    const text = d.toString();
    log = (log + text).slice(-20_000);
    onLog?.(text);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return resolve();
      }
      // A group that ignores SIGTERM must not hang the caller.
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 5000).unref();
    });
  const ready = new Promise((resolve, reject) => {
    const onExit = (code, signal) => reject(new Error(`code-server exited (${signal ?? code}) before it listened:\n${log}`));
    child.once('exit', onExit);
    child.once('error', reject);
    const onData = () => {
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//.exec(log);
      if (!m) return;
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      waitHealthy(m[1], child).then(() => {
        child.off('exit', onExit);
        resolve({ url: m[1], port: Number(m[2]) });
      }, reject);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return { child, ready, stop, log: () => log };
}

/** Polls /healthz; each attempt is an HTTP round trip, not a sleep on a guess. */
async function waitHealthy(url, child) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error('code-server exited while starting');
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server at ${url} did not become healthy`);
}
