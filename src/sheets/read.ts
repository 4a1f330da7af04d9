// A returned fill-in sheet read back, whatever file it came in: the workbook campaign wrote (.xlsx, or the
// same re-saved by Excel, WPS or LibreOffice), an Excel 97–2003 .xls, the CSV campaign wrote, or a sheet a
// spreadsheet saved as CSV (its hidden part gone). Each becomes the same ReturnedSheet: the match lines
// (the hidden sheet, or the CSV's # lines), the lines above the table (填报单位：…, 周次：…, 方案：…), and
// every row of the table and below it with each cell as written and where it is (填报!G7). Whatever a
// spreadsheet did to a value — a date typed as text, a number as a string — is kept as found; checking is
// check.ts's work.
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeOoxmlText } from '../containers/ooxml-text.js';
import { LABELS } from '../messages/labels.js';
import { isUtf16, isUtf32 } from '../text/byte-order.js';
import { columnLetter, columnOfLabel, META_SHEET, readMeta, SHEET_NAME, type SheetColumn, type SheetMeta } from './layout.js';

/** One cell as found: its text, a number when it held one, a date when it held one, and where it is. */
export interface FoundCell { text: string; number?: number; date?: string; /** Shown as a percentage (0.6 as 60%). */ percent?: boolean; ref: string }

export interface FoundRow {
  row: number;
  cells: Partial<Record<SheetColumn, FoundCell>>;
  /** Below the table as it was made: after the 说明 line or a blank row. */
  below: boolean;
}

export interface ReturnedSheet {
  file: string;
  /** The fill-in sheet's name as found (填报), for cell references. */
  sheet: string;
  meta?: SheetMeta;
  /** The lines above the table, each its cells' text joined: what matches a sheet whose hidden part is gone. */
  header: string[];
  rows: FoundRow[];
  /** Why it could not be read as a sheet at all. */
  unreadable?: string;
  /** The file could not be read at all (a damaged workbook): why, in our words ('' when no more is known). */
  damaged?: string;
  /** A CSV that cannot be read as CSV at all: in a text encoding it is not read in, or cut by a quote never closed (at that line). */
  csvDamage?: { why: 'encoding'; encoding: 'UTF-32' | 'UTF-16' } | { why: 'quote'; line: number };
  /** Refused before or while reading, by a limit of the reader: what limit, and how much it is. */
  refused?: { why: 'timeout' | 'memory' | 'size' | 'not-xls' | 'cells' | 'merges'; limit: number; /** The file's size in MB, when refused for it. */ size?: number };
  /** What kind of file it came in, for messages. */
  kind: 'xlsx' | 'xls' | 'csv';
}

/** A worksheet as rows of cells (sparse: rows that hold nothing may be missing), 1-based row numbers. */
export interface Grid { name: string; rows: { row: number; cells: (FoundCell | undefined)[] }[] }

/** A workbook's sheets as grids: the fill-in sheet and the hidden match sheet when there is one. */
export interface Workbook { sheets: Grid[] }

const HELP_STARTS = [LABELS.zh.sheetHelp.slice(0, 6), LABELS.en.sheetHelp.slice(0, 12)];

/** Half a surrogate pair on its own: no character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A cell's text as Excel shows it: OOXML's escapes decoded (第一行_x000B_第二行). A vertical tab or form feed
 * (Word's line and page break, pasted in) is a line break, as in every output; half a surrogate pair is
 * U+FFFD, which the check refuses as unreadable (sheet/encoding); any other control character is kept, as
 * one typed into a plan is — the plan's YAML escapes it, a terminal shows it escaped, XML outputs replace it.
 */
export function shownText(text: string): string {
  const decoded = decodeOoxmlText(text);
  return decoded === text ? text : decoded.replace(/[\v\f]/g, '\n').replace(LONE_SURROGATE, '\ufffd').trim();
}

