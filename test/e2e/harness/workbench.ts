// Playwright steps on the VS Code 1.139 workbench (code-server 4.139.1 is pinned: these selectors
// are VS Code internals). Every step waits on an element or its text, never on a fixed delay.
import type { Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';

/** Quick Open a workspace file by name; resolves with its editor once the tab shows. */
export async function openFile(page: Page, name: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor();
  await input.fill(name);
  // Enter opens the focused row: wait until the filtered list has focused our file, not a stale
  // "recently opened" row.
  await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row.focused[aria-label*="${name}"]`).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
  return activeEditor(page);
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Moves the cursor with Go to Line/Column and waits until the status bar shows it there. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+G');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor();
  // Go to Line is Quick Open with a ":" prefix.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(`${QUICK_INPUT}`).waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor();
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row.focused[aria-label*="${title}"]`).waitFor();
  await page.keyboard.press('Enter');
}

/** The Problems panel's marker rows (opens the panel). */
export async function problemRows(page: Page): Promise<Locator> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
  return page.locator('.markers-panel .monaco-list-row');
}

/** The aria-labels (else the text) of the rows. */
export function labelsOf(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
}

/** The text of each row's label part (tree and list rows), without descriptions. */
export function labelNamesOf(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent ?? ''));
}

/**
 * Waits until the rows' labels satisfy `ok`, re-checking on every DOM change of the page (a
 * MutationObserver in the page), not on a timer. Returns the labels; fails with them on timeout.
 */
export async function waitForRows(
  rows: Locator,
  ok: (labels: string[]) => boolean,
  what: string,
  { timeout = 30_000, read = labelsOf }: { timeout?: number; read?: (rows: Locator) => Promise<string[]> } = {},
): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const labels = await read(rows);
    if (ok(labels)) return labels;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for ${what}; rows:\n  ${labels.join('\n  ')}`);
    // A string, so that the test's type check needs no DOM typings.
    await rows.page().evaluate(`new Promise((resolve) => {
      const done = () => { observer.disconnect(); clearTimeout(timer); resolve(); };
      const observer = new MutationObserver(done);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(done, ${Math.min(left, 5000)});
    })`);
  }
}

/** Waits until, for each pattern, some row's label matches it. */
export function waitForLabels(rows: Locator, patterns: RegExp[], options?: Parameters<typeof waitForRows>[3]): Promise<string[]> {
  return waitForRows(rows, (labels) => patterns.every((p) => labels.some((l) => p.test(l))), `rows matching ${patterns.join(', ')}`, options);
}

/** The open modal dialog (VS Code's own, in the page). */
export function dialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

export async function clickDialogButton(page: Page, label: string): Promise<void> {
  await dialog(page).locator('.dialog-buttons a.monaco-button', { hasText: label }).click();
  await dialog(page).waitFor({ state: 'hidden' });
}

/** Picks an entry of the open context menu: hover it until it has focus, then Enter. */
export async function pickContextMenuItem(page: Page, label: string): Promise<void> {
  const item = page.locator('.context-view .monaco-menu .action-item', { has: page.locator('.action-label', { hasText: label }) });
  await item.hover();
  await page.locator('.context-view .monaco-menu .action-item.focused', { has: page.locator('.action-label', { hasText: label }) }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached' });
}
