// Issue 2, bad input: the engine stays linear on long lists, many keys, many clients and big
// anchors. Each shape is timed at N and 2N in one fresh process (analyse + diagnostics, or the
// code actions for every diagnostic); a doubling that costs ~2× is linear, ~4× quadratic.
//
//   node bench/longLists.mjs              measure and print on its own
//   node bench/longLists.mjs --child DIR  (internal) measure with the bundles in DIR, JSON on stdout
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForBench, measureInChild, runSection } from './childMeasurement.mjs';

const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

/** name → [language, size N, text for a size, what is timed]. */
const SHAPES = [
  ['one client, N invalid redirect URIs', 'json', 20_000, (n) => JSON.stringify({ client_id: 'a', redirect_uris: range(n, (i) => `not a uri ${i}`) }), 'validate'],
  ['one client, N unknown keys', 'json', 20_000, (n) => JSON.stringify(Object.fromEntries([['client_id', 'a'], ...range(n, (i) => [`unknown_${i}`, i])])), 'validate'],
  ['one JWK whose RSA exponent has N base64 digits', 'json', 160_000, (n) => JSON.stringify({ client_id: 'a', jwks: { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB'.repeat(n / 4) }] } }), 'validate'],
  ['N clients with 4 findings each: code actions for all', 'json', 10_000, (n) => JSON.stringify(range(n, (i) => ({ client_id: `c${i}`, grant_types: ['bogus'], redirect_uri: ['https://x.example/cb'], token_endpoint_auth_method: 'nonex' }))), 'codeActions'],
  ['N post-logout URIs matching no redirect URI (N of those)', 'json', 5_000, (n) => JSON.stringify({ client_id: 'a', redirect_uris: range(n, (i) => `https://h${i}.example.com/cb`), post_logout_redirect_uris: range(n, (i) => `https://x${i}.other.com/out`) }), 'validate'],
  ['YAML: N clients merging one N-key anchor', 'yaml', 4_000, (n) => `- &b\n  client_id: a\n${range(n, (i) => `  zz${i}: 1\n`).join('')}${range(n, (i) => `- <<: *b\n  client_id: c${i}\n`).join('')}`, 'validate'],
  ['YAML: N clients aliasing one list of N invalid URIs', 'yaml', 2_000, (n) => `- client_id: a\n  redirect_uris: &r\n${range(n, (i) => `    - not a uri ${i}\n`).join('')}${range(n, (i) => `- client_id: c${i}\n  redirect_uris: *r\n`).join('')}`, 'validate'],
];

export async function measureLongLists({ root, outDir }) {
  try {
    const buildDir = await bundleForBench(root, outDir, {
      clientDocument: 'server/src/engine/clientDocument.ts',
      rules: 'server/src/engine/rules/index.ts',
      engineSettings: 'server/src/engine/engineSettings.ts',
      codeActions: 'server/src/engine/features/codeActions/index.ts',
    });
    return measureInChild(root, fileURLToPath(import.meta.url), buildDir, []);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const ms = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));

export function longListsTable(r) {
  if (r.error) return `Long-list benchmark failed: ${r.error}`;
  return [
    '| input | N | ms at N | ms at 2N | 2N ÷ N | diagnostics at 2N |',
    '|---|--:|--:|--:|--:|--:|',
    ...r.shapes.map((s) => `| ${s.name} (${s.language}, ${(s.bytes / 1024).toFixed(0)} KB at 2N) | ${s.n.toLocaleString('en-US')} | ${ms(s.ms[0])} | ${ms(s.ms[1])} | ${(s.ms[1] / s.ms[0]).toFixed(1)}× | ${s.diagnostics.toLocaleString('en-US')} |`),
  ].join('\n');
}

// ---- child side ----

async function child(buildDir) {
  const load = (name) => import(pathToFileURL(path.join(buildDir, `${name}.mjs`)).href);
  const { analyseDocument } = await load('clientDocument');
  const { HYDRA_RULES } = await load('rules');
  const { DEFAULT_SETTINGS } = await load('engineSettings');
  const { provideCodeActions } = await load('codeActions');
  const settings = { ...DEFAULT_SETTINGS, hydraVersion: 'v2.3' };
  const shapes = [];
  for (const [name, language, n, make, what] of SHAPES) {
    const times = [];
    let diagnostics = 0;
    let bytes = 0;
    for (const size of [n, 2 * n]) {
      const text = make(size);
      const uri = `file:///bench/long.oauth2-client.${language}`;
      const started = performance.now();
      const doc = analyseDocument(uri, 1, text, language, settings, HYDRA_RULES);
      const found = doc.diagnostics();
      if (what === 'codeActions') {
        const lsp = found.map((d) => ({ range: d.range, message: d.message, severity: 1, code: d.code, data: d.data, source: 'oauth2-client' }));
        provideCodeActions(doc, uri, lsp);
      }
      times.push(performance.now() - started);
      diagnostics = found.length;
      bytes = text.length;
    }
    shapes.push({ name, language, n, ms: times, diagnostics, bytes });
  }
  return { shapes };
}

await runSection(import.meta.url, {
  child,
  measure: measureLongLists,
  title: '## Bad input: long lists, many keys, big anchors (engine in one process)',
  table: longListsTable,
});
