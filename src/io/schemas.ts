// Loads the JSON Schemas shipped in the package's schemas/ folder.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileSchemas, type SchemaSet, type SchemaValidator } from '../schema/validator.js';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

/** Where the root schema lives on this machine (for the yaml-language-server line of new plans). */
export function schemaFilePath(): string {
  return fileURLToPath(new URL('campaign.schema.json', SCHEMA_DIR));
}

export function loadSchemas(): SchemaSet {
  const set: SchemaSet = {};
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    set[file] = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as object;
  }
  return set;
}

let validator: SchemaValidator | undefined;

/** The compiled plan schema, compiled once per process. */
export function planValidator(): SchemaValidator {
  return (validator ??= compileSchemas(loadSchemas()));
}
