// The provisioning lock between processes: one holder at a time, even when several processes find
// the same dead owner at once (each pauses between finding it and breaking it, so they really meet).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireDirectoryLock, releaseDirectoryLock } from '../../scripts/lib/directoryLock.cjs';

const repoRoot = process.env.OAUTH2_CLIENT_STUDIO_ROOT ?? path.resolve(__dirname, '../../..');
const LOCK_MODULE = path.join(repoRoot, 'scripts/lib/directoryLock.cjs');

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

/** A child process that takes the lock, logs enter/exit around a short hold, and releases it. */
function holder(lock: string, log: string): Promise<number> {
  const script = `
    const { appendFileSync } = require('node:fs');
    const { acquireDirectoryLock, releaseDirectoryLock } = require(${JSON.stringify(LOCK_MODULE)});
    (async () => {
      await acquireDirectoryLock(${JSON.stringify(lock)}, { pollMs: 20, pauseBeforeBreakingMs: 150 });
      appendFileSync(${JSON.stringify(log)}, 'enter ' + process.pid + '\\n');
      await new Promise((r) => setTimeout(r, 100));
      appendFileSync(${JSON.stringify(log)}, 'exit ' + process.pid + '\\n');
      releaseDirectoryLock(${JSON.stringify(lock)});
    })();`;
  return new Promise((resolve) => spawn(process.execPath, ['-e', script], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? -1)));
}

test('four runs meeting the same dead owner take the lock one after another', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dir-lock-'));
  const lock = path.join(dir, '.lock');
  const log = path.join(dir, 'log');
  mkdirSync(lock);
  writeFileSync(path.join(lock, 'pid'), String(deadPid()));
  const codes = await Promise.all([1, 2, 3, 4].map(() => holder(lock, log)));
  assert.deepEqual(codes, [0, 0, 0, 0]);
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  assert.equal(lines.length, 8);
  for (let i = 0; i < lines.length; i += 2) {
    const [enter, exit] = [lines[i]!.split(' '), lines[i + 1]!.split(' ')];
    assert.deepEqual([enter[0], exit[0], exit[1]], ['enter', 'exit', enter[1]], `overlapping holders:\n${lines.join('\n')}`);
  }
  assert.equal(new Set(lines.map((l) => l.split(' ')[1])).size, 4);
  assert.ok(!existsSync(lock) && !existsSync(`${lock}.breaking`), 'lock and breaking lock left behind');
});

test('a live owner is waited for, not broken; releasing is for the owner only', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dir-lock-'));
  const lock = path.join(dir, '.lock');
  await acquireDirectoryLock(lock);
  assert.equal(readFileSync(path.join(lock, 'pid'), 'utf8'), String(process.pid));
  let taken = false;
  const other = holder(lock, path.join(dir, 'log')).then((code) => {
    taken = true;
    return code;
  });
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(taken, false, 'the lock of a live process was taken');
  assert.equal(readFileSync(path.join(lock, 'pid'), 'utf8'), String(process.pid));
  releaseDirectoryLock(lock);
  assert.equal(await other, 0);
  assert.match(readFileSync(path.join(dir, 'log'), 'utf8'), /^enter \d+\nexit \d+\n$/);

  // Someone else's lock survives our release.
  mkdirSync(lock);
  writeFileSync(path.join(lock, 'pid'), '1');
  releaseDirectoryLock(lock);
  assert.ok(existsSync(lock));
});

test('a lock that never got a pid is broken once it is old, and a breaking lock left by a dead run is cleared', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dir-lock-'));
  const lock = path.join(dir, '.lock');
  mkdirSync(lock);
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(lock, anHourAgo, anHourAgo);
  mkdirSync(`${lock}.breaking`);
  writeFileSync(path.join(`${lock}.breaking`, 'pid'), String(deadPid()));
  await acquireDirectoryLock(lock, { pollMs: 20 });
  assert.equal(readFileSync(path.join(lock, 'pid'), 'utf8'), String(process.pid));
  assert.ok(!existsSync(`${lock}.breaking`));
  releaseDirectoryLock(lock);

  // A fresh lock without a pid yet (its owner is writing it) is waited for, not broken.
  mkdirSync(lock);
  let waitedFor: number | undefined;
  const taken = acquireDirectoryLock(lock, { pollMs: 20, onWait: (owner) => (waitedFor = owner) });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(waitedFor, 0);
  writeFileSync(path.join(lock, 'pid'), '1'); // owned by a live process (init) now…
  rmSync(lock, { recursive: true }); // …which then releases it
  await taken;
  releaseDirectoryLock(lock);
});
