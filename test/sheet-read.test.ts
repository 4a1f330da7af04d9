// A returned sheet read back, piece by piece: its layout (columns by either language's label, the hidden match
// sheet, column letters, file names, fingerprints), a date cell no calendar has, the table found in a grid (its
// header lines, its rows, the rows below it), a CSV, and the cells of an .xlsx and an .xls as found.
import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlanFile, HISTORY } from './helpers/plan.js';
import { dateCellOf } from '../src/sheets/date-cell.js';
import {
  actualColumn, columnLetter, columnOfLabel, columnsOf, COLUMNS, metaRows, planFingerprint, readMeta, READABLE_FORMATS, SHEET_FORMAT, sheetFileNames, taskFingerprint, type SheetMeta,
} from '../src/sheets/layout.js';
import { readCsvSheet, sheetFromWorkbook, type FoundCell, type Grid } from '../src/sheets/read.js';
import { readXlsxSheet } from '../src/sheets/read-xlsx.js';
import { readXlsSheet } from '../src/sheets/read-xls.js';
import { parseXls } from '../src/sheets/xls-parse.js';
import { XLS_LIMITS, XLS_READER } from '../src/sheets/xls-process.js';

const day = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('a date cell', () => {
  it.each<[string, Date, { text: string; date?: string }]>([
    ['a day', day(2020, 6, 19), { text: '2020-06-19', date: '2020-06-19' }],
    ['a day and a time', day(2020, 6, 19, 23), { text: '2020-06-19', date: '2020-06-19' }],
    ['the first day a cell can hold', day(1900, 1, 1), { text: '1900-01-01', date: '1900-01-01' }],
    ['the last', day(9999, 12, 31), { text: '9999-12-31', date: '9999-12-31' }],
    ['a day before the first: its day number', day(1899, 12, 31), { text: '1' }],
    ['a day after the last: its day number', day(10000, 1, 1), { text: '2958466' }],
    ['half a day after day zero, rounded', day(1899, 12, 30, 12), { text: '1' }],
    ['no date at all (a day number of 1e20)', new Date(Number.NaN), { text: '#NUM!' }],
  ])('%s', (_, d, cell) => expect(dateCellOf(d)).toEqual(cell));
});

