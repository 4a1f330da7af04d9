// A real Excel workbook (exceljs) that prints as a form: one worksheet per report — the title merged
// across the tables, the header block (填报单位, 填报人 … ) under it, each table with thin borders and a
// bold shaded header row, the 督办灯 as a coloured cell, a signature line at the end — in 宋体 (with its
// East Asian charset, so Excel, WPS and LibreOffice all use it), on A4 fitted to one page wide, a long form
// paged by manual breaks (a table's header again at the top of each page it goes on to, no heading left
// at a page's foot), “第 &P 页 共 &N 页” at the foot. Rows are as tall as their wrapped text; numbers and
// dates, which cannot wrap, get the width they need.
// Strings are written as strings: an xlsx string never runs as a formula, so no leading ' (CSV keeps it).
// An export (a bare task list for scripts) stays a plain sheet: frozen header and a filter.
import type ExcelJS from 'exceljs';
import { toUtcDate } from '../calendar/dates.js';
import type { Renderer } from './types.js';
import { loadExcelJS, mergeCells, workbookBytes } from './exceljs.js';
import { cellText, numeric } from './cells.js';
import { fitCell } from './xlsx-text.js';
import { NOT_APPLICABLE, percentFormat, shownPercent } from './percent.js';
import type { Cell, Column, Doc, Table } from './doc.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { LIGHT_ON_PAPER, linesIn, naturalWidths, shareRoom, wrapsOnPaper } from './paper.js';
import { displayWidth } from './width.js';
import { type FlowRow, pageRoom, paginate, type RowRole } from './xlsx-pages.js';

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
 * How a number is drawn, at 96 dpi: the pixels of a sheet's width unit, and of each character. Excel and
 * WPS draw it in 宋体, a half-width character up to 8 px, in units of the default font's 7 px digit.
 * LibreOffice where 宋体 is missing (Debian's, with the Carlito its package brings for Calibri) draws it
 * in DejaVu Sans — a digit 9.4 px, % 14 px — in units of Carlito's 7.4 px digit.
 */
const DRAWN: readonly { unit: number; px: (text: string) => number }[] = [
  { unit: 7, px: (text) => displayWidth(text) * 8 },
  { unit: 7.4, px: (text) => [...text].reduce((a, c) => a + (c === '%' ? 14 : /\d/.test(c) ? 9.4 : 5.3), 0) },
];

/** Width units a number or date needs to show whole — it cannot wrap, and narrower it prints ###; 5 px of a column are its margins. */
export const numberWidth = (text: string): number => Math.ceil(Math.max(...DRAWN.map(({ unit, px }) => (px(text) + 5) / unit)));

/** The width each column's numbers and dates need (0 where it has none). */
function numberWidths(table: Table, lang: Lang): number[] {
  return table.columns.map((col, j) => {
    if (col.kind !== 'date' && !numeric(col.kind)) return 0;
    return Math.max(0, ...table.rows.map((row) => {
      const { value } = excelValue(row[j], col, lang);
      return typeof value === 'number' || value instanceof Date ? numberWidth(cellText(row[j], col.kind, lang)) : 0;
    }));
  });
}

/**
 * A table's column borders (`edges`) moved onto the main table's where one is within SNAP: fewer, wider
 * sheet columns. Not where a column it borders would lose more than a quarter of its width (as the table
 * laid it out, so that losses do not add up), drop below four, or below what its numbers need (`floor`).
 */
function snap(edges: readonly number[], main: readonly number[], floor: readonly number[]): number[] {
  const out = [...edges];
  const keeps = (w: number, j: number) => w >= Math.max(4, Math.ceil((edges[j + 1]! - edges[j]!) * 0.75), floor[j]!);
  for (let j = 1; j < edges.length - 1; j++) {
    const near = main.find((m) => Math.abs(m - edges[j]!) <= SNAP && keeps(m - out[j - 1]!, j - 1) && keeps(edges[j + 1]! - m, j));
    if (near !== undefined) out[j] = near;
  }
  return out;
}

/**
 * One grid for tables of different columns on one sheet: every table is stretched to the widest one's
 * width (its wrapping columns taking the extra), and the sheet's columns are cut wherever any table has a
 * column border. A table's column then spans one or more sheet columns (merged), so each table keeps its
 * own proportions — a count column is not as wide as the task column above it. A column of numbers or
 * dates is never narrower than they need.
 */
export function layout(tables: readonly Table[], room: number, lang: Lang): { grid: number[]; spans: [number, number][][] } {
  const floors = tables.map((t) => numberWidths(t, lang));
  const wanted = tables.map((t, i) => shareRoom(t.columns, naturalWidths(t, lang), room).map((w, j) => Math.max(Math.round(w) + 2, floors[i]![j]!)));
  const total = Math.max(0, ...wanted.map((ws) => ws.reduce((a, b) => a + b, 0)));
  const stretched = wanted.map((ws, i) => {
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
  const main = stretched.reduce((a, b) => (b.length > a.length ? b : a), [0]);
  const edges = stretched.map((e, i) => (e === main ? e : snap(e, main, floors[i]!)));
  const cuts = [...new Set(edges.flat())].sort((a, b) => a - b);
  const grid = cuts.slice(1).map((c, i) => c - cuts[i]!);
  const spans = edges.map((e) => e.slice(1).map((end, j): [number, number] => [cuts.indexOf(e[j]!) + 1, cuts.indexOf(end)]));
  return { grid, spans };
}

/** A row of a form before it is placed on a page: its height and role, and how to write it as sheet row `r`. */
interface FormRow extends FlowRow { write(r: number): void }

/** A line of text: a row of the header block, a table's single-line row, a blank between sections. */
const ONE_LINE = LINE_HEIGHT + ROW_PADDING;
const BLANK_HEIGHT = 15;

/**
 * Writes one report as a printable form: its rows are gathered first, so that a long form can be paged
 * (xlsx-pages.ts) before any is written. Every row gets a height of its own: a row left to the program
 * is as tall as its font there, which the estimate of the pages cannot know.
 */
class FormSheet {
  private readonly rows: FormRow[] = [];

  constructor(private readonly ws: ExcelJS.Worksheet, private readonly widths: number[], private readonly lang: Lang) {
    widths.forEach((w, j) => { ws.getColumn(j + 1).width = w; });
  }

  private get span(): number {
    return Math.max(this.widths.length, 2);
  }

  /** Points the rows take, unscaled. */
  get height(): number {
    return this.rows.reduce((a, r) => a + r.height, 0);
  }

  /** A line across the whole sheet. */
  line(text: string, style: { size?: number; bold?: boolean; align?: 'center' | 'left'; height?: number; color?: string } = {}, role: RowRole = 'other'): void {
    const size = style.size ?? 11;
    const height = style.height ?? cellLines(text, this.widths.reduce((a, b) => a + b, 0)) * (size * 1.35) + ROW_PADDING;
    this.rows.push({ height, role, write: (r) => {
      mergeCells(this.ws, r, 1, r, this.span);
      const cell = this.ws.getCell(r, 1);
      cell.value = text;
      cell.font = font({ size, bold: !!style.bold, ...(style.color ? { color: { argb: style.color } } : {}) });
      cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
      this.ws.getRow(r).height = height;
    } });
  }

  /** A section's heading: kept on a page with its table. */
  heading(text: string): void {
    this.line(text, { size: 12, bold: true }, 'heading');
  }

  blank(): void {
    this.rows.push({ height: BLANK_HEIGHT, role: 'blank', write: (r) => { this.ws.getRow(r).height = BLANK_HEIGHT; } });
  }

  /**
   * Label–value pairs laid out left to right, as many to a row as fit, each over as many columns as it
   * needs (填报单位：铜钟乡　　填报人：　　联系电话： …).
   */
  pairs(items: string[]): void {
    const lines: { col: number; end: number; text: string }[][] = [[]];
    let col = 1;
    for (const text of items) {
      const need = displayWidth(text) + 4;
      let run = this.columnsFrom(col, need);
      // What is left of this row is too narrow: the next row.
      if (col > this.span || (col > 1 && run.width < need)) {
        lines.push([]);
        col = 1;
        run = this.columnsFrom(col, need);
      }
      lines.at(-1)!.push({ col, end: run.end, text });
      col = run.end + 1;
    }
    for (const line of lines) {
      this.rows.push({ height: ONE_LINE, role: 'other', write: (r) => {
        for (const { col: from, end, text } of line) {
          if (end > from) mergeCells(this.ws, r, from, r, end);
          const cell = this.ws.getCell(r, from);
          cell.value = text;
          cell.font = font();
          cell.alignment = { vertical: 'middle' };
        }
        this.ws.getRow(r).height = ONE_LINE;
      } });
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
    if (span[1] > span[0]) mergeCells(this.ws, r, span[0], r, span[1]);
    for (let c = span[0]; c <= span[1]; c++) this.ws.getCell(r, c).border = THIN;
    return this.ws.getCell(r, span[0]);
  }

  table(t: Table, spans: [number, number][]): void {
    const cols = t.columns;
    const header = this.rows.length;
    const headerHeight = Math.max(...cols.map((c, j) => cellLines(c.label, this.widthOf(spans[j]!)))) * LINE_HEIGHT + ROW_PADDING;
    // Written again at the top of each page the table goes on to.
    this.rows.push({ height: headerHeight, role: 'header', write: (r) => {
      cols.forEach((c, j) => {
        const cell = this.cell(r, spans[j]!);
        cell.value = c.label;
        cell.font = font({ bold: true });
        cell.fill = HEADER_FILL;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      });
      this.ws.getRow(r).height = headerHeight;
    } });
    if (t.rows.length === 0) {
      this.rows.push({ height: ONE_LINE, role: 'body', header, write: (r) => {
        const cell = this.cell(r, [spans[0]![0], spans.at(-1)![1]]);
        cell.value = label(this.lang, 'noneRows');
        cell.font = font();
        cell.alignment = { horizontal: 'center' };
        this.ws.getRow(r).height = ONE_LINE;
      } });
      return;
    }
    for (const values of t.rows) {
      const cells = values.map((v, j) => ({ v, col: cols[j]!, span: spans[j]!, ...excelValue(v, cols[j]!, this.lang) }));
      const lines = Math.max(1, ...cells.map(({ v, col, span, value }) => (typeof value === 'number' || col.kind === 'date' ? 1
        : cellLines(typeof value === 'string' ? value : cellText(v, col.kind, this.lang), this.widthOf(span)))));
      const height = lines * LINE_HEIGHT + ROW_PADDING;
      this.rows.push({ height, role: 'body', header, write: (r) => {
        for (const { v, col, span, value, numFmt, note } of cells) {
          const cell = this.cell(r, span);
          cell.value = value;
          if (numFmt) cell.numFmt = numFmt;
          if (note) cell.note = note;
          cell.font = font();
          const isNumber = typeof value === 'number';
          const centred = isNumber || col.kind === 'light' || col.kind === 'percent' || col.kind === 'progress' || col.kind === 'int';
          cell.alignment = { vertical: 'top', wrapText: !isNumber, horizontal: centred ? 'center' : 'left' };
          const light = col.kind === 'light' && typeof v === 'string' ? LIGHT_ON_PAPER.get(v) : undefined;
          if (light) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${light}` } };
        }
        this.ws.getRow(r).height = height;
      } });
    }
  }

  /**
   * Writes the rows: as they come, or — given the points a printed page holds — paged, with a manual
   * break before each page and a table's header again at the top of a page it goes on to.
   */
  print(room?: number): void {
    const order = room === undefined ? this.rows.map((_, row) => ({ row, pageStart: false })) : paginate(this.rows, room);
    order.forEach(({ row, pageStart }, i) => {
      if (pageStart) this.ws.getRow(i).addPageBreak(); // after sheet row i, the one before this
      this.rows[row]!.write(i + 1);
    });
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

/**
 * A sheet of several plans' workbook is named after its plan: its title, else its file's name (sheetName
 * makes it a name Excel takes, and unique).
 */
const planSheet = (plan: NonNullable<Doc['plan']>): string => plan.title || plan.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

/** A bare list (export): one table from the first row, frozen header and a filter, for people who sort and filter. */
function addList(wb: ExcelJS.Workbook, doc: Doc, table: Table, lang: Lang, taken: Set<string>): void {
  const { grid, spans } = layout([table], ROOM[doc.orientation ?? 'portrait'], lang);
  const name = doc.plan ? planSheet(doc.plan) : label(lang, 'export');
  const ws = wb.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  pageSetup(doc.orientation ?? 'portrait', lang, ws);
  const form = new FormSheet(ws, grid, lang);
  form.table(table, spans[0]!);
  form.print();
  // One table from the first row: its header can stand at the top of every page.
  ws.pageSetup.printTitlesRow = '1:1';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

function addForm(wb: ExcelJS.Workbook, doc: Doc, lang: Lang, taken: Set<string>): void {
  const tables = doc.sections.flatMap((s) => (s.table ? [s.table] : []));
  const orientation = doc.orientation ?? 'portrait';
  const { grid, spans } = layout(tables, ROOM[orientation], lang);
  // Named after the plan (the title before its " — 周报 …", without a bracket at its end), so a workbook of
  // many plans tells them apart.
  const name = (doc.plan && planSheet(doc.plan)) || (doc.title ?? '').split(' — ')[0]!.replace(/\s*[（(][^（()）]*[）)]$/, '') || label(lang, 'info_sheet');
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
    if (s.heading) form.heading(s.heading);
    form.table(s.table, spans[t++]!);
  }
  if (doc.signature?.length) {
    form.blank();
    // Room to sign by hand: full-width spaces after each label.
    form.line(doc.signature.map((l) => `${l}${sep}${'\u3000'.repeat(8)}`).join('\u3000'), { height: 30 }, 'closing');
  }
  // A form that runs a little over one page (its signature line alone on the next) is shrunk onto one;
  // a longer one is paged here, not by print titles, which would repeat one table's header above the next.
  const room = pageRoom(grid, orientation);
  const onePage = form.height <= room * ONE_PAGE_SLACK;
  form.print(onePage ? undefined : room);
  if (onePage) ws.pageSetup.fitToHeight = 1;
}

function addDoc(wb: ExcelJS.Workbook, doc: Doc, lang: Lang, taken: Set<string>): void {
  const tables = doc.sections.flatMap((s) => (s.table ? [s.table] : []));
  // In a workbook of several plans, a list's plan is its sheet's name, not a header line above the list.
  const meta = doc.plan ? doc.meta.filter(([k, v]) => !(k === label(lang, 'file') && v === doc.plan!.file)) : doc.meta;
  if (!doc.title && meta.length === 0 && tables.length === 1 && !doc.signature) addList(wb, doc, tables[0]!, lang, taken);
  else addForm(wb, doc, lang, taken);
}

const render: Renderer = async ({ docs }, { lang }) => {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'campaign';
  // Fixed, so that the same report gives the same workbook.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const taken = new Set<string>();
  for (const doc of docs) addDoc(wb, doc, lang, taken);
  return workbookBytes(wb);
};
export default render;

