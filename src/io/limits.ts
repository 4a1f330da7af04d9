// The largest file of each kind campaign reads whole into memory, in one table. Each is checked on the
// opened file (fstat) before a byte of it is read (src/io/read.ts), so a 3 GB backup or 300 MB of zeros
// dropped in a returns folder costs one line, never minutes and gigabytes. Each is far above the largest
// real file of its kind (the figures are in the README's Safety section); what a container holds inside
// (a ZIP's unpacked size and ratio, an OLE file's streams) is limited where it is opened, in src/containers.
import { OLE_LIMITS } from '../containers/ole.js';
import { ZIP_LIMITS } from '../containers/zip.js';

/** A megabyte as Windows Explorer counts it (1,048,576 bytes). */
export const MB = 1024 * 1024;

export const FILE_LIMITS = {
  /**
   * A returned sheet saved as CSV. A unit's sheet of the bench's 10,000-task plan is 254 KB (3,544 rows); the
   * .xls reader stops at 5,000 rows. Collecting 2 MB of CSV takes about 2.5 s.
   */
  csvSheet: 2 * MB,
  /** A returned Excel 97–2003 sheet, read by SheetJS in a process of its own (src/sheets/xls-process.ts). */
  xlsSheet: 20 * MB,
  /** A returned .xlsx: the ZIP reader's own limit on an archive. */
  xlsxSheet: ZIP_LIMITS.archiveBytes,
  /**
   * Any document `import` reads, before its kind is known from its bytes: the containers' limit (ZIP and
   * OLE, 64 MB) — .docx, .doc, .wps, OFD, .xlsx, and a PDF the same.
   */
  document: Math.max(ZIP_LIMITS.archiveBytes, OLE_LIMITS.bytes),
  /**
   * A plain-text document or a CSV table to import, once its bytes say it is one. The largest real plan
   * text (examples/, the import corpus) is 7 KB; a .doc's text stops at 4,000,000 characters. Importing
   * 4 MB of text takes 4–7 s.
   */
  text: 4 * MB,
  /** A configuration file (.campaignrc.yaml) or a data file of holidays and themes: the built-in tables are 23 KB and 20 KB. */
  config: 1 * MB,
} as const;

export type LimitedKind = keyof typeof FILE_LIMITS;

/** A size in MB as a message shows it: one decimal under 10 MB, rounded up (so 2.01 MB is never "2 MB"). */
export const inMb = (bytes: number): number => (bytes < 10 * MB ? Math.ceil((bytes / MB) * 10) / 10 : Math.ceil(bytes / MB));
