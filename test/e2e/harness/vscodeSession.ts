// One real VS Code for a test file: code-server on a fresh profile with our .vsix installed, a
// sample workspace, and headless Chromium on the workbench. Needs the provisioned cache
// (scripts/provision-vscode.mjs); a missing piece fails the test loudly, never skips it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';

export const repoRoot = process.env.OAUTH2_CLIENT_STUDIO_ROOT ?? path.resolve(__dirname, '..', '..', '..');

// The provisioning and code-server helpers are the ES modules `npm start` uses too: loaded at run
// time from the repository (the test bundle is CommonJS).
const load = <T>(rel: string): Promise<T> => import(pathToFileURL(path.join(repoRoot, rel)).href) as Promise<T>;
export const scripts = {
  provision: () => load<typeof import('../../../scripts/provision-vscode.mjs', { with: { 'resolution-mode': 'import' } })>('scripts/provision-vscode.mjs'),
  package: () => load<typeof import('../../../scripts/package.mjs', { with: { 'resolution-mode': 'import' } })>('scripts/package.mjs'),
  codeServer: () => load<typeof import('../../../scripts/vscode/codeServer.mjs', { with: { 'resolution-mode': 'import' } })>('scripts/vscode/codeServer.mjs'),
  workspace: () => load<typeof import('../../../scripts/vscode/sampleWorkspace.mjs', { with: { 'resolution-mode': 'import' } })>('scripts/vscode/sampleWorkspace.mjs'),
};
/** Screenshots of each step (gitignored). */
export const SHOTS_DIR = path.join(repoRoot, 'test', '.artifacts', 'e2e');

export interface SessionOptions {
  /** Extra user settings (oauth2Client.connections, …). */
  settings?: Record<string, unknown>;
  /** Extra workspace files: relative path → content. */
  files?: Record<string, string>;
  /** false: don't install the .vsix (an extension-host run loads the repository as the development extension). */
  install?: boolean;
  /** Extension-host test run: [extensionDevelopmentPath, extensionTestsPath] as absolute paths. */
  extensionTests?: { developmentPath: string; testsPath: string; onExit: (code: number) => void; onLog?: (line: string) => void };
}

export interface VsCodeSession {
  page: Page;
  workspace: string;
  url: string;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Headless Chromium on a fresh profile folder (launch() refuses a --user-data-dir argument). */
export async function launchBrowser(executablePath: string, profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

// code-server runs in its own process group (stop() ends the group), so Ctrl+C in the terminal
// does not reach it, and an interrupted process runs no after() hooks: what a session started is
// also undone synchronously on the way out (the group killed, the temp folder removed).
const onExit = new Set<() => void>();
let exitHooked = false;
function undoOnExit(undo: () => void): () => void {
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      // Last started first: the group dies before its folder is removed.
      for (const u of [...onExit].reverse()) {
        try {
          u();
        } catch {
          // best effort: already gone
        }
      }
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  }
  onExit.add(undo);
  return () => {
    onExit.delete(undo);
  };
}

export async function openVsCode(options: SessionOptions = {}): Promise<VsCodeSession> {
  const { provisionVscode } = await scripts.provision();
  const { prepareProfile, startCodeServer } = await scripts.codeServer();
  const { createSampleWorkspace } = await scripts.workspace();
  const paths = await provisionVscode();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oauth2-e2e-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forgetDir = undoOnExit(removeDir);
  const cleanups: (() => Promise<void> | void)[] = [() => {
    removeDir();
    forgetDir();
  }];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    // scripts/test.mjs packages once per stage; a file run on its own packages for itself.
    const vsix =
      options.install === false
        ? undefined
        : (process.env.OAUTH2_E2E_VSIX ?? (await (await scripts.package()).packageExtension({ build: false, quiet: true, out: path.join(dir, 'extension.vsix') })).vsix);
    const workspace = createSampleWorkspace(path.join(dir, 'workspace'));
    for (const [rel, text] of Object.entries(options.files ?? {})) {
      mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
      writeFileSync(path.join(workspace, rel), text);
    }
    const profile = prepareProfile({ dir: path.join(dir, 'profile'), vsix, settings: options.settings, paths });
    const server = startCodeServer({ profile, paths, workspace });
    const group = server.child.pid;
    const forget = group === undefined ? () => undefined : undoOnExit(() => process.kill(-group, 'SIGKILL'));
    cleanups.push(async () => {
      await server.stop();
      forget();
    });
    const { url, port } = await server.ready;

    const { context, page } = await launchBrowser(paths.chromium, path.join(dir, 'browser'));
    cleanups.push(() => context.close());
    let target = `${url}/?folder=${encodeURIComponent(workspace)}`;
    const t = options.extensionTests;
    if (t) {
      // The workbench calls these when the test module's run() settles (smoke-test driver).
      await page.exposeFunction('codeAutomationExit', (code: number) => t.onExit(code));
      await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => t.onLog?.(args.map(String).join(' ')));
      const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
      const payload = [
        ['extensionDevelopmentPath', remote(t.developmentPath)],
        ['extensionTestsPath', remote(t.testsPath)],
      ];
      target += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }
    await page.goto(target);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return {
      page,
      workspace,
      url,
      async screenshot(name) {
        mkdirSync(SHOTS_DIR, { recursive: true });
        const file = path.join(SHOTS_DIR, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * The usual setup of a workbench test file: the seeded in-repo admin server (Hydra v26) and a VS Code
 * with one connection to it, named `connection`, and the given workspace files.
 */
export async function openVsCodeWithSeededServer(connection: string, files: Record<string, string>): Promise<{ admin: AdminServer; vs: VsCodeSession }> {
  const admin = await startAdminServer({ hydraVersion: 'v26', seed: true, port: 0 });
  try {
    const vs = await openVsCode({ settings: { 'oauth2Client.connections': [{ name: connection, adminUrl: admin.adminUrl, auth: 'none' }] }, files });
    return { admin, vs };
  } catch (e) {
    await admin.close();
    throw e;
  }
}

/** A test that leaves a screenshot named `failedShot` of the session's page when it fails. */
export function uiTest(name: string, failedShot: string, session: () => VsCodeSession | undefined, body: () => Promise<void>): void {
  test(name, async () => {
    try {
      await body();
    } catch (e) {
      await session()?.screenshot(failedShot).catch(() => undefined);
      throw e;
    }
  });
}
