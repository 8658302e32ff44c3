// The seeded slice of the protocol fuzz that runs in `npm test` (the long run is `npm run fuzz`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runProtocolFuzz } from './protocolFuzz';

test('protocol fuzz: edits interleaved with requests; every request answered, final diagnostics = fresh open', async () => {
  const report = await runProtocolFuzz({ runs: 25, seed: 20261127, answerMs: 10_000 });
  assert.equal(report.runs, 25);
  assert.ok(report.requests > 25, `${report.requests} requests sent`);
  assert.equal(report.serverExits, 0);
  assert.equal(report.unanswered, 0);
  assert.deepEqual(report.failures.map((f) => `path ${f.path}: ${f.problems.join(' | ').slice(0, 1500)}`), []);
});
