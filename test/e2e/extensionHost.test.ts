// Tests that run inside VS Code's own extension host (the real `vscode` API): the repository is
// loaded as the development extension and test/e2e/extensionHost/ as the test module, passed to
// the workbench as its "payload". Each of their results becomes a subtest here.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { startAdminServer } from '../adminServer/adminServer';
import type { HostResult } from './extensionHost/runner';
import { openVsCode, repoRoot } from './harness/vscodeSession';

// Each host test is bounded (runner.ts, 30 s): far more than all of them can take.
const HANG_MS = 10 * 60_000;

test('extension-host tests (real vscode API)', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oauth2-ext-host-'));
  const admin = await startAdminServer({ hydraVersion: 'v26', seed: true, port: 0 });
  t.after(async () => {
    await admin.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const bundle = path.join(dir, 'extensionHostTests.js');
  await build({
    entryPoints: [path.join(repoRoot, 'test', 'e2e', 'extensionHost', 'index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const files = {
    'ext-host/versions.oauth2-client.yaml': 'client_id: versions\nclient_name: Versions\nskip_consent: true\n',
    'ext-host/misc/app-settings.yaml': 'client_name: 42\nlog_level: debug\n',
  };
  // Written before the workbench loads the test module, which reads it.
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ adminUrl: admin.adminUrl }));
  const log: string[] = [];
  let exited!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const vs = await openVsCode({
    install: false,
    files,
    extensionTests: { developmentPath: repoRoot, testsPath: bundle, onExit: (code) => exited(code), onLog: (line) => log.push(line) },
  });
  try {
    // A hang detector, not a speed bound: if the workbench never loads the test module, it never
    // reports an exit code, and the stage would wait forever.
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exitCode,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the workbench reported no exit code within ${HANG_MS / 60_000} min:\n${log.join('\n')}`)), HANG_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const resultsFile = path.join(dir, 'results.json');
    assert.ok(existsSync(resultsFile), `the extension-host tests did not run (exit ${code}):\n${log.join('\n')}`);
    const results: HostResult[] = JSON.parse(readFileSync(resultsFile, 'utf8'));
    assert.ok(results.length > 0);
    for (const r of results) {
      await t.test(r.name, () => {
        if (!r.ok) assert.fail(r.error);
      });
    }
    assert.equal(code, results.every((r) => r.ok) ? 0 : 1, 'the exit code the workbench reported');
  } finally {
    await vs.close();
  }
});
