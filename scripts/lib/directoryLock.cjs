// A lock between processes (provisioning runs of parallel test stages, or two `npm start`s): a
// directory, created atomically, holding its owner's pid. A lock whose owner died is broken — but
// only by one process at a time, under a second, short-lived lock, and only after checking again
// that it is still the dead owner's: otherwise two processes finding the same dead owner could
// each remove the lock the other had just taken, and both would run.
const { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** A breaking lock older than this belongs to a process that died while breaking: removed. */
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

/** Removes `lock` if its owner `dead` still holds it, serialised with every other breaker. */
async function breakStale(lock, dead, pauseMs) {
  const breaker = `${lock}.breaking`;
  if (!tryCreate(breaker)) {
    // Another process is breaking it: let it finish (or clear its leftovers if it died doing so).
    const breakerOwner = ownerOf(breaker);
    const age = Date.now() - (statSync(breaker, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((breakerOwner && !alive(breakerOwner)) || age > BREAKER_STALE_MS) rmSync(breaker, { recursive: true, force: true });
    else await sleep(50);
    return;
  }
  try {
    if (pauseMs) await sleep(pauseMs);
    if (ownerOf(lock) === dead) rmSync(lock, { recursive: true, force: true });
  } finally {
    rmSync(breaker, { recursive: true, force: true });
  }
}

/**
 * Waits until this process holds `lock`. `onWait(owner)` is told whom it waits for, before each
 * wait; `pauseWhileBreakingMs` widens the breaking step so tests can make runs meet there.
 */
async function acquireDirectoryLock(lock, { pollMs = 5000, onWait = () => {}, pauseWhileBreakingMs = 0 } = {}) {
  for (;;) {
    if (tryCreate(lock)) return;
    const owner = ownerOf(lock);
    if (owner && !alive(owner)) {
      await breakStale(lock, owner, pauseWhileBreakingMs);
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
