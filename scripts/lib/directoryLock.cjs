// A lock between processes (provisioning runs of parallel test stages, or two `npm start`s): a
// directory, created atomically, holding its owner's pid. A lock whose owner died (or that never
// got a pid, its creator having died at once) is broken — by one process at a time, under a second,
// short-lived "breaking" lock, and only after checking again that it is still that same stale lock:
// otherwise two processes finding the same dead owner could each remove the lock the other had just
// taken, and both would run.
const { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** A lock without a pid this old was left by a process that died between creating it and writing the pid. */
const PIDLESS_STALE_MS = 30_000;
/** A breaking lock without a live owner, or this old, belongs to a process that died while breaking. */
const BREAKER_STALE_MS = 60_000;

function ownerOf(lock) {
  try {
    return Number(readFileSync(path.join(lock, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function ageOf(dir) {
  const stat = statSync(dir, { throwIfNoEntry: false });
  return stat ? Date.now() - stat.mtimeMs : 0;
}

/** Stale: its owner is dead, or it never got an owner and is old. */
function isStale(lock, owner) {
  return owner ? !alive(owner) : ageOf(lock) > PIDLESS_STALE_MS;
}

function tryCreate(lock) {
  try {
    mkdirSync(lock);
  } catch (e) {
    if (e.code === 'EEXIST') return false;
    throw e;
  }
  writeFileSync(path.join(lock, 'pid'), String(process.pid));
  return true;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Removes `lock` if it is still the stale lock of `seenOwner`, serialised with every other breaker. */
async function breakStale(lock, seenOwner) {
  const breaker = `${lock}.breaking`;
  if (!tryCreate(breaker)) {
    // Another process is breaking it: let it finish, or clear its leftovers if it died doing so.
    const seen = statSync(breaker, { throwIfNoEntry: false });
    const breakerOwner = ownerOf(breaker);
    const dead = seen && (breakerOwner ? !alive(breakerOwner) : Date.now() - seen.mtimeMs > BREAKER_STALE_MS);
    const again = dead && statSync(breaker, { throwIfNoEntry: false });
    // Only the very breaker judged dead: another process may have cleared it and made its own.
    if (again && again.ino === seen.ino && again.mtimeMs === seen.mtimeMs) rmSync(breaker, { recursive: true, force: true });
    else await sleep(50);
    return;
  }
  try {
    const owner = ownerOf(lock);
    if (owner === seenOwner && isStale(lock, owner)) rmSync(lock, { recursive: true, force: true });
  } finally {
    rmSync(breaker, { recursive: true, force: true });
  }
}

/**
 * Waits until this process holds `lock`. `onWait(owner)` is told whom it waits for, before each
 * wait; `pauseBeforeBreakingMs` holds a run between finding a stale lock and breaking it, so tests
 * can make several runs find the same stale lock.
 */
async function acquireDirectoryLock(lock, { pollMs = 5000, onWait = () => {}, pauseBeforeBreakingMs = 0 } = {}) {
  for (;;) {
    if (tryCreate(lock)) return;
    const owner = ownerOf(lock);
    if (isStale(lock, owner)) {
      if (pauseBeforeBreakingMs) await sleep(pauseBeforeBreakingMs);
      await breakStale(lock, owner);
      continue;
    }
    onWait(owner);
    await sleep(pollMs);
  }
}

function releaseDirectoryLock(lock) {
  if (ownerOf(lock) === process.pid) rmSync(lock, { recursive: true, force: true });
}

module.exports = { acquireDirectoryLock, releaseDirectoryLock };
