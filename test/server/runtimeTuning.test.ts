// The heap settled after the warm-up leaves room for a big first document: reading one then
// triggers no full (mark-compact) collection, where an unsettled heap needs one. And the helper
// threads yield to the main thread. Each case runs in a fresh Node process, since the point is the
// runtime's state at start-up.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { test } from 'node:test';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import vm from 'node:vm';
import { lowerBackgroundThreadPriority, settleHeapAfterWarmUp } from '../../server/src/languageServer/runtimeTuning';

const CHILD = 'OAUTH2_CLIENT_STUDIO_HEAP_CHILD';

/** A client-file tree's worth of small objects that stay alive (like a parsed document). */
function retain(megabytes: number): object[] {
  const out: object[] = [];
  for (let i = 0; i < megabytes * 10_000; i++) out.push({ type: 'string', value: `v${i}`, offset: i, length: 4, parent: out });
  return out;
}

async function childMain(settle: boolean): Promise<void> {
  const kept = [retain(12)]; // what the engine, the libraries and the warm-up leave alive
  if (settle) settleHeapAfterWarmUp();
  let fullCollections = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections++;
  });
  observer.observe({ entryTypes: ['gc'] });
  kept.push(retain(20)); // the first big document
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  process.stdout.write(`${JSON.stringify({ fullCollections, kept: kept.length })}\n`);
}

/** Each thread's nice value, read back from /proc (field 19 of its stat line). */
function niceByThread(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    out[id] = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  }
  return out;
}

function priorityChildMain(): void {
  const before = niceByThread();
  const lowered = lowerBackgroundThreadPriority();
  process.stdout.write(`${JSON.stringify({ pid: process.pid, lowered, before, after: niceByThread() })}\n`);
}

function runChild(mode: 'settle' | 'plain' | 'priority'): { fullCollections: number } {
  const r = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: mode }, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

if (process.env[CHILD] === 'priority') {
  priorityChildMain();
} else if (process.env[CHILD]) {
  void childMain(process.env[CHILD] === 'settle');
} else {
  test('a big first document meets no full collection once the heap is settled (and does meet one otherwise)', () => {
    const plain = runChild('plain');
    assert.ok(plain.fullCollections > 0, 'without settling, the same allocation should have needed a full collection: the test no longer shows anything');
    assert.equal(runChild('settle').fullCollections, 0);
  });

  test('settling is skipped quietly where the runtime offers no gc() (it only saves time)', (t) => {
    t.mock.method(vm, 'runInNewContext', () => {
      throw new ReferenceError('gc is not defined');
    });
    assert.doesNotThrow(() => settleHeapAfterWarmUp());
  });

  test('every thread but the main one gets the lowest priority (Linux)', { skip: !existsSync('/proc/self/task') && 'no /proc/self/task here' }, () => {
    const r = runChild('priority') as unknown as { pid: number; lowered: number; before: Record<string, number>; after: Record<string, number> };
    const helpers = Object.keys(r.after).filter((id) => Number(id) !== r.pid);
    assert.ok(helpers.length > 0, 'Node always runs helper threads: the test no longer shows anything');
    assert.equal(r.lowered, helpers.length);
    for (const id of helpers) assert.equal(r.after[id], 19, `thread ${id}`);
    assert.equal(r.after[String(r.pid)], r.before[String(r.pid)], 'the main thread keeps its priority');
  });

  test('a refused priority change is skipped quietly (it only saves time)', (t) => {
    t.mock.method(os, 'setPriority', () => {
      throw new Error('EACCES');
    });
    assert.equal(lowerBackgroundThreadPriority(), 0);
  });

  test('settling exposes no gc() to the program', () => {
    settleHeapAfterWarmUp();
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'gc() must not leak into the global scope');
  });
}
