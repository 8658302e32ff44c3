// Protocol fuzz: random incremental edits interleaved with completion, hover, code action and symbol
// requests, sent to the built server over stdio without waiting for answers (as a fast typist's
// editor does). Properties: the server never exits, every request is answered, and the diagnostics
// of the final version equal those of a fresh open of the final text.
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { fieldNames, HYDRA_VERSIONS, type HydraVersion } from '../../../server/src/engine/schema/clientSchema';
import { LspClient } from '../../helpers/lspClient';
import { anyString, fuzzDocument, TOKENS } from '../engine/documentArbitraries';
import { SEED_DOCUMENTS } from '../engine/seedDocuments';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

type Step =
  | { kind: 'edit'; at: number; remove: number; insert: string }
  | { kind: 'replace-all'; text: string }
  | { kind: 'request'; method: 'completion' | 'hover' | 'codeAction' | 'documentSymbol'; at: number; to: number };

const insertion = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 3, arbitrary: fc.constantFrom(...fieldNames).map((k) => `${k}: `) },
  { weight: 3, arbitrary: fc.constantFrom('a', ' ', '\n', '\n  ', '\n- ', '"', ':', ',', '\r\n', 'x') },
  { weight: 2, arbitrary: anyString(6) },
  { weight: 1, arbitrary: fc.constant('') },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fraction, remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })), insert: insertion }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom('completion' as const, 'hover' as const, 'codeAction' as const, 'documentSymbol' as const), at: fraction, to: fraction }) },
  { weight: 1, arbitrary: fc.constantFrom(...SEED_DOCUMENTS).map((s) => ({ kind: 'replace-all' as const, text: s.text })) },
);

const smallSeeds = SEED_DOCUMENTS.filter((s) => s.text.length < 4_000);

export const protocolRun = fc.record({
  start: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...smallSeeds).map((s) => ({ text: s.text, language: s.language })) },
    { weight: 2, arbitrary: fuzzDocument.map((d) => ({ text: d.text, language: d.language })) },
  ),
  steps: fc.array(step, { minLength: 5, maxLength: 60 }),
  hydraVersion: fc.constantFrom(...HYDRA_VERSIONS),
});

export type ProtocolRun = typeof protocolRun extends fc.Arbitrary<infer T> ? T : never;

export interface RunOutcome {
  requests: number;
  unanswered: number;
  /** Requests answered with an error (the server turns failures into empty answers, so none). */
  errors: string[];
  exited: boolean;
  /** Set when the final diagnostics differ from a fresh open's. */
  mismatch?: string;
  ms: number;
  finalText: string;
}

let counter = 0;

/** Executes one run against `client`; `answerMs` bounds each request and each diagnostics wait. */
export async function executeRun(client: LspClient, run: ProtocolRun, answerMs: number): Promise<RunOutcome> {
  const started = Date.now();
  const id = ++counter;
  const ext = run.start.language;
  const uri = `file:///fuzz/p${process.pid}-${id}.oauth2-client.${ext}`;
  const freshUri = `file:///fuzz/p${process.pid}-${id}-fresh.oauth2-client.${ext}`;
  let doc = TextDocument.create(uri, ext, 1, run.start.text);
  await client.open(uri, doc.getText(), ext, 1);
  const pending: Promise<'answered' | 'unanswered' | string>[] = [];
  const offsetAt = (f: number) => Math.min(doc.getText().length, Math.floor(f * (doc.getText().length + 1)));
  for (const s of run.steps) {
    if (s.kind === 'request') {
      pending.push(answered(client, request(client, uri, doc, s, offsetAt), answerMs));
      continue;
    }
    let change: TextDocumentContentChangeEvent;
    if (s.kind === 'replace-all') change = { text: s.text };
    else {
      const start = offsetAt(s.at);
      const end = Math.min(doc.getText().length, start + s.remove);
      change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: s.insert };
    }
    doc = TextDocument.update(doc, [change], doc.version + 1);
    await client.change(uri, doc.version, [change]);
  }
  const outcome: RunOutcome = { requests: pending.length, unanswered: 0, errors: [], exited: false, ms: 0, finalText: doc.getText() };
  for (const r of await Promise.all(pending)) {
    if (r === 'unanswered') outcome.unanswered++;
    else if (r !== 'answered') outcome.errors.push(r);
  }
  try {
    const incremental = await client.diagnostics(uri, doc.version, answerMs);
    await client.open(freshUri, doc.getText(), ext, 1);
    const fresh = await client.diagnostics(freshUri, 1, answerMs);
    const a = canonical(incremental);
    const b = canonical(fresh);
    if (a !== b) outcome.mismatch = `after edits: ${a}\nfresh open:  ${b}`;
  } catch (e) {
    outcome.mismatch = `no diagnostics: ${(e as Error).message}`;
  }
  await client.close(uri);
  await client.close(freshUri);
  outcome.exited = client.exitCode !== null;
  outcome.ms = Date.now() - started;
  return outcome;
}

