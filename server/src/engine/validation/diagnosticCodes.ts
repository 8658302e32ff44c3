// Every code the schema layer emits. Rule codes live beside their rules.
export const Codes = {
  syntaxError: 'syntax-error',
  duplicateKey: 'duplicate-key',
  fileTooLarge: 'file-too-large',
  notAClient: 'not-a-client',
  typeMismatch: 'type-mismatch',
  enumMismatch: 'enum-mismatch',
  formatMismatch: 'format-mismatch',
  invalidDuration: 'invalid-duration',
  patternMismatch: 'pattern-mismatch',
  unknownKey: 'unknown-key',
  keyNotInVersion: 'key-not-in-version',
  readOnlyField: 'read-only-field',
  missingRequired: 'missing-required',
  aliasTooLarge: 'alias-too-large',
  schemaViolation: 'schema-violation',
} as const;
