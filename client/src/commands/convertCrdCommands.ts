// Registers the two conversion commands on the active editor's text.
import * as vscode from 'vscode';
import type { Host } from '../host';
import { convertClientToCrd, convertCrdToClient } from './convertCrd';
import { runSafe } from './runSafe';

export const CONVERT_CRD_TO_CLIENT = 'oauth2Client.convertCrdToClient';
export const CONVERT_CLIENT_TO_CRD = 'oauth2Client.convertClientToCrd';

function activeSource(host: Host): { text: string; fileName: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void host.showErrorMessage('Open the file to convert first.');
    return undefined;
  }
  return { text: editor.document.getText(), fileName: editor.document.fileName };
}

export function registerConvertCrdCommands(host: Host): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CONVERT_CRD_TO_CLIENT, () => runSafe(host, 'convertCrdToClient', async () => {
      const source = activeSource(host);
      if (source) await convertCrdToClient(host, source);
    })),
    vscode.commands.registerCommand(CONVERT_CLIENT_TO_CRD, () => runSafe(host, 'convertClientToCrd', async () => {
      const source = activeSource(host);
      if (!source) return;
      const namespace = await host.showInputBox({ prompt: 'Kubernetes namespace for the resource (empty: none)', value: '' });
      if (namespace === undefined) return;
      await convertClientToCrd(host, source, namespace.trim() || undefined);
    })),
  ];
}
