// Whether a file is tracked by git, for the "client_secret committed to git" note. Asked once per
// path and remembered: spawning git on every keystroke would be wasteful.
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const memo = new Map<string, boolean>();

export function isTrackedByGit(filePath: string): boolean {
  const hit = memo.get(filePath);
  if (hit !== undefined) return hit;
  let tracked = false;
  try {
    const r = spawnSync('git', ['ls-files', '--error-unmatch', '--', path.basename(filePath)], {
      cwd: path.dirname(filePath),
      stdio: 'ignore',
      timeout: 2000,
    });
    tracked = r.status === 0;
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
  let filePath: string;
  try {
    if (!uri.startsWith('file:')) return Promise.resolve();
    filePath = fileURLToPath(uri);
  } catch {
    return Promise.resolve();
  }
  if (memo.has(filePath)) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      execFile('git', ['ls-files', '--error-unmatch', '--', path.basename(filePath)], { cwd: path.dirname(filePath), timeout: 2000 }, (error) => {
        if (!memo.has(filePath)) memo.set(filePath, !error);
        resolve();
      });
    } catch {
      resolve(); // no git: the synchronous path will say "not tracked"
    }
  });
}

/** For `file:` URIs only; other schemes (untitled, live clients) are never committed files. */
export function isUriTrackedByGit(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  try {
    return isTrackedByGit(fileURLToPath(uri));
  } catch {
    return false;
  }
}
