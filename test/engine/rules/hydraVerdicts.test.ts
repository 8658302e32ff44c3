// Every case of the Hydra verdict table, per version, in JSON and in YAML: the rule diagnostics
// are exactly the expected ones (code, severity, message, range text, data), the schema-layer
// ones listed are present, and our verdict matches the case's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_RULE_CODES } from '../../../server/src/engine/rules';
import { HYDRA_VERDICT_CASES } from './hydraVerdictCases';
import { runCase, shape } from './verdictHarness';

describe('Hydra verdict table', () => {
  for (const c of HYDRA_VERDICT_CASES) {
    for (const version of c.versions) {
      for (const language of ['json', 'yaml'] as const) {
        test(`${c.name} [${version}, ${language}]`, () => {
          const actual = runCase(c, version, language);
          const isRule = (d: { code: string }) => ALL_RULE_CODES.has(d.code);
          assert.deepEqual(actual.filter(isRule).map((d) => shape(d)).sort(), c.diagnostics.filter(isRule).map((d) => shape(d)).sort());
          for (const want of c.diagnostics.filter((d) => !isRule(d))) {
            assert.ok(actual.some((d) => shape(d, want) === shape(want)), `missing ${shape(want)} in ${JSON.stringify(actual)}`);
          }
          assert.equal(actual.some((d) => d.severity === 'error') ? 'reject' : 'accept', c.expect);
        });
      }
    }
  }
});

describe('the table itself', () => {
  test('our verdict is Hydra\'s, except for the gaps a case explains', () => {
    const disagree = HYDRA_VERDICT_CASES.filter((c) => !c.knownGap && (c.expect === 'reject') !== c.hydraRejects).map((c) => c.name);
    assert.deepEqual(disagree, []);
  });

  test('every refusal says what Hydra answers, and every rule diagnostic has its exact message and text', () => {
    for (const c of HYDRA_VERDICT_CASES) {
      assert.equal(c.hydraRejects, c.hydraAnswer !== undefined, c.name);
      for (const d of c.diagnostics.filter((x) => ALL_RULE_CODES.has(x.code))) {
        assert.ok(d.message !== undefined && d.text !== undefined, `${c.name}: ${d.code}`);
      }
    }
  });

  test('case names are unique', () => {
    const names = HYDRA_VERDICT_CASES.map((c) => c.name);
    assert.equal(new Set(names).size, names.length);
  });
});
