// A returned fill-in sheet read back: its hidden match sheet (or the CSV's # lines), and each row of the
// table with every cell as written and where it is (填报!G7). Whatever a spreadsheet did to a value — a date
// typed as text, a number as a string, a formula — is kept as found; checking is check.ts's work.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { toIsoOrUndefined } from './values.js';
import { COLUMNS, META_SHEET, SHEET_NAME, columnLetter, readMeta, type SheetColumn, type SheetMeta } from './layout.js';

/** One cell as found: its text, a number when it held one, a date when it held one, and where it is. */
export interface FoundCell { text: string; number?: number; date?: string; /** Shown as a percentage (0.6 as 60%). */ percent?: boolean; ref: string }

export interface FoundRow { row: number; cells: Partial<Record<SheetColumn, FoundCell>> }

export interface ReturnedSheet {
  file: string;
  /** The fill-in sheet's name as found (填报), for cell references. */
  sheet: string;
  meta?: SheetMeta;
  rows: FoundRow[];
  /** Why it could not be read as a sheet at all. */
  unreadable?: string;
}

const LABELS = new Map<string, SheetColumn>(COLUMNS.flatMap((c) => [[c.label.zh, c.key], [c.label.en, c.key]] as [string, SheetColumn][]));

function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

function cellOf(cell: ExcelJS.Cell, ref: string): FoundCell {
  const v = cell.value;
  const value = v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v ? (v.result as ExcelJS.CellValue) : v;
  return {
    text: textOf(value).trim(),
    ...(typeof value === 'number' ? { number: value } : {}),
    ...(typeof value === 'number' && /%/.test(cell.numFmt ?? '') ? { percent: true } : {}),
    ...(value instanceof Date ? { date: value.toISOString().slice(0, 10) } : {}),
    ref,
  };
}

/** Rows below the header row, each cell by its column's key, until a row with nothing in it. */
function tableRows(grid: (string | FoundCell)[][], sheet: string): FoundRow[] | undefined {
  const headerAt = grid.findIndex((r) => r.filter((c) => LABELS.has(typeof c === 'string' ? c : c.text)).length >= 4);
  if (headerAt < 0) return undefined;
  const keys = grid[headerAt]!.map((c) => LABELS.get(typeof c === 'string' ? c : c.text));
  const rows: FoundRow[] = [];
  for (let i = headerAt + 1; i < grid.length; i++) {
    const line = grid[i]!;
    const cells: FoundRow['cells'] = {};
    line.forEach((c, j) => {
      const key = keys[j];
      if (!key) return;
      const cell = typeof c === 'string' ? { text: c.trim(), ref: `${sheet}!${columnLetter(j)}${i + 1}` } : c;
      cells[key] = cell;
    });
    if (!cells.id?.text && !cells.task?.text) {
      if (Object.values(cells).every((c) => !c?.text)) break;
    }
    rows.push({ row: i + 1, cells });
  }
  return rows;
}

export async function readXlsxSheet(file: string, bytes: Uint8Array): Promise<ReturnedSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    return { file, sheet: '', rows: [], unreadable: (err as Error).message.split('\n')[0] };
  }
  const metaSheet = wb.getWorksheet(META_SHEET);
  const metaRows: string[][] = [];
  metaSheet?.eachRow((row) => { metaRows.push((row.values as ExcelJS.CellValue[]).slice(1).map(textOf)); });
  const meta = readMeta(metaRows);
  const ws = wb.worksheets.find((w) => w.name === SHEET_NAME.zh || w.name === SHEET_NAME.en) ?? wb.worksheets.find((w) => w.name !== META_SHEET);
  if (!ws) return { file, sheet: '', rows: [], ...(meta ? { meta } : {}), unreadable: 'no worksheet' };
  const grid: FoundCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line: FoundCell[] = [];
    for (let c = 1; c <= Math.max(COLUMNS.length, ws.columnCount); c++) line.push(cellOf(row.getCell(c), `${ws.name}!${columnLetter(c - 1)}${r}`));
    grid.push(line);
  }
  const rows = tableRows(grid, ws.name);
  return { file, sheet: ws.name, rows: rows ?? [], ...(meta ? { meta } : {}), ...(rows ? {} : { unreadable: 'no table header' }) };
}

export function readCsvSheet(file: string, text: string): ReturnedSheet {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    return { file, sheet: '', rows: [], unreadable: (err as Error).message.split('\n')[0] };
  }
  const meta = readMeta(records.filter((r) => r[0]?.startsWith('#')).map(([k, ...v]) => [k!.slice(1), ...v]));
  // A CSV has no sheet names: its cells are referred to by column and line, as a spreadsheet would show them.
  const rows = tableRows(records, 'CSV');
  return { file, sheet: 'CSV', rows: (rows ?? []).map((r) => ({ ...r, cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { ...c, ...numberOrDate(c.text) }])) })), ...(meta ? { meta } : {}), ...(rows ? {} : { unreadable: 'no table header' }) };
}

/** What a CSV's text would have been in a spreadsheet: a number, or a date. */
function numberOrDate(text: string): { number?: number; date?: string } {
  const n = Number(text.replace(/%$/, ''));
  if (text !== '' && Number.isFinite(n) && /^-?\d+(?:\.\d+)?%?$/.test(text)) return { number: n };
  const d = toIsoOrUndefined(text);
  return d ? { date: d } : {};
}
