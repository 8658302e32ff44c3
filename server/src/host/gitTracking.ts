// Whether a file is tracked by git, for the "client_secret committed to git" note.
// - Files outside any git work tree are answered without running git: most files opened are, and
//   spawning from a server with a big heap blocks its main thread for milliseconds.
// - An answer is fresh while the repository's index is unchanged (a commit, add or rm rewrites it).
//   A stale one is still given by the blocking call — never a spawn on the main thread for a file
//   git has answered before — while a query in the background refreshes it.
// - A query that times out counts as "untracked" for a while, then git is asked again.
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Answer {
  tracked: boolean;
  /** The index state (indexState) the answer was read from. */
  index: string;
  /** Set when git timed out: until then the answer stands, whatever the index does. */
  retryAfter?: number;
}

const memo = new Map<string, Answer>();
const inFlight = new Map<string, Promise<void>>();

const GIT_TIMEOUT_MS = 2000;
const RETRY_AFTER_TIMEOUT_MS = 60_000;

/** `git ls-files --error-unmatch` in the file's folder: exit 0 exactly when git tracks the file. */
const lsFilesArgs = (filePath: string): string[] => ['ls-files', '--error-unmatch', '--', path.basename(filePath)];
const lsFilesOptions = (filePath: string) => ({ cwd: path.dirname(filePath), timeout: GIT_TIMEOUT_MS });

/** Index state when the file system can't be read the way we walk it: git decides, once. */
const UNKNOWN_STATE = 'unknown';

/**
 * A key for the state of the index of the work tree holding `filePath` (it changes whenever git
 * rewrites the index), or undefined outside any work tree. The walk starts from the folder's real
 * path, as git's does, and skips a `.git` that is no repository (as git does).
 */
function indexState(filePath: string): string | undefined {
  try {
    for (let dir = realpathSync.native(path.dirname(filePath)); ; dir = path.dirname(dir)) {
      const gitDir = repositoryAt(dir);
      if (gitDir) {
        const index = statSync(path.join(gitDir, 'index'), { throwIfNoEntry: false });
        // A repository without an index yet tracks nothing, but may soon: its state is "empty".
        return `${gitDir}:${index ? `${index.size}:${index.mtimeMs}:${index.ino}` : 'empty'}`;
      }
      if (path.dirname(dir) === dir) return undefined;
    }
  } catch {
    return UNKNOWN_STATE; // unreadable (EACCES), looping links, a folder not yet on disk…
  }
}

/** The git directory of a work tree rooted at `dir`: `.git` itself, or the folder a `.git` file names. */
function repositoryAt(dir: string): string | undefined {
  const dotGit = path.join(dir, '.git');
  const stat = statSync(dotGit, { throwIfNoEntry: false });
  if (!stat) return undefined;
  let gitDir = dotGit;
  if (stat.isFile()) {
    const named = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    if (!named) return undefined;
    gitDir = path.resolve(dir, named);
  }
  return statSync(path.join(gitDir, 'HEAD'), { throwIfNoEntry: false })?.isFile() ? gitDir : undefined;
}

/** The remembered answer (fresh or not), or a definite one outside a work tree. */
function lookUp(filePath: string): { answer?: Answer; index?: string } {
  const index = indexState(filePath);
  if (index === undefined) return { answer: { tracked: false, index: 'none' } };
  return { answer: memo.get(filePath), index };
}

function isFresh(answer: Answer, index: string | undefined): boolean {
  return answer.retryAfter !== undefined ? Date.now() < answer.retryAfter : answer.index === index || index === undefined;
}

/** What to remember for a git exit status; undefined (keep what we had) when git was killed or missing. */
function answerFor(status: number | null, errorCode: unknown, index: string): Answer | undefined {
  if (status !== null) return { tracked: status === 0, index };
  if (errorCode === 'ENOENT') return { tracked: false, index }; // no git on this machine: nothing to warn about
  if (errorCode === 'ETIMEDOUT' || errorCode === undefined) return { tracked: false, index, retryAfter: Date.now() + RETRY_AFTER_TIMEOUT_MS };
  return undefined;
}

function remember(filePath: string, answer: Answer | undefined): void {
  if (!answer) return;
  // A slow background answer must not replace one read from a newer index meanwhile.
  const current = memo.get(filePath);
  if (current && current.index !== answer.index && current.index === indexState(filePath)) return;
  memo.set(filePath, answer);
}

export function isTrackedByGit(filePath: string): boolean {
  const { answer, index } = lookUp(filePath);
  if (answer) {
    if (!isFresh(answer, index)) void learn(filePath, index!);
    return answer.tracked;
  }
  // Never asked about this file: the one time the blocking call runs git itself.
  const run = spawnSync('git', lsFilesArgs(filePath), { ...lsFilesOptions(filePath), stdio: 'ignore' });
  remember(filePath, answerFor(run.status, (run.error as NodeJS.ErrnoException | undefined)?.code, index!));
  return memo.get(filePath)?.tracked ?? false;
}

/**
 * The same answer without blocking: the language server asks this while it waits for settings, so
 * the synchronous call above finds the answer remembered and a document opens without a pause.
 */
export function learnIfUriTrackedByGit(uri: string): Promise<void> {
  const filePath = filePathOf(uri);
  if (filePath === undefined) return Promise.resolve();
  const { answer, index } = lookUp(filePath);
  return answer && isFresh(answer, index) ? Promise.resolve() : learn(filePath, index!);
}

/** One background query per file at a time. */
function learn(filePath: string, index: string): Promise<void> {
  let pending = inFlight.get(filePath);
  if (!pending) {
    pending = new Promise<void>((resolve) => {
      try {
        execFile('git', lsFilesArgs(filePath), lsFilesOptions(filePath), (error) => {
          const status = !error ? 0 : typeof error.code === 'number' ? error.code : null;
          remember(filePath, answerFor(status, error?.killed ? 'ETIMEDOUT' : error?.code, index));
          resolve();
        });
      } catch {
        resolve(); // spawning failed outright: the blocking call will say "not tracked"
      }
    }).finally(() => inFlight.delete(filePath));
    inFlight.set(filePath, pending);
  }
  return pending;
}

export function isUriTrackedByGit(uri: string): boolean {
  const filePath = filePathOf(uri);
  return filePath !== undefined && isTrackedByGit(filePath);
}

/** For `file:` URIs only; other schemes (untitled, live clients) are never committed files. */
function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
