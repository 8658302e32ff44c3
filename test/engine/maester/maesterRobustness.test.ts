// Half-typed and malformed manifests never crash the Maester features: every prefix of a manifest
// (as while typing it), and odd values fed to the conversions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { LineIndex } from '../../../server/src/engine/document/lineIndex';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { crdToHydraClient, hydraClientToCrd } from '../../../server/src/engine/maester/convert';
import { maesterCompletion } from '../../../server/src/engine/maester/maesterCompletion';
import { maesterHover } from '../../../server/src/engine/maester/maesterHover';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import { DEPLOYMENT, VALID_CLIENT } from './manifests';

test('every prefix of a mixed manifest: diagnostics, completion and hover at the end, no exception', () => {
  const full = `${DEPLOYMENT}---\n${VALID_CLIENT}  scope: "openid\n  tokenLifespans: {x: [1, {y: *a}]}\n`;
  let manifests = 0;
  for (let end = DEPLOYMENT.length; end <= full.length; end++) {
    const text = full.slice(0, end);
    const doc = analyseDocument('file:///w/k8s.yaml', end, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES);
    const diags = doc.diagnostics();
    if (!doc.isMaesterManifest) continue;
    manifests++;
    for (const d of diags) assert.ok(d.range.start.line <= d.range.end.line);
    const position = new LineIndex(text).positionAt(end);
    maesterCompletion(doc, position);
    maesterHover(doc, position);
  }
  assert.ok(manifests > VALID_CLIENT.length / 2, 'most prefixes are recognised as manifests');
});

test('conversions take any JSON value without throwing', () => {
  const odd: unknown[] = [null, 7, 'x', [], { spec: 'x' }, { spec: { grantTypes: 'x', scopeArray: [1, 2], tokenLifespans: [1], metadata: null } }, { metadata: { name: 3 } }];
  for (const v of odd) {
    assert.doesNotThrow(() => crdToHydraClient((v && typeof v === 'object' ? v : {}) as Record<string, unknown>));
  }
  const clients: Record<string, unknown>[] = [{}, { grant_types: 'x', scope: 7, response_types: [null, 3], client_name: '***' }, { jwks: null, owner: null }];
  for (const c of clients) {
    const { result } = hydraClientToCrd(c);
    assert.match(String((result.metadata as { name: string }).name), /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
  }
});
