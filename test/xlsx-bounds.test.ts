// An .xlsx from other hands is read in the time its cells take, not the area they claim: cells past 5,000 rows
// or 256 columns, data validations, defined names and merged ranges past the bounds or a budget never reach
// exceljs, which makes an object per cell of every range and walks each row to its last column.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxSheet } from '../src/sheets/read-xlsx.js';
import { boundedSheetXml, boundedWorkbookXml, boundedXlsx, cellAt, loadXlsx, XLSX_BOUNDS } from '../src/sheets/xlsx-bounds.js';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';

const small = { rows: 10, columns: 4, merges: 2, mergedCells: 6 };
const inline = (ref: string, text = 'x') => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sheet = (body: string) => `<worksheet><cols><col min="1" max="16384" width="9"/></cols><sheetData>${body}</sheetData></worksheet>`;

describe('a cell reference', () => {
  it.each([
    ['A1', { col: 1, row: 1 }], ['IV5000', { col: 256, row: 5000 }], ['iw1', { col: 257, row: 1 }], ['$XFD$1048576', { col: 16384, row: 1048576 }],
    [' Z26 ', { col: 26, row: 26 }], ['AA3', { col: 27, row: 3 }],
  ])('%s is column and row %o', (ref, at) => expect(cellAt(ref)).toEqual(at));

  it.each(['', 'A', '12', 'A1:B2', '1A', 'A-1', 'R1C1'])('%j is no cell', (ref) => expect(cellAt(ref)).toBeUndefined());
});

