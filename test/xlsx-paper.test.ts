// The XLSX forms as they come out of a printer, read back with exceljs (CI has no office suite; `npm run
// check:print` converts them with LibreOffice where it is installed): no number or date too wide for its
// cell (a spreadsheet prints ### for it), no table's header repeated above another table, no heading or
// header left alone at the foot of a page — for every report kind, in both languages.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import render from '../src/formats/xlsx.js';
import { displayWidth } from '../src/formats/width.js';
import { type FlowRow, paginate } from '../src/formats/xlsx-pages.js';
import { agendaDoc, buildAgenda } from '../src/reports/agenda.js';
import { cli } from './helpers/in-process.js';
import { loadPlanFile } from './helpers/plan.js';

const SEED = new URL('../examples/tongzhong-2020.yaml', import.meta.url).pathname;
const CLEAN = new URL('./fixtures/clean-plans/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'campaign-xlsx-paper-'));

/**
 * Sixty tasks under six headings, a third of them with long titles, some with targets and problems, due
 * all through the month: every table of weekly, status and report runs over pages.
 */
function longPlan(): string {
  const units = ['police', 'edu', 'market', 'traffic', 'agri', 'villages'];
  const names = ['派出所', '教育站', '市场监管所', '交管站', '农业服务中心', '各村（社区）'];
  const task = (n: number, id: string): string => {
    const lead = units[n % 6]!;
    const due = `2020-06-${String(((n * 7) % 28) + 2).padStart(2, '0')}`;
    const title = `第${n}项隐患排查整改任务${n % 3 === 0 ? '，组织开展辖区内重点场所、重点企业安全隐患拉网式排查并建立台账' : ''}`;
    const target = n % 5 === 0 ? `\n        targets: [{metric: 排查场所, unit: 处, target: ${n * 10}, actual: ${n * 7}}]` : '';
    const update = n % 4 === 0 ? '' : `\n        updates:\n          - {date: 2020-06-10, status: ${n % 7 === 0 ? 'blocked' : 'in_progress'}, progress: ${(n * 13) % 90 + 5}, note: 已完成第一阶段排查工作, by: ${lead}${n % 7 === 0 ? ', problems: 资金未到位' : ''}}`
      + (n % 3 === 0 ? `\n          - {date: 2020-06-16, status: done, progress: 100, note: 全部完成, by: ${lead}}` : '');
    return `      - id: "${id}"\n        title: ${title}\n        lead: [${lead}]\n        support: [${units[(n + 1) % 6]}]\n        start: 2020-06-01\n        due: ${due}${target}${update}`;
  };
  const groups = Array.from({ length: 6 }, (_, g) => `  - id: "${g + 1}"\n    title: 第${g + 1}大项重点工作安排\n    tasks:\n${Array.from({ length: 10 }, (_, i) => task(g * 10 + i + 1, `${g + 1}.${i + 1}`)).join('\n')}`);
  return `version: 1\ntitle: 测试乡2020年“安全生产月”活动方案\norganizer: 测试乡\nyear: 2020\nperiod: {start: 2020-06-01, end: 2020-06-30}\n`
    + `units:\n${units.map((u, i) => `  - {id: ${u}, name: ${names[i]}}`).join('\n')}\ntasks:\n${groups.join('\n')}\n`;
}

interface Printed { name: string; ws: ExcelJS.Worksheet; breaks: number[]; titles?: number; fitToHeight: number }

/** The first sheet of a workbook, with its manual row breaks and print titles (which exceljs does not read back). */
async function printed(name: string, bytes: Uint8Array): Promise<Printed> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const names = await zip.file('xl/workbook.xml')!.async('string');
  const titles = /_xlnm.Print_Titles[^>]*>[^<]*!\$(\d+):\$\d+</.exec(names)?.[1];
  return {
    name,
    ws: wb.worksheets[0]!,
    breaks: [...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])),
    ...(titles ? { titles: Number(titles) } : {}),
    fitToHeight: Number(/<pageSetup [^>]*fitToHeight="(\d+)"/.exec(sheet)?.[1] ?? 1),
  };
}

async function viaCli(name: string, args: string[]): Promise<Printed> {
  const out = join(dir, `${name}.xlsx`);
  const r = await cli([...args, '-f', 'xlsx', '-o', out]);
  expect(r.stderr).not.toMatch(/internal|Error:/);
  return printed(name, readFileSync(out));
}

/** The agenda offers no XLSX of its own; its document goes through the same renderer. */
async function agenda(lang: 'zh' | 'en'): Promise<Printed> {
  const report = buildAgenda([{ file: SEED, plan: loadPlanFile(SEED) }], { asOf: '2020-06-05', days: 30, units: [], lang });
  const bytes = await render({ docs: [agendaDoc(report, lang)], data: report }, { lang, chalk: new Chalk({ level: 0 }), width: 80, bom: false });
  return printed(`agenda-${lang}`, bytes as Uint8Array);
}

