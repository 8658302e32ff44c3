// The NIST curves go-jose accepts for EC keys, and Go's IsOnCurve for them:
// 0 <= x, y < p, (x, y) != (0, 0) and y² = x³ - 3x + b (mod p).

export interface Curve {
  name: 'P-256' | 'P-384' | 'P-521';
  /** Coordinate size in bytes: JWK x and y (and d) must have exactly this length. */
  size: number;
  p: bigint;
  b: bigint;
}

export const CURVES: Readonly<Record<string, Curve>> = {
  'P-256': {
    name: 'P-256',
    size: 32,
    p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    name: 'P-384',
    size: 48,
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  'P-521': {
    name: 'P-521',
    size: 66,
    p: 2n ** 521n - 1n,
    b: 0x051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
};

export function toBigInt(bytes: Uint8Array): bigint {
  // One parse of the hex digits: a shift per byte copies the growing number each time, and an
  // 80,000-byte RSA exponent took 24 s that way.
  return bytes.length ? BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`) : 0n;
}

export function isOnCurve(curve: Curve, x: bigint, y: bigint): boolean {
  const { p, b } = curve;
  if (x >= p || y >= p || (x === 0n && y === 0n)) return false;
  const rhs = (((x * x * x - 3n * x + b) % p) + p) % p;
  return (y * y) % p === rhs;
}
