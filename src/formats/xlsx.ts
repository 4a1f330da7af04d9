// A real Excel workbook (exceljs): a sheet per table with a bold, frozen header row, column widths
// fitted to Chinese text, dates as dates, percentages as numbers, formula-like text neutralised.
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { toUtcDate } from '../calendar/dates.js';
import type { Renderer } from './types.js';
import { cellText } from './cells.js';
import { neutralise } from './csv.js';
import { fitCell } from './xlsx-text.js';
import { NOT_APPLICABLE, percentFormat, shownPercent } from './percent.js';
import type { Doc } from '../reports/doc.js';
import type { Cell, Column } from '../reports/doc.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';

const MAX_WIDTH = 60;

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function excelValue(v: Cell, col: Column, lang: Lang): { value: ExcelJS.CellValue; numFmt?: string; note?: string } {
  if (v === null || v === undefined) return { value: col.kind === 'percent' ? NOT_APPLICABLE : null };
  switch (col.kind) {
    case 'date': {
      const s = String(v);
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { value: toUtcDate(s), numFmt: 'yyyy-mm-dd' } : { value: neutralise(s) };
    }
    case 'percent':
    case 'progress': {
      if (typeof v !== 'number') return { value: String(v) };
      const pct = shownPercent(v, col.kind === 'percent' ? 'fraction' : 'percent');
      return { value: pct / 100, numFmt: percentFormat(pct) };
    }
    case 'int':
      return typeof v === 'number' ? { value: v } : { value: neutralise(String(v)) };
    default: {
      const { text, note } = fitCell(neutralise(cellText(v, col.kind, lang)), lang);
      return note ? { value: text, note } : { value: text };
    }
  }
}

function addDoc(wb: ExcelJS.Workbook, doc: Doc, lang: Lang, taken: Set<string>): void {
  if (doc.title || doc.meta.length) {
    const info = wb.addWorksheet(sheetName(label(lang, 'info_sheet'), taken));
    if (doc.title) info.addRow([neutralise(doc.title)]).font = { bold: true, size: 14 };
    for (const [k, v] of doc.meta) info.addRow([neutralise(k), neutralise(v)]);
    for (const note of doc.notes ?? []) info.addRow([neutralise(note)]);
    info.getColumn(1).width = Math.min(MAX_WIDTH, Math.max(10, ...doc.meta.map(([k]) => stringWidth(k) + 2)));
    info.getColumn(2).width = Math.min(MAX_WIDTH, Math.max(10, ...doc.meta.map(([, v]) => stringWidth(v) + 2)));
  }
  doc.sections.filter((s) => s.table).forEach((s, i) => {
    const { columns, rows } = s.table!;
    const ws = wb.addWorksheet(sheetName(s.heading ?? (i === 0 ? label(lang, 'export') : `${i + 1}`), taken), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    const header = ws.addRow(columns.map((c) => neutralise(c.label)));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F5F7' } };
    const widths = columns.map((c) => stringWidth(c.label));
    for (const r of rows) {
      const row = ws.addRow([]);
      r.forEach((v, j) => {
        const col = columns[j]!;
        const { value, numFmt, note } = excelValue(v, col, lang);
        const cell = row.getCell(j + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        if (note) cell.note = note;
        if (col.wide) cell.alignment = { wrapText: true, vertical: 'top' };
        // Columns are at most MAX_WIDTH wide: measuring more of a long text would only cost time.
        widths[j] = Math.max(widths[j]!, col.kind === 'date' ? 10 : stringWidth(cellText(v, col.kind, lang).slice(0, MAX_WIDTH * 2)));
      });
    }
    columns.forEach((_, j) => { ws.getColumn(j + 1).width = Math.min(MAX_WIDTH, widths[j]! + 2); });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  });
}

const render: Renderer = async ({ docs }, { lang }) => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'campaign';
  // Fixed, so that the same report gives the same workbook.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const taken = new Set<string>();
  for (const doc of docs) addDoc(wb, doc, lang, taken);
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
export default render;
