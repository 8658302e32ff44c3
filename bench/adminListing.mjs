// Issue 5: listing 10,000 clients through the admin API client (client/src/adminApi/) against the
// in-memory Hydra v26 admin server (test/adminServer/). Measures
//   - requests until the first page is available (target: exactly 1),
//   - time for all pages via the client vs a plain fetch + JSON.parse loop over the same server and
//     page size (median of 5 runs each, interleaved in one process; target ≤ 1.2×),
//   - extension-side memory per loaded client (heapUsed delta after gc, ÷ 10,000).
// The TypeScript sources are bundled with esbuild into bench/.out/build; the measurement runs in a
// child `node --expose-gc` so the memory figure is taken after real collections.
//
//   node bench/adminListing.mjs              measure and print on its own
//   node bench/adminListing.mjs --child DIR  (internal) measure with the bundles in DIR, JSON on stdout
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForBench, measureInChild } from './childMeasurement.mjs';
import { rng } from '../scripts/lib/seededRandom.cjs';

export const ADMIN_CLIENT_COUNT = 10_000;
const RUNS = 5;
/** Hydra's default page size (also the client's) and the largest every version honours. */
const PAGE_SIZES = [100, 500];
const RATIO_TARGET = 1.2;

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- parent side: bundle, run the child, render ----

