// Importing documents: each file's bytes → its paragraphs and tables (a reader per format: plain text in any
// usual encoding, Word .docx/.doc/.wps, PDF with a text layer, OFD, a 分工表 as .xlsx/.xls/.csv) → one
// document → a draft plan → YAML with comments. The readers are the only parts that touch libraries; the
// command reads and writes the files.
import type { Calendar } from '../calendar/china.js';
import { holidayStarts } from '../calendar/china.js';
import { decodeDocument } from './decode.js';
import { printableDocument, type Block, type SourceDoc } from './document.js';
import { docxDocument } from './read-docx.js';
import { textDocument } from './text-table.js';
import { extractPlan, type DraftPlan } from './extract.js';
import { sniffFormat, type DocFormat } from './formats.js';
import { renderDraft } from './render.js';
import { ROOT_SCHEMA_ID } from '../schema/validator.js';
import { runIsolated } from '../io/isolated.js';
import { FILE_LIMITS, MB } from '../io/limits.js';
import { PDF_READER } from './read-pdf.js';
import { ReadError, type ReadProblem as ReaderProblem } from '../containers/read-error.js';
import { checkDocument, DOCUMENT_LIMITS, DocumentTooLarge, type DocumentLimit } from './limits.js';

/** Why a file could not be read, for the command's message: a reader's reason, or a scan or a picture. */
export type ReadProblem = ReaderProblem | 'scan' | 'image' | 'empty';

export class DocumentReadError extends Error {
  /** The file it is about, in a several-file import: its name and its place in the list. */
  file?: string;
  index?: number;
  /** A file refused for its size before it was read as its kind: its size and the kind's limit, in bytes. */
  overLimit?: { size: number; limit: number };
  /** An empty document ('empty'): its size in bytes (0, or blank space only). */
  bytes?: number;
  constructor(readonly problem: ReadProblem, readonly format: DocFormat, message: string, readonly limit?: DocumentLimit) {
    super(message);
    this.name = 'DocumentReadError';
  }
}

/** A text layer this thin is a scan's: a page number or a stray seal caption per page, no plan. */
const SCAN_CHARS_PER_PAGE = 8;
const SCAN_CHARS = 10;

/** The PDF reader's process (src/importer/pdf-worker.ts; its limits are read-pdf.ts's PDF_READER): a 20-page plan needs about 170 MB and a second. */
const PDF_WORKER = new URL('../../dist/bundle/pdf-worker.js', import.meta.url);

type PdfAnswer = { doc: SourceDoc & { pages: number; textChars: number } } | { error: string; problem: string };

/** A PDF read by pdf.js in its own process: a crafted file costs a stopped process, never a hang. */
async function pdfIsolated(bytes: Uint8Array): Promise<SourceDoc & { pages: number; textChars: number }> {
  const r = await runIsolated<PdfAnswer>(PDF_WORKER, bytes, PDF_READER);
  if ('refused' in r) throw new DocumentReadError('too-large', 'pdf', r.refused.why === 'timeout' ? `more than ${r.refused.limit} s to read` : `more than ${r.refused.limit} MB to read`);
  if ('error' in r) throw new DocumentReadError('damaged', 'pdf', r.error);
  if ('error' in r.answer) {
    const p = r.answer.problem;
    throw new DocumentReadError(p === 'encrypted' ? 'encrypted' : /^too-/.test(p) ? 'too-large' : 'damaged', 'pdf', r.answer.error, p === 'too-many-items' ? 'items' : undefined);
  }
  return r.answer.doc;
}

export interface ReadDocument { doc: SourceDoc; format: DocFormat; encoding: string }

/** Why a reader failed, as the command tells it: its ReadError's code; anything else a library threw is a damaged file. */
function readFailure(err: unknown, format: DocFormat): DocumentReadError {
  if (err instanceof DocumentReadError) return err;
  if (err instanceof DocumentTooLarge) return new DocumentReadError('too-large', format, err.message, err.limit);
  return new DocumentReadError(err instanceof ReadError ? err.code : 'damaged', format, (err as Error).message);
}

/** Whether a document has any text: a paragraph (printableDocument drops empty ones) or a cell that is not empty. */
const hasText = (doc: SourceDoc): boolean => doc.blocks.some((b) => b.kind === 'para' || b.rows.some((r) => r.some((c) => c !== '')));

/**
 * One file as a document, by what its bytes are: read by its format's reader, then held to DOCUMENT_LIMITS
 * whatever the reader (the streaming ones stop at the first paragraph, cell or character over them).
 */
export async function readDocument(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const format = sniffFormat(bytes, name);
  // Text is read whole into lines and tables: past the text limit a file is no plan (a data export, a log).
  if ((format === 'txt' || format === 'csv') && bytes.length > FILE_LIMITS.text) {
    const err = new DocumentReadError('too-large', format, `a text file larger than ${FILE_LIMITS.text / MB} MB`);
    err.overLimit = { size: bytes.length, limit: FILE_LIMITS.text };
    throw err;
  }
  try {
    const read = await readAs(format, bytes);
    checkDocument(read.doc);
    // Every format's text without the characters a plan may not hold (a terminal escape, a bidi override).
    const doc = printableDocument(read.doc);
    // Nothing to draft a plan from — an empty file, blank lines named .pdf or .docx, a Word file of empty
    // paragraphs — is refused, not drafted as a plan titled "" with no tasks.
    if (!hasText(doc)) throw Object.assign(new DocumentReadError('empty', format, 'no text'), { bytes: bytes.length });
    return { ...read, doc };
  } catch (err) {
    throw readFailure(err, format);
  }
}

