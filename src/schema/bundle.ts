// Bundles the per-concept schema files into one self-contained schema (`campaign schema` prints it).
import { ROOT_SCHEMA, type SchemaSet } from './validator.js';

const defName = (file: string): string => file.replace(/\.schema\.json$/, '');

/** Rewrites a $ref between files ("task.schema.json#/$defs/x") into one inside the bundle. */
function rewriteRef(ref: string, currentFile: string): string {
  const [file, pointer = ''] = ref.split('#');
  const target = file ? file : currentFile;
  if (target === ROOT_SCHEMA) return `#${pointer}`;
  return `#/$defs/${defName(target)}${pointer}`;
}

function rewrite(node: unknown, currentFile: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, currentFile));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out[k] = rewriteRef(v, currentFile);
    // The root file keeps its absolute $id (every $ref inside the bundle is a fragment of it); the others' go.
    else if ((k === '$id' || k === '$schema') && currentFile !== ROOT_SCHEMA) continue;
    else out[k] = rewrite(v, currentFile);
  }
  return out;
}

export function bundleSchemas(schemas: SchemaSet): Record<string, unknown> {
  const root = rewrite(schemas[ROOT_SCHEMA], ROOT_SCHEMA) as Record<string, unknown>;
  const defs: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(schemas)) {
    if (file !== ROOT_SCHEMA) defs[defName(file)] = rewrite(schema, file);
  }
  return { ...root, $defs: { ...((root.$defs as object) ?? {}), ...defs } };
}
