// One server process, one format: the big document cold and warm, completion and hover in it,
// memory, then the one-client document opened and edited. A fresh process per format keeps the
// "cold" open really the first one.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient.mjs';
import { applyEdit, clientNameValueRange, lastClientAnchor } from './textEdits.mjs';

// Five: one fresh process varies by ±20 % on a small machine, and the median of three still
// moved by 20–30 ms between runs of the same build.
export const COLD_RUNS = 5;
const WARM_OPENS = 3;
const FEATURE_REPEATS = 5;
const KEYSTROKES = 6;
const SMALL_OPENS = 3;
const SMALL_EDITS = 10;

export const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const languageId = (format) => (format === 'json' ? 'json' : 'yaml');

function completionItems(result) {
  if (!result) return 0;
  return Array.isArray(result) ? result.length : (result.items?.length ?? 0);
}

function hoverHasContent(result) {
  const c = result?.contents;
  if (!c) return false;
  if (typeof c === 'string') return c.length > 0;
  if (Array.isArray(c)) return c.length > 0;
  return Boolean(c.value);
}

/** A document the bench has open: its text and version, kept in step with the server's copy. */
class OpenDocument {
  constructor(client, file, format, text) {
    Object.assign(this, { client, format, text, version: 1, uri: pathToFileURL(file).href });
    // Full-sync servers get the whole text; everyone here is incremental today, but a change
    // there must not silently turn the bench into nonsense.
    const sync = client.capabilities.textDocumentSync;
    this.full = (typeof sync === 'number' ? sync : sync?.change) === 1;
  }

  /**
   * Sends a notification and times it to the diagnostics it causes. The wait is registered first
   * (servers without versions are matched by arrival) and marked handled at once, so a send that
   * throws cannot leave it to fail later as an unhandled rejection.
   */
  async timeToDiagnostics(method, params) {
    const diagnosed = this.client.waitForDiagnostics(this.uri, this.version);
    diagnosed.catch(() => undefined);
    const t0 = performance.now();
    this.client.notify(method, params);
    const { at, diagnostics } = await diagnosed;
    return { ms: at - t0, count: diagnostics.length, diagnostics };
  }

  /** didOpen → diagnostics for version 1, in ms. */
  open() {
    return this.timeToDiagnostics('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: languageId(this.format), version: this.version, text: this.text },
    });
  }

  /** didChange → diagnostics for the new version, in ms. */
  async edit(range, newText) {
    this.text = applyEdit(this.text, range, newText);
    this.version++;
    const { ms, count } = await this.timeToDiagnostics('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [this.full ? { text: this.text } : { range, text: newText }],
    });
    return { ms, count };
  }

  /** Never throws: closing is cleanup, and a dead server has already been reported. */
  close() {
    try {
      this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
    } catch {
      // reported by the step that found the server gone
    }
  }
}

async function repeatRequest(client, method, params, n) {
  const samples = [];
  let last;
  for (let i = 0; i < n; i++) {
    const { ms, result } = await client.timedRequest(method, params);
    samples.push(ms);
    last = result;
  }
  return { samples, median: median(samples), result: last };
}

// Each step records its own error, so one timeout or crash costs that number, not the whole run.
async function step(out, key, fn) {
  try {
    out[key] = await fn();
  } catch (e) {
    out[key] = { error: e.message };
    out.errors = [...(out.errors ?? []), `${key}: ${e.message}`];
  }
}

/**
 * The full session once, then more fresh processes that only open the big document: a cold
 * open happens once per process, and one sample of the headline number would be too noisy.
 */
export async function measureServer(def, format, docs, ctx) {
  const full = await measureSession(def, format, docs, ctx);
  const runs = [full];
  for (let k = 1; k < COLD_RUNS; k++) runs.push(await measureSession(def, format, docs, { ...ctx, coldOnly: true, run: k }));
  const coldSamples = runs.map((r) => r.bigColdOpen?.ms);
  const rssSamples = runs.map((r) => r.memoryAfterBigDiagnosed?.rssMiB);
  const privateSamples = runs.map((r) => r.memoryAfterBigDiagnosed?.privateMiB);
  if (typeof full.bigColdOpen?.ms === 'number') {
    full.bigColdOpen = { ...full.bigColdOpen, firstMs: full.bigColdOpen.ms, ms: median(coldSamples), samples: coldSamples };
  }
  if (full.memoryAfterBigDiagnosed) {
    full.memoryAfterBigDiagnosed = { ...full.memoryAfterBigDiagnosed, rssMiB: median(rssSamples), rssSamples, privateMiB: median(privateSamples) };
  }
  for (const r of runs.slice(1)) for (const e of r.errors ?? []) full.errors = [...(full.errors ?? []), `cold run: ${e}`];
  return full;
}

