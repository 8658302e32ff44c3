// A minimal LSP client over stdio for timing servers: it starts one server process, answers the
// requests servers make of their client, and turns publishDiagnostics into awaitable events.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import lsp from 'vscode-languageserver-protocol/node.js';

// BENCH_TIMEOUT_MS overrides it, e.g. to check quickly how the bench copes with a hung server.
export const REQUEST_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS) || 60_000;

export class TimeoutError extends Error {}

// vscode-jsonrpc sends requests from an async Promise executor: when the write fails because we
// killed a hung server with messages still queued, the rethrow there is an unhandled rejection
// nobody can catch. Those are expected; anything else is a real bug and still ends the bench.
process.on('unhandledRejection', (e) => {
  if (e?.code === 'ERR_STREAM_DESTROYED' || e?.code === 'EPIPE') return;
  throw e;
});

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// What a plain editor announces. Deliberately no textDocument.diagnostic: every server here then
// pushes diagnostics, so all three are timed the same way. snippetSupport because the JSON server
// only offers completion to clients that have it.
const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: false },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: false },
};

export class LspClient {
  /**
   * @param {object} o
   * @param {string[]} o.args node arguments (script and flags); the server runs under this Node.
   * @param {(section: string|undefined, scopeUri: string|undefined) => unknown} o.configuration
   * @param {string} o.logFile server stderr and window/logMessage go here, not to the bench output.
   */
  constructor({ name, args, cwd, configuration, logFile }) {
    this.name = name;
    this.configuration = configuration;
    this.log = createWriteStream(logFile);
    this.proc = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.pipe(this.log, { end: false });
    // A killed or crashed server makes writes fail (EPIPE); that is reported through the waits
    // and timeouts, and must not bring down the whole bench as an unhandled 'error' event.
    this.proc.on('error', (e) => this.log.write(`[process error] ${e.message}\n`));
    this.proc.stdin.on('error', (e) => this.log.write(`[stdin error] ${e.message}\n`));
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({ code, signal })));
    this.diagnosticWaiters = new Set();
    this.configurationRequests = 0;

    this.conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(this.proc.stdout), new lsp.StreamMessageWriter(this.proc.stdin));
    this.conn.onRequest((method, params) => this.answer(method, params));
    this.conn.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') this.onDiagnostics(params);
      else if (method === 'window/logMessage' || method === 'window/showMessage') this.log.write(`[${method}] ${params?.message}\n`);
    });
    // A crashed server must fail its pending waits at once, not after the timeout.
    this.conn.onClose(() => {
      this.closed = true;
      this.failWaiters(new Error(`${name}: connection closed`));
    });
    this.conn.onError(([err]) => this.log.write(`[connection error] ${err?.message}\n`));
    this.conn.listen();
  }

  answer(method, params) {
    switch (method) {
      case 'workspace/configuration':
        this.configurationRequests++;
        return params.items.map((item) => this.configuration(item.section, item.scopeUri) ?? null);
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
        return null;
      case 'workspace/workspaceFolders':
        return [];
      default:
        return new lsp.ResponseError(lsp.ErrorCodes.MethodNotFound, `bench client: ${method} not supported`);
    }
  }

  async initialize(rootUri, initializationOptions) {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions,
      workspaceFolders: null,
    });
    this.capabilities = result?.capabilities ?? {};
    this.serverInfo = result?.serverInfo;
    this.conn.sendNotification('initialized', {});
    return this.capabilities;
  }

  request(method, params, timeoutMs = REQUEST_TIMEOUT_MS) {
    return withTimeout(this.conn.sendRequest(method, params), timeoutMs, `${this.name} ${method}`);
  }

  /** Round-trip time of one request, and its result. */
  async timedRequest(method, params) {
    const t0 = performance.now();
    const result = await this.request(method, params);
    return { ms: performance.now() - t0, result };
  }

  notify(method, params) {
    if (this.closed) throw new Error(`${this.name}: connection closed`);
    // Without the catch an async write failure would surface as an unhandled rejection.
    this.conn.sendNotification(method, params).catch((e) => this.log.write(`[notify ${method}] ${e?.message}\n`));
  }

  /**
   * Resolves with the first publishDiagnostics for uri that fits version: servers that send a
   * version must match it; servers that send none (JSON, YAML) are matched by arrival, which is
   * why callers register the wait before sending the change that causes it.
   */
  waitForDiagnostics(uri, version, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (this.closed) return Promise.reject(new Error(`${this.name}: connection closed`));
    let waiter;
    const p = new Promise((resolve, reject) => {
      waiter = { uri, version, resolve, reject };
      this.diagnosticWaiters.add(waiter);
    });
    return withTimeout(p, timeoutMs, `${this.name} diagnostics for ${uri}`).finally(() => this.diagnosticWaiters.delete(waiter));
  }

  onDiagnostics(params) {
    const at = performance.now();
    for (const w of this.diagnosticWaiters) {
      if (w.uri !== params.uri) continue;
      if (params.version != null && w.version != null && params.version !== w.version) continue;
      this.diagnosticWaiters.delete(w);
      w.resolve({ at, diagnostics: params.diagnostics });
    }
  }

  failWaiters(err) {
    for (const w of this.diagnosticWaiters) w.reject(err);
    this.diagnosticWaiters.clear();
  }

  /** Resident and peak memory of the server process in MiB (Linux /proc; null elsewhere). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      // privateMiB: the anonymous pages, what the process allocated itself; the rest of its RSS
      // is mostly the node binary's code and data, the same ~40 MiB for every Node server.
      const anon = kb('RssAnon');
      return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024, privateMiB: Number.isFinite(anon) ? anon / 1024 : null };
    } catch {
      return { rssMiB: null, peakMiB: null, privateMiB: null };
    }
  }

  /** Polite shutdown with a short deadline, then SIGKILL: a hung server must not outlive the bench. */
  async dispose() {
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit');
    } catch {
      // killed below
    }
    const exited = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(null), 2_000))]);
    if (!exited) this.proc.kill('SIGKILL');
    this.conn.dispose();
    this.log.end();
  }
}
