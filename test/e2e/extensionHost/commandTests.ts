// Command registration, through the real vscode API.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { hostConfig } from './runner';
import { diagnosticsSatisfy } from './waitFor';

export const EXTENSION_ID = 'oauth2-client-studio.oauth2-client-studio';

async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

export const commandTests: HostTest[] = [
  {
    name: 'the extension activates and registers every command its manifest contributes',
    async fn() {
      const ext = await activeExtension();
      const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
      assert.ok(contributed.length > 10, `only ${contributed.length} commands contributed`);
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.deepEqual(
        contributed.filter((c) => !registered.has(c)),
        [],
        'contributed but not registered',
      );
    },
  },
  {
    name: 'every menu and palette entry names a contributed command',
    async fn() {
      const ext = await activeExtension();
      const contributed = new Set(ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command));
      const menus = Object.values(ext.packageJSON.contributes.menus as Record<string, { command: string }[]>).flat();
      assert.deepEqual(
        menus.filter((m) => !contributed.has(m.command)).map((m) => m.command),
        [],
      );
    },
  },
  {
    name: 'Restart Language Server: diagnostics come back from the new server',
    async fn() {
      await activeExtension();
      const uri = vscode.Uri.file(`${hostConfig().workspace}/clients/with-mistakes.oauth2-client.yaml`);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const before = await diagnosticsSatisfy(uri, (d) => d.length > 0);
      await vscode.commands.executeCommand('oauth2Client.restartServer');
      // An edit after the restart is answered by the new server.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(doc.lineCount, 0), 'token_endpoint_auth_method: client_secret_jwks\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await diagnosticsSatisfy(uri, (d) => d.some((x) => x.message.includes('client_secret_jwks')));
      assert.ok(after.length > before.length, `${after.length} diagnostics after, ${before.length} before`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    },
  },
];