function request(client: LspClient, uri: string, doc: TextDocument, s: Extract<Step, { kind: 'request' }>, offsetAt: (f: number) => number): Promise<unknown> {
  const textDocument = { uri };
  const position = doc.positionAt(offsetAt(s.at));
  switch (s.method) {
    case 'completion':
      return client.request('textDocument/completion', { textDocument, position });
    case 'hover':
      return client.request('textDocument/hover', { textDocument, position });
    case 'documentSymbol':
      return client.request('textDocument/documentSymbol', { textDocument });
    case 'codeAction': {
      const [a, b] = [offsetAt(Math.min(s.at, s.to)), offsetAt(Math.max(s.at, s.to))];
      // The diagnostics the editor last saw, possibly for an older version, as in real editors.
      const diagnostics = client.publications(uri).at(-1)?.diagnostics ?? [];
      return client.request('textDocument/codeAction', { textDocument, range: { start: doc.positionAt(a), end: doc.positionAt(b) }, context: { diagnostics } });
    }
  }
}

async function answered(client: LspClient, p: Promise<unknown>, ms: number): Promise<'answered' | 'unanswered' | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unanswered'>((resolve) => (timer = setTimeout(() => resolve('unanswered'), ms)));
  try {
    return await Promise.race([p.then(() => 'answered' as const), timeout]);
  } catch (e) {
    return `error answer: ${(e as Error).message}${client.exitCode !== null ? ' (server exited)' : ''}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Order-independent: the same set of diagnostics, whatever order each path lists them in. */
function canonical(diagnostics: Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => JSON.stringify(d)).sort());
}

export interface ProtocolFuzzReport {
  runs: number;
  requests: number;
  unanswered: number;
  failures: { seed: number; path: string; problems: string[]; finalText: string }[];
  slowest: { ms: number; seed: number; path: string; steps: number } | undefined;
  serverExits: number;
}

export interface ProtocolFuzzOptions {
  runs: number;
  seed: number;
  answerMs: number;
  path?: string;
  progress?: (done: number) => void;
}

/** Generates the runs with fast-check (seeded), executes them one after another on one server. */
export async function runProtocolFuzz(o: ProtocolFuzzOptions): Promise<ProtocolFuzzReport> {
  const report: ProtocolFuzzReport = { runs: 0, requests: 0, unanswered: 0, failures: [], slowest: undefined, serverExits: 0 };
  // One server per Hydra version (its settings), all kept for the whole fuzz.
  const clients = new Map<HydraVersion, LspClient>();
  try {
    // Inside the try: a server that fails to start or warm up must not leave the others running.
    for (const v of HYDRA_VERSIONS) clients.set(v, await LspClient.start({ settings: { hydraVersion: v } }));
    // Warm each server up first, so the slowest run is a run and not the first compile.
    for (const c of clients.values()) {
      const uri = `file:///fuzz/warm-up-${process.pid}.oauth2-client.json`;
      await c.open(uri, '{"client_id": "warm-up"}', 'json', 1);
      await c.diagnostics(uri, 1, o.answerMs);
      await c.close(uri);
    }
    // fast-check's async runner: run i replays with { seed, path: String(i) }.
    await fc.check(
      fc.asyncProperty(protocolRun, async (run) => {
        const path = o.path ?? String(report.runs);
        report.runs++;
        const client = clients.get(run.hydraVersion)!;
        const outcome = await executeRun(client, run, o.answerMs);
        report.requests += outcome.requests;
        report.unanswered += outcome.unanswered;
        const problems = [...outcome.errors];
        if (outcome.unanswered) problems.push(`${outcome.unanswered} of ${outcome.requests} requests unanswered within ${o.answerMs} ms`);
        if (outcome.mismatch) problems.push(`final diagnostics differ from a fresh open: ${outcome.mismatch}`);
        if (outcome.exited) {
          problems.push(`the server exited (code ${client.exitCode})`);
          report.serverExits++;
          await client.stop();
          clients.set(run.hydraVersion, await LspClient.start({ settings: { hydraVersion: run.hydraVersion } }));
        }
        if (problems.length) report.failures.push({ seed: o.seed, path, problems, finalText: outcome.finalText });
        if (!report.slowest || outcome.ms > report.slowest.ms) report.slowest = { ms: outcome.ms, seed: o.seed, path, steps: run.steps.length };
        if (o.progress && report.runs % 100 === 0) o.progress(report.runs);
      }),
      { seed: o.seed, numRuns: o.path ? 1 : o.runs, ...(o.path ? { path: o.path } : {}), endOnFailure: true },
    );
  } finally {
    for (const c of clients.values()) await c.stop();
  }
  return report;
}
