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

test('bytes become the big-endian integer they spell, at any length (leading zeros, none, thousands)', () => {
  const slow = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
  const cases = [new Uint8Array(0), Uint8Array.of(0), Uint8Array.of(0, 0, 1), Uint8Array.of(255, 0, 255), Uint8Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)];
  for (const bytes of cases) assert.equal(toBigInt(bytes), slow(bytes));
  // A view into a bigger buffer reads only its own bytes.
  const buffer = Uint8Array.of(9, 9, 1, 2, 9);
  assert.equal(toBigInt(buffer.subarray(2, 4)), 0x0102n);
});