let sheets: Printed[] = [];
beforeAll(async () => {
  const long = join(dir, 'long.yaml');
  writeFileSync(long, longPlan());
  const jinqiao = join(CLEAN, 'jinqiao-2024-fire-month.yaml');
  sheets = [];
  for (const lang of ['zh', 'en'] as const) {
    const l = ['--lang', lang];
    sheets.push(
      await viaCli(`weekly-${lang}`, ['weekly', SEED, '--as-of', '2020-06-17', ...l]),
      await viaCli(`status-${lang}`, ['status', jinqiao, '--as-of', '2024-12-05', ...l]),
      await viaCli(`report-${lang}`, ['report', SEED, '--as-of', '2020-06-30', ...l]),
      await viaCli(`rollup-${lang}`, ['rollup', CLEAN, '--as-of', '2024-06-30', '--no-cache', ...l]),
      await viaCli(`export-${lang}`, ['export', SEED, '--as-of', '2020-06-17', ...l]),
      await viaCli(`long-weekly-${lang}`, ['weekly', long, '--as-of', '2020-06-17', ...l]),
      await viaCli(`long-status-${lang}`, ['status', long, '--as-of', '2020-06-20', ...l]),
      await viaCli(`long-report-${lang}`, ['report', long, '--as-of', '2020-06-30', ...l]),
      await viaCli(`long-export-${lang}`, ['export', long, '--as-of', '2020-06-20', ...l]),
      await agenda(lang),
    );
  }
}, 120_000);

/** A number or date as the sheet shows it: the formats xlsx.ts gives them (yyyy-mm-dd, 0% or 0.0%, an integer). */
function shown(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'number') return undefined;
  if (cell.numFmt === '0%') return `${Math.round(v * 100)}%`;
  if (cell.numFmt === '0.0%') return `${(v * 100).toFixed(1)}%`;
  return String(v);
}

/** Width units of the sheet columns a cell covers: its own, or its merged span's. */
function spanWidth(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number {
  let width = ws.getColumn(cell.col).width ?? 9;
  for (let c = Number(cell.col) + 1; ws.getCell(Number(cell.row), c).master === cell; c++) width += ws.getColumn(c).width ?? 9;
  return width;
}

/**
 * The rule: a number or date cannot wrap, and a spreadsheet prints ### for one wider than its cell. In
 * Excel and WPS it is drawn in 11 pt 宋体, a half-width character (a digit, -, %, .) up to 8 px wide at
 * 96 dpi, and a sheet width unit is 7 px (the default font's digit). Debian's LibreOffice, which has no
 * 宋体, draws it in DejaVu Sans (a digit 9.4 px, % 14 px, - and . 5.3 px) in units of Carlito's 7.4 px
 * digit. 5 px of every column are its margins. So a cell showing a text w display columns wide needs
 * columns adding up to (8w + 5) / 7 units, and to (its DejaVu pixels + 5) / 7.4.
 */
function needs(text: string): number {
  const dejaVu = [...text].reduce((a, c) => a + (c === '%' ? 14 : /\d/.test(c) ? 9.4 : 5.3), 0);
  return Math.max((8 * displayWidth(text) + 5) / 7, (dejaVu + 5) / 7.4);
}

type Kind = 'heading' | 'header' | 'body' | 'other';

/** What a row is, by how it looks: a shaded header, a bordered table row, a bold 12 pt section heading. */
function kindOf(ws: ExcelJS.Worksheet, r: number): Kind {
  const cells: ExcelJS.Cell[] = [];
  ws.getRow(r).eachCell((c) => { cells.push(c); });
  if (cells.some((c) => c.fill?.type === 'pattern' && c.fill.fgColor?.argb === 'FFD9D9D9')) return 'header';
  if (cells.some((c) => c.border?.top?.style === 'thin')) return 'body';
  if (cells.some((c) => c.font?.size === 12 && c.font.bold)) return 'heading';
  return 'other';
}

/** The texts of a header row, to tell a copy of a table's header from another table's. */
const texts = (ws: ExcelJS.Worksheet, r: number): string => {
  const out: string[] = [];
  ws.getRow(r).eachCell((c) => { if (!c.isMerged || c.master === c) out.push(String(c.value)); });
  return out.join('|');
};

/**
 * The pages as a program prints the sheet fitted to one page wide: A4 (landscape 297 × 210 mm, portrait
 * 210 × 297) less the margins xlsx.ts sets (0.5 in each side, 0.6 in top, 0.7 in bottom); the sheet scaled
 * so that its columns (7 px a width unit, at 96 dpi) fill the width, never enlarged; rows as tall as their
 * heights say (15 pt where none is set). A page ends at a manual break, or — `overflow` — before a row that
 * would not fit on it.
 */
function pages(p: Printed): { rows: number[]; overflow: boolean }[] {
  const { ws } = p;
  const landscape = ws.pageSetup.orientation === 'landscape';
  const inches = landscape ? { w: 297 / 25.4 - 1, h: 210 / 25.4 - 1.3 } : { w: 210 / 25.4 - 1, h: 297 / 25.4 - 1.3 };
  let px = 0;
  for (let c = 1; c <= ws.columnCount; c++) px += Math.round((ws.getColumn(c).width ?? 9) * 7);
  const scale = Math.min(1, (inches.w * 96) / px);
  const room = inches.h * 72;
  const out: { rows: number[]; overflow: boolean }[] = [{ rows: [], overflow: false }];
  let used = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const h = (ws.getRow(r).height ?? 15) * scale;
    if (used + h > room && used > 0) {
      out.at(-1)!.overflow = true;
      out.push({ rows: [], overflow: false });
      used = 0;
    }
    out.at(-1)!.rows.push(r);
    used += h;
    if (p.breaks.includes(r) && r < ws.rowCount) {
      out.push({ rows: [], overflow: false });
      used = 0;
    }
  }
  return out;
}

