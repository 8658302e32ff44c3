// A minimal test runner for inside VS Code's extension host (no mocha): runs the suites in order,
// writes each result to results.json beside this bundle (the outer node:test file turns them into
// its own subtests), and settles run() so the workbench reports the exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

export interface HostTest {
  name: string;
  fn: () => Promise<void>;
}
export interface HostResult {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

const TIMEOUT_MS = 30_000;

export async function runHostTests(tests: HostTest[]): Promise<void> {
  const results: HostResult[] = [];
  for (const t of tests) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.fn(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        }),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - started });
    } catch (e) {
      results.push({ name: t.name, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e), ms: Date.now() - started });
    } finally {
      clearTimeout(timer);
    }
  }
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} extension-host test(s) failed: ${failed.map((f) => f.name).join(', ')}`);
}

/** What the outer test passes in (config.json beside this bundle), and the opened folder. */
export function hostConfig(): { adminUrl: string; workspace: string } {
  const { adminUrl } = JSON.parse(readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return { adminUrl, workspace: folder.uri.fsPath };
}
