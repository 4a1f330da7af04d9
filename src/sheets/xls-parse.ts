// An Excel 97–2003 workbook (.xls, BIFF8 in an OLE2 container) as grids, with SheetJS (@e965/xlsx, the
// community edition 0.20.3). Runs inside the worker of read-xls.ts only: fuzzing it found files that make it
// loop for ever or fill a gigabyte (a loop in the container's directory tree, a formula record that never
// ends), so it is never run in the program's own thread. Only the cells stored are visited, never the range a
// DIMENSIONS record declares (which a file can set to a billion rows).
import { read } from '@e965/xlsx';
import { columnLetter } from './layout.js';
import { dateCellOf } from './date-cell.js';
import type { FoundCell, Grid } from './read.js';
import { XLS_LIMITS } from './xls-process.js';

/** Excel's error values by the code BIFF8 stores them under. */
const ERRORS = new Map([[0x00, '#NULL!'], [0x07, '#DIV/0!'], [0x0f, '#VALUE!'], [0x17, '#REF!'], [0x1d, '#NAME?'], [0x24, '#NUM!'], [0x2a, '#N/A'], [0x2b, '#GETTING_DATA']]);

/** The workbook's sheets as grids, each cell's text, number or date, and whether it is shown as a percentage. */
export function parseXls(bytes: Uint8Array): Grid[] {
  const wb = read(bytes, {
    type: 'array', dense: true, cellDates: true, cellNF: true, cellText: false, cellFormula: false, cellHTML: false, sheetRows: XLS_LIMITS.rows,
  });
  return wb.SheetNames.slice(0, XLS_LIMITS.sheets).map((name) => {
    const data = (wb.Sheets[name] as { '!data'?: ({ t: string; v: unknown; z?: unknown } | undefined)[][] } | undefined)?.['!data'] ?? [];
    const rows: Grid['rows'] = [];
    for (let r = 0; r < Math.min(data.length, XLS_LIMITS.rows); r++) {
      const src = data[r];
      if (!src) continue;
      const cells: (FoundCell | undefined)[] = [];
      for (let c = 0; c < Math.min(src.length, XLS_LIMITS.columns); c++) {
        const cell = src[c];
        if (!cell || cell.v === undefined || cell.v === null) continue;
        const ref = `${name}!${columnLetter(c)}${r + 1}`;
        if (cell.t === 'd' && cell.v instanceof Date) {
          cells[c] = { ...dateCellOf(cell.v), ref };
        } else if (cell.t === 'n' && typeof cell.v === 'number') {
          cells[c] = { text: String(cell.v), number: cell.v, ...(typeof cell.z === 'string' && cell.z.includes('%') ? { percent: true } : {}), ref };
        } else if (cell.t === 's' || cell.t === 'b') {
          cells[c] = { text: String(cell.v).trim(), ref };
        } else if (cell.t === 'e') {
          // An error a formula gave (#N/A, #DIV/0!), as Excel shows it and as an .xlsx stores it: text the
          // check reads as what it is, not a blank cell.
          cells[c] = { text: ERRORS.get(cell.v as number) ?? '#VALUE!', ref };
        }
      }
      if (cells.length) rows.push({ row: r + 1, cells });
    }
    return { name, rows };
  });
}
