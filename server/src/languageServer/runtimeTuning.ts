// V8 settings the language server applies to itself, so they hold however it is started (VS Code,
// an editor running the bin, the bench).
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps V8's young generation at its starting size instead of letting it grow to 16 MB per
 * semi-space. Nearly everything a document allocates either dies at once or lives as long as the
 * document (its tree), so a big nursery buys nothing: it only holds on to memory, and a small one
 * stays in the CPU caches. Measured on the bench's 2,000-client YAML (5 fresh processes each):
 * open → diagnostics 142–159 → 102–121 ms, RSS after it 122–125 → 95–98 MiB. The cost: while
 * typing in that document, each version's tree reaches the old generation sooner, so the peak over
 * 30 quick edits rose from 204–220 to 248 MiB (edit → diagnostics went 134–140 → 111–123 ms).
 * The flag is read whenever V8 considers growing the young generation, so setting it at start-up
 * (before the warm-up allocates) is enough.
 */
export function tuneRuntimeForLanguageServer(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** The lowest priority: helpers run on cores nothing else wants. */
const BACKGROUND_NICE = 19;

/**
 * Gives the process's other threads (V8's compiler and garbage-collector helpers, Node's platform
 * threads) the lowest scheduling priority, so that they stop competing with the main thread, which
 * answers the editor. A first big document makes V8 compile 25–50 functions in the background,
 * 130–260 ms of CPU in all, and during it the main thread needs only 40–80 ms: with four helpers
 * on a 2-core machine, the main thread got a fraction of a core. Measured on the bench (2 cores,
 * 14–16 fresh processes each): big JSON open → diagnostics 92 → 73–77 ms, big YAML 129 → 98 ms.
 * Linux only: there, a thread id names one thread for setpriority, and /proc lists them. Elsewhere,
 * or where it is refused, nothing changes. Threads started later (libuv's pool, started by the main
 * thread) keep the main thread's priority. Returns how many threads were lowered.
 */
export function lowerBackgroundThreadPriority(): number {
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  let lowered = 0;
  for (const id of threads) {
    const tid = Number(id);
    if (tid === process.pid) continue; // the main thread
    try {
      setPriority(tid, BACKGROUND_NICE);
      lowered++;
    } catch {
      // Only an optimisation: a thread that has just ended, or a sandbox that refuses it.
    }
  }
  return lowered;
}

/**
 * Run once the start-up warm-up has finished, while the server is still idle: a full collection of
 * the warm-up's garbage, with the old generation then allowed to grow to 4× what survives before
 * the next one. Without it, the heap is still within V8's small start-up limit when the first
 * document arrives, and a big one (the bench's 2,000 clients leave ~15 MB of tree) pays for a full
 * mark-compact — marking, slower stores, the pause — in the middle of being read. 24 fresh
 * processes each: big YAML open → diagnostics median 137 → 126 ms, big JSON 163 → 146 ms, RSS
 * after it +1–3 MiB. That collection then comes later (in the bench, during the completion
 * requests after an edit: their median went from ~1 to ~2 ms). Only this collection's limit is
 * generous: the growth factor goes back to V8's own right after it (a --heap-growing-percent
 * given on the command line is not restored; V8 offers no way to read it).
 */
export function settleHeapAfterWarmUp(): void {
  setFlagsFromString('--heap-growing-percent=300');
  try {
    fullCollection();
  } catch {
    // Only an optimisation: a runtime without this route to gc() just skips it.
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}

function fullCollection(): void {
  // Node's way to reach V8's gc() without starting with --expose-gc: a context created while the
  // flag is on gets the function. The flag goes off again at once.
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
