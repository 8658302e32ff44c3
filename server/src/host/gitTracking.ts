// Whether a file is tracked by git, for the "client_secret committed to git" note. An answer is
// remembered until the repository's index changes (a commit, an add, a rm), and files outside any
// git work tree are answered without running git at all: most files opened are, and spawning from a
// server with a big heap costs milliseconds of blocked main thread.
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Per file: the answer, and the state of the index it was read from. */
const memo = new Map<string, { tracked: boolean; index: string }>();

/** `git ls-files --error-unmatch` in the file's folder: exit 0 exactly when git tracks the file. */
const lsFilesArgs = (filePath: string): string[] => ['ls-files', '--error-unmatch', '--', path.basename(filePath)];
const lsFilesOptions = (filePath: string) => ({ cwd: path.dirname(filePath), timeout: 2000 });

/**
 * A key for the state of the index of the work tree holding `filePath` (it changes whenever git
 * rewrites the index), or undefined outside any work tree. `.git` is a folder, or (linked
 * worktrees, submodules) a file naming one.
 */
function indexState(filePath: string): string | undefined {
  for (let dir = path.dirname(filePath); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (stat) {
      let gitDir = dotGit;
      if (stat.isFile()) {
        const named = /^gitdir:\s*(.+?)\s*$/m.exec(safeRead(dotGit))?.[1];
        if (!named) return undefined;
        gitDir = path.resolve(dir, named);
      }
      const index = statSync(path.join(gitDir, 'index'), { throwIfNoEntry: false });
      // A repository without an index yet tracks nothing, but may soon: its state is "empty".
      return `${gitDir}:${index ? `${index.size}:${index.mtimeMs}:${index.ino}` : 'empty'}`;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The remembered answer while the index is unchanged; false outside a work tree; else undefined. */
function known(filePath: string): { answer?: boolean; index?: string } {
  const index = indexState(filePath);
  if (index === undefined) return { answer: false };
  const hit = memo.get(filePath);
  return hit?.index === index ? { answer: hit.tracked, index } : { index };
}

/** The exit status to remember: no git on this machine answers "not tracked" for good (1). */
function exitStatus(status: number | null, error: (Error & { code?: unknown }) | null | undefined): number | null {
  return status === null && error?.code === 'ENOENT' ? 1 : status;
}

/**
 * Keeps git's answer when git gave one (exit 0: tracked; any other exit: not). No exit status
 * means git was killed (the timeout): asked again next time rather than taken as "no".
 */
function remember(filePath: string, index: string, status: number | null): void {
  if (status === null) memo.delete(filePath);
  else memo.set(filePath, { tracked: status === 0, index });
}

export function isTrackedByGit(filePath: string): boolean {
  const { answer, index } = known(filePath);
  if (answer !== undefined) return answer;
  const run = spawnSync('git', lsFilesArgs(filePath), { ...lsFilesOptions(filePath), stdio: 'ignore' });
  remember(filePath, index!, exitStatus(run.status, run.error));
  return run.status === 0;
}

/**
 * The same answer without blocking: the language server asks this while it waits for settings, so
 * the synchronous call above finds the answer remembered and a document opens without a pause.
 */
export function learnIfUriTrackedByGit(uri: string): Promise<void> {
  const filePath = filePathOf(uri);
  if (filePath === undefined) return Promise.resolve();
  const { answer, index } = known(filePath);
  if (answer !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      execFile('git', lsFilesArgs(filePath), lsFilesOptions(filePath), (error) => {
        remember(filePath, index!, error ? exitStatus(typeof error.code === 'number' ? error.code : null, error) : 0);
        resolve();
      });
    } catch {
      resolve(); // no git: the synchronous path will say "not tracked"
    }
  });
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
