// Diagnostic codes for Hydra Maester OAuth2Client resources. Hydra's own rules keep their codes
// (rules/ruleCodes.ts) when they are applied through the mapping.
export const MaesterCodes = {
  missingSpec: 'crd-missing-spec',
  missingName: 'crd-missing-name',
  unknownVersion: 'crd-unknown-version',
  unknownKey: 'crd-unknown-key',
  notExpressible: 'crd-not-expressible',
  typeMismatch: 'crd-type-mismatch',
  enumMismatch: 'crd-enum-mismatch',
  patternMismatch: 'crd-pattern-mismatch',
  missingRequired: 'crd-missing-required',
  invalid: 'crd-invalid',
  deprecatedKey: 'crd-deprecated-key',
  tooLarge: 'crd-alias-too-large',
} as const;
