// Hydra checks 2a, 2b, 3 and 4, and JWK decoding (reference §3).
import { ALL, V1_V23, V2, decodeError, error, metadataError, v1DecodeError, warning, type HydraVerdictCase } from '../verdictCase';

export const EC_KEY = { kty: 'EC', crv: 'P-256', x: 'zt1Fnob1gjFbxw-pFMF9dE3NxFKw2PjO-xIaZ89j18U', y: 'mJKvSwO7Ul_wcOQJoJOHe__NqBOhgw-adxBfQzIX7u0' };
export const RSA_KEY = { kty: 'RSA', e: 'AQAB', n: '0Z2LkehXwhuwEenMql3AC3CZQAZJLc4WhvNp1QLdNwBsM01koP1wMz9Tu6e-3l8YCFcp6r8lhaxmO5ur4rKoCCrg3wl6QdcJPOQPxPXshjS0Kc5IDGYyZuba3wBeTGd_yeo_bQoGRX_-ZNIIRSrcDnnW4UKDPoTBRlRU3o-qIO8' };
export const OKP_KEY = { kty: 'OKP', crv: 'Ed25519', x: 'QEwTAidnxxuWQIp7w3-qk3Mbgn0VtVYAXS3MWLOUEpE' };

const NEEDS_KEYS = "When token_endpoint_auth_method is 'private_key_jwt', either jwks or jwks_uri must be set.";
const ALG_LIST = 'Only RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 and ES512 are supported as algorithms for private key authentication.';
const BOTH = 'Fields jwks and jwks_uri can not both be set, you must choose one.';
const INVALID_JWK = 'Invalid JSON web key in set.';
const NO_KEYS = 'Hydra accepts this client, but its jwks holds no key, so no private_key_jwt client assertion can be verified. Add the public key(s) or set jwks_uri instead.';
const pkj = { token_endpoint_auth_method: 'private_key_jwt' };

