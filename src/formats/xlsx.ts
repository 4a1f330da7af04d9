// A real Excel workbook (exceljs) that prints as a form: one worksheet per report — the title merged
// across the tables, the header block (填报单位, 填报人 … ) under it, each table with thin borders and a
// bold shaded header row, the 督办灯 as a coloured cell, a signature line at the end — in 宋体 (with its
// East Asian charset, so Excel, WPS and LibreOffice all use it), on A4 fitted to one page wide, header row
// repeated on every page, “第 &P 页 共 &N 页” at the foot. Rows are as tall as their wrapped text.
// Strings are written as strings: an xlsx string never runs as a formula, so no leading ' (CSV keeps it).
// An export (a bare task list for scripts) stays a plain sheet: frozen header and a filter.
import ExcelJS from 'exceljs';
import { toUtcDate } from '../calendar/dates.js';
import type { Renderer } from './types.js';
import { cellText } from './cells.js';
import { fitCell } from './xlsx-text.js';
import { NOT_APPLICABLE, percentFormat, shownPercent } from './percent.js';
import type { Cell, Column, Doc, Table } from '../reports/doc.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { LIGHT_ON_PAPER, linesIn, naturalWidths, shareRoom, wrapsOnPaper } from './paper.js';
import { displayWidth } from './width.js';

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** 宋体 with GB2312's charset (134): what makes spreadsheet programs treat it as the East Asian font. */
export const FONT_NAME = '宋体';
export const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, charset: 134, family: 3, size: 11, ...extra });

/** How far (in display columns) a table's column border moves to meet another table's. */
const SNAP = 3;
/** A Chinese character in 11 pt 宋体 is a little wider than two of the sheet's width units. */
const CJK_FACTOR = 1.1;

/** Lines a text takes in a cell `width` units wide. */
export const cellLines = (text: string, width: number): number => linesIn(text, Math.floor((width - 1) / CJK_FACTOR));

/** The printable part of an A4 page within the margins below: width in pixels (96 dpi), height in points. */
const PRINTABLE = { landscape: { width: 1026, height: 500 }, portrait: { width: 698, height: 746 } } as const;

/** How much over one page a form may run and still be shrunk onto one. */
const ONE_PAGE_SLACK = 1.25;

/** Display columns of room across the printed page, before fit-to-width scales the sheet. */
const ROOM = { landscape: 150, portrait: 100 } as const;
/** Points per line of 11 pt 宋体, and the padding of a row. */
export const LINE_HEIGHT = 14.5;
export const ROW_PADDING = 3;

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

function excelValue(v: Cell, col: Column, lang: Lang): { value: ExcelJS.CellValue; numFmt?: string; note?: string } {
  if (v === null || v === undefined) return { value: col.kind === 'percent' ? NOT_APPLICABLE : null };
  switch (col.kind) {
    case 'date': {
      const s = String(v);
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? { value: toUtcDate(s), numFmt: 'yyyy-mm-dd' } : { value: s };
    }
    case 'percent':
    case 'progress': {
      if (typeof v !== 'number') return { value: String(v) };
      const pct = shownPercent(v, col.kind === 'percent' ? 'fraction' : 'percent');
      return { value: pct / 100, numFmt: percentFormat(pct) };
    }
    case 'int':
      return typeof v === 'number' ? { value: v } : { value: String(v) };
    default: {
      const { text, note } = fitCell(cellText(v, col.kind, lang), lang);
      return note ? { value: text, note } : { value: text };
    }
  }
}

/**
 * One grid for tables of different columns on one sheet: every table is stretched to the widest one's
 * width (its wrapping columns taking the extra), and the sheet's columns are cut wherever any table has a
 * column border. A table's column then spans one or more sheet columns (merged), so each table keeps its
 * own proportions — a count column is not as wide as the task column above it.
 */
