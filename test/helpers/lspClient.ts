// A JSON-RPC client that talks to the built language server over stdio, as an editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../server/src/languageServer/nodeStartFlags';

export const projectRoot = process.env.OAUTH2_CLIENT_STUDIO_ROOT ?? path.resolve(__dirname, '../../..');
export const serverPath = path.join(projectRoot, 'dist/server/server.js');

export interface LspClientOptions {
  /** What workspace/configuration answers for section oauth2Client (null = no settings). */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  /** Run the bin file itself, so that its shebang line starts Node (default: node + its flags + file). */
  asExecutable?: boolean;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  settings: unknown;
  exitCode: number | null = null;

  private constructor(opts: LspClientOptions) {
    this.settings = opts.settings ?? null;
    // LSP_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof" when profiling a test.
    const nodeArgs = process.env.LSP_NODE_ARGS ? process.env.LSP_NODE_ARGS.split(' ') : [];
    // Either way the server gets the Node options it is always started with (bin, VS Code client).
    this.proc = opts.asExecutable
      ? spawn(serverPath, ['--stdio'], { stdio: 'pipe' })
      : spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, serverPath, '--stdio'], { stdio: 'pipe' });
    this.proc.on('exit', (code) => {
      this.exitCode = code ?? -1;
    });
    this.proc.stderr.on('data', () => undefined);
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** The server's process id (for reading its state from /proc). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  static async start(opts: LspClientOptions = {}): Promise<LspClient> {
    const c = new LspClient(opts);
    await c.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: opts.capabilities ?? { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await c.connection.sendNotification('initialized', {});
    return c;
  }

  open(uri: string, text: string, languageId = uri.endsWith('.json') ? 'json' : 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Every publishDiagnostics notification received for `uri`, oldest first. */
  publications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** Waits for diagnostics for `uri` (for `version`, when given). Fails after `timeoutMs`. */
  async diagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.publications(uri).filter((p) => version === undefined || p.version === version).pop();
      if (hit) return hit.diagnostics;
      if (this.exitCode !== null) throw new Error(`server exited with ${this.exitCode}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri}${version !== undefined ? ` v${version}` : ''} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.proc.kill();
  }
}
