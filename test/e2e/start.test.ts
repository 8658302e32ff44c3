// `npm start` as a user runs it: it prints a URL, that URL is a VS Code with the sample workspace
// and the seeded clients under the preconfigured connection, and Ctrl+C stops everything.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { launchBrowser, repoRoot, scripts } from './harness/vscodeSession';
import { labelNamesOf, waitForRows } from './harness/workbench';

/** Resolves with the first match of `pattern` in the child's stdout; rejects if it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, output: { text: string }): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const m = pattern.exec(output.text);
      if (!m) return;
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`npm start exited (${code}) before printing ${pattern}:\n${output.text}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

test('npm start: the printed URL opens VS Code with the sample workspace and the seeded clients; Ctrl+C stops it all', async (t) => {
  const { provisionVscode } = await scripts.provision();
  const paths = await provisionVscode();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oauth2-start-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const output = { text: '' };
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--no-build'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', ADMIN_PORT: '0', OAUTH2_DEMO_DIR: path.join(dir, 'demo'), HYDRA_ADMIN_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output.text += d));
  child.stderr.on('data', (d) => (output.text += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.after(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // Ctrl+C first: a SIGKILLed npm start cannot stop its code-server (own process group) and admin server.
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  });

  const [url, base] = await waitForOutput(child, /(http:\/\/127\.0\.0\.1:\d+)\/\?folder=\S+/, output);
  const [, adminUrl] = await waitForOutput(child, /admin API (http:\/\/\S+)/, output);
  const { context, page } = await launchBrowser(paths.chromium, path.join(dir, 'browser'));
  try {
    await page.goto(url);
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label*="clients"]').first().waitFor({ timeout: 60_000 });
    await page.locator('.activitybar a.action-label[aria-label^="OAuth2 Clients"]').click();
    const rows = page.locator('.pane-body .monaco-list[aria-label="OAuth2 Clients"] .monaco-list-row');
    const connection = rows.filter({ has: page.locator('.label-name').getByText('local', { exact: true }) });
    await connection.waitFor();
    if ((await connection.getAttribute('aria-expanded')) !== 'true') await connection.click();
    await waitForRows(rows, (l) => l.includes('Billing Portal') && l.includes('Support Desk'), 'the seeded clients', { read: labelNamesOf });
  } finally {
    await context.close();
  }

  child.kill('SIGINT');
  assert.equal(await exited, 0, output.text);
  // Both servers are gone with it.
  for (const gone of [base, adminUrl]) {
    await assert.rejects(fetch(gone), `${gone} still answers after Ctrl+C`);
  }
});
