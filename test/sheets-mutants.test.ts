// A returned sheet read back where the reading has a choice to make: which encoding a CSV's bytes are in
// (UTF-8, GBK, UTF-16 with or without its mark, UTF-32), where a quote never closed opens, which text a
// workbook's cell shows, which of a workbook's sheets is the fill-in sheet, and how far into a row it is read.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { XLSX_LIMITS } from '../src/containers/xlsx.js';
import { columnLetter, metaRows } from '../src/sheets/layout.js';
import { csvSheet, decodeSheetText, readCsvSheet, sheetFromWorkbook, unreadableEncoding, type FoundCell, type Grid } from '../src/sheets/read.js';
import { readXlsxSheet } from '../src/sheets/read-xlsx.js';

const bytesOf = (...parts: (string | number[] | Uint8Array)[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));
const textsOf = (sheet: { rows: { row: number; cells: Partial<Record<string, FoundCell>> }[] }) =>
  sheet.rows.map((r) => [r.row, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c!.text]))]);

describe('a CSV\'s bytes as text', () => {
  const TABLE = '编号,任务,本周进展,状态\r\n1.1,一对一帮扶,口径统一\r\n';

  it('UTF-16 with its mark, little- or big-endian, read without the mark', () => {
    expect(decodeSheetText(bytesOf([0xff, 0xfe], iconv.encode(TABLE, 'utf-16le')))).toBe(TABLE);
    expect(decodeSheetText(bytesOf([0xfe, 0xff], iconv.encode(TABLE, 'utf-16be')))).toBe(TABLE);
  });

  it('UTF-8 with its mark, the first line an editor saved as GBK: every line as written', () => {
    expect(decodeSheetText(bytesOf([0xef, 0xbb, 0xbf], iconv.encode('填报单位：派出所\n', 'gbk'), '编号,任务\n'))).toBe('填报单位：派出所\n编号,任务\n');
  });

  it('UTF-8 without a mark that starts with a full-width character: nothing taken for a mark', () => {
    // ＿ is EF BC BF, two of the mark's three bytes.
    expect(decodeSheetText(bytesOf('＿＿＿\n编号,任务\n'))).toBe('＿＿＿\n编号,任务\n');
  });

  it.each<[string, number[], string]>([
    ['FF at the start', [0xff, 0x41], '\ufffdA'],
    ['FE at the start', [0xfe], '\ufffd'],
    ['FE second', [0x41, 0xfe], 'A\ufffd'],
    ['FF second', [0x41, 0xff], 'A\ufffd'],
  ])('a byte no encoding has (%s) is U+FFFD, taken for no UTF-16 mark; the next line still UTF-8', (_, first, text) => {
    expect(decodeSheetText(bytesOf(first, '\n编号,任务'))).toBe(`${text}\n编号,任务`);
  });

  describe('an encoding no CSV sheet comes in', () => {
    it.each<[string, Uint8Array, 'UTF-32' | 'UTF-16' | undefined]>([
      ['UTF-32 with its mark', bytesOf([0xff, 0xfe, 0, 0], iconv.encode(TABLE, 'utf-32le')), 'UTF-32'],
      ['UTF-32 without a mark', iconv.encode(TABLE, 'utf-32le'), 'UTF-32'],
      ['big-endian UTF-32 without a mark', iconv.encode(TABLE, 'utf-32be'), 'UTF-32'],
      // 一 is 00 4E (4E 00 big-endian): two zero bytes in a row next to an ASCII character's, never three.
      ['UTF-16 without a mark', iconv.encode(TABLE, 'utf-16le'), 'UTF-16'],
      ['big-endian UTF-16 without a mark', iconv.encode(TABLE, 'utf-16be'), 'UTF-16'],
      ['UTF-16 with its mark: read', bytesOf([0xff, 0xfe], iconv.encode(TABLE, 'utf-16le')), undefined],
      ['big-endian UTF-16 with its mark: read', bytesOf([0xfe, 0xff], iconv.encode(TABLE, 'utf-16be')), undefined],
      ['UTF-8: read', bytesOf(TABLE), undefined],
    ])('%s', (_, bytes, encoding) => expect(unreadableEncoding(bytes)).toBe(encoding));

    it('a sheet in one is refused as such, with nothing read from it', () => {
      expect(csvSheet('s.csv', iconv.encode(TABLE, 'utf-16le'))).toEqual({ file: 's.csv', kind: 'csv', sheet: '', header: [], rows: [], csvDamage: { why: 'encoding', encoding: 'UTF-16' } });
      expect(csvSheet('s.csv', iconv.encode(TABLE, 'utf-32be')).csvDamage).toEqual({ why: 'encoding', encoding: 'UTF-32' });
    });

    it('one in UTF-16 with its mark is read as a sheet', () => {
      const sheet = csvSheet('s.csv', bytesOf([0xff, 0xfe], iconv.encode(TABLE, 'utf-16le')));
      expect([sheet.csvDamage, textsOf(sheet)]).toEqual([undefined, [[2, { id: '1.1', task: '一对一帮扶', note: '口径统一' }]]]);
    });
  });
});

