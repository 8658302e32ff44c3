// Whether a file is tracked by git, for the "client_secret committed to git" note. Asked once per
// path and remembered: spawning git on every keystroke would be wasteful.
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const memo = new Map<string, boolean>();

/** `git ls-files --error-unmatch` in the file's folder: exit 0 exactly when git tracks the file. */
const lsFilesArgs = (filePath: string): string[] => ['ls-files', '--error-unmatch', '--', path.basename(filePath)];
const lsFilesOptions = (filePath: string) => ({ cwd: path.dirname(filePath), timeout: 2000 });

export function isTrackedByGit(filePath: string): boolean {
  const hit = memo.get(filePath);
  if (hit !== undefined) return hit;
  let tracked = false;
  try {
    tracked = spawnSync('git', lsFilesArgs(filePath), { ...lsFilesOptions(filePath), stdio: 'ignore' }).status === 0;
  } catch {
    tracked = false; // no git on this machine: nothing to warn about
  }
  memo.set(filePath, tracked);
  return tracked;
}

/**
 * The same answer without blocking: the language server asks this while it waits for settings, so
 * the synchronous call above finds the answer remembered and a document opens without a pause.
 */
export function learnIfUriTrackedByGit(uri: string): Promise<void> {
  const filePath = filePathOf(uri);
  if (filePath === undefined || memo.has(filePath)) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      execFile('git', lsFilesArgs(filePath), lsFilesOptions(filePath), (error) => {
        if (!memo.has(filePath)) memo.set(filePath, !error);
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