/** Runs the whole measurement; never throws (an error is returned as { error }). */
export async function measureAdminListing({ root, outDir }) {
  try {
    const buildDir = await bundleForBench(root, outDir, { adminApi: 'client/src/adminApi/index.ts', adminServer: 'test/adminServer/adminServer.ts' });
    return measureInChild(root, fileURLToPath(import.meta.url), buildDir, ['--expose-gc']);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function ms(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return 'n/a';
  return x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}
const bytes = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} B` : 'n/a');
const times = (r) => (typeof r === 'number' && Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

export function adminTable(r) {
  if (r.error) return `Admin listing failed: ${r.error}`;
  const rows = [
    `| page size | pages | clients | all pages via AdminApiClient, median of ${RUNS} (ms) | plain fetch + JSON.parse loop, median of ${RUNS} (ms) | client ÷ plain |`,
    '|--:|--:|--:|--:|--:|--:|',
  ];
  for (const t of r.timings) {
    rows.push(`| ${t.pageSize} | ${t.pages} | ${t.clients.toLocaleString('en-US')} | ${ms(t.client.median)} | ${ms(t.plain.median)} | ${times(t.ratio)} |`);
  }
  const f = r.firstPage;
  const m = r.memory;
  return [
    rows.join('\n'),
    '',
    `Requests until the first page: ${f.requests} (${f.paths.join(', ')}) with the default connection (apiVersion auto)` +
      `; ${f.requestsWithVersion} with apiVersion "v2" configured. First page in ${ms(f.ms)} ms.`,
    `Memory, ${m.clients.toLocaleString('en-US')} clients loaded (heapUsed after gc${m.gc ? '' : ' — unavailable, numbers are rough'}): ` +
      `via AdminApiClient ${bytes(m.perClientClient)} per client (${(m.clientDeltaBytes / 2 ** 20).toFixed(1)} MiB), ` +
      `plain JSON.parse ${bytes(m.perClientPlain)} per client; JSON on the wire ${bytes(m.jsonBytesPerClient)} per client.`,
  ].join('\n');
}

/** Checks in report.mjs's shape: { what, value, shown, target, pass }. */
export function adminChecks(r) {
  const out = [];
  const add = (what, value, shown, target, pass) => out.push({ what, value, shown, target, pass: value === null ? null : pass });
  if (r.error) {
    add('admin listing', null, `error: ${r.error.slice(0, 60)}`, null, null);
    return out;
  }
  const n = r.firstPage.requests;
  add('admin listing: requests until the first page (default connection)', n, String(n), '= 1', n === 1);
  for (const t of r.timings) {
    add(`admin listing: all ${t.clients.toLocaleString('en-US')} clients, page size ${t.pageSize}, AdminApiClient / plain fetch loop`, t.ratio, times(t.ratio), `≤ ${RATIO_TARGET}×`, t.ratio !== null && t.ratio <= RATIO_TARGET);
  }
  const per = r.memory.perClientClient;
  add('admin listing: extension-side memory per loaded client', per ?? null, bytes(per), null, null);
  return out;
}

// ---- child side: seed, measure ----


const TEAMS = ['billing', 'sales', 'docs', 'platform', 'mobile', 'data', 'identity', 'growth', 'support', 'security', 'payments', 'search'];
const PRODUCTS = ['Portal', 'Dashboard', 'Console', 'Admin', 'Checkout', 'Reports', 'Inbox', 'Scheduler', 'Gateway', 'Catalog', 'Wallet', 'Studio'];
const ADJECTIVES = ['Internal', 'Partner', 'Customer', 'Legacy', 'Next', 'Staging', 'EU', 'US', 'APAC', 'Beta', 'Mobile', 'Self-Service'];
const SCOPES = ['profile', 'email', 'phone', 'address', 'reports.read', 'reports.write', 'orders.read', 'orders.write', 'users.read', 'billing.read'];

/** 10,000 varied clients: web apps, SPAs, native apps, machine clients, private_key_jwt, device flow. */
export function seedClients(count = ADMIN_CLIENT_COUNT) {
  const r = rng(5);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const some = (xs, min, max) => xs.filter(() => r() < 0.5).slice(0, max).concat(xs.slice(0, min)).filter((x, i, a) => a.indexOf(x) === i);
  const out = [];
  for (let i = 0; i < count; i++) {
    const team = pick(TEAMS);
    const product = pick(PRODUCTS);
    const slug = `${team}-${product.toLowerCase()}-${i}`;
    const host = `${product.toLowerCase()}-${i % 97}.${team}.example.com`;
    const kind = i % 10 < 4 ? 'web' : i % 10 < 6 ? 'spa' : i % 10 < 7 ? 'native' : i % 10 < 9 ? 'machine' : i % 20 === 9 ? 'jwt' : 'device';
    // Half the ids are UUID-like (Hydra's generated form), half chosen slugs.
    const id = i % 2 ? `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}-${(i % 65536).toString(16).padStart(4, '0')}-4${(i % 4096).toString(16).padStart(3, '0')}-8${(i % 999).toString(16).padStart(3, '0')}-${(i * 40503 >>> 0).toString(16).padStart(12, '0')}` : slug;
    const c = {
      client_id: id,
      client_name: `${r() < 0.4 ? pick(ADJECTIVES) + ' ' : ''}${team[0].toUpperCase()}${team.slice(1)} ${product}${r() < 0.3 ? ` #${i}` : ''}`,
      owner: `team-${team}`,
      scope: ['openid', ...(kind === 'web' || kind === 'spa' || kind === 'native' ? ['offline_access'] : []), ...some(SCOPES, 1, 4)].join(' '),
      metadata: { tier: pick(['gold', 'silver', 'bronze']), cost_center: `${team[0].toUpperCase()}-${100 + (i % 900)}`, ...(r() < 0.3 ? { ticket: `OPS-${1000 + i}`, created_by: `${pick(['ana', 'bo', 'chen', 'dana', 'eli'])}@example.com` } : {}) },
    };
    if (r() < 0.5) c.contacts = [`${team}-dev@example.com`];
    if (r() < 0.3) c.client_uri = `https://${host}`;
    if (r() < 0.2) c.logo_uri = `https://${host}/logo.png`;
    switch (kind) {
      case 'web': {
        const n = 1 + Math.floor(r() * 4);
        c.redirect_uris = Array.from({ length: n }, (_, k) => (k === 0 ? `https://${host}/callback` : k === 1 ? `https://${host}/silent-renew` : `https://${pick(['staging', 'preview', 'qa'])}-${k}.${host}/callback`));
        c.post_logout_redirect_uris = [`https://${host}/logged-out`];
        c.grant_types = ['authorization_code', 'refresh_token'];
        c.response_types = ['code'];
        c.client_secret = `secret-${i}-${Math.floor(r() * 1e9).toString(36)}`;
        if (r() < 0.3) c.token_endpoint_auth_method = 'client_secret_post';
        if (r() < 0.2) c.authorization_code_grant_access_token_lifespan = pick(['15m', '1h', '2h']);
        break;
      }
      case 'spa':
        c.redirect_uris = [`https://${host}/callback`, ...(r() < 0.5 ? [`http://localhost:${3000 + (i % 3000)}/callback`] : [])];
        c.grant_types = ['authorization_code', 'refresh_token'];
        c.response_types = ['code'];
        c.token_endpoint_auth_method = 'none';
        c.allowed_cors_origins = [`https://${host}`];
        if (r() < 0.2) c.skip_consent = true;
        break;
      case 'native':
        c.redirect_uris = [`com.example.${team}.${product.toLowerCase()}:/oauth2redirect`];
        c.grant_types = ['authorization_code', 'refresh_token'];
        c.response_types = ['code'];
        c.token_endpoint_auth_method = 'none';
        break;
      case 'machine':
        c.grant_types = ['client_credentials'];
        c.response_types = [];
        c.client_secret = `worker-${i}-${Math.floor(r() * 1e9).toString(36)}`;
        c.audience = [`https://api.example.com/${team}`, ...(r() < 0.3 ? [`https://api.example.com/${product.toLowerCase()}`] : [])];
        if (r() < 0.4) c.client_credentials_grant_access_token_lifespan = pick(['5m', '15m', '30m']);
        break;
      case 'jwt':
        c.grant_types = ['client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer'];
        c.response_types = [];
        c.token_endpoint_auth_method = 'private_key_jwt';
        c.token_endpoint_auth_signing_alg = pick(['RS256', 'ES256']);
        c.jwks_uri = `https://${host}/.well-known/jwks.json`;
        break;
      default:
        c.grant_types = ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'];
        c.response_types = [];
        c.token_endpoint_auth_method = 'none';
        c.scope += ' offline_access';
    }
    out.push(c);
  }
  return out;
}