describe('the sheet\'s layout', () => {
  it('names its columns A, Z, AA, AZ, BA, ZZ, AAA … XFD', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('knows a column by its label in either language, and a 完成值 column by its metric as written', () => {
    expect(COLUMNS.map((c) => [columnOfLabel(c.label.zh), columnOfLabel(` ${c.label.en} `)])).toEqual(COLUMNS.map((c) => [c.key, c.key]));
    expect(['完成值：宣讲场次（场）', '完成值: 人数 ', 'Actual: 宣讲场次 (场)', 'Actual:x'].map(columnOfLabel)).toEqual(['actual:宣讲场次（场）', 'actual:人数', 'actual:宣讲场次 (场)', 'actual:x']);
    expect(['完成值：', '完成值', 'Actual', '本周进展情况', 'x完成值：人数', ''].map(columnOfLabel)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('puts a 完成值 column per metric after the fixed ones, with its unit in each language', () => {
    expect(actualColumn('宣讲场次', '场')).toEqual({ key: 'actual:宣讲场次', fill: true, label: { zh: '完成值：宣讲场次（场）', en: 'Actual: 宣讲场次 (场)' }, width: 10 });
    expect(actualColumn('人数', undefined).label).toEqual({ zh: '完成值：人数', en: 'Actual: 人数' });
    expect(columnsOf([{ metric: 'a' }, { metric: 'b', unit: '个' }]).map((c) => c.key)).toEqual([...COLUMNS.map((c) => c.key), 'actual:a', 'actual:b']);
    expect(COLUMNS.filter((c) => c.fill).map((c) => c.key)).toEqual(['note', 'newStatus', 'newProgress', 'problems', 'next', 'date', 'person']);
  });

  it('names a sheet\'s file by its week and unit, with what a file name cannot hold replaced', () => {
    expect(sheetFileNames('2020-W25', [{ id: 'p', name: '派出所' }, { id: 'q', name: 'a\\b/c:d*e?f"g<h>i|j\nk\u007fl m' }], 'csv'))
      .toEqual(['2020-W25-派出所.csv', '2020-W25-a_b_c_d_e_f_g_h_i_j_k_l m.csv']);
  });

  it('gives a unit whose file name another has (case aside) its id, then a number', () => {
    expect(sheetFileNames('2020-W25', [{ id: 'p', name: '派出所' }, { id: 'Q', name: '派出所' }, { id: 'q', name: '派出所' }, { id: 'r', name: 'ab' }, { id: 's', name: 'AB' }], 'xlsx'))
      .toEqual(['2020-W25-派出所.xlsx', '2020-W25-派出所-Q.xlsx', '2020-W25-派出所-q-2.xlsx', '2020-W25-ab.xlsx', '2020-W25-AB-s.xlsx']);
  });

  describe('fingerprints', () => {
    const plan = loadPlanFile(HISTORY);
    const task = plan.allTasks.find((t) => t.id === '2.1')!;
    it('of a task: version 2 by its id, title, units and due date; version 1 by its id and title', () => {
      const v2 = taskFingerprint(task);
      expect(v2).toMatch(/^t[0-9a-f]{16}$/);
      expect(taskFingerprint(task, 'campaign-sheet/1')).toMatch(/^[0-9a-f]{16}$/);
      expect(taskFingerprint(task, SHEET_FORMAT)).toBe(v2);
      for (const change of [{ id: '2.9' }, { title: 'x' }, { lead: ['edu'] }, { support: ['edu'] }, { due: '2020-06-19' }]) {
        expect(taskFingerprint({ ...task, ...change }), JSON.stringify(change)).not.toBe(v2);
      }
      expect(taskFingerprint({ ...task, lead: ['edu'], due: undefined }, 'campaign-sheet/1')).toBe(taskFingerprint(task, 'campaign-sheet/1'));
      expect(taskFingerprint({ ...task, title: 'x' }, 'campaign-sheet/1')).not.toBe(taskFingerprint(task, 'campaign-sheet/1'));
      expect(taskFingerprint({ ...task, due: undefined })).toBe(taskFingerprint({ ...task, due: null as unknown as undefined }));
      expect(READABLE_FORMATS).toEqual(['campaign-sheet/1', 'campaign-sheet/2']);
    });

    it('of the plan: its leaf tasks only', () => {
      const fp = planFingerprint(plan.allTasks);
      expect(fp).toMatch(/^[0-9a-f]{16}$/);
      const parent = plan.allTasks.find((t) => t.id === '1')!;
      expect(planFingerprint(plan.allTasks.map((t) => (t === parent ? { ...t, title: '另一个' } : t)))).toBe(fp);
      expect(planFingerprint(plan.allTasks.map((t) => (t === task ? { ...t, support: ['edu'] } : t)))).not.toBe(fp);
      expect(planFingerprint(plan.allTasks.map((t) => (t === task ? { ...t, due: '2020-06-19' } : t)))).not.toBe(fp);
    });
  });

  describe('the hidden match sheet', () => {
    const meta: SheetMeta = {
      format: 'campaign-sheet/2', planTitle: '方案', planFingerprint: 'abc', unit: 'police', unitName: '派出所', week: '2020-W25',
      from: '2020-06-15', to: '2020-06-21', lang: 'en', tasks: [{ id: '1.1', fingerprint: 't1' }, { id: '2.1', fingerprint: 't2' }],
    };
    it('is written as key and value rows, a row per task, and read back', () => {
      expect(metaRows(meta)).toEqual([
        ['format', 'campaign-sheet/2'], ['planTitle', '方案'], ['planFingerprint', 'abc'], ['unit', 'police'], ['unitName', '派出所'],
        ['week', '2020-W25'], ['from', '2020-06-15'], ['to', '2020-06-21'], ['lang', 'en'], ['task', '1.1', 't1'], ['task', '2.1', 't2'],
      ]);
      expect(readMeta(metaRows(meta))).toEqual(meta);
    });

    it('read as a spreadsheet may have left it: spaces around, days rewritten, fields missing', () => {
      const rows = [[' format ', ' campaign-sheet/1 '], ['from', '2020/6/15'], ['to', '2020年6月21日'], ['lang', 'fr'], ['task', ' 1.1 '], ['task'], ['other', 'x']];
      expect(readMeta(rows)).toEqual({
        format: 'campaign-sheet/1', planTitle: '', planFingerprint: '', unit: '', unitName: '', week: '', from: '2020-06-15', to: '2020-06-21', lang: 'zh',
        tasks: [{ id: '1.1', fingerprint: '' }, { id: '', fingerprint: '' }],
      });
      // A blank row, a key with no value, a task row with spaces around its key and fingerprint.
      expect(readMeta([[], ['format', 'campaign-sheet/2'], ['unit'], ['from', '2020-06-15'], ['to', '2020-06-21'], [' task ', '2.1', ' t2 ']])).toEqual({
        format: 'campaign-sheet/2', planTitle: '', planFingerprint: '', unit: '', unitName: '', week: '', from: '2020-06-15', to: '2020-06-21', lang: 'zh',
        tasks: [{ id: '2.1', fingerprint: 't2' }],
      });
    });

    it.each([
      ['no format', [['from', '2020-06-15'], ['to', '2020-06-21']]],
      ['another kind of file', [['format', 'other/1'], ['from', '2020-06-15'], ['to', '2020-06-21']]],
      ['no first day', [['format', 'campaign-sheet/2'], ['to', '2020-06-21']]],
      ['a last day that is none', [['format', 'campaign-sheet/2'], ['from', '2020-06-15'], ['to', '2020-06-31']]],
    ])('is none with %s', (_, rows) => expect(readMeta(rows)).toBeUndefined());
  });
});

describe('the table in a grid', () => {
  const cell = (ref: string, text: string, more: Partial<FoundCell> = {}): FoundCell => ({ text, ref, ...more });
  const line = (row: number, ...texts: string[]) => ({ row, cells: texts.map((t, i) => (t === '' ? undefined : cell(`S!${columnLetter(i)}${row}`, t))) });
  const HEAD = ['编号', '任务', '本周进展', '状态', '', '填报日期'];
  const grid = (rows: Grid['rows'], name = '填报'): Grid => ({ name, rows });

  it('its header lines above it, its rows keyed by column, and where each row stands', () => {
    const g = grid([
      line(1, '方案 — 进展情况填报表'), line(2, '填报单位：派出所', '', '周次：第3周'), line(3, ''), line(5, ...HEAD),
      line(6, '1.1', '宣讲', '宣讲2场', '', '旁注'), line(7, '2.1', '排查'), line(8, ''), line(9, '2.4', '检查', '补填'),
      line(11, '说明：灰色各列为方案内容'), line(12, '1.2', '', '又一行'),
    ]);
    const sheet = sheetFromWorkbook('f.xlsx', 'xlsx', { sheets: [g] });
    expect([sheet.sheet, sheet.header, sheet.unreadable, sheet.meta]).toEqual(['填报', ['方案 — 进展情况填报表', '填报单位：派出所 周次：第3周'], undefined, undefined]);
    expect(sheet.rows.map((r) => [r.row, r.below, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c!.text]))])).toEqual([
      [6, false, { id: '1.1', task: '宣讲', note: '宣讲2场' }],
      [7, false, { id: '2.1', task: '排查' }],
      [9, true, { id: '2.4', task: '检查', note: '补填' }],
      [12, true, { id: '1.2', note: '又一行' }],
    ]);
    expect(sheet.rows[0]!.cells.note).toEqual(cell('S!C6', '宣讲2场'));
  });

  it('a gap in the row numbers ends the table as it was made, unless it comes before the first row', () => {
    const rows = (g: Grid) => sheetFromWorkbook('f', 'xlsx', { sheets: [g] }).rows.map((r) => [r.row, r.below]);
    expect(rows(grid([line(5, ...HEAD), line(7, '1.1'), line(8, '1.2'), line(10, '1.3')]))).toEqual([[7, false], [8, false], [10, true]]);
    expect(rows(grid([line(5, ...HEAD), line(6, ''), line(7, '1.1')]))).toEqual([[7, false]]);
    expect(rows(grid([line(5, ...HEAD), line(6, 'Grey columns are the plan\'s'), line(7, '1.1')]))).toEqual([[7, true]]);
  });

  it('the header is the first row naming four columns; none, and every line is a header line', () => {
    const three = grid([line(1, '编号', '任务', '状态'), line(2, '1.1', 'x', 'y')]);
    expect(sheetFromWorkbook('f', 'csv', { sheets: [three] })).toEqual({ file: 'f', kind: 'csv', sheet: '填报', header: ['编号 任务 状态', '1.1 x y'], rows: [], unreadable: 'no table header' });
    const four = grid([line(1, 'Id', 'Task', 'Status', 'Date'), line(2, '1.1', 'x', 'y', 'z')]);
    expect(sheetFromWorkbook('f', 'csv', { sheets: [four] }).rows).toHaveLength(1);
  });

  it('the fill-in sheet by its name in either language, else the first that is not the match sheet; the match sheet read', () => {
    const meta = grid(metaRows({ format: 'campaign-sheet/2', planTitle: 'p', planFingerprint: '', unit: 'u', unitName: 'U', week: 'w', from: '2020-06-15', to: '2020-06-21', lang: 'zh', tasks: [] })
      .map((r, i) => line(i + 1, ...r)), '_campaign');
    const other = grid([line(1, 'x')], 'Sheet9');
    const fill = grid([line(5, ...HEAD), line(6, '1.1')], 'Fill in');
    const read = (...sheets: Grid[]) => sheetFromWorkbook('f', 'xlsx', { sheets });
    expect(read(meta, other, fill).sheet).toBe('Fill in');
    expect(read(meta, other, { ...other, name: '填报' }).sheet).toBe('填报');
    expect([read(meta, other).sheet, read(meta, other).meta?.unit]).toEqual(['Sheet9', 'u']);
    expect(read(meta)).toEqual({ file: 'f', kind: 'xlsx', sheet: '', header: [], rows: [], meta: read(meta, other).meta, unreadable: 'no worksheet' });
    expect(read()).toEqual({ file: 'f', kind: 'xlsx', sheet: '', header: [], rows: [], unreadable: 'no worksheet' });
  });
});

describe('a CSV sheet', () => {
  it('its # match lines, its header lines and table, each cell by column and line', () => {
    const text = '\uFEFF#format,campaign-sheet/2\n#from,2020-06-15\n#to,2020-06-21\n#unit,police\n填报单位：派出所\n编号,任务,本周进展,状态\n 1.1 , 宣讲 ,"两场,\n四家",\n';
    const sheet = readCsvSheet('s.csv', text);
    expect([sheet.kind, sheet.sheet, sheet.meta?.unit, sheet.meta?.from, sheet.header]).toEqual(['csv', 'CSV', 'police', '2020-06-15', ['填报单位：派出所']]);
    expect(sheet.rows).toEqual([{ row: 7, below: false, cells: { id: { text: '1.1', ref: 'CSV!A7' }, task: { text: '宣讲', ref: 'CSV!B7' }, note: { text: '两场,\n四家', ref: 'CSV!C7' }, newStatus: { text: '', ref: 'CSV!D7' } } }]);
    // A line starting with # and a word is a match line; "#" alone or "# 1" is text.
    expect(readCsvSheet('s.csv', '#,x\n# 1,y\n编号,任务,本周进展,状态\n').header).toEqual(['# x', '# 1 y']);
  });

  it('one a CSV reader cannot read, a quote never closed: damaged at the line the quote opens on, not "not a sheet"', () => {
    const sheet = readCsvSheet('s.csv', '编号,任务\n"1.1,宣讲');
    expect([sheet.rows, sheet.header, sheet.unreadable, sheet.csvDamage]).toEqual([[], [], undefined, { why: 'quote', line: 2 }]);
  });

  it('the line of a quote never closed, in a file of lone CRs or CRLFs, and past a quote that is text (after a space)', () => {
    const line = (text: string) => readCsvSheet('s.csv', text).csvDamage;
    expect(line('编号,任务\r1.1,x\r2,"open\rmore\r')).toEqual({ why: 'quote', line: 3 });
    expect(line('编号,任务\r\n1.1,x\r\n2,"open\r\nmore\r\n')).toEqual({ why: 'quote', line: 3 });
    // csv-parse reads ` "a` as text with a quote in it: the quote never closed is the one on line 3.
    expect(line('编号,任务\n1.1, "a\n2,"open\n')).toEqual({ why: 'quote', line: 3 });
  });
});

describe('an .xlsx\'s cells as found', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('填报');
    ws.addRow(['编号', '任务', '本周进展', '状态', '进度%', '填报日期']);
    fill(ws);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const cells = async (bytes: Uint8Array) => (await readXlsxSheet('x.xlsx', bytes)).rows.map((r) => r.cells);

  it('text as shown, numbers, percentages and dates with their kind, each with its reference', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['1.1', { richText: [{ text: '宣讲' }, { text: '进企业' }] }, '  两场 ', true, 0.6, day(2020, 6, 19)]);
      ws.getCell('E2').numFmt = '0%';
      ws.addRow(['1.2', { text: '链接', hyperlink: 'http://example.invalid' }, { formula: 'A1', result: '公式' }, { error: '#N/A' }, 60, { formula: 'TODAY()', result: day(2020, 6, 18) }]);
      ws.addRow(['1.3', { formula: 'B1', result: 7 }, { formula: 'B2' }, null, '', 6.19]);
      ws.getCell('F4').numFmt = 'yyyy-mm-dd';
    });
    expect(await cells(bytes)).toEqual([
      // C4, a formula with no value kept, is no cell: read as one left empty.
      { id: { text: '1.1', ref: '填报!A2' }, task: { text: '宣讲进企业', ref: '填报!B2' }, note: { text: '两场', ref: '填报!C2' }, newStatus: { text: 'true', ref: '填报!D2' }, newProgress: { text: '0.6', number: 0.6, percent: true, ref: '填报!E2' }, date: { text: '2020-06-19', date: '2020-06-19', ref: '填报!F2' } },
      { id: { text: '1.2', ref: '填报!A3' }, task: { text: '链接', ref: '填报!B3' }, note: { text: '公式', ref: '填报!C3' }, newStatus: { text: '#N/A', ref: '填报!D3' }, newProgress: { text: '60', number: 60, ref: '填报!E3' }, date: { text: '2020-06-18', date: '2020-06-18', ref: '填报!F3' } },
      { id: { text: '1.3', ref: '填报!A4' }, task: { text: '7', number: 7, ref: '填报!B4' }, newProgress: { text: '', ref: '填报!E4' }, date: { text: '6.19', number: 6.19, ref: '填报!F4' } },
    ]);
  });

  it('a date cell before 1950 holds a number typed (6.19, June 19), read back as that number', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['1.1', 'a', 'b', 'c', 1, day(1900, 1, 6, 12)]);
      ws.addRow(['1.2', 'a', 'b', 'c', 1, day(1949, 12, 31)]);
      ws.addRow(['1.3', 'a', 'b', 'c', 1, day(1950, 1, 1)]);
    });
    expect((await cells(bytes)).map((c) => c.date)).toEqual([
      { text: '7.5', number: 7.5, ref: '填报!F2' }, { text: '18263', number: 18263, ref: '填报!F3' }, { text: '1950-01-01', date: '1950-01-01', ref: '填报!F4' },
    ]);
  });

  it('a merged range is its first cell: what the others hold is not read', async () => {
    const bytes = await workbook((ws) => { ws.addRow(['1.1', '宣讲', '两场', '进行中']); });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="C2:D2"/></mergeCells>'));
    const merged = await zip.generateAsync({ type: 'uint8array' });
    expect(await cells(merged)).toEqual([{ id: { text: '1.1', ref: '填报!A2' }, task: { text: '宣讲', ref: '填报!B2' }, note: { text: '两场', ref: '填报!C2' } }]);
  });

  it('a file that is no workbook: damaged, with the reason on one line', async () => {
    const r = await readXlsxSheet('x.xlsx', new TextEncoder().encode('编号,任务\n1.1,宣讲\n'));
    expect([r.kind, r.sheet, r.rows, r.header, r.unreadable, r.damaged]).toEqual(['xlsx', '', [], [], undefined, expect.stringMatching(/^[^\n]+$/)]);
  });
});

