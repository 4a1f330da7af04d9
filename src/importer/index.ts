// Importing a document: bytes (plain text in any usual encoding, or Word .docx) → the document's
// paragraphs and tables → a draft plan → YAML with comments. Everything but mammoth's reading of a Word
// file is pure; the command reads and writes the files.
import type { Calendar } from '../calendar/china.js';
import { decodeDocument } from './decode.js';
import { htmlDocument, textDocument, type SourceDoc } from './document.js';
import { extractPlan, type DraftPlan } from './extract.js';
import { renderDraft } from './render.js';

/** A .docx is a ZIP file: it starts with "PK\x03\x04". */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A Word file's paragraphs and tables, through mammoth's HTML (merged cells come as rowspan). */
export async function docxDocument(bytes: Uint8Array): Promise<SourceDoc> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return htmlDocument(value);
}

export interface ImportOptions {
  /** The document's file name, for the header comment. */
  name: string;
  /** The year to assume when the document names none. */
  fallbackYear: number;
  calendar: Calendar;
  /** Path of the schema for the yaml-language-server line. */
  schemaPath?: string;
}

export async function importDocument(bytes: Uint8Array, opts: ImportOptions): Promise<{ draft: DraftPlan; yaml: string; encoding: string }> {
  let doc: SourceDoc;
  let encoding: string;
  if (isZip(bytes)) {
    doc = await docxDocument(bytes);
    encoding = 'docx';
  } else {
    const decoded = decodeDocument(bytes);
    doc = textDocument(decoded.text);
    encoding = decoded.encoding;
  }
  const draft = extractPlan(doc, { fallbackYear: opts.fallbackYear, isWorkday: opts.calendar.isWorkday });
  return { draft, yaml: renderDraft(draft, opts.schemaPath ?? '../schemas/campaign.schema.json', opts.name), encoding };
}
