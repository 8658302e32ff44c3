// Expands the command line's files and directories into the files to lint.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClientFileMatcher } from '../engine/fileSelection/clientFileMatcher';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Collected {
  files: string[];
  /** Paths that could not be read: reported, and the exit status becomes 2. */
  problems: { path: string; message: string }[];
}

export function collectFiles(paths: string[], globs?: readonly string[]): Collected {
  const matcher = new ClientFileMatcher(globs, false);
  const files: string[] = [];
  const problems: Collected['problems'] = [];
  const stat = (p: string) => {
    try {
      return statSync(p);
    } catch (e) {
      problems.push({ path: p, message: ioMessage(e) });
      return undefined;
    }
  };
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ path: dir, message: ioMessage(e) });
      return;
    }
    for (const name of entries) {
      const p = path.join(dir, name);
      const st = stat(p);
      if (!st) continue;
      if (st.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(p);
      } else if (/\.(json|ya?ml)$/i.test(name) && matcher.matchByNameOrPointer(pathToFileURL(path.resolve(p)).href, '') === true) {
        files.push(p);
      }
    }
  };
  for (const p of paths) {
    const st = stat(p);
    if (!st) continue;
    // A file named on the command line is linted whatever its name.
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, problems };
}

export function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return err.message ?? String(e);
  }
}
