// Settings handling, through the real vscode API: each test changes a user setting, waits for its
// effect, then restores it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type HostTest, hostConfig } from './runner';
import { diagnosticsSatisfy, eventually } from './waitFor';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const config = () => vscode.workspace.getConfiguration('oauth2Client');
const setGlobal = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Global);

async function open(rel: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.file(`${hostConfig().workspace}/${rel}`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

export const settingsTests: HostTest[] = [
  {
    name: 'defaults: the settings VS Code reports are the manifest defaults',
    async fn() {
      assert.equal(config().get('hydraVersion'), 'v26');
      assert.equal(config().get('detectByContent'), true);
      assert.ok((config().get<string[]>('files') ?? []).includes('**/*.oauth2-client.yaml'));
    },
  },
  {
    name: 'oauth2Client.hydraVersion: v1.11 flags a v2-only key, v26 does not',
    async fn() {
      const uri = await open('ext-host/versions.oauth2-client.yaml');
      const onSkipConsent = (d: readonly vscode.Diagnostic[]) => d.some((x) => x.range.start.line === 2 && /skip_consent.*v1\.11/.test(x.message));
      await diagnosticsSatisfy(uri, (d) => !onSkipConsent(d));
      try {
        await setGlobal('hydraVersion', 'v1.11');
        await diagnosticsSatisfy(uri, onSkipConsent);
      } finally {
        await setGlobal('hydraVersion', undefined);
      }
      await diagnosticsSatisfy(uri, (d) => !onSkipConsent(d));
    },
  },
  {
    name: 'oauth2Client.files: a file matched only by an added glob is validated, and cleared when the glob goes',
    async fn() {
      // One OAuth2Client key only: not detected by content.
      const uri = await open('ext-host/misc/app-settings.yaml');
      const defaults = config().inspect<string[]>('files')?.defaultValue ?? [];
      try {
        await setGlobal('files', [...defaults, '**/misc/*.yaml']);
        const d = await diagnosticsSatisfy(uri, (x) => x.length > 0);
        assert.ok(d.some((x) => /client_name must be a string/.test(x.message)), d.map((x) => x.message).join('\n'));
      } finally {
        await setGlobal('files', undefined);
      }
      await diagnosticsSatisfy(uri, (x) => x.length === 0);
    },
  },
  {
    name: 'oauth2Client.connections: a connection serves its clients under oauth2-client://, removing it stops that',
    async fn() {
      const uri = vscode.Uri.parse('oauth2-client://ext-host/billing-web.json');
      try {
        await setGlobal('connections', [{ name: 'ext-host', adminUrl: hostConfig().adminUrl, auth: 'none' }]);
        const text = await eventually(async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
        assert.equal(JSON.parse(text).client_name, 'Billing Portal');
        // No secret in what the editor shows.
        assert.ok(!/billing-web-secret/.test(text), 'the client secret reached the document');
        // Opened in an editor, the live client is validated, without "set by the server" findings
        // for the fields the server itself returned.
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, new vscode.Position(1, 0), '  "redirect_uri": "https://billing.example.com/cb",\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const found = await diagnosticsSatisfy(uri, (d) => d.some((x) => codeOf(x) === 'unknown-key'));
        assert.deepEqual(found.filter((x) => codeOf(x) === 'read-only-field').map((x) => x.message), []);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await setGlobal('connections', undefined);
      }
      await eventually(async () => {
        const gone = await vscode.workspace.fs.readFile(uri).then(
          () => false,
          () => true,
        );
        assert.ok(gone, 'the removed connection still serves clients');
      });
    },
  },
];
