// Issue 9: clients as code. A plan for 2,000 client files against the in-memory Hydra v26 admin server
// (test/adminServer/) holding 10,000 clients, through client/src/clientsAsCode/ as the CLI runs it:
//   - requests made (target: the list pages only, no per-client GET),
//   - time: reading + linting the files, then listing + comparing, vs just listing every client with
//     the same AdminApiClient and page size (median of 5 runs each, interleaved), printed as a ratio.
// The files: 1,800 of the server's clients (200 of them with a changed field) and 200 new ones, one
// client per file, JSON and YAML alternating, in a temporary oauth2-clients/ folder.
//
//   node bench/planBench.mjs              measure and print on its own
//   node bench/planBench.mjs --child DIR  (internal) measure with the bundles in DIR, JSON on stdout
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForBench, measureInChild, runSection } from './childMeasurement.mjs';
import { ADMIN_CLIENT_COUNT, seedClients } from './adminListing.mjs';

export const PLAN_FILE_COUNT = 2_000;
const CHANGED = 200;
const NEW = 200;
const RUNS = 5;
const PAGE_SIZE = 500;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the whole measurement in a child process; never throws (an error is returned as { error }). */
export async function measurePlan({ root, outDir }) {
  try {
    const buildDir = await bundleForBench(root, outDir, { clientsAsCode: 'client/src/clientsAsCode/index.ts', engineSettings: 'server/src/engine/engineSettings.ts', adminApi: 'client/src/adminApi/index.ts', adminServer: 'test/adminServer/adminServer.ts' });
    return measureInChild(root, fileURLToPath(import.meta.url), buildDir, []);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const ms = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));

export function planTable(r) {
  if (r.error) return `Plan benchmark failed: ${r.error}`;
  const c = r.counts;
  return [
    `| step, median of ${r.runs} | ms |`,
    '|---|--:|',
    `| read + lint ${r.files.toLocaleString('en-US')} files (${r.clients.toLocaleString('en-US')} clients) | ${ms(r.load.median)} |`,
    `| list ${r.serverClients.toLocaleString('en-US')} server clients + compare | ${ms(r.plan.median)} |`,
    `| plan in all (read, lint, list, compare) | ${ms(r.total.median)} |`,
    `| just listing every client (same client, page size ${r.pageSize}) | ${ms(r.list.median)} |`,
    '',
    `Plan: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.onlyOnServer} only on the server; ${r.refused} refused.`,
    `Requests for the plan: ${r.requests} (${r.requestKinds}); listing alone: ${r.listRequests}.`,
    `Ratios: plan in all ÷ listing ${r.ratioTotal.toFixed(2)}×; list + compare ÷ listing ${r.ratioPlan.toFixed(2)}×.`,
  ].join('\n');
}

// ---- child side ----

function writeFiles(dir, seeds) {
  const folder = path.join(dir, 'oauth2-clients');
  mkdirSync(folder, { recursive: true });
  const json = (c) => JSON.stringify(c, null, 2);
  // A plain YAML writer is enough for these generated clients (strings, arrays, one nested object).
  const yaml = (c) => Object.entries(c).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n') + '\n';
  const mine = seeds.slice(0, PLAN_FILE_COUNT - NEW).map((c, i) => (i % ((PLAN_FILE_COUNT - NEW) / CHANGED) === 0 ? { ...c, client_name: `${c.client_name} (renamed)` } : c));
  for (let i = 0; i < NEW; i++) mine.push({ client_id: `new-client-${i}`, client_name: `New ${i}`, grant_types: ['client_credentials'], audience: ['https://api.example.com'] });
  mine.forEach((c, i) => {
    const { client_secret: _s, ...rest } = c;
    const name = `client-${String(i).padStart(4, '0')}.${i % 2 ? 'yaml' : 'json'}`;
    writeFileSync(path.join(folder, name), i % 2 ? yaml(rest) : json(rest));
  });
  return folder;
}

function readSources(folder) {
  return readdirSync(folder).sort().map((n) => {
    const p = path.join(folder, n);
    return { name: p, uri: pathToFileURL(p).href, text: readFileSync(p, 'utf8') };
  });
}

