// A 任务分工表 sent as a spreadsheet: each visible worksheet's used range as one table, a merged cell's text
// repeated over every cell it covers (as htmlDocument does with a .docx's rowspan), and the lines above and
// below the table that hold one text across the row — the title "桃源乡安全生产月任务分工表" merged over the
// table, a 注： line — as paragraphs before and after it. .xlsx through src/containers/xlsx.ts (the archive within
// the ZIP limits, only the cells there visited, a merged range never filled past the text); .xls through SheetJS
// in a process of its own, as src/sheets/read-xls.ts reads returned sheets (a hostile .xls costs a stopped
// process); .csv through csv-parse, in whatever encoding Excel or WPS saved it.
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeSheetText, shownText, type Grid } from '../sheets/read.js';
import { clean, type Block, type SourceDoc } from './document.js';
import { decodeDocument } from './decode.js';
import { isUtf32 } from '../text/byte-order.js';
import { ReadError, type ReadProblem } from '../containers/read-error.js';
import { parseXlsIsolated, XLS_LIMITS } from '../sheets/xls-process.js';
import { isDateFormat, openXlsx, serialToDate, writtenDay, type XlsxSheet, type XlsxValue } from '../containers/xlsx.js';

/** The bounds returned sheets are read within (src/sheets/xls-process.ts): far above a 分工表. */
export const SHEET_LIMITS = { rows: XLS_LIMITS.rows, columns: XLS_LIMITS.columns, sheets: XLS_LIMITS.sheets, xlsBytes: XLS_LIMITS.bytes };

export class SheetReadError extends ReadError {
  constructor(message: string, code: ReadProblem = 'damaged') {
    super(message, code);
    this.name = 'SheetReadError';
  }
}