export function layout(tables: readonly Table[], room: number, lang: Lang): { grid: number[]; spans: [number, number][][] } {
  const wanted = tables.map((t) => shareRoom(t.columns, naturalWidths(t, lang), room).map((w) => Math.round(w) + 2));
  const total = Math.max(0, ...wanted.map((ws) => ws.reduce((a, b) => a + b, 0)));
  const edges = wanted.map((ws, i) => {
    const cols = tables[i]!.columns;
    const stretch = [...ws];
    const extra = total - ws.reduce((a, b) => a + b, 0);
    const takers = cols.map((c, j) => (wrapsOnPaper(c) ? j : -1)).filter((j) => j >= 0);
    const who = takers.length ? takers : cols.map((_, j) => j);
    const weight = who.reduce((a, j) => a + ws[j]!, 0) || 1;
    let given = 0;
    who.forEach((j, k) => {
      const add = k === who.length - 1 ? extra - given : Math.floor((extra * ws[j]!) / weight);
      stretch[j]! += add;
      given += add;
    });
    const out = [0];
    for (const w of stretch) out.push(out.at(-1)! + w);
    return out;
  });
  // Borders within a few columns of the busiest table's are moved onto them: fewer, wider sheet columns.
  const main = edges.reduce((a, b) => (b.length > a.length ? b : a), [0]);
  for (const e of edges) {
    if (e === main) continue;
    for (let j = 1; j < e.length - 1; j++) {
      // Only where neither column it borders loses more than a quarter of its width (nor drops below four).
      const keeps = (w: number, was: number) => w >= Math.max(4, Math.ceil(was * 0.75));
      const near = main.find((m) => Math.abs(m - e[j]!) <= SNAP && keeps(m - e[j - 1]!, e[j]! - e[j - 1]!) && keeps(e[j + 1]! - m, e[j + 1]! - e[j]!));
      if (near !== undefined) e[j] = near;
    }
  }
  const cuts = [...new Set(edges.flat())].sort((a, b) => a - b);
  const grid = cuts.slice(1).map((c, i) => c - cuts[i]!);
  const spans = edges.map((e) => e.slice(1).map((end, j): [number, number] => [cuts.indexOf(e[j]!) + 1, cuts.indexOf(end)]));
  return { grid, spans };
}

/** Writes one report as a printable form. */
class FormSheet {
  private row = 0;
  /** The header row of the longest table: repeated on every printed page. */
  private tables: { header: number; last: number; rows: number }[] = [];

  constructor(private readonly ws: ExcelJS.Worksheet, private readonly widths: number[], private readonly lang: Lang) {
    widths.forEach((w, j) => { ws.getColumn(j + 1).width = w; });
  }

  private get span(): number {
    return Math.max(this.widths.length, 2);
  }

  /** A line across the whole sheet. */
  line(text: string, style: { size?: number; bold?: boolean; align?: 'center' | 'left'; height?: number; color?: string } = {}): void {
    const r = ++this.row;
    this.ws.mergeCells(r, 1, r, this.span);
    const cell = this.ws.getCell(r, 1);
    cell.value = text;
    cell.font = font({ size: style.size ?? 11, bold: !!style.bold, ...(style.color ? { color: { argb: style.color } } : {}) });
    cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
    const room = this.widths.reduce((a, b) => a + b, 0);
    this.ws.getRow(r).height = style.height ?? cellLines(text, room) * ((style.size ?? 11) * 1.35) + ROW_PADDING;
  }

  blank(): void {
    this.row++;
  }

  /**
   * Label–value pairs laid out left to right, as many to a row as fit, each over as many columns as it
   * needs (填报单位：铜钟乡　　填报人：　　联系电话： …).
   */
  pairs(items: string[]): void {
    let r = ++this.row;
    let col = 1;
    for (const text of items) {
      const need = displayWidth(text) + 4;
      let run = this.columnsFrom(col, need);
      // What is left of this row is too narrow: the next row.
      if (col > this.span || (col > 1 && run.width < need)) {
        r = ++this.row;
        col = 1;
        run = this.columnsFrom(col, need);
      }
      if (run.end > col) this.ws.mergeCells(r, col, r, run.end);
      const cell = this.ws.getCell(r, col);
      cell.value = text;
      cell.font = font();
      cell.alignment = { vertical: 'middle' };
      col = run.end + 1;
    }
  }

