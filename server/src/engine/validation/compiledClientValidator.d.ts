// The OAuth2Client validator that the build compiles from schemas/ (scripts/lib/compiledValidatorPlugin.mjs,
// from clientSchemaCompiler.ts): ajv's standalone code, bundled in place of this module name.
declare module 'oauth2-client-studio:client-validator' {
  import type { ValidateFunction } from 'ajv';

  const validate: ValidateFunction;
  export default validate;
}
