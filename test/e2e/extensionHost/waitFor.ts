// Waiting on VS Code events inside the extension host.
import * as vscode from 'vscode';

/** Resolves once `check` holds, re-checking on each diagnostics change of `uri`. */
export function diagnosticsSatisfy(uri: vscode.Uri, check: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'oauth2-client');
    if (check(ours())) return resolve(ours());
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (!check(ours())) return;
      sub.dispose();
      resolve(ours());
    });
  });
}

/** Retries `attempt` until it succeeds: for effects of a settings change that has no event of its own. */
export async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
