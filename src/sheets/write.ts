// A unit's fill-in sheet as a file: an Excel workbook (read-only columns shaded and protected, drop-down
// statuses, progress and dates checked by the spreadsheet itself, one A4 landscape page, a hidden sheet
// that matches it back) or a CSV for those without a spreadsheet (the same columns, the match lines first).
import { xmlSafeDeep } from '../text/xml-safe.js';
import type ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { toUtcDate } from '../calendar/dates.js';
import { loadExcelJS, workbookBytes } from '../formats/exceljs.js';
import { cellLines, font, HEADER_FILL, LINE_HEIGHT, pageSetup, ROW_PADDING, THIN } from '../formats/xlsx.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { STATUSES } from '../model/types.js';
import type { UnitSheet } from './build.js';
import { META_SHEET, SHEET_NAME, columnLetter, columnsOf, metaRows, type SheetColumn } from './layout.js';

const READ_ONLY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** The first row of the table (its header), after the title and the header block. */
export const TABLE_ROW = 5;

/** Statuses as the unit picks them: in the sheet's language. */
export const statusChoices = (lang: Lang): string[] => STATUSES.map((s) => label(lang, s));

/** A read-only column's value for a row; the columns the unit fills in start empty. */
function cellValue(row: UnitSheet['rows'][number], key: SheetColumn, lang: Lang): ExcelJS.CellValue {
  switch (key) {
    case 'id': return row.id;
    case 'task': return row.task;
    case 'role': return label(lang, row.role === 'lead' ? 'roleLead' : 'roleSupport');
    case 'due': return row.due ? toUtcDate(row.due) : null;
    case 'status': return row.status;
    case 'progress': return row.progress / 100;
    case 'lastNote': return row.lastNote;
    default: return null;
  }
}

export async function sheetWorkbook(given: UnitSheet): Promise<Uint8Array> {
  // Its text made safe for XML first: exceljs drops a vertical tab and writes U+FFFE raw, which makes the
  // workbook one Excel repairs and collect refuses.
  const sheet = xmlSafeDeep(given);
  const lang = sheet.meta.lang;
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'campaign';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SHEET_NAME[lang]);
  pageSetup('landscape', lang, ws);
  const columns = columnsOf(sheet.metrics);
  columns.forEach((c, j) => { ws.getColumn(j + 1).width = c.width; });
  const last = columnLetter(columns.length - 1);
  const sep = lang === 'zh' ? '：' : ': ';

  ws.mergeCells(`A1:${last}1`);
  Object.assign(ws.getCell('A1'), { value: sheet.title, font: font({ size: 14, bold: true }), alignment: { horizontal: 'center', vertical: 'middle' } });
  ws.getRow(1).height = 24;
  // The header block: 填报单位, 周次 and 报送期限 on one line, the plan on the next.
  const [unit, plan, week, back] = sheet.header.map(([k, v]) => `${k}${sep}${v}`);
  const spans: [string, string | undefined][] = [['A2:D2', unit], ['E2:J2', week], [`K2:${last}2`, back], [`A3:${last}3`, plan]];
  for (const [range, text] of spans) {
    ws.mergeCells(range);
    const cell = ws.getCell(range.split(':')[0]!);
    cell.value = text ?? '';
    cell.font = font({ bold: range.startsWith('A2') || range.startsWith('K2') });
  }

  const header = ws.getRow(TABLE_ROW);
  columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = c.label[lang];
    cell.font = font({ bold: true });
    cell.fill = c.fill ? { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } : HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 30;

  const choices = `"${statusChoices(lang).join(',')}"`;
  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(TABLE_ROW + 1 + i);
    let lines = 1;
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = cellValue(r, c.key, lang);
      cell.font = font();
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (c.key === 'due' || c.key === 'date') cell.numFmt = 'yyyy-mm-dd';
      if (c.key === 'progress') cell.numFmt = '0%';
      // A 完成值 cell of a metric the task has no target of: nothing to fill in.
      const open = c.fill && (!c.key.startsWith('actual:') || r.metrics.includes(c.key.slice(7)));
      if (!open) {
        cell.fill = READ_ONLY_FILL;
        if (typeof cell.value === 'string') lines = Math.max(lines, cellLines(cell.value, c.width));
        return;
      }
      cell.protection = { locked: false };
      if (c.key === 'newStatus') {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [choices], showErrorMessage: true, errorTitle: c.label[lang], error: statusChoices(lang).join(lang === 'zh' ? '、' : ', ') };
      } else if (c.key === 'newProgress') {
        cell.dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: c.label[lang], error: '0 – 100' };
      } else if (c.key.startsWith('actual:')) {
        cell.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: c.label[lang], error: '≥ 0' };
      } else if (c.key === 'date') {
        cell.dataValidation = {
          type: 'date', operator: 'between', allowBlank: true, formulae: [toUtcDate(sheet.meta.from), toUtcDate(sheet.meta.to)],
          showErrorMessage: true, errorTitle: c.label[lang], error: `${sheet.meta.from} ~ ${sheet.meta.to}`,
        };
      }
    });
    // Room for three lines of writing, or the task's own lines.
    row.height = Math.max(lines, 3) * LINE_HEIGHT + ROW_PADDING;
  });
  const note = ws.getRow(TABLE_ROW + sheet.rows.length + 2);
  ws.mergeCells(note.number, 1, note.number, columns.length);
  note.getCell(1).value = label(lang, 'sheetHelp');
  note.getCell(1).font = font({ size: 10, color: { argb: 'FF595959' } });
  note.getCell(1).alignment = { wrapText: true };
  note.height = 30;
  ws.pageSetup.printTitlesRow = `${TABLE_ROW}:${TABLE_ROW}`;
  ws.views = [{ state: 'frozen', ySplit: TABLE_ROW, xSplit: 2 }];
  // Read-only columns are locked: a unit can fill in its columns, not change the plan's words.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const r of metaRows(sheet.meta)) meta.addRow(r);
  return workbookBytes(wb);
}

/** The CSV sheet: the match lines (#format, #planTitle …) first, then the table. UTF-8 with a BOM for Excel. */
export function sheetCsv(sheet: UnitSheet): string {
  const lang = sheet.meta.lang;
  const columns = columnsOf(sheet.metrics);
  const rows: unknown[][] = [
    ...metaRows(sheet.meta).map(([k, ...v]) => [`#${k}`, ...v]),
    columns.map((c) => c.label[lang]),
    ...sheet.rows.map((r) => columns.map((c) => {
      const v = cellValue(r, c.key, lang);
      if (v instanceof Date) return r.due;
      return c.key === 'progress' ? `${r.progress}%` : (v ?? '');
    })),
  ];
  return `\uFEFF${stringify(rows, { quoted_match: /[\r\n]/, record_delimiter: '\r\n' })}`;
}
