// Loads the JSON Schemas shipped in the package's schemas/ folder.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileSchemas, makeAjv, wrap, type SchemaSet, type SchemaValidator } from '../schema/validator.js';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

/** Where the root schema lives on this machine (for the yaml-language-server line of new plans). */
export function schemaFilePath(): string {
  return fileURLToPath(new URL('campaign.schema.json', SCHEMA_DIR));
}

/** The configuration file's schema (.campaignrc.yaml): beside the plan's, but not part of it. */
export const CONFIG_SCHEMA = 'campaignrc.schema.json';

export function loadSchemas(): SchemaSet {
  const set: SchemaSet = {};
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json') && f !== CONFIG_SCHEMA).sort()) {
    set[file] = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as object;
  }
  return set;
}

let validator: SchemaValidator | undefined;

// From dist/io and from src/io alike (tests run from source): the build's output in dist/.
const COMPILED = new URL('../../dist/schema/compiled.cjs', import.meta.url);

/**
 * The plan schema's validator: the standalone code the build compiled (dist/schema/compiled.cjs), or,
 * running from source, compiled here once per process.
 */
export function planValidator(): SchemaValidator {
  if (validator) return validator;
  if (existsSync(COMPILED)) {
    const compiled = createRequire(import.meta.url)(fileURLToPath(COMPILED)) as { default?: unknown };
    validator = wrap((compiled.default ?? compiled) as Parameters<typeof wrap>[0]);
  } else {
    validator = compileSchemas(loadSchemas());
  }
  return validator;
}

let configCheck: SchemaValidator | undefined;

const CONFIG_COMPILED = new URL('../../dist/schema/config-compiled.cjs', import.meta.url);

/** The configuration file's schema, as read from schemas/. */
export const loadConfigSchema = (): { $id: string } => JSON.parse(readFileSync(new URL(CONFIG_SCHEMA, SCHEMA_DIR), 'utf8')) as { $id: string };

/**
 * The configuration file's validator, only when a configuration is read: the standalone code the build
 * compiled (compiling it here takes ajv's compiler, half a second or more), or, from source, compiled here.
 */
export function configValidator(): SchemaValidator {
  if (configCheck) return configCheck;
  if (existsSync(CONFIG_COMPILED)) {
    const compiled = createRequire(import.meta.url)(fileURLToPath(CONFIG_COMPILED)) as { default?: unknown };
    configCheck = wrap((compiled.default ?? compiled) as Parameters<typeof wrap>[0]);
    return configCheck;
  }
  const schema = loadConfigSchema();
  const validate = makeAjv({ [CONFIG_SCHEMA]: schema }).getSchema(schema.$id);
  if (!validate) throw new Error(`schema ${CONFIG_SCHEMA} is missing`);
  configCheck = wrap(validate);
  return configCheck;
}