/** A workbook's grids with every cell's text as shown (shownText): an .xlsx holds its text escaped, an .xls does not. */
const shownGrids = (wb: Workbook): Workbook => ({
  sheets: wb.sheets.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c ? { ...c, text: shownText(c.text) } : c)) })) })),
});

/** The fill-in sheet of a workbook read into grids: the match sheet, the header lines, the table's rows. */
export function sheetFromWorkbook(file: string, kind: ReturnedSheet['kind'], read: Workbook): ReturnedSheet {
  const wb = kind === 'xlsx' ? shownGrids(read) : read;
  const metaGrid = wb.sheets.find((s) => s.name === META_SHEET);
  const meta = metaGrid ? readMeta(metaGrid.rows.map((r) => r.cells.map((c) => c?.text ?? ''))) : undefined;
  const grid = wb.sheets.find((s) => s.name === SHEET_NAME.zh || s.name === SHEET_NAME.en) ?? wb.sheets.find((s) => s.name !== META_SHEET);
  if (!grid) return { file, kind, sheet: '', header: [], rows: [], ...(meta ? { meta } : {}), unreadable: 'no worksheet' };
  return { file, kind, ...(meta ? { meta } : {}), ...tableOf(grid) };
}

/** The lines above the table's header row, and every row below it (blank ones and the 说明 line left out). */
function tableOf(grid: Grid): Pick<ReturnedSheet, 'sheet' | 'header' | 'rows' | 'unreadable'> {
  const keysOf = (cells: (FoundCell | undefined)[]) => cells.map((c) => (c ? columnOfLabel(c.text) : undefined));
  const at = grid.rows.findIndex((r) => keysOf(r.cells).filter(Boolean).length >= 4);
  const lineOf = (cells: (FoundCell | undefined)[]) => cells.map((c) => c?.text ?? '').filter((t) => t !== '').join(' ');
  if (at < 0) return { sheet: grid.name, header: grid.rows.map((r) => lineOf(r.cells)).filter(Boolean), rows: [], unreadable: 'no table header' };
  const header = grid.rows.slice(0, at).map((r) => lineOf(r.cells)).filter(Boolean);
  const keys = keysOf(grid.rows[at]!.cells);
  const rows: FoundRow[] = [];
  let below = false;
  let last = grid.rows[at]!.row;
  for (const r of grid.rows.slice(at + 1)) {
    const text = lineOf(r.cells);
    // A blank row ends the table as it was made; rows after it were added below.
    if (r.row > last + 1 || text === '') below = below || rows.length > 0;
    last = r.row;
    if (text === '') continue;
    if (HELP_STARTS.some((h) => text.startsWith(h))) {
      below = true;
      continue;
    }
    const cells: FoundRow['cells'] = {};
    r.cells.forEach((c, j) => {
      const key = keys[j];
      if (key && c) cells[key] = c;
    });
    rows.push({ row: r.row, cells, below });
  }
  return { sheet: grid.name, header, rows };
}

/**
 * A CSV's bytes as text: UTF-8 with or without a BOM, UTF-16 with a BOM, or GB18030/GBK as Excel and WPS
 * save "CSV" on Chinese Windows — decided line by line, since a file can hold both (a UTF-8 sheet whose
 * typed text an editor saved as GBK). Bytes that are neither stay U+FFFD, which the check refuses.
 */
export function decodeSheetText(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xff && b[1] === 0xfe) return iconv.decode(b.subarray(2), 'utf-16le');
  if (b[0] === 0xfe && b[1] === 0xff) return iconv.decode(b.subarray(2), 'utf-16be');
  const body = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(body);
  } catch {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i <= body.length; i++) {
      if (i < body.length && body[i] !== 0x0a) continue;
      const line = body.subarray(start, i);
      try {
        lines.push(utf8.decode(line));
      } catch {
        lines.push(iconv.decode(line, 'gb18030'));
      }
      start = i + 1;
    }
    return lines.join('\n');
  }
}

