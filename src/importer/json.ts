// What `campaign import -f json` prints: the draft plan as data (what its YAML says), the documents it was
// read from, and each guess's note — the YAML's comments — with the path of the value it is about, so a
// script can list what a person must check without reading comments out of YAML.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { DocFormat } from './formats.js';

/** The version of this shape (schemas/output/import.schema.json): raised on every change to it. */
export const IMPORT_SCHEMA_VERSION = 1;

/** The plan as its YAML says: a plan file's contents (schemas/campaign.schema.json). */
export type PlanDocument = Record<string, unknown>;

export interface ImportedDocument {
  /** The file's name, as named on the command line. */
  file: string;
  /** What it was read as. */
  format: DocFormat;
  /** For a text file, the encoding it was decoded from (utf-8, gb18030 …); else the format again. */
  encoding: string;
}

export interface ImportNote {
  /** Where in the plan: keys and list indexes, as a validator's finding names a place (["tasks", 0, "due"]). */
  path: (string | number)[];
  /** The comment the YAML carries there: where in the document the value was read, and how (原文第12行“一是”). */
  note: string;
}

export interface ImportJson {
  /** The version of this output's shape: the `const` of `schemaVersion` in its schema; raised on every change to the shape. */
  schemaVersion: number;
  /** The documents read, in the order given: a notice, its plan, its 分工表 … make one plan. */
  documents: ImportedDocument[];
  /** The draft plan: what the YAML import writes says, comments aside. */
  plan: PlanDocument;
  /** The guesses to check against the document, in the order of the YAML. */
  notes: ImportNote[];
}

/** A comment on an entry's first line (its `id`) is about the entry. */
const about = (path: (string | number)[]): (string | number)[] => (path.at(-1) === 'id' ? path.slice(0, -1) : path);

function notesIn(node: Node | null | undefined, path: (string | number)[], out: ImportNote[]): void {
  if (!node) return;
  const add = (text: string | null | undefined, at: (string | number)[]) => {
    for (const line of (text ?? '').split('\n')) if (line.trim()) out.push({ path: about(at), note: line.trim() });
  };
  if (isMap(node)) {
    node.items.forEach((pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // The document's header (the schema line, what made the file) sits before its first key.
      if (!(path.length === 0 && i === 0)) add((pair.key as Node | null)?.commentBefore, [...path, key]);
      notesIn(pair.value as Node | null, [...path, key], out);
    });
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      notesIn(item as Node, [...path, i], out);
    });
  }
  if (path.length) add(node.commentBefore, path);
  add(node.comment, path);
}

/** The JSON of an import, from the YAML it wrote and the documents it read. */
export function importJson(yaml: string, documents: ImportedDocument[]): ImportJson {
  const doc = parseDocument(yaml);
  const notes: ImportNote[] = [];
  notesIn(doc.contents as Node | null, [], notes);
  return { schemaVersion: IMPORT_SCHEMA_VERSION, documents, plan: doc.toJS() as PlanDocument, notes };
}
