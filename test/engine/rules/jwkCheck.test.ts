// checkJwk against go-jose. Each row's verdicts were produced by json.Unmarshal into
// go-jose v3.0.4's JSONWebKey (Hydra v2.3, v26) and square/go-jose v2.6.0's (Hydra v1.11),
// then Valid(). v1.11's validator never calls Valid(), so 'invalid' keys pass there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkJwk } from '../../../server/src/engine/rules/jwkCheck';

const EC = { kty: 'EC', crv: 'P-256', x: 'zt1Fnob1gjFbxw-pFMF9dE3NxFKw2PjO-xIaZ89j18U', y: 'mJKvSwO7Ul_wcOQJoJOHe__NqBOhgw-adxBfQzIX7u0' };
const EC384 = { kty: 'EC', crv: 'P-384', x: 'JrfrtoRs8I-tiQh81OLbmr8VfwMQezIGjQ2omde2M-3fM9IgO_q9sxyVBxDU8H1K', y: '5Z1_zEj-i-yPh8KMGFBa81-nhRoNqysbl4ZR4CrOY_3NONvNU-bzZ5XWgEt-fufd' };
const EC521 = { kty: 'EC', crv: 'P-521', x: 'AJiENDuvarin_X4N-PcQpX3_8p2gIBve_TG9vPzco4aoMWsOisWoLVbNql6zE19rYd1_bAobqSuTx5bHt5mcXEyD', y: 'AaEBdY2lGxdFWU2nniCsh_gNRxrBNw9UwOAsGe2CXGUVZvdV1sfi1MANyjKVKXQ-HBE6sCJbKMqzaxhZIh0AnvWH' };
const ECPRIV = { kty: 'EC', crv: 'P-256', x: 'eucstf7dm5KvoEl1KrI5qB1AHCoJWLgEjdXGExaE9-A', y: 'lVDkdmDz0xsFc9xE8Ch4T2TTSzcOiKyrM9r68ts_G3k', d: '_IPiuREGD1yut9Uh05v7Q2X493lNe7hRUF3BRPc3-SQ' };
const RSA = { kty: 'RSA', e: 'AQAB', n: '0Z2LkehXwhuwEenMql3AC3CZQAZJLc4WhvNp1QLdNwBsM01koP1wMz9Tu6e-3l8YCFcp6r8lhaxmO5ur4rKoCCrg3wl6QdcJPOQPxPXshjS0Kc5IDGYyZuba3wBeTGd_yeo_bQoGRX_-ZNIIRSrcDnnW4UKDPoTBRlRU3o-qIO8' };
const OKP = { kty: 'OKP', crv: 'Ed25519', x: 'QEwTAidnxxuWQIp7w3-qk3Mbgn0VtVYAXS3MWLOUEpE' };