async function readAs(format: DocFormat, bytes: Uint8Array): Promise<ReadDocument> {
  switch (format) {
    case 'txt': {
      const decoded = decodeDocument(bytes);
      if (decoded.text.length > DOCUMENT_LIMITS.chars) throw new DocumentTooLarge('chars');
      return { doc: textDocument(decoded.text), format, encoding: decoded.encoding };
    }
    case 'docx':
      return { doc: docxDocument(bytes), format, encoding: 'docx' };
    case 'doc':
    case 'rtf':
    case 'html': {
      const { docDocument } = await import('./read-doc.js');
      return { doc: await docDocument(bytes), format, encoding: format };
    }
    case 'wps': {
      const { wpsDocument } = await import('./read-doc.js');
      return { doc: await wpsDocument(bytes), format, encoding: 'wps' };
    }
    case 'pdf': {
      const pdf = await pdfIsolated(bytes);
      if (pdf.textChars < Math.max(SCAN_CHARS, pdf.pages * SCAN_CHARS_PER_PAGE)) throw new DocumentReadError('scan', format, `${pdf.pages} pages, ${pdf.textChars} characters of text`);
      return { doc: { blocks: pdf.blocks, unit: pdf.unit }, format, encoding: 'pdf' };
    }
    case 'ofd': {
      const { ofdDocument } = await import('./read-ofd.js');
      const doc = ofdDocument(bytes);
      if (!doc.blocks.some((b) => b.kind === 'table' || b.text.replace(/\s/g, '').length > 0)) throw new DocumentReadError('scan', format, 'no text');
      return { doc, format, encoding: 'ofd' };
    }
    case 'xlsx': {
      const { xlsxDocument } = await import('./read-sheet.js');
      return { doc: await xlsxDocument(bytes), format, encoding: 'xlsx' };
    }
    case 'xls': {
      const { xlsDocument } = await import('./read-sheet.js');
      return { doc: await xlsDocument(bytes), format, encoding: 'xls' };
    }
    case 'csv': {
      const { csvDocument } = await import('./read-sheet.js');
      return { doc: csvDocument(bytes), format, encoding: 'csv' };
    }
    case 'image':
      throw new DocumentReadError('image', format, 'a picture');
    default:
      throw new DocumentReadError('unsupported', format, 'not a document this tool reads');
  }
}

/**
 * Several files as one document, in the order given (a notice, its plan, its 分工表): each block keeps its
 * file and its own number there; numbers run on across files so every block has its own.
 */
export function joinDocuments(parts: readonly { name: string; doc: SourceDoc }[]): SourceDoc {
  if (parts.length === 1) return parts[0]!.doc;
  const blocks: Block[] = [];
  let offset = 0;
  for (const { name, doc } of parts) {
    let last = 0;
    for (const b of doc.blocks) {
      blocks.push({ ...b, no: b.no + offset, file: name, fileNo: b.no });
      last = Math.max(last, b.no);
    }
    offset += last;
  }
  return { blocks, unit: 'paragraph' };
}

export interface ImportOptions {
  /** The documents' file names, for the header comment. */
  name: string;
  /** The year to assume when the document names none. */
  fallbackYear: number;
  calendar: Calendar;
  /** The plan schema's URL (or path) for the yaml-language-server line; the published schema if not given. */
  schemaRef?: string;
}

export interface Imported {
  draft: DraftPlan; yaml: string; encoding: string; doc: SourceDoc;
  /** Each file read, in the order given, and what it was read as (importFiles). */
  documents?: { file: string; format: DocFormat; encoding: string }[];
}

/** A document already read into paragraphs and tables, as a draft plan and its YAML. */
export function importSource(doc: SourceDoc, encoding: string, opts: ImportOptions): Imported {
  const draft = extractPlan(doc, { fallbackYear: opts.fallbackYear, isWorkday: opts.calendar.isWorkday, holidayStart: holidayStarts(opts.calendar) });
  return { draft, yaml: renderDraft(draft, opts.schemaRef ?? ROOT_SCHEMA_ID, opts.name), encoding, doc };
}

/** The files of one plan (one file, or a notice with its attachments) as a draft plan. */
export async function importFiles(files: readonly { name: string; bytes: Uint8Array }[], opts: ImportOptions): Promise<Imported> {
  const read: (ReadDocument & { name: string })[] = [];
  for (const [index, f] of files.entries()) {
    try {
      read.push({ ...(await readDocument(f.bytes, f.name)), name: f.name });
    } catch (err) {
      if (err instanceof DocumentReadError) Object.assign(err, { file: f.name, index });
      throw err;
    }
  }
  const doc = joinDocuments(read);
  // Files each within the limits may still hold too much together: then they are named together.
  if (read.length > 1) {
    try {
      checkDocument(doc);
    } catch (err) {
      throw Object.assign(readFailure(err, 'unknown'), { file: files.map((f) => f.name).join(' + ') });
    }
  }
  const documents = read.map((r) => ({ file: r.name, format: r.format, encoding: r.encoding }));
  return { ...importSource(doc, read.map((r) => r.encoding).join('+'), opts), documents };
}
