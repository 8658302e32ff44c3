// Hydra's own rules, in Hydra's check order (client/validator.go; the numbers are those of the
// reference's §3), then the checks for what Hydra stores but later fails on. Hydra answers with
// the first failure only; the editor shows every one at once.
import type { ClientRule } from '../validation/validateDocument';
import { accessTokenStrategy } from './accessTokenStrategyRules';
import { privateKeyJwtNeedsKeys, privateKeyJwtSigningAlg, privateKeyJwtWithoutKeys } from './authMethodRules';
import { corsOrigins } from './corsRules';
import { implicitGrantDiscouraged, publicClientCredentials, refreshTokenNeedsOfflineScope, responseTypesNeedGrants, unknownGrantTypes } from './grantAndResponseRules';
import { jwksAndJwksUri, jwksKeysDecode } from './jwksRules';
import { logoutSessionRequired, postLogoutRedirectUris } from './logoutRules';
import { insecureRedirectUris, localhostRedirectUris, redirectUriSyntax } from './redirectUriRules';
import { clientSecretInGit, clientSecretLength } from './secretRules';
import { sectorIdentifierUri } from './sectorIdentifierRules';
import { pairwiseNeedsSector, subjectTypeSupported } from './subjectTypeRules';
import { webPageUris } from './uriFieldRules';
import { userinfoSignedResponseAlg } from './userinfoRules';

export { RuleCodes, ALL_RULE_CODES } from './ruleCodes';

export const HYDRA_RULES: readonly ClientRule[] = [
  jwksKeysDecode, // while decoding the body, then 4
  privateKeyJwtNeedsKeys, // 2a
  privateKeyJwtSigningAlg, // 2b
  jwksAndJwksUri, // 3
  // 5 (private IP ranges) depends on clients.http.disallow_private_ip_ranges and DNS: not checked.
  webPageUris, // 6, v26
  clientSecretLength, // 7
  corsOrigins, // 9
  sectorIdentifierUri, // 11
  userinfoSignedResponseAlg, // 12
  redirectUriSyntax, // 13
  subjectTypeSupported, // 14
  postLogoutRedirectUris, // 15
  accessTokenStrategy, // 16, v2.3 and v26
  // Accepted by Hydra, failing later.
  privateKeyJwtWithoutKeys,
  responseTypesNeedGrants,
  unknownGrantTypes,
  implicitGrantDiscouraged,
  publicClientCredentials,
  refreshTokenNeedsOfflineScope,
  insecureRedirectUris,
  localhostRedirectUris,
  pairwiseNeedsSector,
  logoutSessionRequired,
  clientSecretInGit,
];