/** A date as the sheet shows it to a Chinese reader (and as the importer's date patterns read it). */
const chineseDate = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`);

/**
 * One sheet's cells (rows of text, '' where empty) as blocks: leading and trailing rows whose cells hold one
 * text between them are paragraphs; the rest, empty rows and columns dropped, is the table.
 */
export function sheetBlocks(cells: string[][], first: number): Block[] {
  const rows = cells.map((r) => r.map((c) => clean(c ?? '')));
  const filled = rows.filter((r) => r.some((c) => c !== ''));
  if (!filled.length) return [];
  const single = (r: string[]) => new Set(r.filter((c) => c !== '')).size === 1;
  let top = 0;
  let bottom = filled.length;
  // A title over a table of several columns: one text in a row (merged or not). A one-column list stays a table.
  const width = filled.reduce((w, r) => Math.max(w, r.filter((c) => c !== '').length), 0);
  if (width > 1) {
    while (top < bottom && single(filled[top]!)) top++;
    while (bottom > top && single(filled[bottom - 1]!)) bottom--;
  }
  const body = filled.slice(top, bottom);
  const used = Array.from({ length: Math.max(0, ...body.map((r) => r.length)) }, (_, c) => body.some((r) => (r[c] ?? '') !== ''));
  const blocks: Block[] = [];
  let no = first;
  const para = (r: string[]) => blocks.push({ kind: 'para', no: no++, text: r.find((c) => c !== '')! });
  filled.slice(0, top).forEach(para);
  if (body.length) blocks.push({ kind: 'table', no: no++, rows: body.map((r) => used.flatMap((u, c) => (u ? [r[c] ?? ''] : []))) });
  filled.slice(bottom).forEach(para);
  return blocks;
}

const documentOf = (sheets: string[][][]): SourceDoc => {
  const blocks: Block[] = [];
  for (const s of sheets) blocks.push(...sheetBlocks(s, blocks.length + 1));
  return { blocks, unit: 'paragraph' };
};

// ---------------------------------------------------------------------------------------------------------

/** A value as a reader of the 分工表 sees it: a date in Chinese, a number as written, a formula's error as nothing. */
function valueText(v: XlsxValue, date1904: boolean): string {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'number':
      return isDateFormat(v.format) ? chineseDate(serialToDate(v.number, date1904)) : String(v.number);
    case 'date': {
      const day = writtenDay(v.written);
      return day ? chineseDate(new Date(`${day}T00:00:00Z`)) : v.written;
    }
    case 'bool':
      return String(v.value);
    case 'error':
      return '';
  }
}

/**
 * A worksheet as rows of text, a merged range's text over every cell it covers — within the last row and column
 * holding text, so that a range drawn over the blank area below a table (A9:Z1048576) costs nothing.
 */
function xlsxCells(sheet: XlsxSheet, date1904: boolean): string[][] {
  const rows: string[][] = [];
  let lastRow = 0;
  let lastCol = 0;
  for (const { row, cells } of sheet.rows) {
    if (row > SHEET_LIMITS.rows) break;
    const out: string[] = [];
    for (const c of cells) {
      if (c.col >= SHEET_LIMITS.columns) break;
      if (c.covered) continue; // its range's first cell's text, below
      const text = shownText(valueText(c.value, date1904));
      out[c.col] = text;
      if (text === '') continue;
      lastRow = Math.max(lastRow, row);
      lastCol = Math.max(lastCol, c.col + 1);
    }
    rows[row - 1] = out;
  }
  // Ranges never overlap (the reader refuses a sheet where two do): the filling costs at most the used area once.
  for (const m of sheet.merges) {
    const text = rows[m.top - 1]?.[m.left] ?? '';
    if (text === '') continue;
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      rows[r - 1] ??= [];
      const out = rows[r - 1]!;
      for (let c = m.left; c <= Math.min(m.right, lastCol - 1); c++) out[c] = text;
    }
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? ''));
}

/** An .xlsx (or .xlsm/.et saved as OOXML): its visible worksheets; hidden ones hold lookups, not the plan. */
export async function xlsxDocument(bytes: Uint8Array): Promise<SourceDoc> {
  try {
    const wb = openXlsx(bytes);
    const visible = wb.sheets.flatMap((s, i) => (s.hidden ? [] : [i])).slice(0, SHEET_LIMITS.sheets);
    return documentOf(visible.map((i) => xlsxCells(wb.read(i), wb.date1904)));
  } catch (err) {
    // The reader says what is wrong with the file; anything else would be a bug of ours, not a description of it.
    if (err instanceof ReadError) throw err;
    throw new SheetReadError('the workbook could not be read');
  }
}

// ---------------------------------------------------------------------------------------------------------

/** The grids of an .xls from the process collect reads returned sheets in, under the same limits. */
async function xlsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const r = await parseXlsIsolated(bytes);
  if ('refused' in r) throw new SheetReadError(r.refused.why === 'timeout' ? `the .xls took longer than ${r.refused.limit} s to read` : `the .xls needs more than ${r.refused.limit} MB to read`, 'too-large');
  if ('error' in r) throw new SheetReadError(`the .xls reader stopped: ${r.error}`);
  if ('error' in r.answer) throw new SheetReadError(r.answer.error ? `damaged spreadsheet: ${r.answer.error}` : 'damaged spreadsheet');
  return r.answer.grids;
}

/** An Excel 97–2003 .xls. Its merged ranges are not in the worker's answer: a merged cell's others stay empty. */
export async function xlsDocument(bytes: Uint8Array): Promise<SourceDoc> {
  if (bytes.length > SHEET_LIMITS.xlsBytes) throw new SheetReadError(`an .xls larger than ${SHEET_LIMITS.xlsBytes / 1024 / 1024} MB`, 'too-large');
  const grids = await xlsGrids(bytes);
  return documentOf(grids.map((g) => {
    const rows: string[][] = [];
    for (const r of g.rows) rows[r.row - 1] = r.cells.map((c) => (c?.date ? chineseDate(new Date(`${c.date}T00:00:00Z`)) : (c?.text ?? '')));
    return Array.from(rows, (r) => r ?? []);
  }));
}

// ---------------------------------------------------------------------------------------------------------

/**
 * A CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK as Excel and WPS save it on Chinese Windows;
 * or in UTF-32 with its BOM, as a text editor saves one, decoded as any document is (no returned sheet comes so).
 */
export function csvDocument(bytes: Uint8Array): SourceDoc {
  let records: string[][];
  try {
    const text = isUtf32(bytes) ? decodeDocument(bytes).text : decodeSheetText(bytes);
    records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: SHEET_LIMITS.rows }) as string[][];
  } catch (err) {
    throw new SheetReadError(`damaged CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  return documentOf([records.map((r) => r.slice(0, SHEET_LIMITS.columns))]);
}
