// Every code Hydra's rules emit. Quick fixes and tests match on these, never on message text.
export const RuleCodes = {
  // Errors: Hydra answers 400 (in its check order, see rules/index.ts).
  privateKeyJwtNeedsKeys: 'private-key-jwt-needs-jwks',
  unsupportedAuthSigningAlg: 'unsupported-auth-signing-alg',
  jwksAndJwksUri: 'jwks-and-jwks-uri',
  jwkNotDecodable: 'jwk-not-decodable',
  invalidJwk: 'invalid-jwk',
  uriFieldInvalid: 'uri-field-invalid',
  uriFieldScheme: 'uri-field-scheme',
  clientSecretTooShort: 'client-secret-too-short',
  corsOriginUnparsable: 'cors-origin-unparsable',
  corsOriginScheme: 'cors-origin-scheme',
  corsOriginUserinfo: 'cors-origin-userinfo',
  corsOriginNotBare: 'cors-origin-not-bare',
  sectorIdentifierUriUnparsable: 'sector-identifier-uri-unparsable',
  sectorIdentifierUriNotHttps: 'sector-identifier-uri-not-https',
  userinfoSignedResponseAlg: 'userinfo-signed-response-alg',
  redirectUriUnparsable: 'invalid-redirect-uri',
  redirectUriFragment: 'invalid-redirect-uri-fragment',
  subjectTypeUnsupported: 'subject-type-unsupported',
  postLogoutRedirectUriUnparsable: 'post-logout-redirect-uri-unparsable',
  postLogoutRedirectUriMismatch: 'post-logout-redirect-uri-mismatch',
  invalidAccessTokenStrategy: 'invalid-access-token-strategy',

  // Warnings and notes: Hydra stores the client, but something fails later.
  privateKeyJwtWithoutKeys: 'private-key-jwt-without-keys',
  sectorIdentifierUriFetched: 'sector-identifier-uri-fetched',
  insecureRedirectUri: 'insecure-redirect-uri',
  localhostRedirectExactPort: 'localhost-redirect-exact-port',
  pairwiseNeedsSectorIdentifier: 'pairwise-needs-sector-identifier',
  logoutSessionWithoutUri: 'logout-session-required-without-uri',
  responseTypeNeedsGrantType: 'response-type-needs-grant-type',
  implicitGrantDiscouraged: 'implicit-grant-discouraged',
  publicClientCredentials: 'public-client-credentials',
  refreshTokenWithoutOfflineScope: 'refresh-token-without-offline-scope',
  unknownGrantType: 'unknown-grant-type',
  clientSecretInGit: 'client-secret-in-git',
} as const;

export type RuleCode = (typeof RuleCodes)[keyof typeof RuleCodes];

export const ALL_RULE_CODES: ReadonlySet<string> = new Set(Object.values(RuleCodes));
