// Compiles the plan schemas (schemas/*.schema.json, loaded by src/io/schemas.ts) into one validator.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export type SchemaSet = Record<string, object>; // file name → schema
export type SchemaValidator = (data: unknown) => ErrorObject[];

export const ROOT_SCHEMA = 'campaign.schema.json';

// ajv-formats is CommonJS; under NodeNext its default import is the module namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

export function compileSchemas(schemas: SchemaSet): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  addFormats(ajv);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const validate = ajv.getSchema(ROOT_SCHEMA);
  if (!validate) throw new Error(`schema ${ROOT_SCHEMA} is missing`);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}
