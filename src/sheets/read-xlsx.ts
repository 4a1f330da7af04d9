// An .xlsx workbook's sheets as grids (src/containers/xlsx.ts reads the file): the rows that hold something, each
// cell's text, and its number or date and whether it is shown as a percentage. Only the cells that are there are
// visited, and only the two sheets a returned sheet is read from. A file that cannot be read says why in a line
// of ours (a ReadError's), never in a library's words.
import { ReadError } from '../containers/read-error.js';
import { isDateFormat, openXlsx, serialToDate, writtenDay, XlsxLimitError, type XlsxSheet, type XlsxValue } from '../containers/xlsx.js';
import { columnLetter, META_SHEET, SHEET_NAME } from './layout.js';
import { dateCellOf } from './date-cell.js';
import { sheetFromWorkbook, type FoundCell, type Grid, type ReturnedSheet } from './read.js';
import { XLS_LIMITS } from './xls-process.js';

/** Day numbers before 1950 in a date cell were typed as numbers (6.4 for June 4th), not dates: the number back. */
const SMALL_DAY = Date.UTC(1950, 0, 1);
const DAY_ZERO = Date.UTC(1899, 11, 30);

function cellOf(v: XlsxValue, date1904: boolean, ref: string): FoundCell {
  switch (v.kind) {
    case 'text':
      return { text: v.text.trim(), ref };
    case 'bool':
      return { text: String(v.value), ref };
    case 'error':
      return { text: v.text, ref };
    case 'date': {
      // A date cell as written: its day, or — a date no calendar of a spreadsheet has — its text, which a finding quotes.
      const day = writtenDay(v.written);
      return day ? { text: day, date: day, ref } : { text: v.written, ref };
    }
    case 'number': {
      let n = v.number;
      if (isDateFormat(v.format)) {
        const d = serialToDate(n, date1904);
        if (!(d.getTime() < SMALL_DAY)) return { ...dateCellOf(d), ref };
        n = Math.round(((d.getTime() - DAY_ZERO) / 86_400_000) * 1e6) / 1e6;
      }
      return { text: String(n), number: n, ...(v.format.includes('%') ? { percent: true } : {}), ref };
    }
  }
}

/**
 * A worksheet as rows of cells. Cells past column IV are not read, as in an .xls (XLS_LIMITS.columns): no
 * returned sheet's table reaches them, and a row is an array as long as its last cell's column — 4,000 rows
 * with a cell in column XFD would be 65 million slots.
 */
function gridOf(sheet: XlsxSheet, date1904: boolean): Grid {
  return {
    name: sheet.name,
    rows: sheet.rows.map(({ row, cells }) => {
      const out: (FoundCell | undefined)[] = [];
      for (const c of cells) {
        if (c.col >= XLS_LIMITS.columns) break;
        // A merged range is its first cell; the others only repeat it.
        if (!c.covered) out[c.col] = cellOf(c.value, date1904, `${sheet.name}!${columnLetter(c.col)}${row}`);
      }
      return { row, cells: out };
    }),
  };
}

export async function readXlsxSheet(file: string, bytes: Uint8Array): Promise<ReturnedSheet> {
  try {
    // Sizes, ratios and names checked before anything is unpacked; only the parts read are.
    const wb = openXlsx(bytes);
    const names = wb.sheets.map((s) => s.name);
    // The hidden match sheet, and the fill-in sheet (by its name, else the first other): the others are never read.
    const meta = names.indexOf(META_SHEET);
    const named = names.findIndex((n) => n === SHEET_NAME.zh || n === SHEET_NAME.en);
    const fill = named >= 0 ? named : names.findIndex((n) => n !== META_SHEET);
    const read = [...new Set([meta, fill].filter((i) => i >= 0))].sort((a, b) => a - b);
    return sheetFromWorkbook(file, 'xlsx', { sheets: read.map((i) => gridOf(wb.read(i), wb.date1904)) });
  } catch (err) {
    if (err instanceof XlsxLimitError) return { file, kind: 'xlsx', sheet: '', header: [], rows: [], unreadable: err.limit, refused: { why: err.limit, limit: err.count } };
    // A ReadError says what is wrong with the file; anything else would be a bug of ours, not the file's description.
    return { file, kind: 'xlsx', sheet: '', header: [], rows: [], damaged: err instanceof ReadError ? err.message.split('\n')[0]! : '' };
  }
}
