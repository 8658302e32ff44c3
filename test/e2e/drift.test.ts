// Clients as code in a real VS Code (code-server + Chromium): the CodeLens on each client of a file
// shows its live status on the active connection, and the "Workspace vs server" node lists the
// clients that differ from or are missing on the server. One VS Code for the file.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import type { AdminServer } from '../adminServer/adminServer';
import { type VsCodeSession, openVsCodeWithSeededServer, uiTest } from './harness/vscodeSession';
import { clickDialogButton, dialog, labelNamesOf, openFile, runCommand, waitForRows } from './harness/workbench';

const CONNECTION = 'local';
const FILE = 'e2e-drift.oauth2-client.yaml';
// billing-web is seeded with another scope; e2e-new is not on the server.
const TEXT = [
  'client_id: billing-web',
  'client_name: Billing Portal',
  'owner: team-billing',
  'redirect_uris: [https://billing.example.com/callback]',
  'post_logout_redirect_uris: [https://billing.example.com/logged-out]',
  'grant_types: [authorization_code, refresh_token]',
  'response_types: [code]',
  'scope: openid offline_access profile',
  'client_uri: https://billing.example.com',
  'logo_uri: https://billing.example.com/logo.png',
  'contacts: [billing-dev@example.com]',
  'authorization_code_grant_access_token_lifespan: 1h',
  '---',
  'client_id: e2e-new',
  'client_name: E2E New',
  'grant_types: [client_credentials]',
  '',
].join('\n');

let admin: AdminServer;
let vs: VsCodeSession;
let page: Page;

before(async () => {
  ({ admin, vs } = await openVsCodeWithSeededServer(CONNECTION, { [`clients/${FILE}`]: TEXT }));
  page = vs.page;
});

after(async () => {
  await vs?.close();
  await admin?.close();
});

uiTest('CodeLens: each client of the file shows its live status, with Compare and Push', 'drift-codelens-failed', () => vs, async () => {
  await openFile(page, FILE);
  const lenses = page.locator('.contentWidgets .codelens-decoration');
  await lenses.filter({ hasText: 'live (local): differs (scope)' }).waitFor({ timeout: 30_000 });
  await lenses.filter({ hasText: 'live (local): missing' }).waitFor();
  const texts = (await lenses.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
  assert.ok(texts.some((t) => /differs \(scope\)\s*\|\s*Compare\s*\|\s*Push/.test(t)), texts.join('\n'));
  await vs.screenshot('drift-codelens');
});

uiTest('the "Workspace vs server" node lists what differs and what the server lacks', 'drift-tree-failed', () => vs, async () => {
  await page.locator('.activitybar a.action-label[aria-label^="OAuth2 Clients"]').click();
  const rows = page.locator('.pane-body .monaco-list[aria-label="OAuth2 Clients"] .monaco-list-row');
  const row = (label: string) => rows.filter({ has: page.locator('.label-name').getByText(label, { exact: true }) });
  const connection = row(CONNECTION);
  await connection.waitFor();
  if ((await connection.getAttribute('aria-expanded')) !== 'true') await connection.click();
  const drift = row('Workspace vs server');
  await drift.waitFor();
  await drift.click();
  const labels = await waitForRows(rows, (l) => l.includes('E2E New') && l.includes('Billing Portal') && l.some((x) => x.startsWith('Only on the server')), 'the drift rows', { read: labelNamesOf });
  assert.ok(labels.indexOf('E2E New') > labels.indexOf('Workspace vs server'), labels.join('\n'));
  await vs.screenshot('drift-tree');
});

uiTest('Push from the CodeLens creates the missing client; its secret shows once; the lens turns "in sync"', 'drift-push-failed', () => vs, async () => {
  await openFile(page, FILE);
  const lenses = page.locator('.contentWidgets .codelens-decoration');
  const missing = lenses.filter({ hasText: 'live (local): missing' });
  await missing.waitFor();
  await missing.locator('a', { hasText: 'Push' }).click();
  await dialog(page).filter({ hasText: 'Client "e2e-new" created. Its secret is shown only now' }).waitFor({ timeout: 30_000 });
  const secret = String(admin.store.get('e2e-new')?.client_secret);
  assert.ok(secret.length >= 26 && (await dialog(page).innerText()).includes(secret));
  await clickDialogButton(page, 'Copy');
  await lenses.filter({ hasText: 'live (local): in sync' }).waitFor({ timeout: 30_000 });
  assert.equal(admin.store.get('e2e-new')?.client_name, 'E2E New');
  await vs.screenshot('drift-pushed');
});

uiTest('Apply Workspace to Server from the palette: refused while a client file has lint errors, naming it', 'drift-apply-failed', () => vs, async () => {
  const before = admin.store.size;
  await runCommand(page, 'OAuth2 Clients: Apply Workspace to Server…');
  // The error is a notification: read it in the notification center (toasts may be hidden).
  await page.locator('.notifications-toasts, .statusbar-item[id="status.notifications"]').first().waitFor();
  await runCommand(page, 'Notifications: Show Notifications');
  const item = page.locator('.notifications-center .notification-list-item', { hasText: 'Nothing applied:' });
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), /Nothing applied: clients\/\S+:\d+: .*Fix the lint errors first/s);
  assert.equal(admin.store.size, before);
  await vs.screenshot('drift-apply-refused');
});
