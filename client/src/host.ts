// The UI the extension's logic may use: a thin interface over vscode.window so explorer, file-system and
// command logic run under node:test with a fake. Only vscodeHost.ts implements it with the real API.

/** Scheme-free description of a URI: what the logic needs of a vscode.Uri. */
export interface UriParts {
  scheme: string;
  authority: string;
  path: string;
}

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
}

export interface Host {
  showInformationMessage(message: string, options: { modal?: boolean; detail?: string }, ...items: string[]): Promise<string | undefined>;
  showErrorMessage(message: string, ...items: string[]): Promise<string | undefined>;
  /** With `modal`, blocks until answered; undefined = cancelled. */
  /**
   * `closeWith` names the item that also stands for closing a modal (Escape): the editor then adds no
   * "Cancel" button of its own beside it.
   */
  showWarningMessage(message: string, options: { modal?: boolean; detail?: string; closeWith?: string }, ...items: string[]): Promise<string | undefined>;
  showQuickPick<T extends PickItem>(items: readonly T[], options?: { placeHolder?: string }): Promise<T | undefined>;
  showInputBox(options: { prompt: string; value?: string; password?: boolean }): Promise<string | undefined>;
  /** Runs a cancellable task with a progress notification; the signal aborts on cancel; `report` updates its message. */
  withProgress<T>(title: string, task: (signal: AbortSignal, report?: (message: string) => void) => Promise<T>): Promise<T>;
  /** Diff editor: left is read-only text (e.g. the server's copy), right a document. */
  openDiff(left: { title: string; content: string; language: string }, right: UriParts, title: string): Promise<void>;
  /** Opens a document (a workspace file or an oauth2-client:// URI) in an editor. */
  openDocument(uri: UriParts): Promise<void>;
  writeClipboard(text: string): Promise<void>;
  /** Asks where to save and writes the file; returns the path, or undefined when cancelled. */
  saveTextFile(suggestedName: string, content: string): Promise<string | undefined>;
  /** The log channel. Callers never pass secrets; messages from AdminApiError are already redacted. */
  log(level: 'info' | 'warn' | 'error', line: string): void;
}
