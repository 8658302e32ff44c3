// The language client: where the server lives, which documents it sees, which settings it gets.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/languageServer/nodeStartFlags';
import { liveDocumentDiagnostics } from './clientFs/liveDiagnostics';

/** The settings section; also the client id, so vscode-languageclient reads `oauth2Client.trace.server`. */
export const SETTINGS_SECTION = 'oauth2Client';

export const DOCUMENT_LANGUAGES: readonly string[] = ['json', 'jsonc', 'yaml'];
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled', 'oauth2-client'];

/**
 * Every JSON/YAML document, on purpose: the server decides per document (globs, `$schema`, content)
 * whether it is an OAuth2Client file, so the client must not pre-filter.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = DOCUMENT_LANGUAGES.flatMap((language) =>
  DOCUMENT_SCHEMES.map((scheme) => ({ language, scheme })),
);

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  // The server is bundled next to the client: dist/server/server.js beside dist/client/extension.js.
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    // The same Node options the bin's shebang gives it (nodeStartFlags.ts says why).
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    // Lets a debugger attach to the server when the extension itself runs under the debugger.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // Pushes the section on change; the server still pulls per-resource values with workspace/configuration.
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: log,
    // The server pulls diagnostics when VS Code supports it, else pushes them: filter both ways.
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, liveDocumentDiagnostics(uri.scheme, diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        const { scheme } = document instanceof vscode.Uri ? document : document.uri;
        return report && 'items' in report ? { ...report, items: liveDocumentDiagnostics(scheme, report.items) } : report;
      },
    },
  };
  return new LanguageClient(SETTINGS_SECTION, 'OAuth2 Client Studio', serverOptions, clientOptions);
}

/** Holds the current client so a restart can replace it. */
export class LanguageClientHost {
  private current: LanguageClient;
  private restarting: Promise<void> | undefined;

  constructor(private readonly create: () => LanguageClient) {
    this.current = create();
  }

  start(): Promise<void> {
    return this.current.start();
  }

  /** Concurrent calls share one restart. */
  restart(): Promise<void> {
    this.restarting ??= this.replaceOrRestart().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async replaceOrRestart(): Promise<void> {
    const old = this.current;
    if (old.state === State.Starting) return old.start(); // already on its way: wait for it
    if (old.state === State.Running) return old.restart();
    // Stopped: after a failed start a LanguageClient refuses to start again, so use a fresh one.
    // Disposing a client whose start failed throws; it has no server to shut down.
    await old.dispose().catch(() => undefined);
    this.current = this.create();
    await this.current.start();
  }

  /** A notification to the running server; dropped while it is not running (it is sent again after a start). */
  async sendNotification(method: string, params: unknown): Promise<void> {
    if (this.current.state === State.Running) await this.current.sendNotification(method, params);
  }

  stop(): Promise<void> {
    return this.current.state === State.Running ? this.current.stop() : Promise.resolve();
  }
}