/** The plain loop the client is compared to: fetch, JSON.parse, follow Link rel="next". */
async function plainListing(adminUrl, pageSize) {
  let url = `${adminUrl}/admin/clients?page_size=${pageSize}`;
  const all = [];
  let pages = 0;
  let bodyBytes = 0;
  while (url) {
    const res = await fetch(url);
    const text = await res.text();
    bodyBytes += text.length;
    const page = JSON.parse(text);
    pages++;
    for (const c of page) all.push(c);
    const next = /<([^>]*)>\s*;\s*rel="?next"?/.exec(res.headers.get('link') ?? '');
    url = next ? new URL(next[1], adminUrl).toString() : undefined;
  }
  return { clients: all, pages, bodyBytes };
}

async function clientListing(api, pageSize) {
  const all = [];
  let pages = 0;
  for await (const page of api.listPages({ pageSize })) {
    pages++;
    for (const c of page) all.push(c);
  }
  return { clients: all, pages };
}

function heapAfterGc() {
  if (global.gc) for (let i = 0; i < 3; i++) global.gc();
  return process.memoryUsage().heapUsed;
}

/** Loads once to warm up, then again keeping the result: heapUsed growth after gc. */
async function heldBytes(load) {
  const warm = async () => (await load()).clients.length;
  await warm();
  const before = heapAfterGc();
  const held = await load();
  const delta = heapAfterGc() - before;
  return { delta, count: held.clients.length, bodyBytes: held.bodyBytes };
}

