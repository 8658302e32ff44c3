// The curve constants, checked against keys node:crypto generates.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { CURVES, isOnCurve, toBigInt } from '../../../server/src/engine/rules/ecCurves';

test('generated points are on their curve, with coordinates of the curve size; moved points are not', () => {
  for (const curve of Object.values(CURVES)) {
    for (let i = 0; i < 3; i++) {
      const jwk = generateKeyPairSync('ec', { namedCurve: curve.name }).publicKey.export({ format: 'jwk' });
      const x = Buffer.from(String(jwk.x), 'base64url');
      const y = Buffer.from(String(jwk.y), 'base64url');
      assert.equal(x.length, curve.size);
      assert.ok(isOnCurve(curve, toBigInt(x), toBigInt(y)), curve.name);
      assert.ok(!isOnCurve(curve, toBigInt(x), toBigInt(y) + 1n), curve.name);
      assert.ok(!isOnCurve(curve, toBigInt(x), toBigInt(y) + curve.p), `${curve.name}: coordinates must be below p`);
    }
  }
});
