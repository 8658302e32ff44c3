// How the OAuth2Client schema is compiled with ajv: the options, formats and entry definition in one
// place. The build runs this (scripts/lib/compiledValidatorPlugin.mjs) and bundles ajv's standalone
// code for it, so the server neither compiles the schema at start-up (~55 ms) nor keeps ajv's
// compiler state (~10 MiB of RSS); the tests compile it at run time too and compare the two.
import Ajv, { _, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone';
import { CLIENT_DEFINITION_REF, schema } from '../schema/clientSchema';

const OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true };
const FORMATS = ['uri', 'uri-reference', 'date-time', 'email'] as const;

function clientAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...OPTIONS, ...extra });
  addFormats(ajv, [...FORMATS]);
  ajv.addSchema(schema as object);
  return ajv;
}

/** The validator compiled now, in this process. */
export function compileClientValidator(): ValidateFunction {
  return clientAjv().getSchema(CLIENT_DEFINITION_REF)!;
}

/** The same validator as a CommonJS module's source (ajv standalone code). */
export function clientValidatorSource(): string {
  // The generated code takes the format checkers from ajv-formats' module, as addFormats did.
  const ajv = clientAjv({ code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  return standaloneCode(ajv, ajv.getSchema(CLIENT_DEFINITION_REF)!);
}
