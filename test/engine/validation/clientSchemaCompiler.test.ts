// The validator bundled as ajv standalone code (compiled from schemas/ while bundling) must answer
// exactly as ajv compiling the same schema at run time: same verdict, same errors in the same order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import bundled from 'oauth2-client-studio:client-validator';
import { rng } from '../../../scripts/lib/seededRandom.cjs';
import { allFields } from '../../../server/src/engine/schema/clientSchema';
import { compileClientValidator } from '../../../server/src/engine/validation/clientSchemaCompiler';
import { warmUpSamples } from '../../../server/src/languageServer/warmUp';

const atRunTime = compileClientValidator();

function verdicts(value: unknown): [string, string] {
  const show = (ok: boolean, errors: typeof bundled.errors) =>
    JSON.stringify({ ok, errors: (errors ?? []).map(({ keyword, instancePath, schemaPath, params, message }) => ({ keyword, instancePath, schemaPath, params, message })) });
  return [show(bundled(value) as boolean, bundled.errors), show(atRunTime(value) as boolean, atRunTime.errors)];
}

// Values of every kind, and the ones formats and patterns care about.
const ODD_VALUES: unknown[] = [
  null, true, 0, -1, 1.5, '', 'x', '1h', '1 hour', 'https://app.example.com/cb', 'not a uri', '/relative',
  '2026-01-01T00:00:00Z', '2026-13-01', 'ops@example.com', 'ops@', 'RS256', 'none', 'public', 'pairwise',
  'jwt', 'opaque', 'client_secret_basic', [], ['authorization_code'], ['https://a.example.com', 'bad uri'], [1, null], {}, { keys: [] }, { keys: [{ kty: 'RSA' }] },
];

test('the bundled validator agrees with a run-time compile on the warm-up clients', () => {
  const clients = JSON.parse(warmUpSamples(20).find(([, , language]) => language === 'json')![1]) as unknown[];
  let invalid = 0;
  for (const client of clients) {
    const [b, r] = verdicts(client);
    assert.equal(b, r);
    if (!JSON.parse(b).ok) invalid++;
  }
  assert.ok(invalid > 0 && invalid < clients.length, 'the samples must include valid and invalid clients');
});

test('the bundled validator agrees with a run-time compile on every field given every kind of value', () => {
  const base = { client_id: 'abc', redirect_uris: ['https://app.example.com/cb'] };
  let errors = 0;
  for (const field of allFields) {
    for (const v of ODD_VALUES) {
      const [b, r] = verdicts({ ...base, [field.name]: v });
      assert.equal(b, r, `${field.name} = ${JSON.stringify(v)}`);
      errors += JSON.parse(b).errors.length;
    }
  }
  assert.ok(errors > allFields.length, 'most fields must reject some of the values');
});

test('the bundled validator agrees with a run-time compile on random clients, arrays and non-objects', () => {
  const random = rng(20261127);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  for (let i = 0; i < 2000; i++) {
    const client: Record<string, unknown> = {};
    const n = Math.floor(random() * 8);
    for (let k = 0; k < n; k++) client[random() < 0.9 ? pick(allFields).name : `unknown_${k}`] = pick(ODD_VALUES);
    const value = random() < 0.1 ? [client, pick(ODD_VALUES)] : random() < 0.05 ? pick(ODD_VALUES) : client;
    const [b, r] = verdicts(value);
    assert.equal(b, r, JSON.stringify(value));
  }
});
