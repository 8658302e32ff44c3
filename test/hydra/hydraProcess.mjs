// Starts a built Hydra binary for tests: in-memory SQLite, free loopback ports, dev mode (plain
// http on loopback) and no usage reports; resolves once the admin API answers /health/ready.
// stop() kills it; a process exit kills it as well, so a failing or interrupted run leaves none.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const READY_TIMEOUT_MS = 30_000;
/** Live Hydra processes → their log files. */
const running = new Map();
let exitHookInstalled = false;

/** `count` distinct ports the OS says are free on 127.0.0.1 right now: all held open until each is known, so the OS cannot hand one out twice. */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const srv = createServer();
      servers.push(srv);
      await new Promise((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((srv) => srv.address().port);
  } finally {
    await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(() => resolve()))));
  }
}

/**
 * @param {string} binary path of the hydra binary
 * @param {{ env?: Record<string, string>, log?: (line: string) => void }} [options] extra config as Hydra's env variables
 * @returns {Promise<{ adminUrl: string, publicUrl: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startHydra(binary, options = {}) {
  // A port free when picked can be taken by another process before Hydra binds it: try fresh ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startHydraOnce(binary, options);
    } catch (e) {
      if (attempt >= 3 || !/address already in use/i.test(e.message)) throw e;
    }
  }
}

async function startHydraOnce(binary, { env = {}, log = () => {} } = {}) {
  installExitHook();
  const [publicPort, adminPort] = await freePorts(2);
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  // Output goes to a file, not a pipe: the test runner waits synchronously for the tests, and a
  // pipe nobody drains would block Hydra once full.
  const logFile = path.join(tmpdir(), `oauth2-client-studio-hydra-${process.pid}-${adminPort}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(binary, ['serve', 'all', '--dev', '--sqa-opt-out'], {
    stdio: ['ignore', fd, fd],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DSN: 'memory',
      // A fresh random system secret per process: nothing outlives the run.
      SECRETS_SYSTEM: randomBytes(24).toString('hex'),
      URLS_SELF_ISSUER: `${publicUrl}/`,
      // Where v2.3 redirects unprefixed admin paths (/clients → /admin/clients).
      URLS_SELF_ADMIN: adminUrl,
      SERVE_PUBLIC_HOST: '127.0.0.1',
      SERVE_PUBLIC_PORT: String(publicPort),
      SERVE_ADMIN_HOST: '127.0.0.1',
      SERVE_ADMIN_PORT: String(adminPort),
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  closeSync(fd);
  running.set(child, logFile);
  const output = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-20_000);
    } catch {
      return '';
    }
  };
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    running.delete(child);
    resolve({ code, signal });
  }));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(logFile, { force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let early;
  void exited.then((r) => (early = r));
  while (true) {
    if (early) {
      const text = output();
      rmSync(logFile, { force: true });
      throw new Error(`hydra exited before it was ready (${early.code ?? early.signal}):\n${text}`);
    }
    try {
      const res = await fetch(`${adminUrl}/health/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const text = output();
      await stop();
      throw new Error(`hydra was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`› Ory Hydra (pid ${child.pid}) ready: admin ${adminUrl}, public ${publicUrl}`);
  return { adminUrl, publicUrl, pid: child.pid, output, stop };
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [child, log] of running) {
      child.kill('SIGKILL');
      rmSync(log, { force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      process.exit(130); // the exit hook above kills them
    });
  }
}