describe('a CSV sheet\'s quote never closed, at the line it opens on', () => {
  const quoteLine = (text: string) => readCsvSheet('s.csv', text);

  it('the whole finding: a CSV sheet with nothing read from it', () => {
    expect(quoteLine('编号,任务\n"1.1,宣讲')).toEqual({ file: 's.csv', kind: 'csv', sheet: '', header: [], rows: [], csvDamage: { why: 'quote', line: 2 } });
  });

  it('after a quoted field with doubled quotes in it, closed', () => {
    expect(quoteLine('编号,"任务 ""一"" 二"\n1.1,"宣讲\n').csvDamage).toEqual({ why: 'quote', line: 2 });
    // Its second line starts with a doubled quote: still the field opened on line 2.
    expect(quoteLine('编号,任务\n1.1,"宣讲\n""第二行\n').csvDamage).toEqual({ why: 'quote', line: 2 });
  });

  it('at the very start of the file, its next line starting with a doubled quote', () => {
    expect(quoteLine('"方案 — 进展情况\n""编号"",任务\n').csvDamage).toEqual({ why: 'quote', line: 1 });
  });

  it('after a quote inside a field, which opens nothing', () => {
    expect(quoteLine('编号,任务\n1.1,宣"讲\n2.1,"排查\n').csvDamage).toEqual({ why: 'quote', line: 3 });
    expect(quoteLine('编号,任务\r\n1.1,宣"讲\r\n2.1,"排查\r\n').csvDamage).toEqual({ why: 'quote', line: 3 });
  });
});

describe('a CSV sheet\'s lines as found', () => {
  it('a match line with a space before its #, the # inside a cell no match line, a U+FEFF inside a cell kept', () => {
    const sheet = readCsvSheet('s.csv', ' #format,campaign-sheet/2\n #from,2020-06-15\n #to,2020-06-21\n #unit,police\n第#3号\n编号,任务,本周进展,状态\n1.1,宣\uFEFF讲,两场\n');
    expect([sheet.meta?.unit, sheet.header, textsOf(sheet)]).toEqual(['police', ['第#3号'], [[7, { id: '1.1', task: '宣\uFEFF讲', note: '两场' }]]]);
  });
});

describe('a workbook\'s grids as a sheet', () => {
  const cell = (ref: string, text: string): FoundCell => ({ text, ref });
  const line = (row: number, ...texts: (string | undefined)[]) => ({ row, cells: texts.map((t, i) => (t === undefined ? undefined : cell(`填报!${columnLetter(i)}${row}`, t))) });
  const HEAD = ['编号', '任务', '本周进展', '状态'];

  it('an .xlsx\'s text as shown: its escapes decoded, a line or page break a line break, half a surrogate pair U+FFFD', () => {
    const grid: Grid = { name: '填报', rows: [line(1, ...HEAD), line(2, '1.1', 'V_x000B_x', '两场_x000B_四家_x000C_', '进行_xD83D_中')] };
    expect(textsOf(sheetFromWorkbook('f.xlsx', 'xlsx', { sheets: [grid] }))).toEqual([[2, { id: '1.1', task: 'V\nx', note: '两场\n四家', newStatus: '进行\ufffd中' }]]);
    // An .xls holds its text as it is: _x000B_ there is what was typed.
    expect(textsOf(sheetFromWorkbook('f.xls', 'xls', { sheets: [grid] }))).toEqual([[2, { id: '1.1', task: 'V_x000B_x', note: '两场_x000B_四家_x000C_', newStatus: '进行_xD83D_中' }]]);
  });

  it('a match sheet whose cells a spreadsheet left empty: read as empty', () => {
    const rows = metaRows({ format: 'campaign-sheet/2', planTitle: 'p', planFingerprint: 'fp', unit: 'u', unitName: 'U', week: 'w', from: '2020-06-15', to: '2020-06-21', lang: 'zh', tasks: [{ id: '1.1', fingerprint: 't1' }] });
    const meta: Grid = { name: '_campaign', rows: rows.map((r, i) => line(i + 1, ...r.map((t) => (t === 'p' || t === 't1' ? undefined : t)))) };
    const sheet = sheetFromWorkbook('f.xlsx', 'xlsx', { sheets: [meta, { name: '填报', rows: [line(1, ...HEAD)] }] });
    expect([sheet.meta?.planTitle, sheet.meta?.tasks]).toEqual(['', [{ id: '1.1', fingerprint: '' }]]);
  });

  it('one with no table: its lines, a blank row none of them', () => {
    const sheet = sheetFromWorkbook('f.xlsx', 'xlsx', { sheets: [{ name: '填报', rows: [line(1, '填报单位：派出所'), line(2, undefined, undefined), line(3, '编号', '任务')] }] });
    expect([sheet.header, sheet.unreadable]).toEqual([['填报单位：派出所', '编号 任务'], 'no table header']);
  });
});

