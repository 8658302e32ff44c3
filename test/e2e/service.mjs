// The e2e stage's service: provisions the real VS Code if needed (Node 24, code-server, Chromium;
// minutes on the first run, cached after) and packages the .vsix the tests install, once per run.
// A provisioning failure fails the stage: it never skips.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageExtension } from '../../scripts/package.mjs';
import { provisionVscode } from '../../scripts/provision-vscode.mjs';

/** @returns {Promise<{ env: Record<string, string>, stop: () => Promise<void> }>} */
export async function startE2eService() {
  await provisionVscode();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oauth2-e2e-vsix-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove); // an interrupted run never calls stop()
  const { vsix, bytes } = await packageExtension({ build: false, quiet: true, out: path.join(dir, 'oauth2-client-studio.vsix') });
  console.log(`› packaged ${path.basename(vsix)} (${(bytes / 1024).toFixed(0)} KiB)`);
  return { env: { OAUTH2_E2E_VSIX: vsix }, stop: async () => {
    process.off('exit', remove);
    remove();
  } };
}
