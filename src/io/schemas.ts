// Loads the JSON Schemas shipped in the package's schemas/ folder.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileSchemas, makeAjv, wrap, type SchemaSet, type SchemaValidator } from '../schema/validator.js';

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

/** Where the root schema lives on this machine (for the yaml-language-server line of new plans). */
export function schemaFilePath(): string {
  return fileURLToPath(new URL('campaign.schema.json', SCHEMA_DIR));
}

/**
 * The reference new plans carry in their yaml-language-server line: the installed schema's file: URL.
 * Absolute, so it still resolves after the plan is moved anywhere on this machine; a URL rather than a
 * path, because the modeline ends at the first space and a URL escapes spaces, Chinese and '#', and
 * because file:///C:/… reads the same on Windows.
 */
export function schemaFileUrl(file: string = schemaFilePath(), windows: boolean = process.platform === 'win32'): string {
  return pathToFileURL(file, { windows }).href;
}

/** The configuration file's schema (.campaignrc.yaml): beside the plan's, but not part of it. */
export const CONFIG_SCHEMA = 'campaignrc.schema.json';

/** The user data file's schema (campaign --data FILE): not part of the plan's either. */
export const DATA_SCHEMA = 'campaign-data.schema.json';

export function loadSchemas(): SchemaSet {
  const set: SchemaSet = {};
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json') && f !== CONFIG_SCHEMA && f !== DATA_SCHEMA).sort()) {
    set[file] = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as object;
  }
  return set;
}

const OUTPUT_DIR = new URL('output/', SCHEMA_DIR);

/** The JSON outputs that have a published schema: one file each in schemas/output/, <kind>.schema.json. */
export function outputSchemaKinds(): string[] {
  if (!existsSync(OUTPUT_DIR)) return [];
  return readdirSync(OUTPUT_DIR).filter((f) => f.endsWith('.schema.json')).map((f) => f.slice(0, -'.schema.json'.length)).sort();
}

/** The published schema of one JSON output, as its file has it (a kind from outputSchemaKinds). */
export function outputSchemaText(kind: string): string {
  return readFileSync(new URL(`${kind}.schema.json`, OUTPUT_DIR), 'utf8');
}

/**
 * A validator the build compiled to standalone code (scripts/build-schema.js, bundled with ajv's runtime
 * by scripts/bundle.js, so the installed package needs no ajv) — `compiled`, under dist/ from dist/io and
 * src/io alike — or, run from source (the tests), `compile`d here.
 */
function compiledOr(compiled: URL, compile: () => SchemaValidator): SchemaValidator {
  if (!existsSync(compiled)) return compile();
  const code = createRequire(import.meta.url)(fileURLToPath(compiled)) as { default?: unknown };
  return wrap((code.default ?? code) as Parameters<typeof wrap>[0]);
}

/** One schema file's validator, compiled here. */
function compileOne(file: string, schema: { $id: string }): SchemaValidator {
  const validate = makeAjv({ [file]: schema }).getSchema(schema.$id);
  if (!validate) throw new Error(`schema ${file} is missing`);
  return wrap(validate);
}

/** The configuration file's schema, as read from schemas/. */
export const loadConfigSchema = (): { $id: string } => JSON.parse(readFileSync(new URL(CONFIG_SCHEMA, SCHEMA_DIR), 'utf8')) as { $id: string };
/** The user data file's schema, as read from schemas/. */
export const loadDataSchema = (): { $id: string } => JSON.parse(readFileSync(new URL(DATA_SCHEMA, SCHEMA_DIR), 'utf8')) as { $id: string };

let planCheck: SchemaValidator | undefined;
let configCheck: SchemaValidator | undefined;
let dataCheck: SchemaValidator | undefined;

/** The plan schema's validator, made once per process. */
export const planValidator = (): SchemaValidator => (planCheck ??= compiledOr(new URL('../../dist/schema/compiled.cjs', import.meta.url), () => compileSchemas(loadSchemas())));

/** The configuration file's validator, made only when a configuration is read (ajv's compiler takes half a second or more). */
export const configValidator = (): SchemaValidator => (configCheck ??= compiledOr(new URL('../../dist/schema/config-compiled.cjs', import.meta.url), () => compileOne(CONFIG_SCHEMA, loadConfigSchema())));

/** The user data file's validator, made only when a data file is read. */
export const dataValidator = (): SchemaValidator => (dataCheck ??= compiledOr(new URL('../../dist/schema/data-compiled.cjs', import.meta.url), () => compileOne(DATA_SCHEMA, loadDataSchema())));