/**
 * A CSV's text encoding when it is one no CSV sheet comes in: UTF-32 (by its byte order mark, or its zero
 * bytes), or UTF-16 without a byte order mark. Zero bytes are no text in any encoding decodeSheetText reads.
 */
export function unreadableEncoding(bytes: Uint8Array): 'UTF-32' | 'UTF-16' | undefined {
  const b = bytes;
  if (isUtf32(b)) return 'UTF-32';
  if (isUtf16(b)) return undefined;
  const head = b.subarray(0, 4096);
  if (!head.includes(0)) return undefined;
  // Three zero bytes in a row are UTF-32's (an ASCII character); UTF-16 has at most two (a NUL between two ASCII ones is rare).
  for (let i = 0; i + 2 < head.length; i++) if (head[i] === 0 && head[i + 1] === 0 && head[i + 2] === 0) return 'UTF-32';
  return 'UTF-16';
}

/** The line a quoted field opens on that is never closed (csv-parse reads on to the end of the file, then fails). */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  let fieldStart = true;
  // Stryker disable next-line EqualityOperator: one step past the end reads no character, which opens and closes nothing
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // A line ends in LF, CRLF, or a lone CR (an old Mac file's), as csv-parse reads them.
    const lineEnd = c === '\n' || (c === '\r' && text[i + 1] !== '\n');
    if (lineEnd) line++;
    if (quoted) {
      if (c === '"') quoted = false; // a doubled "" closes and opens again
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      opened = line;
    }
    // A quote opens a field only as its first character: csv-parse reads ` "a` as text with a quote in it.
    fieldStart = c === ',' || lineEnd || (fieldStart && c === '\r');
  }
  return opened;
}

/** A CSV sheet from its bytes: refused for an encoding it does not come in (csvDamage), else read as readCsvSheet reads its text. */
export function csvSheet(file: string, bytes: Uint8Array): ReturnedSheet {
  const encoding = unreadableEncoding(bytes);
  if (encoding) return { file, kind: 'csv', sheet: '', header: [], rows: [], csvDamage: { why: 'encoding', encoding } };
  return readCsvSheet(file, decodeSheetText(bytes));
}

/** A CSV sheet: its # match lines (when a spreadsheet kept them), the header lines, the table. */
export function readCsvSheet(file: string, text: string): ReturnedSheet {
  let records: string[][];
  const body = text.replace(/^\uFEFF/, '');
  try {
    records = parseCsv(body, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    // With relax_quotes the only way a CSV fails to parse is a quoted field never closed: the rest of the file is in it.
    if ((err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return { file, kind: 'csv', sheet: '', header: [], rows: [], csvDamage: { why: 'quote', line: unclosedQuoteLine(body) } };
    return { file, kind: 'csv', sheet: '', header: [], rows: [], unreadable: (err as Error).message.split('\n')[0] };
  }
  // Stryker disable next-line OptionalChaining,StringLiteral: csv-parse gives every record one field at least (an empty line is [''])
  const isMeta = (r: string[]) => /^#\w/.test(r[0]?.trim() ?? '');
  const meta = readMeta(records.filter(isMeta).map(([k, ...v]) => [k!.trim().slice(1), ...v]));
  // A CSV has no sheet names: its cells are referred to by column and line, as a spreadsheet would show them.
  const rows = records.map((r, i) => ({ row: i + 1, cells: isMeta(r) ? [] : r.map((text, j) => ({ text: text.trim(), ref: `CSV!${columnLetter(j)}${i + 1}` })) }));
  // Stryker disable next-line MethodExpression: a match line kept would be a row with no cells, which tableOf reads as a blank row, as it reads the gap it leaves
  return { file, kind: 'csv', ...(meta ? { meta } : {}), ...tableOf({ name: 'CSV', rows: rows.filter((r) => r.cells.length) }) };
}