describe('an .xls\'s cells as found', () => {
  it('the sheet LibreOffice saved: each sheet\'s rows, text trimmed, numbers, percentages and dates', () => {
    const grids = parseXls(readFileSync(new URL('./fixtures/month/week2/2026-W24-市场所.xls', import.meta.url)));
    expect(grids.map((g) => g.name)).toEqual(['填报', '_campaign']);
    const row6 = grids[0]!.rows.find((r) => r.row === 6)!;
    expect(row6.cells.slice(0, 7)).toEqual([
      { text: '1.1', ref: '填报!A6' }, { text: '召开全镇安全生产月动员部署会', ref: '填报!B6' }, { text: '配合', ref: '填报!C6' },
      { text: '2026-06-12', date: '2026-06-12', ref: '填报!D6' }, { text: '进行中', ref: '填报!E6' },
      { text: '0.6', number: 0.6, percent: true, ref: '填报!F6' }, { text: '召开动员部署会，印发实施方案', ref: '填报!G6' },
    ]);
    expect(grids[0]!.rows.map((r) => r.row)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 12]);
  });

  it('within 5,000 rows, 256 columns and 50 sheets; booleans as text, empty cells left out', () => {
    const wb = utils.book_new();
    const ws = utils.aoa_to_sheet([[' a ', true, null, 3, undefined, 'z']]);
    ws.IV2 = { t: 's', v: 'last column' };
    ws.IW2 = { t: 's', v: 'past it' };
    ws.A5000 = { t: 's', v: 'last row' };
    ws.A5001 = { t: 's', v: 'past it' };
    ws['!ref'] = 'A1:IW5001';
    utils.book_append_sheet(wb, ws, 'S1');
    for (let i = 2; i <= 51; i++) utils.book_append_sheet(wb, utils.aoa_to_sheet([[i]]), `S${i}`);
    const grids = parseXls(write(wb, { type: 'buffer', bookType: 'xls' }) as Uint8Array);
    expect(grids.map((g) => g.name)).toEqual(Array.from({ length: 50 }, (_, i) => `S${i + 1}`));
    const [first] = grids;
    expect(first!.rows.map((r) => [r.row, r.cells.flatMap((c, i) => (c ? [[i, c.text]] : []))])).toEqual([
      [1, [[0, 'a'], [1, 'true'], [3, '3'], [5, 'z']]], [2, [[255, 'last column']]], [5000, [[0, 'last row']]],
    ]);
    expect(first!.rows[0]!.cells[3]).toEqual({ text: '3', number: 3, ref: 'S1!D1' });
    expect(first!.rows[1]!.cells[255]!.ref).toBe('S1!IV2');
  });

  it('an error a formula gave (#N/A, #DIV/0!) as the text Excel shows, as an .xlsx stores it — not a blank cell', () => {
    const wb = utils.book_new();
    const ws = utils.aoa_to_sheet([['进展', '完成数']]);
    ws.A2 = { t: 'e', v: 0x2a };
    ws.B2 = { t: 'e', v: 0x07 };
    ws.C2 = { t: 'e', v: 0x1d };
    ws['!ref'] = 'A1:C2';
    utils.book_append_sheet(wb, ws, 'S1');
    const [grid] = parseXls(write(wb, { type: 'buffer', bookType: 'xls' }) as Uint8Array);
    expect(grid!.rows[1]!.cells).toEqual([{ text: '#N/A', ref: 'S1!A2' }, { text: '#DIV/0!', ref: 'S1!B2' }, { text: '#NAME?', ref: 'S1!C2' }]);
  });
});