  /** The columns from `col` on that together are `need` wide, or all that are left. */
  private columnsFrom(col: number, need: number): { end: number; width: number } {
    let end = col;
    let width = this.widths[col - 1] ?? 0;
    while (width < need && end < this.span) width += this.widths[end++] ?? 0;
    return { end, width };
  }

  /** Width of sheet columns `from`..`to` (1-based, inclusive). */
  private widthOf([from, to]: [number, number]): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  }

  /** A cell over sheet columns `span`, merged when it is more than one, with borders all round. */
  private cell(r: number, span: [number, number]): ExcelJS.Cell {
    if (span[1] > span[0]) this.ws.mergeCells(r, span[0], r, span[1]);
    for (let c = span[0]; c <= span[1]; c++) this.ws.getCell(r, c).border = THIN;
    return this.ws.getCell(r, span[0]);
  }

  table(t: Table, spans: [number, number][]): void {
    const cols = t.columns;
    const headerAt = ++this.row;
    cols.forEach((c, j) => {
      const cell = this.cell(headerAt, spans[j]!);
      cell.value = c.label;
      cell.font = font({ bold: true });
      cell.fill = HEADER_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    this.ws.getRow(headerAt).height = Math.max(...cols.map((c, j) => cellLines(c.label, this.widthOf(spans[j]!)))) * LINE_HEIGHT + ROW_PADDING;
    this.tables.push({ header: headerAt, last: headerAt + Math.max(1, t.rows.length), rows: t.rows.length });
    if (t.rows.length === 0) {
      const cell = this.cell(++this.row, [spans[0]![0], spans.at(-1)![1]]);
      cell.value = label(this.lang, 'noneRows');
      cell.font = font();
      cell.alignment = { horizontal: 'center' };
      return;
    }
    for (const values of t.rows) {
      const r = ++this.row;
      let lines = 1;
      values.forEach((v, j) => {
        const col = cols[j]!;
        const { value, numFmt, note } = excelValue(v, col, this.lang);
        const cell = this.cell(r, spans[j]!);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        if (note) cell.note = note;
        cell.font = font();
        const numeric = typeof value === 'number';
        const centred = numeric || col.kind === 'light' || col.kind === 'percent' || col.kind === 'progress' || col.kind === 'int';
        cell.alignment = { vertical: 'top', wrapText: !numeric, horizontal: centred ? 'center' : 'left' };
        const light = col.kind === 'light' && typeof v === 'string' ? LIGHT_ON_PAPER.get(v) : undefined;
        if (light) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${light}` } };
        if (!numeric && col.kind !== 'date') lines = Math.max(lines, cellLines(typeof value === 'string' ? value : cellText(v, col.kind, this.lang), this.widthOf(spans[j]!)));
      });
      this.ws.getRow(r).height = lines * LINE_HEIGHT + ROW_PADDING;
    }
  }

  /**
   * The row to repeat at the top of every printed page: the header of the first table that runs on over a
   * page break (estimated from the row heights and the scale fit-to-width will use); none when no table
   * does. One range per sheet is all a spreadsheet allows.
   */
  printTitles(orientation: 'portrait' | 'landscape'): string | undefined {
    if (this.tables.length === 0) return undefined;
    const tops = this.tops(orientation);
    const pageOf = (row: number) => Math.floor(tops[row]! / PRINTABLE[orientation].height);
    // Only a table that runs on over a page break needs its header again; on a page of other tables it misleads.
    const crossing = this.tables.find((t) => t.rows > 0 && pageOf(t.header) !== pageOf(t.last + 1));
    return crossing ? `${crossing.header}:${crossing.header}` : undefined;
  }

  /** How many pages the sheet takes once fitted to the page's width (an estimate from the row heights). */
  pages(orientation: 'portrait' | 'landscape'): number {
    return this.tops(orientation)[this.row + 1]! / PRINTABLE[orientation].height;
  }

  /** Points down the printed page to the top of each row (by row number, one past the last), at the scale fit-to-width gives. */
  private tops(orientation: 'portrait' | 'landscape'): number[] {
    const px = this.widths.reduce((a, w) => a + Math.trunc(w * 7 + 5), 0);
    const scale = Math.min(1, PRINTABLE[orientation].width / px);
    const tops = [0, 0];
    for (let r = 1; r <= this.row; r++) tops.push(tops[r]! + (this.ws.findRow(r)?.height ?? 15) * scale);
    return tops;
  }
}

/** A4 in the given orientation, fitted to one page wide, margins, and the page number at the foot. */
export function pageSetup(orientation: 'portrait' | 'landscape', lang: Lang, ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as it takes
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: lang === 'zh' ? '&C第 &P 页 共 &N 页' : '&CPage &P of &N' };
}

/** A bare list (export): one table from the first row, frozen header and a filter, for people who sort and filter. */
function addList(wb: ExcelJS.Workbook, doc: Doc, table: Table, lang: Lang, taken: Set<string>): void {
  const { grid, spans } = layout([table], ROOM[doc.orientation ?? 'portrait'], lang);
  const ws = wb.addWorksheet(sheetName(label(lang, 'export'), taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  pageSetup(doc.orientation ?? 'portrait', lang, ws);
  const form = new FormSheet(ws, grid, lang);
  form.table(table, spans[0]!);
  ws.pageSetup.printTitlesRow = '1:1';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

function addForm(wb: ExcelJS.Workbook, doc: Doc, lang: Lang, taken: Set<string>): void {
  const tables = doc.sections.flatMap((s) => (s.table ? [s.table] : []));
  const orientation = doc.orientation ?? 'portrait';
  const { grid, spans } = layout(tables, ROOM[orientation], lang);
  // Named after the plan (the title before its " — 周报 …", without a bracket at its end), so a workbook of
  // many plans tells them apart.
  const name = (doc.title ?? '').split(' — ')[0]!.replace(/\s*[（(][^（()）]*[）)]$/, '') || label(lang, 'info_sheet');
  const ws = wb.addWorksheet(sheetName(name, taken));
  pageSetup(doc.orientation ?? 'portrait', lang, ws);
  const form = new FormSheet(ws, grid, lang);
  let t = 0;
  const sep = lang === 'zh' ? '：' : ': ';
  if (doc.title) form.line(doc.title, { size: 16, bold: true, align: 'center' });
  if (doc.meta.length) form.pairs(doc.meta.map(([k, v]) => `${k}${sep}${v}`));
  for (const note of doc.notes ?? []) form.line(note, { color: 'FFC00000' });
  for (const s of doc.sections) {
    if (!s.table) continue; // charts and timelines are drawn in HTML
    form.blank();
    if (s.heading) form.line(s.heading, { size: 12, bold: true });
    form.table(s.table, spans[t++]!);
  }
  if (doc.signature?.length) {
    form.blank();
    // Room to sign by hand: full-width spaces after each label.
    form.line(doc.signature.map((l) => `${l}${sep}${'\u3000'.repeat(8)}`).join('\u3000'), { height: 30 });
  }
  const titles = form.printTitles(orientation);
  if (titles) ws.pageSetup.printTitlesRow = titles;
  // A form that runs a little over one page (its signature line alone on the next) is shrunk onto one.
  if (form.pages(orientation) <= ONE_PAGE_SLACK) ws.pageSetup.fitToHeight = 1;
}

function addDoc(wb: ExcelJS.Workbook, doc: Doc, lang: Lang, taken: Set<string>): void {
  const tables = doc.sections.flatMap((s) => (s.table ? [s.table] : []));
  if (!doc.title && doc.meta.length === 0 && tables.length === 1 && !doc.signature) addList(wb, doc, tables[0]!, lang, taken);
  else addForm(wb, doc, lang, taken);
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