describe('a worksheet within the bounds', () => {
  it('keeps the cells and rows within them, as they were written, and drops the others', () => {
    const xml = sheet([
      `<row r="1" spans="1:16384">${inline('A1', '编号')}${inline('D1')}${inline('E1', 'far')}<c r="XFD1" s="1"/></row>`,
      `<row r="10"><c r="D10"><v>3</v></c><c r='E10'><v>4</v></c></row>`,
      `<row r="11">${inline('A11')}</row>`,
      '<row r="12"/>',
      `<row r="1048576">${inline('A1048576')}</row>`,
    ].join(''));
    expect(boundedSheetXml(xml, small)).toBe(sheet([
      `<row r="1" spans="1:16384">${inline('A1', '编号')}${inline('D1')}</row>`,
      '<row r="10"><c r="D10"><v>3</v></c></row>',
    ].join('')));
  });

  it('a cell whose own reference lies past the bounds goes, whatever row it is written in', () => {
    expect(boundedSheetXml(sheet(`<row r="2">${inline('B2')}${inline('B11')}<c r="B3"/></row>`), small)).toBe(sheet(`<row r="2">${inline('B2')}<c r="B3"/></row>`));
  });

  it('leaves a cell with no reference, or one it cannot read, to exceljs; keeps <cols> and <col>', () => {
    const xml = sheet(`<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c r="R1C1"><v>1</v></c></row>`);
    expect(boundedSheetXml(xml, small)).toBe(xml);
  });

  it('drops data validations: exceljs makes an object for every cell of their ranges', () => {
    const dv = '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    expect(boundedSheetXml(`<worksheet><sheetData/>${dv}<pageMargins/></worksheet>`, small)).toBe('<worksheet><sheetData/><pageMargins/></worksheet>');
    expect(boundedSheetXml('<worksheet><dataValidations count="0"/><pageMargins/></worksheet>', small)).toBe('<worksheet><pageMargins/></worksheet>');
  });

  it('keeps merged ranges within the bounds and the budget, in order, and says how many', () => {
    const merges = (...refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
    const bounded = (...refs: string[]) => boundedSheetXml(`<worksheet>${merges(...refs)}</worksheet>`, small);
    expect(bounded('A1:D1', 'A2:B2')).toBe(`<worksheet>${merges('A1:D1', 'A2:B2')}</worksheet>`);
    // Past the bounds, backwards, or no range at all: dropped.
    expect(bounded('A1:E1', 'A10:A11', 'B3:A2', 'A1', 'X', 'C3:D3')).toBe(`<worksheet>${merges('A1', 'C3:D3')}</worksheet>`);
    // Six merged cells in all: a range that would pass them is dropped, a smaller one after it still kept.
    expect(bounded('A1:D1', 'A2:D2', 'A3:B3')).toBe(`<worksheet>${merges('A1:D1', 'A3:B3')}</worksheet>`);
    expect(bounded('A1:C1', 'A2:C2', 'A3:A3')).toBe(`<worksheet>${merges('A1:C1', 'A2:C2')}</worksheet>`);
    expect(bounded('A1:C1', 'A2:B2', 'A3:A3')).toBe(`<worksheet>${merges('A1:C1', 'A2:B2')}</worksheet>`);
    // None left: no element (exceljs reads an empty one as a range of nothing).
    expect(bounded('A1:XFD1048576')).toBe('<worksheet></worksheet>');
    expect(boundedSheetXml('<worksheet><mergeCells/></worksheet>', small)).toBe('<worksheet></worksheet>');
  });

  it('a cell left open runs to the end of the part; its text is still read in one pass', () => {
    expect(boundedSheetXml('<sheetData><row r="1"><c r="E1"><v>1</v>', small)).toBe('<sheetData><row r="1">');
    expect(boundedSheetXml('<sheetData><row r="1"><c r="A1"><v>1</v>', small)).toBe('<sheetData><row r="1"><c r="A1"><v>1</v>');
  });
});

describe('the workbook part', () => {
  it('loses its defined names, which exceljs unrolls cell by cell, and keeps the rest', () => {
    const names = '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\'填报\'!$5:$5</definedName><definedName name="all">\'填报\'!$A$1:$XFD$1048576</definedName></definedNames>';
    expect(boundedWorkbookXml(`<workbook><sheets><sheet name="填报"/></sheets>${names}<calcPr/></workbook>`)).toBe('<workbook><sheets><sheet name="填报"/></sheets><calcPr/></workbook>');
    expect(boundedWorkbookXml('<workbook><definedNames/><calcPr/></workbook>')).toBe('<workbook><calcPr/></workbook>');
    expect(boundedWorkbookXml('<workbook><definedNamesX/></workbook>')).toBe('<workbook><definedNamesX/></workbook>');
  });
});

describe('a returned sheet with cells far away', () => {
  /** A unit's sheet as campaign wrote it, with a worksheet and workbook part changed. */
  async function hostile(change: (sheet: string, workbook: string) => [string, string]): Promise<Uint8Array> {
    const d = mkdtempSync(join(tmpdir(), 'campaign-bounds-'));
    copyFileSync(HISTORY, join(d, 'plan.yaml'));
    await cli(['sheets', join(d, 'plan.yaml'), '--week', '2020-W25', '--unit', 'police', '-o', d, '--lang', 'zh']);
    const zip = await JSZip.loadAsync(readFileSync(join(d, '2020-W25-派出所.xlsx')));
    const [s, w] = change(await zip.file('xl/worksheets/sheet1.xml')!.async('string'), await zip.file('xl/workbook.xml')!.async('string'));
    zip.file('xl/worksheets/sheet1.xml', s);
    zip.file('xl/workbook.xml', w);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  const rows = (from: number, n: number, col: string) => Array.from({ length: n }, (_, i) => `<row r="${from + i}">${inline(`${col}${from + i}`)}</row>`).join('');

  it('4,000 rows with a cell in column XFD, and one in row 1,048,576: exceljs walks the sheet\'s own 15 columns of its own rows', async () => {
    const bytes = await hostile((s, w) => [s.replace('</sheetData>', `${rows(20, 4000, 'XFD')}${rows(1048576, 1, 'A')}</sheetData>`), w]);
    const ws = (await loadXlsx(bytes)).worksheets[0]!;
    // The work of a row grows with its last column: 15 for each of the 9 rows that hold something (1–3, 5, 6–9,
    // 11), where it was 16,384 for each of 4,000 more.
    let slots = 0;
    ws.eachRow((row) => { slots += row.cellCount; });
    expect([ws.rowCount, ws.columnCount, slots]).toEqual([4019, 15, 9 * 15]);
    const read = await readXlsxSheet('x.xlsx', bytes);
    expect(read.rows.map((r) => r.cells.id?.text)).toEqual(['1.1', '1.2', '2.1', '2.4']);
  });

  it('a merged range, a data validation and a defined name over the whole sheet: none reaches exceljs', async () => {
    const bytes = await hostile((s, w) => [
      s.replace(/<mergeCells count="6">/, '<mergeCells count="7"><mergeCell ref="P1:XFD1048576"/>')
        .replace('</dataValidations>', '<dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'),
      w.replace('<definedNames>', '<definedNames><definedName name="all">\'填报\'!$A$1:$XFD$1048576</definedName>'),
    ]);
    const wb = await loadXlsx(bytes);
    const ws = wb.worksheets[0]!;
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:O1', 'A2:D2', 'E2:J2', 'K2:O2', 'A3:O3', 'A11:O11']);
    expect([ws.rowCount, ws.columnCount, Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length, wb.definedNames.model.length]).toEqual([11, 15, 0, 0]);
    expect((await readXlsxSheet('x.xlsx', bytes)).header).toEqual([
      '测试乡2020年“安全生产月”活动方案 — 进展情况填报表', '填报单位：派出所 周次：第3周（6月15日—6月21日） 报送期限：2020-06-19前', '方案：测试乡2020年“安全生产月”活动方案',
    ]);
  });

  it('is stored again whole: every part of the archive, the others unchanged', async () => {
    const bytes = await hostile((s, w) => [s, w]);
    const before = await JSZip.loadAsync(bytes);
    const after = await JSZip.loadAsync(await boundedXlsx(bytes));
    const names = (z: JSZip) => Object.keys(z.files).filter((n) => !z.files[n]!.dir).sort();
    expect(names(after)).toEqual(names(before));
    expect(await after.file('xl/styles.xml')!.async('string')).toBe(await before.file('xl/styles.xml')!.async('string'));
    expect(XLSX_BOUNDS).toEqual({ rows: 5000, columns: 256, merges: 1000, mergedCells: 10_000 });
  });
});