async function child(buildDir) {
  const { AdminApiClient, createNodeTransport } = await import(pathToFileURL(path.join(buildDir, 'adminApi.mjs')).href);
  const { loadClients, planAgainstServer } = await import(pathToFileURL(path.join(buildDir, 'clientsAsCode.mjs')).href);
  const { startAdminServer } = await import(pathToFileURL(path.join(buildDir, 'adminServer.mjs')).href);
  // The CLI's settings: the default file patterns and Hydra v26.
  const { DEFAULT_SETTINGS: settings } = await import(pathToFileURL(path.join(buildDir, 'engineSettings.mjs')).href);
  const server = await startAdminServer({ hydraVersion: 'v26', seed: false });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'oauth2-plan-bench-'));
  try {
    const seeds = seedClients();
    for (const c of seeds) server.store.add(c);
    const folder = writeFiles(tmp, seeds);
    const counting = () => {
      const base = createNodeTransport();
      const seen = [];
      return { seen, transport: (req) => (seen.push(`${req.method} ${new URL(req.url).pathname}`), base(req)) };
    };
    const connection = { name: 'bench', adminUrl: server.adminUrl, auth: { kind: 'none' } };
    const listAll = async (api) => {
      let n = 0;
      for await (const page of api.listPages({ pageSize: PAGE_SIZE })) n += page.length;
      return n;
    };
    const planOnce = async () => {
      const c = counting();
      const api = new AdminApiClient(connection, c.transport);
      const t0 = performance.now();
      const loaded = loadClients(readSources(folder), settings);
      const t1 = performance.now();
      const plan = await planAgainstServer(api, loaded, { hydraVersion: 'v26' });
      const t2 = performance.now();
      return { load: t1 - t0, plan: t2 - t1, total: t2 - t0, plan_: plan, loaded, requests: c.seen };
    };
    const listOnce = async () => {
      const c = counting();
      const api = new AdminApiClient(connection, c.transport);
      const t0 = performance.now();
      const n = await listAll(api);
      return { ms: performance.now() - t0, n, requests: c.seen };
    };
    // Warm-up, then interleaved runs.
    const first = await planOnce();
    const firstList = await listOnce();
    if (firstList.n !== ADMIN_CLIENT_COUNT) throw new Error(`listed ${firstList.n} of ${ADMIN_CLIENT_COUNT}`);
    const load = [], plan = [], total = [], list = [];
    for (let i = 0; i < RUNS; i++) {
      for (const which of i % 2 ? ['list', 'plan'] : ['plan', 'list']) {
        if (which === 'plan') {
          const r = await planOnce();
          load.push(r.load), plan.push(r.plan), total.push(r.total);
        } else list.push((await listOnce()).ms);
      }
    }
    const kinds = {};
    for (const r of first.requests) kinds[r] = (kinds[r] ?? 0) + 1;
    return {
      files: PLAN_FILE_COUNT,
      clients: first.loaded.clients.length,
      refused: first.loaded.refused.length,
      serverClients: ADMIN_CLIENT_COUNT,
      pageSize: PAGE_SIZE,
      runs: RUNS,
      counts: first.plan_.counts,
      requests: first.requests.length,
      requestKinds: Object.entries(kinds).map(([k, n]) => `${n} × ${k}`).join(', '),
      listRequests: firstList.requests.length,
      load: { median: median(load), samples: load },
      plan: { median: median(plan), samples: plan },
      total: { median: median(total), samples: total },
      list: { median: median(list), samples: list },
      ratioTotal: median(total) / median(list),
      ratioPlan: median(plan) / median(list),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await server.close();
  }
}

await runSection(import.meta.url, {
  child,
  measure: measurePlan,
  title: `## Clients as code: plan for ${PLAN_FILE_COUNT.toLocaleString('en-US')} files against ${ADMIN_CLIENT_COUNT.toLocaleString('en-US')} clients (in-memory Hydra v26)`,
  table: planTable,
});