async function measureSession(def, format, docs, { root, outDir, coldOnly = false, run = 0 }) {
  const big = docs[`big-${format}`];
  const small = docs[`small-${format}`];
  const out = { server: def.id, label: def.label, format };
  const client = new LspClient({
    name: `${def.id}/${format}`,
    args: [...def.nodeFlags, def.script, '--stdio'],
    cwd: root,
    configuration: def.configuration,
    logFile: path.join(outDir, `${def.id}-${format}${run ? `-cold${run}` : ''}.log`),
  });
  try {
    const t0 = performance.now();
    await client.initialize(pathToFileURL(path.dirname(big.files[0])).href, def.initializationOptions);
    out.initializeMs = performance.now() - t0;
    out.serverInfo = client.serverInfo ?? null;
    // Which features it announced: explains an n/a in the table.
    out.capabilities = Object.keys(client.capabilities);
    await def.configure(client);
    out.memoryIdle = client.memory();

    const doc = new OpenDocument(client, big.files[0], format, big.text);
    await step(out, 'bigColdOpen', async () => {
      const r = await doc.open();
      out.memoryAfterBigDiagnosed = client.memory();
      return { ms: r.ms, count: r.count, sample: r.diagnostics.slice(0, 3).map((d) => d.message) };
    });
    if (coldOnly) return out;

    const anchor = lastClientAnchor(big.text, format);
    await step(out, 'bigEdit', () => doc.edit(anchor.insert.range, anchor.insert.text));

    const at = { textDocument: { uri: doc.uri } };
    await step(out, 'completion', async () => {
      if (!client.capabilities.completionProvider) return { supported: false };
      const r = await repeatRequest(client, 'textDocument/completion', { ...at, position: anchor.completionAt }, FEATURE_REPEATS);
      return { supported: true, median: r.median, samples: r.samples, items: completionItems(r.result) };
    });
    // The issue quotes yaml-language-server's RSS beside its diagnose and completion times: this
    // samples every server's after the same steps.
    out.memoryAfterCompletion = client.memory();
    await step(out, 'hover', async () => {
      if (!client.capabilities.hoverProvider) return { supported: false };
      const r = await repeatRequest(client, 'textDocument/hover', { ...at, position: anchor.hoverAt }, FEATURE_REPEATS);
      return { supported: true, median: r.median, samples: r.samples, hasContent: hoverHasContent(r.result) };
    });
    // As an editor asks while one types: a keystroke, and completion at once, before the server has
    // analysed the new version (ours waits 60 ms before diagnosing a big document). Types a letter
    // on the completion line and deletes it, in turn; each keystroke's diagnostics are awaited
    // before the next, so that the samples do not queue behind each other.
    await step(out, 'completionAfterKeystroke', async () => {
      if (!client.capabilities.completionProvider) return { supported: false };
      const at = anchor.completionAt;
      const after = { line: at.line, character: at.character + 1 };
      const samples = [];
      for (let k = 0; k < KEYSTROKES; k++) {
        const typing = k % 2 === 0;
        const diagnosed = doc.edit(typing ? { start: at, end: at } : { start: at, end: after }, typing ? 'a' : '');
        const { ms } = await client.timedRequest('textDocument/completion', { textDocument: { uri: doc.uri }, position: typing ? after : at });
        samples.push(ms);
        await diagnosed;
      }
      return { supported: true, median: median(samples), samples };
    });
    doc.close();

    // Warm: same text under fresh URIs, so schema and code are loaded but nothing is cached per file.
    await step(out, 'bigWarmOpen', async () => {
      const samples = [];
      for (let k = 1; k <= WARM_OPENS; k++) {
        const d = new OpenDocument(client, big.files[k], format, big.text);
        samples.push((await d.open()).ms);
        d.close();
      }
      return { median: median(samples), samples };
    });
    out.memoryAfterBig = client.memory();

    await step(out, 'smallOpen', async () => {
      const samples = [];
      let count;
      for (let k = 0; k < SMALL_OPENS; k++) {
        const d = new OpenDocument(client, small.files[k], format, small.text);
        const r = await d.open();
        samples.push(r.ms);
        count = r.count;
        d.close();
      }
      return { median: median(samples), samples, count };
    });

    await step(out, 'smallEdit', async () => {
      const d = new OpenDocument(client, small.files[SMALL_OPENS], format, small.text);
      await d.open();
      const samples = [];
      for (let n = 0; n < SMALL_EDITS; n++) {
        samples.push((await d.edit(clientNameValueRange(d.text, format), `Edited client ${n}`)).ms);
      }
      d.close();
      return { median: median(samples), samples };
    });
    out.memoryEnd = client.memory();
  } catch (e) {
    out.errors = [...(out.errors ?? []), e.message];
  } finally {
    await client.dispose();
  }
  return out;
}
