// The seeded slice of the engine fuzz that runs in `npm test` (the long run is `npm run fuzz`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { HYDRA_VERSIONS } from '../../../server/src/engine/schema/clientSchema';
import { pathologicalDocument } from './documentArbitraries';
import { runEngineFuzz } from './engineFuzz';
import { checkCase, lineLengthsOf, rangeProblem } from './engineProperties';

// A hang detector, not a speed test: generous enough for a busy 2-core machine.
const BOUND_MS = 5_000;
const SEED = 20261127;

const describeFailures = (crashes: { seed: number; path: string; kind: string; language: string; violations: string[] }[]) =>
  crashes.slice(0, 3).map((c) => `seed ${c.seed} path ${c.path} (${c.kind}, ${c.language}): ${c.violations.slice(0, 3).join(' | ')}`).join('\n');

test('engine fuzz: seeded random and mutated documents break no property', () => {
  const report = runEngineFuzz({ runs: 400, seed: SEED, boundMs: BOUND_MS });
  assert.equal(report.cases, 400);
  assert.deepEqual(report.crashes.map((c) => c.path), [], describeFailures(report.crashes));
  // The mix really contains each family of document.
  for (const kind of ['mutated-seed', 'generated', 'mutated-generated']) assert.ok(report.kinds.get(kind), `no ${kind} case among ${[...report.kinds.keys()]}`);
});

test('engine fuzz: deep nesting, alias bombs, huge strings, hostile keys and odd characters', () => {
  const docs = fc.sample(pathologicalDocument, { seed: SEED, numRuns: 60 });
  const failures: string[] = [];
  for (const [i, doc] of docs.entries()) {
    const outcome = checkCase({ text: doc.text, language: doc.language, probes: [0, 0.5, 1] }, HYDRA_VERSIONS[i % HYDRA_VERSIONS.length], BOUND_MS);
    if (outcome.violations.length) failures.push(`${doc.kind} (${doc.language}): ${outcome.violations[0]}`);
  }
  assert.deepEqual(failures, []);
  assert.ok(new Set(docs.map((d) => d.kind.split(' ')[0])).size >= 5, 'the sample covers the pathological families');
  // __proto__ keys in documents never reach Object.prototype.
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(({} as Record<string, unknown>).client_secret, undefined);
});

test('the range check itself: inside passes, past a line end or the last line fails', () => {
  const lengths = lineLengthsOf('ab\r\ncd\re');
  assert.deepEqual(lengths, [2, 2, 1]);
  const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
  assert.equal(rangeProblem(r(0, 0, 2, 1), lengths), undefined);
  assert.match(rangeProblem(r(0, 3, 0, 3), lengths) ?? '', /past the end of line 0/);
  assert.match(rangeProblem(r(0, 0, 3, 0), lengths) ?? '', /past the last line/);
  assert.match(rangeProblem(r(1, 1, 1, 0), lengths) ?? '', /start is after end/);
});