describe('XLSX forms on paper', () => {
  it('makes every number and date cell at least as wide as its text: in 11 pt 宋体, and in LibreOffice\'s fallback', () => {
    const narrow: string[] = [];
    for (const { name, ws } of sheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return; // a merged range's value is its first cell's
        const text = shown(cell);
        if (text !== undefined && spanWidth(ws, cell) < needs(text)) narrow.push(`${name} ${cell.address} ${text}: ${spanWidth(ws, cell)} < ${needs(text).toFixed(2)}`);
      }));
    }
    expect(narrow).toEqual([]);
  });

  it('repeats a header by print titles only above its own table, and a long table\'s header at the top of each page it goes on to', () => {
    for (const p of sheets) {
      const { ws } = p;
      if (p.titles !== undefined) {
        // Printed on every page after its own: no other table may follow it.
        const others = Array.from({ length: ws.rowCount - p.titles }, (_, i) => p.titles! + 1 + i)
          .filter((r) => kindOf(ws, r) === 'header' && texts(ws, r) !== texts(ws, p.titles!));
        expect(others, `${p.name}: rows after the print titles (row ${p.titles}) head other tables`).toEqual([]);
      }
      // An export is one table, its header repeated by print titles; a form shrunk onto one page has no more.
      if (p.titles === 1 || p.fitToHeight === 1) continue;
      for (const page of pages(p).slice(1)) {
        expect(kindOf(ws, page.rows[0]!), `${p.name}: the page from row ${page.rows[0]} starts inside a table, without its header`).not.toBe('body');
      }
    }
    // The overdue tasks of the long plan run over pages, their header again on each.
    const status = sheets.find((s) => s.name === 'long-status-zh')!;
    const headers = pages(status).filter((page) => kindOf(status.ws, page.rows[0]!) === 'header').map((page) => texts(status.ws, page.rows[0]!));
    expect(headers.filter((h) => h.includes('逾期天数')).length).toBeGreaterThan(1);
  });

  it('breaks every page of a long form itself, before the program would, and never right after a heading or a table header', () => {
    for (const p of sheets) {
      if (p.fitToHeight === 1) continue; // shrunk onto one page
      const list = p.titles === 1; // an export: one table under print titles, paged by the program
      for (const page of pages(p)) {
        const last = page.rows.at(-1)!;
        if (!list) expect(page.overflow, `${p.name}: the page ending at row ${last} runs over before a break of ours`).toBe(false);
        expect(['heading', 'header'], `${p.name}: row ${last} ends a page`).not.toContain(kindOf(p.ws, last));
      }
    }
  });
});

describe('paging a form (xlsx-pages.ts)', () => {
  // Rows 10 pt tall; a page holds 100 pt, filled to 95.
  const row = (role: FlowRow['role'], header?: number): FlowRow => ({ height: 10, role, ...(header === undefined ? {} : { header }) });
  const table = (at: number, n: number): FlowRow[] => [row('header'), ...Array.from({ length: n }, () => row('body', at))];
  const starts = (placed: { row: number; pageStart: boolean }[]) => placed.filter((p) => p.pageStart).map((p) => p.row);

  it('starts a page that goes on with a table with a copy of its header', () => {
    const placed = paginate([row('other'), ...table(1, 20)], 100);
    // 9 rows fit (95 pt): the title, the header, seven rows; then the header again above the eighth.
    expect(placed.slice(9, 11)).toEqual([{ row: 1, pageStart: true }, { row: 9, pageStart: false }]);
  });

  it('moves a heading, its table\'s header and first row to the next page together, leaving the blank before them behind', () => {
    const rows = [...Array.from({ length: 6 }, () => row('other')), row('blank'), row('heading'), ...table(8, 3)];
    // At 70 pt, heading + header + first row (30 pt) would end at 100 > 95.
    expect(starts(paginate(rows, 100))).toEqual([7]);
    expect(paginate(rows, 100).map((p) => p.row)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('drops a blank row that would start a page, and keeps the signature line with the last row of a table', () => {
    const rows = [row('other'), ...table(1, 8), row('blank'), row('closing')];
    // 10 rows fit; the last table row, the blank and the signature (30 pt) would not: they go on together.
    const placed = paginate(rows, 100);
    expect(starts(placed)).toEqual([1]);
    expect(placed.slice(-4).map((p) => p.row)).toEqual([1, 9, 10, 11]);
    expect(paginate([...Array.from({ length: 9 }, () => row('other')), row('blank'), row('other')], 100).map((p) => p.row)).not.toContain(9);
  });
});
