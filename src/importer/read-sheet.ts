// A 任务分工表 sent as a spreadsheet: each visible worksheet's used range as one table, a merged cell's text
// repeated over every cell it covers (as htmlDocument does with a .docx's rowspan), and the lines above and
// below the table that hold one text across the row — the title "桃源乡安全生产月任务分工表" merged over the
// table, a 注： line — as paragraphs before and after it. .xlsx through exceljs after the archive passed the
// ZIP limits (src/containers/zip.ts) and only within the bounds of src/sheets/xlsx-bounds.ts; .xls through SheetJS in a process of its own, as src/sheets/read-xls.ts reads
// returned sheets (a hostile .xls costs a stopped process); .csv through csv-parse, in whatever encoding
// Excel or WPS saved it.
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { decodeSheetText, type Grid } from '../sheets/read.js';
import { clean, type Block, type SourceDoc } from './document.js';
import { ReadError, type ReadProblem } from '../containers/read-error.js';
import { parseXlsIsolated, XLS_LIMITS } from '../sheets/xls-process.js';
import { loadXlsx } from '../sheets/xlsx-bounds.js';

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

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return chineseDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** A worksheet as rows of text, merged ranges filled from their first cell. */
function xlsxCells(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > SHEET_LIMITS.rows) return;
    const out: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > SHEET_LIMITS.columns) return;
      out[c - 1] = cellText(cell.isMerged ? cell.master.value : cell.value);
    });
    rows[r - 1] = out;
  });
  // exceljs visits a merged range's other cells only where the file stores them: fill every range here.
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const [c1, r1, c2, r2] = [col(m[1]!), Number(m[2]) - 1, col(m[3]!), Number(m[4]) - 1];
    if (r2 >= SHEET_LIMITS.rows || c2 >= SHEET_LIMITS.columns) continue;
    const text = rows[r1]?.[c1] ?? '';
    for (let r = r1; r <= r2; r++) {
      rows[r] ??= [];
      for (let c = c1; c <= c2; c++) rows[r]![c] = text;
    }
  }
  return Array.from(rows, (r) => Array.from(r ?? [], (c) => c ?? ''));
}

/** An .xlsx (or .xlsm/.et saved as OOXML): its visible worksheets; hidden ones hold lookups, not the plan. */
export async function xlsxDocument(bytes: Uint8Array): Promise<SourceDoc> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadXlsx(bytes);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new SheetReadError(`damaged spreadsheet: ${(err as Error).message.split('\n')[0]}`);
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').slice(0, SHEET_LIMITS.sheets);
  return documentOf(sheets.map(xlsxCells));
}

// ---------------------------------------------------------------------------------------------------------

/** The grids of an .xls from the process collect reads returned sheets in, under the same limits. */
async function xlsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const r = await parseXlsIsolated(bytes);
  if ('refused' in r) throw new SheetReadError(r.refused.why === 'timeout' ? `the .xls took longer than ${r.refused.limit} s to read` : `the .xls needs more than ${r.refused.limit} MB to read`, 'too-large');
  if ('error' in r) throw new SheetReadError(`the .xls reader stopped: ${r.error}`);
  if ('error' in r.answer) throw new SheetReadError(`damaged spreadsheet: ${r.answer.error}`);
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

/** A CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK as Excel and WPS save it on Chinese Windows. */
export function csvDocument(bytes: Uint8Array): SourceDoc {
  let records: string[][];
  try {
    records = parseCsv(decodeSheetText(bytes).replace(/^\uFEFF/, ''), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: SHEET_LIMITS.rows }) as string[][];
  } catch (err) {
    throw new SheetReadError(`damaged CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  return documentOf([records.map((r) => r.slice(0, SHEET_LIMITS.columns))]);
}
