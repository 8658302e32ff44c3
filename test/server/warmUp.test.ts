// The start-up warm-up tells when it has finished undisturbed, and only then: a warm-up stopped by
// a real document must not go on to other start-up work (the bin settles the heap there).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HYDRA_RULES } from '../../server/src/engine/rules';
import { startWarmUp } from '../../server/src/languageServer/warmUp';

test('a warm-up left alone reports, once, that it has finished', async () => {
  let finished = 0;
  const started = Date.now();
  startWarmUp(HYDRA_RULES, () => finished++);
  while (finished === 0 && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(finished, 1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(finished, 1);
});

test('a warm-up stopped early never reports that it has finished', async () => {
  // Timed against a full warm-up in this process, so a slow machine cannot make the test pass.
  const started = Date.now();
  await new Promise<void>((resolve) => startWarmUp(HYDRA_RULES, resolve));
  const fullRun = Date.now() - started;

  let finished = false;
  const warmUp = startWarmUp(HYDRA_RULES, () => (finished = true));
  await new Promise((resolve) => setImmediate(resolve)); // one round runs
  warmUp.stop();
  await new Promise((resolve) => setTimeout(resolve, 3 * fullRun + 100));
  assert.equal(finished, false);
});