async function child(buildDir) {
  const { AdminApiClient, createNodeTransport } = await import(pathToFileURL(path.join(buildDir, 'adminApi.mjs')).href);
  const { startAdminServer } = await import(pathToFileURL(path.join(buildDir, 'adminServer.mjs')).href);
  const server = await startAdminServer({ hydraVersion: 'v26', seed: false });
  try {
    for (const c of seedClients()) server.store.add(c);
    if (server.store.size !== ADMIN_CLIENT_COUNT) throw new Error(`seeded ${server.store.size} clients, expected ${ADMIN_CLIENT_COUNT}`);

    // A transport that counts (and names) the requests it sends.
    const counting = () => {
      const base = createNodeTransport();
      const seen = [];
      const transport = (req) => {
        const u = new URL(req.url);
        seen.push(`${req.method} ${u.pathname}`);
        return base(req);
      };
      return { transport, seen };
    };
    const connection = (extra = {}) => ({ name: 'bench', adminUrl: server.adminUrl, auth: { kind: 'none' }, ...extra });

    // Requests until the first page, from a fresh client as the extension creates one.
    const first = counting();
    const t0 = performance.now();
    const firstPage = await new AdminApiClient(connection(), first.transport).listPages({ pageSize: 100 }).next();
    const firstMs = performance.now() - t0;
    const firstRequests = first.seen.length;
    const firstPaths = [...first.seen];
    if (firstPage.done || !firstPage.value.length) throw new Error('the first page is empty');
    const pinned = counting();
    await new AdminApiClient(connection({ apiVersion: 'v2' }), pinned.transport).listPages({ pageSize: 100 }).next();

    // Memory per loaded client: what the extension holds after listing everything. In functions of
    // their own, so no earlier listing is still referenced from this frame when the baseline is taken.
    const memClient = await heldBytes(() => clientListing(new AdminApiClient(connection()), 500));
    const memPlain = await heldBytes(() => plainListing(server.adminUrl, 500));

    // Time for all pages, interleaved, one warm-up each.
    const timings = [];
    for (const pageSize of PAGE_SIZES) {
      const api = new AdminApiClient(connection());
      const warmClient = await clientListing(api, pageSize);
      const warmPlain = await plainListing(server.adminUrl, pageSize);
      if (warmClient.clients.length !== ADMIN_CLIENT_COUNT || warmPlain.clients.length !== ADMIN_CLIENT_COUNT) {
        throw new Error(`page size ${pageSize}: client listed ${warmClient.clients.length}, plain loop ${warmPlain.clients.length} of ${ADMIN_CLIENT_COUNT}`);
      }
      const client = [];
      const plain = [];
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 ? ['plain', 'client'] : ['client', 'plain'];
        for (const which of order) {
          const s = performance.now();
          if (which === 'client') await clientListing(api, pageSize);
          else await plainListing(server.adminUrl, pageSize);
          (which === 'client' ? client : plain).push(performance.now() - s);
        }
      }
      const c = median(client);
      const p = median(plain);
      timings.push({
        pageSize,
        pages: warmClient.pages,
        plainPages: warmPlain.pages,
        clients: warmClient.clients.length,
        jsonBytes: warmPlain.bodyBytes,
        client: { median: c, samples: client },
        plain: { median: p, samples: plain },
        ratio: c !== null && p ? c / p : null,
      });
    }

    return {
      hydraVersion: 'v26',
      clients: ADMIN_CLIENT_COUNT,
      runs: RUNS,
      firstPage: { requests: firstRequests, paths: firstPaths, clients: firstPage.value.length, ms: firstMs, requestsWithVersion: pinned.seen.length },
      timings,
      memory: {
        gc: typeof global.gc === 'function',
        clients: memClient.count,
        clientDeltaBytes: memClient.delta,
        perClientClient: memClient.delta / memClient.count,
        plainDeltaBytes: memPlain.delta,
        perClientPlain: memPlain.delta / memPlain.count,
        jsonBytesPerClient: memPlain.bodyBytes / memPlain.count,
      },
    };
  } finally {
    await server.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--child') {
  const result = await child(process.argv[3]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { checksText } = await import('./report.mjs');
  const r = await measureAdminListing({ root, outDir: path.join(root, 'bench/.out') });
  console.log(`## Admin API: listing ${ADMIN_CLIENT_COUNT.toLocaleString('en-US')} clients (in-memory Hydra v26)\n`);
  console.log(adminTable(r));
  console.log('');
  console.log(checksText(adminChecks(r)));
}
