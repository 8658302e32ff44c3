// `npm run fuzz` (scripts/fuzz.mjs bundles and runs this): the long engine and protocol fuzz runs,
// with counts, crashes, unanswered requests and the slowest case (with the seed and path to replay it).
import { runEngineFuzz } from './engine/engineFuzz';
import { runProtocolFuzz } from './protocol/protocolFuzz';

interface Options {
  engineRuns: number;
  protocolRuns: number;
  seed: number;
  boundMs: number;
  answerMs: number;
  replay?: { what: 'engine' | 'protocol'; seed: number; path: string };
}

const USAGE = `usage: npm run fuzz -- [--engine-runs N] [--protocol-runs N] [--seed S] [--bound-ms MS] [--answer-ms MS]
                        [--replay engine|protocol:SEED:PATH]
  defaults: 100000 engine cases, 2000 protocol runs, a fresh seed (printed), 5000 ms per engine call,
  10000 ms per request; --engine-runs 0 or --protocol-runs 0 skips that part.`;

function parseArgs(argv: string[]): Options {
  const o: Options = { engineRuns: 100_000, protocolRuns: 2_000, seed: Date.now() % 2 ** 31, boundMs: 5_000, answerMs: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++i];
    const num = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) usage(`${flag} needs a whole number`);
      return n;
    };
    if (flag === '--engine-runs') o.engineRuns = num();
    else if (flag === '--protocol-runs') o.protocolRuns = num();
    else if (flag === '--seed') o.seed = num();
    else if (flag === '--bound-ms') o.boundMs = num();
    else if (flag === '--answer-ms') o.answerMs = num();
    else if (flag === '--replay') {
      const m = /^(engine|protocol):(\d+):([\d:]+)$/.exec(value ?? '');
      if (!m) usage('--replay needs engine:SEED:PATH or protocol:SEED:PATH');
      o.replay = { what: m[1] as 'engine' | 'protocol', seed: Number(m[2]), path: m[3] };
    } else usage(`unknown option ${flag}`);
  }
  return o;
}

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

const short = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  let bad = 0;
  const engineRuns = o.replay ? (o.replay.what === 'engine' ? 1 : 0) : o.engineRuns;
  const protocolRuns = o.replay ? (o.replay.what === 'protocol' ? 1 : 0) : o.protocolRuns;
  const seed = o.replay?.seed ?? o.seed;
  const path = o.replay?.path;
  console.log(`seed ${seed}${path ? `, replaying path ${path}` : ''}`);

  if (engineRuns) {
    const started = Date.now();
    const r = runEngineFuzz({ runs: engineRuns, seed, boundMs: o.boundMs, ...(path ? { path } : {}), progress: (n) => n % 10_000 === 0 && console.log(`  engine: ${n} cases…`) });
    const s = r.slowest;
    console.log(`\nengine fuzz: ${r.cases} cases in ${((Date.now() - started) / 1000).toFixed(0)} s, crashes ${r.crashes.length} (bound ${o.boundMs} ms per call)`);
    console.log(`  mix: ${[...r.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (s) console.log(`  slowest case: ${s.ms.toFixed(1)} ms in ${s.call} (${s.kind}, ${s.language}, ${s.chars} chars) — replay: npm run fuzz -- --replay engine:${s.seed}:${s.path}`);
    for (const c of r.crashes.slice(0, 10)) {
      console.log(`  ✗ ${c.kind} (${c.language}, ${c.hydraVersion}) — replay: npm run fuzz -- --replay engine:${c.seed}:${c.path}`);
      for (const v of c.violations.slice(0, 3)) console.log(`      ${short(v)}`);
      console.log(`      text: ${short(JSON.stringify(c.text), 300)}`);
    }
    bad += r.crashes.length;
  }

  if (protocolRuns) {
    const started = Date.now();
    const r = await runProtocolFuzz({ runs: protocolRuns, seed, answerMs: o.answerMs, ...(path ? { path } : {}), progress: (n) => n % 500 === 0 && console.log(`  protocol: ${n} runs…`) });
    const s = r.slowest;
    console.log(`\nprotocol fuzz: ${r.runs} runs, ${r.requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s; unanswered ${r.unanswered}, server exits ${r.serverExits}, failed runs ${r.failures.length}`);
    if (s) console.log(`  slowest run: ${s.ms} ms (${s.steps} steps) — replay: npm run fuzz -- --replay protocol:${s.seed}:${s.path}`);
    for (const f of r.failures.slice(0, 10)) {
      console.log(`  ✗ run ${f.path} — replay: npm run fuzz -- --replay protocol:${f.seed}:${f.path}`);
      for (const p of f.problems.slice(0, 3)) console.log(`      ${short(p)}`);
      console.log(`      final text: ${short(JSON.stringify(f.finalText), 300)}`);
    }
    bad += r.failures.length + r.serverExits;
  }
  console.log(`\n${bad ? `✗ ${bad} failing case(s)` : '✓ no crashes, every request answered'}`);
  return bad ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
