// `npm run bench`: our server against yaml-language-server and VS Code's JSON server on the same
// generated documents, one server process at a time so they never compete for the CPU.
// Benchmarks inform, they don't gate: this exits 0 whatever the numbers (see bench/README.md).
//
//   node bench/run.mjs [ours|yaml-ls|json-ls|admin|plan ...]   limit the run to some servers / the admin listing / the plan
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_CLIENT_COUNT, adminChecks, adminTable, measureAdminListing } from './adminListing.mjs';
import { BIG_CLIENT_COUNT, generateDocuments } from './generateDocuments.mjs';
import { longListsTable, measureLongLists } from './longLists.mjs';
import { measureServer } from './measureSession.mjs';
import { measurePlan, PLAN_FILE_COUNT, planTable } from './planBench.mjs';
import { bigTable, checks, checksText, smallTable, warnings } from './report.mjs';
import { serverDefinitions } from './servers.mjs';
import { writeStandInSchema } from './standInSchema.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bench/.out');
mkdirSync(outDir, { recursive: true });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'oauth2-client-bench-'));

let schemaPath = path.join(root, 'schemas/oauth2-client.schema.json');
const notes = [];
if (!existsSync(schemaPath)) {
  schemaPath = writeStandInSchema(tmp);
  notes.push(`schemas/oauth2-client.schema.json is missing: the third-party servers got a small stand-in schema (${schemaPath}).`);
}

const docs = generateDocuments(tmp);
console.log(`Documents in ${tmp}:`);
for (const d of Object.values(docs)) {
  console.log(`  ${path.basename(d.files[0])}: ${d.clients} client(s), ${d.invalidClients} invalid, ${d.bytes.toLocaleString('en-US')} bytes (${(d.bytes / 2 ** 20).toFixed(2)} MiB)`);
}

const wanted = process.argv.slice(2);
const defs = serverDefinitions(root, schemaPath).filter((d) => !wanted.length || wanted.includes(d.id));
const sessions = [];
for (const def of defs) {
  if (!def.available) {
    notes.push(`${def.label} skipped: ${path.relative(root, def.script)} does not exist (did the build fail?).`);
    continue;
  }
  for (const format of def.formats) {
    const options = def.nodeFlags.length ? ` (node ${def.nodeFlags.join(' ')})` : '';
    process.stdout.write(`Measuring ${def.label}${options} on ${format.toUpperCase()}… `);
    const s = await measureServer(def, format, docs, { root, outDir });
    console.log(s.errors?.length ? `done with ${s.errors.length} error(s)` : 'done');
    sessions.push(s);
  }
}

const list = checks(sessions);
const warn = warnings(sessions, docs);
console.log(`\n## Big document (${BIG_CLIENT_COUNT.toLocaleString('en-US')} clients, 10% invalid)\n`);
console.log(bigTable(sessions, docs));
console.log('\n## One-client document\n');
console.log(smallTable(sessions));
console.log('\n## Ours against the targets\n');
console.log(checksText(list));

// Issue 5: the admin API client listing 10,000 clients (bench/adminListing.mjs).
let adminListing = null;
let adminList = [];
if (!wanted.length || wanted.includes('admin')) {
  process.stdout.write(`\nMeasuring the admin API client listing ${ADMIN_CLIENT_COUNT.toLocaleString('en-US')} clients… `);
  adminListing = await measureAdminListing({ root, outDir });
  console.log(adminListing.error ? 'failed' : 'done');
  adminList = adminChecks(adminListing);
  console.log(`\n## Admin API: listing ${ADMIN_CLIENT_COUNT.toLocaleString('en-US')} clients (in-memory Hydra v26, one process)\n`);
  console.log(adminTable(adminListing));
  console.log('\n## Admin listing against the targets\n');
  console.log(checksText(adminList));
}
// Issue 9: clients as code, a plan for 2,000 files against 10,000 clients (bench/planBench.mjs).
let planBench = null;
if (!wanted.length || wanted.includes('plan')) {
  process.stdout.write(`\nMeasuring a clients-as-code plan for ${PLAN_FILE_COUNT.toLocaleString('en-US')} files… `);
  planBench = await measurePlan({ root, outDir });
  console.log(planBench.error ? 'failed' : 'done');
  console.log(`\n## Clients as code: plan for ${PLAN_FILE_COUNT.toLocaleString('en-US')} files against ${ADMIN_CLIENT_COUNT.toLocaleString('en-US')} clients (in-memory Hydra v26, one process)\n`);
  console.log(planTable(planBench));
}
// Issue 2, bad input: long lists, many keys, big anchors stay linear (bench/longLists.mjs).
let longLists = null;
if (!wanted.length || wanted.includes('lists')) {
  process.stdout.write('\nMeasuring long lists, many keys and big anchors… ');
  longLists = await measureLongLists({ root, outDir });
  console.log(longLists.error ? 'failed' : 'done');
  console.log('\n## Bad input: long lists, many keys, big anchors (engine in one process; 2N ÷ N ≈ 2 is linear)\n');
  console.log(longListsTable(longLists));
}
for (const n of [...notes, ...warn]) console.log(`\n> ${n}`);
console.log(`\nServer logs and results.json are in ${path.relative(root, outDir)}/.`);

const docSummary = Object.fromEntries(Object.entries(docs).map(([k, { text, files, ...rest }]) => [k, rest]));
writeFileSync(
  path.join(outDir, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, platform: `${os.platform()} ${os.arch()}`, cpu: os.cpus()[0]?.model, cpus: os.cpus().length, schema: schemaPath, documents: docSummary, sessions, checks: list, adminListing, adminChecks: adminList, planBench, longLists, notes, warnings: warn }, null, 2)}\n`,
);
rmSync(tmp, { recursive: true, force: true });