export const authAndJwksCases: HydraVerdictCase[] = [
  {
    name: 'private_key_jwt without jwks or jwks_uri',
    versions: ALL, client: { ...pkj }, hydraRejects: true, hydraAnswer: metadataError(NEEDS_KEYS),
    expect: 'reject', diagnostics: [error('private-key-jwt-needs-jwks', NEEDS_KEYS, 'private_key_jwt')],
  },
  {
    name: 'private_key_jwt with an empty jwks object (counts as set before v26)',
    versions: V1_V23, client: { ...pkj, jwks: {} }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('private-key-jwt-without-keys', NO_KEYS, 'jwks')],
  },
  {
    name: 'private_key_jwt with an empty jwks object (v26 needs a parsed set)',
    versions: ['v26'], client: { ...pkj, jwks: {} }, hydraRejects: true, hydraAnswer: metadataError(NEEDS_KEYS),
    expect: 'reject', diagnostics: [error('private-key-jwt-needs-jwks', NEEDS_KEYS, 'private_key_jwt')],
  },
  {
    name: 'private_key_jwt with an empty key list',
    versions: ALL, client: { ...pkj, jwks: { keys: [] } }, hydraRejects: false,
    expect: 'accept', diagnostics: [warning('private-key-jwt-without-keys', NO_KEYS, 'jwks')],
  },
  {
    name: 'private_key_jwt with jwks_uri',
    versions: ALL, client: { ...pkj, jwks_uri: 'https://app.example.com/jwks.json' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'private_key_jwt with a key',
    versions: ALL, client: { ...pkj, jwks: { keys: [EC_KEY] } }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'private_key_jwt with an HMAC signing algorithm',
    versions: ALL, client: { ...pkj, jwks_uri: 'https://app.example.com/jwks.json', token_endpoint_auth_signing_alg: 'HS256' },
    hydraRejects: true, hydraAnswer: metadataError(ALG_LIST),
    expect: 'reject', diagnostics: [error('unsupported-auth-signing-alg', ALG_LIST, 'HS256')],
  },
  {
    name: 'private_key_jwt with ES256',
    versions: ALL, client: { ...pkj, jwks_uri: 'https://app.example.com/jwks.json', token_endpoint_auth_signing_alg: 'ES256' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an unsupported signing algorithm without private_key_jwt is stored',
    versions: ALL, client: { token_endpoint_auth_signing_alg: 'HS256' }, hydraRejects: false,
    expect: 'accept', diagnostics: [{ code: 'enum-mismatch', severity: 'warning', text: 'HS256' }],
  },
  {
    name: 'jwks with a key and jwks_uri',
    versions: ALL, client: { jwks: { keys: [RSA_KEY] }, jwks_uri: 'https://app.example.com/jwks.json' },
    hydraRejects: true, hydraAnswer: metadataError(BOTH), expect: 'reject', diagnostics: [error('jwks-and-jwks-uri', BOTH, 'jwks')],
  },
  {
    name: 'empty jwks with jwks_uri (hydra #3935: a GET→PUT round trip fails)',
    versions: V1_V23, client: { jwks: {}, jwks_uri: 'https://app.example.com/jwks.json' },
    hydraRejects: true, hydraAnswer: metadataError(BOTH), expect: 'reject', diagnostics: [error('jwks-and-jwks-uri', BOTH, 'jwks')],
  },
  {
    name: 'empty jwks with jwks_uri (fixed in v26)',
    versions: ['v26'], client: { jwks: {}, jwks_uri: 'https://app.example.com/jwks.json' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an empty key list with jwks_uri counts as set in v26',
    versions: ['v26'], client: { jwks: { keys: [] }, jwks_uri: 'https://app.example.com/jwks.json' },
    hydraRejects: true, hydraAnswer: metadataError(BOTH), expect: 'reject', diagnostics: [error('jwks-and-jwks-uri', BOTH, 'jwks')],
  },
  {
    name: 'null jwks with jwks_uri',
    versions: ALL, client: { jwks: null, jwks_uri: 'https://app.example.com/jwks.json' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'RSA, EC and Ed25519 public keys',
    versions: ALL, client: { jwks: { keys: [RSA_KEY, EC_KEY, OKP_KEY] } }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'a symmetric key is refused from v2 on',
    versions: V2, client: { jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } },
    hydraRejects: true, hydraAnswer: metadataError(INVALID_JWK), expect: 'reject', diagnostics: [error('invalid-jwk', INVALID_JWK, 'oct')],
  },
  {
    name: 'a symmetric key is stored by v1.11',
    versions: ['v1.11'], client: { jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an RSA exponent of zero is refused from v2 on',
    versions: V2, client: { jwks: { keys: [{ ...RSA_KEY, e: 'AAAA' }] } },
    hydraRejects: true, hydraAnswer: metadataError(INVALID_JWK), expect: 'reject', diagnostics: [error('invalid-jwk', INVALID_JWK, 'AAAA')],
  },
  {
    name: 'an EC point off its curve does not decode',
    versions: V2, client: { jwks: { keys: [{ ...EC_KEY, y: EC_KEY.x }] } },
    hydraRejects: true, hydraAnswer: decodeError('go-jose/go-jose: invalid EC key, X/Y are not on declared curve'),
    expect: 'reject', diagnostics: [error('jwk-not-decodable', 'Unable to decode the request body: go-jose/go-jose: invalid EC key, X/Y are not on declared curve', EC_KEY.x)],
  },
  {
    name: 'an EC point off its curve does not decode (v1.11)',
    versions: ['v1.11'], client: { jwks: { keys: [{ ...EC_KEY, y: EC_KEY.x }] } }, hydraRejects: true, hydraAnswer: v1DecodeError,
    expect: 'reject', diagnostics: [error('jwk-not-decodable', 'Unable to decode the request body: square/go-jose: invalid EC key, X/Y are not on declared curve', EC_KEY.x)],
  },
  {
    name: 'secp256k1 is not a curve go-jose knows',
    versions: V2, client: { jwks: { keys: [{ ...EC_KEY, crv: 'secp256k1' }] } },
    hydraRejects: true, hydraAnswer: decodeError("go-jose/go-jose: unsupported elliptic curve 'secp256k1'"),
    expect: 'reject', diagnostics: [error('jwk-not-decodable', "Unable to decode the request body: go-jose/go-jose: unsupported elliptic curve 'secp256k1'", 'secp256k1')],
  },
  {
    name: 'an EC coordinate of the wrong length',
    versions: V2, client: { jwks: { keys: [{ ...EC_KEY, x: 'AAAA' }] } },
    hydraRejects: true, hydraAnswer: decodeError('go-jose/go-jose: invalid EC public key, wrong length for x'),
    expect: 'reject', diagnostics: [error('jwk-not-decodable', 'Unable to decode the request body: go-jose/go-jose: invalid EC public key, wrong length for x', 'AAAA')],
  },
  {
    name: 'a key member that is not base64url',
    versions: V2, client: { jwks: { keys: [{ ...RSA_KEY, n: 'n+/=' }] } },
    hydraRejects: true, hydraAnswer: decodeError('illegal base64 data at input byte 1'),
    expect: 'reject', diagnostics: [error('jwk-not-decodable', 'Unable to decode the request body: illegal base64 data at input byte 1', 'n+/=')],
  },
  {
    name: 'base64 padding is trimmed from v2 on',
    versions: V2, client: { jwks: { keys: [{ ...RSA_KEY, e: 'AQAB==' }] } }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'base64 padding does not decode in v1.11',
    versions: ['v1.11'], client: { jwks: { keys: [{ ...RSA_KEY, e: 'AQAB==' }] } }, hydraRejects: true, hydraAnswer: v1DecodeError,
    expect: 'reject', diagnostics: [error('jwk-not-decodable', 'Unable to decode the request body: illegal base64 data at input byte 4', 'AQAB==')],
  },
  {
    name: 'an RSA key without its modulus (the schema reports it)',
    versions: V2, client: { jwks: { keys: [{ kty: 'RSA', e: 'AQAB' }] } },
    hydraRejects: true, hydraAnswer: decodeError('go-jose/go-jose: invalid RSA key, missing n/e values'),
    expect: 'reject', diagnostics: [{ code: 'missing-required', severity: 'error' }],
  },
  {
    name: 'an unknown key type (the schema reports it)',
    versions: V2, client: { jwks: { keys: [{ kty: 'foo' }] } },
    hydraRejects: true, hydraAnswer: decodeError("go-jose/go-jose: unknown json web key type 'foo'"),
    expect: 'reject', diagnostics: [{ code: 'enum-mismatch', severity: 'error', text: 'foo' }],
  },
];