// [name, key, go-jose v3 verdict, square/go-jose v2 verdict]
const ROWS: [string, Record<string, unknown>, string, string][] = [
  ["EC P-256", EC, 'valid', 'valid'],
  ["EC P-384", EC384, 'valid', 'valid'],
  ["EC P-521", EC521, 'valid', 'valid'],
  ["EC private", ECPRIV, 'valid', 'valid'],
  ["RSA", RSA, 'valid', 'valid'],
  ["Ed25519", OKP, 'valid', 'valid'],
  ["secp256k1", { ...EC, crv: 'secp256k1' }, "decode: go-jose/go-jose: unsupported elliptic curve 'secp256k1'", "decode: square/go-jose: unsupported elliptic curve 'secp256k1'"],
  ["off the curve", { ...EC, y: EC.x }, "decode: go-jose/go-jose: invalid EC key, X/Y are not on declared curve", "decode: square/go-jose: invalid EC key, X/Y are not on declared curve"],
  ["short x", { ...EC, x: 'AAAA' }, "decode: go-jose/go-jose: invalid EC public key, wrong length for x", "decode: square/go-jose: invalid EC public key, wrong length for x"],
  ["empty y", { ...EC, y: '' }, "decode: go-jose/go-jose: invalid EC public key, wrong length for y", "decode: square/go-jose: invalid EC public key, wrong length for y"],
  ["x missing", { kty: 'EC', crv: 'P-256', x: EC.x }, "decode: go-jose/go-jose: invalid EC key, missing x/y values", "decode: square/go-jose: invalid EC key, missing x/y values"],
  ["padded x", { ...EC, x: `${EC.x}=` }, 'valid', "decode: illegal base64 data at input byte 43"],
  ["bad base64 in x", { ...EC, x: `!${EC.x.slice(1)}` }, "decode: illegal base64 data at input byte 0", "decode: illegal base64 data at input byte 0"],
  ["x with a newline", { ...EC, x: `${EC.x.slice(0, 20)}\n${EC.x.slice(20)}` }, 'valid', 'valid'],
  ["short private d", { ...ECPRIV, d: 'AAAA' }, "decode: go-jose/go-jose: invalid EC private key, wrong length for d", "decode: square/go-jose: invalid EC private key, wrong length for d"],
  ["RSA e zero", { ...RSA, e: 'AAAA' }, 'invalid', 'invalid'],
  ["RSA e empty", { ...RSA, e: '' }, 'invalid', 'invalid'],
  ["RSA n empty", { ...RSA, n: '' }, 'valid', 'valid'],
  ["RSA n missing", { kty: 'RSA', e: 'AQAB' }, "decode: go-jose/go-jose: invalid RSA key, missing n/e values", "decode: square/go-jose: invalid RSA key, missing n/e values"],
  ["RSA e padded", { ...RSA, e: 'AQAB==' }, 'valid', "decode: illegal base64 data at input byte 4"],
  ["RSA private without p", { ...RSA, d: 'AQAB' }, "decode: go-jose/go-jose: invalid RSA private key, missing P value(s)", "decode: square/go-jose: invalid RSA private key, missing P value(s)"],
  ["RSA d of one character", { ...RSA, d: 'A' }, "decode: illegal base64 data at input byte 0", "decode: illegal base64 data at input byte 0"],
  ["oct", { kty: 'oct', k: 'c2VjcmV0' }, 'invalid', 'invalid'],
  ["oct without k", { kty: 'oct' }, "decode: go-jose/go-jose: invalid OCT (symmetric) key, missing k value", "decode: square/go-jose: invalid OCT (symmetric) key, missing k value"],
  ["X25519", { kty: 'OKP', crv: 'X25519', x: OKP.x }, "decode: go-jose/go-jose: unknown curve X25519'", "decode: square/go-jose: unknown curve X25519'"],
  ["short Ed25519 x", { kty: 'OKP', crv: 'Ed25519', x: 'AA' }, 'valid', 'valid'],
  ["unknown kty", { kty: 'foo' }, "decode: go-jose/go-jose: unknown json web key type 'foo'", "decode: square/go-jose: unknown json web key type 'foo'"],
  ["no kty", {}, "decode: go-jose/go-jose: unknown json web key type ''", "decode: square/go-jose: unknown json web key type ''"],
  ["lower-case kty", { kty: 'rsa', n: RSA.n, e: RSA.e }, "decode: go-jose/go-jose: unknown json web key type 'rsa'", "decode: square/go-jose: unknown json web key type 'rsa'"],
  ["base64 error in an unused member", { ...RSA, x: '***' }, "decode: illegal base64 data at input byte 0", "decode: illegal base64 data at input byte 0"],
];

function verdict(key: Record<string, unknown>, version: 'v1.11' | 'v26'): string {
  const p = checkJwk(key, version);
  return !p ? 'valid' : p.kind === 'decode' ? `decode: ${p.message}` : 'invalid';
}

test('keys decode and validate as go-jose v3 does (Hydra v2.3, v26)', () => {
  for (const [name, key, v3] of ROWS) assert.equal(verdict(key, 'v26'), v3, name);
});

test('keys decode as square/go-jose v2 does, without Valid() (Hydra v1.11)', () => {
  for (const [name, key, , v2] of ROWS) assert.equal(verdict(key, 'v1.11'), v2 === 'invalid' ? 'valid' : v2, name);
});

test('a problem names the member at fault', () => {
  assert.equal(checkJwk({ ...EC, crv: 'secp256k1' }, 'v26')?.member, 'crv');
  assert.equal(checkJwk({ ...EC, x: 'AAAA' }, 'v26')?.member, 'x');
  assert.equal(checkJwk({ ...RSA, e: 'AAAA' }, 'v26')?.member, 'e');
  assert.equal(checkJwk({ kty: 'oct', k: 'c2VjcmV0' }, 'v26')?.member, 'kty');
});
