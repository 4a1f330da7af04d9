// An .xlsx workbook's sheets as grids (exceljs): the rows that hold something, each cell's text, and its
// number or date and whether it is shown as a percentage. Only the cells that are there, within the bounds of
// xlsx-bounds.ts, are visited.
import type ExcelJS from 'exceljs';
import { columnLetter } from './layout.js';
import { dateCellOf } from './date-cell.js';
import { sheetFromWorkbook, type FoundCell, type Grid, type ReturnedSheet } from './read.js';
import { loadXlsx } from './xlsx-bounds.js';

function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

/** Day numbers before 1950 in a date cell were typed as numbers (6.4 for June 4th), not dates: the number back. */
const SMALL_DAY = Date.UTC(1950, 0, 1);
const DAY_ZERO = Date.UTC(1899, 11, 30);

function cellOf(cell: ExcelJS.Cell, ref: string): FoundCell {
  const v = cell.value;
  let value = v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v ? (v.result as ExcelJS.CellValue) : v;
  if (value instanceof Date && value.getTime() < SMALL_DAY) value = Math.round(((value.getTime() - DAY_ZERO) / 86_400_000) * 1e6) / 1e6;
  if (value instanceof Date) return { ...dateCellOf(value), ref };
  return {
    text: textOf(value).trim(),
    ...(typeof value === 'number' ? { number: value } : {}),
    ...(typeof value === 'number' && /%/.test(cell.numFmt ?? '') ? { percent: true } : {}),
    ref,
  };
}

function gridOf(ws: ExcelJS.Worksheet): Grid {
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (FoundCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged range is its first cell; the others only repeat it.
      if (cell.isMerged && cell.master !== cell) return;
      cells[c - 1] = cellOf(cell, `${ws.name}!${columnLetter(c - 1)}${r}`);
    });
    rows.push({ row: r, cells });
  });
  return { name: ws.name, rows };
}

export async function readXlsxSheet(file: string, bytes: Uint8Array): Promise<ReturnedSheet> {
  let wb: ExcelJS.Workbook;
  try {
    // Sizes and ratios checked before exceljs unpacks anything (a 1.6 MB sheet that inflates to 1.6 GB is
    // refused as unreadable, not read into 3 GB of memory), and only the cells within bounds given to it.
    wb = await loadXlsx(bytes);
  } catch (err) {
    return { file, kind: 'xlsx', sheet: '', header: [], rows: [], unreadable: (err as Error).message.split('\n')[0] };
  }
  return sheetFromWorkbook(file, 'xlsx', { sheets: wb.worksheets.map(gridOf) });
}
