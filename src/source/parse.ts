// Parses plan text once, keeping the YAML document (for positions and edits) next to the plain data.
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedSource {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML is too broken to check further. */
  data: unknown;
  /** Set when alias expansion hit the limit (a "billion laughs" document): the limit. */
  aliasError?: number;
}

/** Most aliases one document may expand: far above any real plan, far below a "billion laughs". */
export const MAX_ALIAS_COUNT = 1000;

export function parseSource(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // A duplicate key leaves a usable document (the later value wins); anything else does not.
  const usable = doc.warnings.length === 0 && doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  const parsed: ParsedSource = { text, doc, lineCounter, data: undefined };
  if (usable) {
    try {
      parsed.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      parsed.aliasError = MAX_ALIAS_COUNT;
    }
  }
  return parsed;
}
