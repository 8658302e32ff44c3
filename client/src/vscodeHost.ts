// The Host over the real vscode API (the only implementation; tests use a fake).
import * as vscode from 'vscode';
import { READONLY_SCHEME } from './clientFs/clientUri';
import type { Host, PickItem, UriParts } from './host';

/** Holds the read-only left sides of diffs. */
export class ReadonlyDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private seq = 0;
  add(title: string, content: string, language: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/${++this.seq}/${title}.${language}` });
    this.docs.set(uri.toString(), content);
    return uri;
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }
}

export function toUri(u: UriParts): vscode.Uri {
  return u.scheme === 'file' ? vscode.Uri.file(u.path) : vscode.Uri.from(u);
}

export function createVscodeHost(log: vscode.LogOutputChannel, readonly: ReadonlyDocuments): Host {
  const w = vscode.window;
  return {
    showInformationMessage: async (m, o, ...items) => w.showInformationMessage(m, o, ...items),
    showErrorMessage: async (m, ...items) => w.showErrorMessage(m, ...items),
    showWarningMessage: async (m, { closeWith, ...o }, ...items) => {
      if (closeWith === undefined) return w.showWarningMessage(m, o, ...items);
      const chosen = await w.showWarningMessage(m, o, ...items.map((title) => ({ title, isCloseAffordance: title === closeWith })));
      return chosen?.title;
    },
    showQuickPick: async <T extends PickItem>(items: readonly T[], o?: { placeHolder?: string }) => w.showQuickPick([...items], o),
    showInputBox: async (o) => w.showInputBox({ prompt: o.prompt, value: o.value, password: o.password, ignoreFocusOut: true }),
    withProgress: (title, task) =>
      Promise.resolve(
        w.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
          const ac = new AbortController();
          token.onCancellationRequested(() => ac.abort());
          return task(ac.signal, (message) => progress.report({ message }));
        }),
      ),
    openDiff: async (left, right, title) => {
      await vscode.commands.executeCommand('vscode.diff', readonly.add(left.title, left.content, left.language), toUri(right), title);
    },
    openDocument: async (u) => {
      await w.showTextDocument(toUri(u), { preview: false });
    },
    writeClipboard: async (text) => vscode.env.clipboard.writeText(text),
    saveTextFile: async (name, content) => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await w.showSaveDialog(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {});
      if (!target) return undefined;
      // Through VS Code's file system, so the file lands where the workspace is (remote, WSL…).
      await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
      return target.fsPath;
    },
    log: (level, line) => log[level](line),
  };
}
