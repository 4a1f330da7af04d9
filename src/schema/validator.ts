// Compiles the plan schemas (schemas/*.schema.json, loaded by src/io/schemas.ts) into one validator.
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';

export type SchemaSet = Record<string, object>; // file name → schema
export type SchemaValidator = (data: unknown) => ErrorObject[];

export const ROOT_SCHEMA = 'campaign.schema.json';

/** Where the published package serves its schemas: each file's `$id` is this plus its name. */
export const SCHEMA_BASE = 'https://unpkg.com/@zhenban/campaign/schemas/';
/** The plan schema's `$id`; ajv finds the schema by it, and its files' relative `$ref`s resolve against it. */
export const ROOT_SCHEMA_ID = `${SCHEMA_BASE}${ROOT_SCHEMA}`;

// ajv and ajv-formats are loaded only when schemas are compiled here (the build ships compiled code).
const require = createRequire(import.meta.url);

/** The ajv instance with every plan schema added (also used by the build to write standalone code). */
export function makeAjv(schemas: SchemaSet, extra: Record<string, unknown> = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const formats = require('ajv-formats') as { default?: (a: Ajv2020) => Ajv2020 } & ((a: Ajv2020) => Ajv2020);
  const ajv = new AjvClass({ allErrors: true, verbose: true, strict: true, ...extra });
  (formats.default ?? formats)(ajv);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  return ajv;
}

export function compileSchemas(schemas: SchemaSet): SchemaValidator {
  const validate = makeAjv(schemas).getSchema(ROOT_SCHEMA_ID);
  if (!validate) throw new Error(`schema ${ROOT_SCHEMA_ID} is missing`);
  return wrap(validate);
}

type ValidateFunction = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const wrap = (validate: ValidateFunction): SchemaValidator => (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