describe('an .xls handed to its reader', () => {
  const limits = { ...XLS_READER };
  afterEach(() => Object.assign(XLS_READER, limits));
  const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const none = { file: 'x.xls', kind: 'xls', sheet: '', header: [], rows: [] };

  it('is read in a process of its own into the same sheet as any other', async () => {
    const file = new URL('./fixtures/month/week2/2026-W24-市场所.xls', import.meta.url);
    const sheet = await readXlsSheet('m.xls', readFileSync(file));
    expect([sheet.kind, sheet.sheet, sheet.meta?.unit, sheet.unreadable, sheet.rows.map((r) => r.cells.id?.text)]).toEqual(['xls', '填报', 'market', undefined, ['1.1', '1.2', '1.4', '2.2', '4.2']]);
  });

  it('is refused before it is read when it is too large or no Excel 97–2003 workbook', async () => {
    expect(XLS_LIMITS).toEqual({ bytes: 20 * 1024 * 1024, sheets: 50, rows: 5000, columns: 256 });
    const big = new Uint8Array(XLS_LIMITS.bytes + 1);
    big.set(OLE2);
    expect(await readXlsSheet('x.xls', big)).toEqual({ ...none, unreadable: 'size', refused: { why: 'size', limit: 20, size: 21 } });
    for (const bytes of [new TextEncoder().encode('PK\u0003\u0004 an .xlsx renamed'), new Uint8Array(OLE2.slice(0, 7)), new Uint8Array([...OLE2.slice(0, 7), 0])]) {
      const r = await readXlsSheet('x.xls', bytes);
      expect(r).toEqual({ ...none, unreadable: 'not-xls', refused: { why: 'not-xls', limit: 0 } });
      expect(Object.keys(r.refused!)).toEqual(['why', 'limit']);
    }
  });

  it('past its time: refused with the limit in seconds; one SheetJS slips on inside (a RangeError): damaged, with no reason of its own', async () => {
    const exact = new Uint8Array(XLS_LIMITS.bytes);
    exact.set(OLE2);
    XLS_READER.timeoutMs = 1;
    expect(await readXlsSheet('x.xls', exact)).toEqual({ ...none, unreadable: 'timeout', refused: { why: 'timeout', limit: 0.001 } });
    Object.assign(XLS_READER, limits);
    const thrown = await readXlsSheet('x.xls', readFileSync(new URL('./fixtures/hostile-xls/fuzz-rangeerror.xls', import.meta.url)));
    expect([thrown.refused, thrown.rows, thrown.unreadable, thrown.damaged]).toEqual([undefined, [], undefined, '']);
  });
});