describe('an .xlsx\'s sheets and cells as found', () => {
  async function workbook(sheets: [string, (ExcelJS.CellValue | null)[][]][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of sheets) {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const TABLE: (ExcelJS.CellValue | null)[][] = [['编号', '任务', '本周进展', '状态'], ['1.1', '宣讲', '两场', '进行中']];
  const META: (ExcelJS.CellValue | null)[][] = metaRows({ format: 'campaign-sheet/2', planTitle: 'p', planFingerprint: '', unit: 'u', unitName: 'U', week: 'w', from: '2020-06-15', to: '2020-06-21', lang: 'zh', tasks: [] });
  const OTHER: (ExcelJS.CellValue | null)[][] = [['说明'], ['编号', '任务', '本周进展', '状态'], ['9.9', '别的', '', '']];

  it.each<[string, [string, (ExcelJS.CellValue | null)[][]][], string]>([
    ['填报, after another sheet', [['说明', OTHER], ['_campaign', META], ['填报', TABLE]], '填报'],
    ['Fill in, after another sheet', [['说明', OTHER], ['Fill in', TABLE], ['_campaign', META]], 'Fill in'],
    ['none so named: the first after the match sheet', [['_campaign', META], ['Sheet1', TABLE], ['Sheet2', OTHER]], 'Sheet1'],
  ])('the fill-in sheet by its name: %s', async (_, sheets, name) => {
    const sheet = await readXlsxSheet('x.xlsx', await workbook(sheets));
    expect([sheet.kind, sheet.sheet, sheet.meta?.unit, textsOf(sheet)]).toEqual(['xlsx', name, sheets.some(([n]) => n === '_campaign') ? 'u' : undefined, [[2, { id: '1.1', task: '宣讲', note: '两场', newStatus: '进行中' }]]]);
  });

  it('a number past day 18263 in a cell of no date format is that number, not a day', async () => {
    const sheet = await readXlsxSheet('x.xlsx', await workbook([['填报', [[...TABLE[0]!, '完成值：人数'], ['1.1', '宣讲', '两场', '进行中', 25000]]]]));
    expect(sheet.rows[0]!.cells['actual:人数']).toEqual({ text: '25000', number: 25000, ref: '填报!E2' });
  });

  it('a row whose first cells are empty: no cell there', async () => {
    const sheet = await readXlsxSheet('x.xlsx', await workbook([['填报', [...TABLE, [null, null, '补充说明', '已完成']]]]));
    expect(sheet.rows[1]).toEqual({ row: 3, below: false, cells: { note: { text: '补充说明', ref: '填报!C3' }, newStatus: { text: '已完成', ref: '填报!D3' } } });
  });

  it('a line above the table read to column IV, a cell past it not', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('填报');
    ws.getCell('A1').value = '填报单位：派出所';
    ws.getCell('IV1').value = '远处';
    ws.getCell('IW1').value = '更远处';
    ws.getRow(2).values = TABLE[0]!;
    const sheet = await readXlsxSheet('x.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheet.header).toEqual(['填报单位：派出所 远处']);
  });

  describe('past a limit of the reader', () => {
    const limits = { ...XLSX_LIMITS };
    afterEach(() => Object.assign(XLSX_LIMITS, limits));

    it('refused with the limit, nothing read', async () => {
      const zip = await JSZip.loadAsync(await workbook([['填报', [...TABLE, ['1.2', 'x', 'y', 'z']]]]));
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="C2:D2"/><mergeCell ref="C3:D3"/></mergeCells>'));
      XLSX_LIMITS.merges = 1;
      expect(await readXlsxSheet('x.xlsx', await zip.generateAsync({ type: 'uint8array' }))).toEqual({ file: 'x.xlsx', kind: 'xlsx', sheet: '', header: [], rows: [], unreadable: 'merges', refused: { why: 'merges', limit: 1 } });
    });
  });
});
