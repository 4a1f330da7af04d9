// Returned workbooks and 分工表 from other hands (issue #25; the outside tester's defects 01, 03, 05, 08, 13 and
// 14): src/containers/xlsx.ts reads only the cells a sheet holds — a merged range is its corners, never its area —
// with a phonetic guide left out of a cell's text, a date cell read as the date it is, two archive entries of one
// name or a cell pointing at text that is not there said as a damaged file in our words, and a sheet of many wrong
// rows checked in time linear in its rows, its findings of one kind counted past the first 20.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadError } from '../src/containers/read-error.js';
import { cellRef, columnName, isDateFormat, openXlsx, writtenDay, XLSX_LIMITS, XlsxLimitError } from '../src/containers/xlsx.js';
import { zipEntries } from '../src/containers/zip.js';
import { xlsxDocument } from '../src/importer/read-sheet.js';
import { FINDINGS_PER_KIND } from '../src/sheets/check.js';
import { cli } from './helpers/in-process.js';

const SEED = new URL('../examples/tongzhong-2020.yaml', import.meta.url).pathname;
const dir = () => mkdtempSync(join(tmpdir(), 'campaign-hsheets-'));
const SHEET1 = 'xl/worksheets/sheet1.xml';

interface Finding { rule: string; cell: string | null; row: number; message: string; data: Record<string, unknown> }
interface Collected { code: number; stdout: string; findings: Finding[]; taken: { row: number; task: string; update: Record<string, unknown> }[] }

/** A plan and 派出所's sheet of 2020-W24 as `campaign sheets` writes it (one task, 1.1.1, in row 6). */
async function returned(): Promise<{ plan: string; folder: string; file: string }> {
  const d = dir();
  const plan = join(d, 'plan.yaml');
  copyFileSync(SEED, plan);
  await cli(['sheets', plan, '-o', join(d, 'out'), '--unit', 'police', '--as-of', '2020-06-10', '--lang', 'en']);
  return { plan, folder: join(d, 'out'), file: join(d, 'out', '2020-W24-派出所.xlsx') };
}

/** Rewrites parts of a workbook as a spreadsheet or a hand at the XML level would. */
async function rewrite(file: string, parts: Record<string, (xml: string) => string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [name, change] of Object.entries(parts)) zip.file(name, change(await zip.file(name)!.async('string')));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const inline = (ref: string, text: string) => `<c r="${ref}" s="9" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Row 6 filled in as a unit would: work done, status, progress, date and name; `cells` in place of any of them. */
const fillRow6 = (cells: Record<string, string> = {}) => (xml: string): string => {
  const row: Record<string, string> = {
    H: inline('H6', '已到3家企业宣讲'), I: inline('I6', 'In progress'), J: '<c r="J6" s="9"><v>50</v></c>', M: inline('M6', '2020-06-10'), N: inline('N6', '张三'), ...cells,
  };
  for (const [col, c] of Object.entries(row)) xml = xml.replace(new RegExp(`<c r="${col}6" s="\\d+"/>`), c);
  return xml;
};

async function collect(plan: string, folder: string): Promise<Collected> {
  const r = await cli(['collect', plan, folder, '--as-of', '2020-06-12', '--dry-run', '-f', 'json', '--lang', 'en']);
  const out = JSON.parse(r.stdout) as { findings: Finding[]; taken: Collected['taken'] };
  return { code: r.code, stdout: r.stdout, findings: out.findings, taken: out.taken };
}
const rulesOf = (c: Collected) => c.findings.map((f) => f.rule);

describe('a merged range over a huge blank area (01)', () => {
  it.each(['A9:Z1048576', 'A9:XFD1048576', 'A9:XFD100'])('<mergeCell ref="%s"/> under the table: the sheet is read as it is, its row taken', async (range) => {
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: (x) => fillRow6()(x).replace('<mergeCell ref="A8:O8"/>', `<mergeCell ref="A8:O8"/><mergeCell ref="${range}"/>`) });
    const c = await collect(plan, folder);
    expect([c.code, rulesOf(c), c.taken.map((t) => [t.row, t.task, t.update.note])]).toEqual([0, [], [[6, '1.1.1', '已到3家企业宣讲']]]);
  });

  it('a 分工表 with a range merged down to the last row of the sheet imports as it does without it', async () => {
    const d = dir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['桃源乡2024年安全生产月任务分工表']);
    ws.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    ws.addRow(['1', '开展安全生产宣传咨询日活动', '应急办', '派出所', '6月16日前']);
    ws.addRow(['2', '组织消防应急演练', '派出所', '', '6月20日前']);
    ws.addRow(['3', '开展隐患排查整治', '应急办', '市场所', '6月30日前']);
    ws.mergeCells('A1:E1');
    ws.mergeCells('C3:C5'); // one lead over three rows: each row's
    const plain = join(d, 'plain.xlsx');
    await wb.xlsx.writeFile(plain);
    const huge = join(d, 'huge.xlsx');
    copyFileSync(plain, huge);
    await rewrite(huge, { [SHEET1]: (x) => x.replace('</mergeCells>', '<mergeCell ref="A7:Z1048576"/></mergeCells>') });
    const a = await cli(['import', plain, '--lang', 'en']);
    const b = await cli(['import', huge, '--lang', 'en']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.stdout.replace(/huge\.xlsx/g, 'plain.xlsx')).toBe(a.stdout);
    // The range merged over three rows gives each of them its lead.
    expect(a.stdout.match(/lead: \[[^\]]*\]/g)).toHaveLength(3);
  });
});

describe('a phonetic guide (<rPh>) in a cell (05)', () => {
  it('is not the cell\'s text, inline or shared, and neither its row nor a row after it is lost', async () => {
    const { plan, folder, file } = await returned();
    await rewrite(file, {
      [SHEET1]: (x) => fillRow6({ H: '<c r="H6" s="9" t="inlineStr"><is><t>已发放</t><rPh sb="0" eb="1"><t>yi</t></rPh><phoneticPr fontId="1"/></is></c>' })(x)
        // A row typed under the table for the same task, its note a shared text with a guide of its own.
        .replace('<row r="8"', `<row r="7">${['<c r="A7" t="s"><v>20</v></c>', '<c r="H7" t="s"><v>99</v></c>', inline('I7', 'Done'), '<c r="J7"><v>100</v></c>', inline('M7', '2020-06-11')].join('')}</row><row r="8"`),
      'xl/sharedStrings.xml': (x) => `${x.replace(/<\/sst>$/, '')}${'<si><t>x</t></si>'.repeat(99 - (x.match(/<si>/g) ?? []).length)}<si><r><t>全部</t></r><r><t>完成</t></r><rPh sb="0" eb="2"><t>quanbu</t></rPh></si></sst>`,
    });
    const c = await collect(plan, folder);
    expect(c.code).toBe(0);
    expect(c.taken.map((t) => [t.row, t.task, t.update.note])).toEqual([[6, '1.1.1', '已发放'], [7, '1.1.1', '全部完成']]);
    expect(rulesOf(c)).toEqual(['sheet/added-row']);
  });
});

describe('many wrong rows in one returned workbook (03)', () => {
  const wrongRows = (n: number) => (x: string) =>
    fillRow6()(x).replace('</sheetData>', `${Array.from({ length: n }, (_, i) => `<row r="${9 + i}">${inline(`A${9 + i}`, `${9 + i}.${i % 97}`)}${inline(`H${9 + i}`, `n${i}`)}</row>`).join('')}</sheetData>`);

  it('gives the first findings of each kind one by one and the rest as one count; every wrong row is said not taken', async () => {
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: wrongRows(2000) });
    const c = await collect(plan, folder);
    expect(c.code).toBe(1);
    expect(rulesOf(c)).toEqual([...Array(FINDINGS_PER_KIND).fill('sheet/not-assigned'), 'sheet/more']);
    expect(c.findings.at(-1)!.data).toEqual({ rule: 'sheet/not-assigned', count: 2000 - FINDINGS_PER_KIND });
    const text = await cli(['collect', plan, folder, '--as-of', '2020-06-12', '--dry-run', '--lang', 'en']);
    expect(text.stdout).toContain('and 1,980 more like this (sheet/not-assigned), not listed one by one');
    expect(text.stdout).toContain(`rows ${Array.from({ length: 20 }, (_, i) => 9 + i).join(', ')} and 1,980 more not taken (errors)`);
    expect(text.stdout).toContain('row 6 filled in right but not taken, as the sheet has errors');
    const zh = await cli(['collect', plan, folder, '--as-of', '2020-06-12', '--dry-run', '--lang', 'zh']);
    expect(zh.stdout).toContain(`第 ${Array.from({ length: 20 }, (_, i) => 9 + i).join('、')} 等 2,000 行有错误，未采用`);
  });

  it('a workbook past the cell limit is refused with a line saying so, before its cells fill the memory', async () => {
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: wrongRows(600) });
    const cells = XLSX_LIMITS.cells;
    XLSX_LIMITS.cells = 1000;
    try {
      const c = await collect(plan, folder);
      expect([c.code, c.findings.map((f) => [f.rule, f.data.why, f.data.limit])]).toEqual([1, [['sheet/refused', 'cells', 1000]]]);
      expect(c.findings[0]!.message).toMatch(/holds more than 1,000 filled cells \(a returned sheet has a row per task\); not taken/);
    } finally {
      XLSX_LIMITS.cells = cells;
    }
  });
});

describe('a workbook a spreadsheet would call damaged (08)', () => {
  it.each([['999999'], ['-1'], ['__proto__'], ['']])('a cell pointing at shared text %j that is not there: the workbook could not be read, in our words', async (index) => {
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: (x) => fillRow6()(x).replace('<c r="A6" s="6" t="s"><v>20</v></c>', `<c r="A6" s="6" t="s"><v>${index}</v></c>`) });
    const c = await collect(plan, folder);
    expect([c.code, rulesOf(c)]).toEqual([1, ['sheet/unreadable']]);
    expect(c.findings[0]!.message).toBe(`the workbook could not be read: ${file} (damaged workbook: cell A6 points at a shared text (${index}) that is not there); not taken: open it in Excel or WPS, save it as .xlsx and send it again`);
  });

  it('two merged ranges over one cell, a part that is not XML, a cell named outside the sheet: each said, none in a library\'s words', async () => {
    const cases: [string, Record<string, (x: string) => string>, string][] = [
      ['overlap', { [SHEET1]: (x) => x.replace('<mergeCell ref="A8:O8"/>', '<mergeCell ref="A8:O8"/><mergeCell ref="B7:C9"/>') }, 'damaged workbook: merged ranges B7:C9 and A8:O8 overlap'],
      ['not XML', { [SHEET1]: (x) => x.replace('<sheetData>', '<sheetData><row r="1"><c r="A1"><v>1</v></row>') }, 'damaged workbook: xl/worksheets/sheet1.xml is not well-formed XML'],
      ['entity', { [SHEET1]: (x) => x.replace('<sheetData>', '<sheetData><row r="1"><c r="A1" t="str"><v>&j;</v></c></row>') }, 'damaged workbook: xl/worksheets/sheet1.xml is not well-formed XML'],
      ['far cell', { [SHEET1]: (x) => x.replace('<c r="A6"', '<c r="XFE6"') }, 'damaged workbook: a cell named "XFE6"'],
      ['row 0', { [SHEET1]: (x) => x.replace('<row r="6"', '<row r="0"') }, 'damaged workbook: a row numbered "0"'],
    ];
    for (const [name, parts, reason] of cases) {
      const { plan, folder, file } = await returned();
      await rewrite(file, parts);
      const c = await collect(plan, folder);
      expect([c.code, rulesOf(c)], name).toEqual([1, ['sheet/unreadable']]);
      expect(c.findings[0]!.message, name).toContain(`(${reason}`);
      expect(c.findings[0]!.message, name).not.toMatch(/Cannot read|\(reading|TypeError|richText|[\t\n]/);
    }
  });
});

describe('two archive entries of one name (13)', () => {
  /** The archive with a second entry renamed, in its local header and its directory, to the name of another of its length. */
  const renamed = (bytes: Buffer, from: string, to: string): Buffer => Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');

  it('a returned sheet with two sheet1.xml (or one SHEET1.XML, as names compare) is refused as damaged, whichever would win', async () => {
    for (const twin of ['xl/worksheets/sheet1.xml', 'XL/worksheets/SHEET1.xml']) {
      const { plan, folder, file } = await returned();
      await rewrite(file, { [SHEET1]: fillRow6() });
      writeFileSync(file, renamed(readFileSync(file), 'xl/worksheets/sheet2.xml', twin));
      expect(readFileSync(file).toString('latin1').includes('xl/worksheets/sheet2.xml')).toBe(false);
      const c = await collect(plan, folder);
      expect([c.code, rulesOf(c), c.taken]).toEqual([1, ['sheet/unreadable'], []]);
      expect(c.findings[0]!.message).toContain(`(damaged archive: two entries are named ${twin})`);
    }
  });

  it('a Word file with two word/document.xml is refused by import (exit 2), not read from either', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    const body = (t: string) => `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:body></w:document>`;
    zip.file('word/document.xml', body('青石镇2024年安全生产月活动方案'));
    zip.file('word/documenX.xml', body('另一个方案'));
    const file = join(dir(), 'twin.docx');
    writeFileSync(file, renamed(await zip.generateAsync({ type: 'nodebuffer' }), 'word/documenX.xml', 'word/document.xml'));
    const r = await cli(['import', file, '--lang', 'en']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('damaged archive: two entries are named word/document.xml');
  });
});

describe('date cells (t="d") (14)', () => {
  const dated = (ref: string, value: string) => `<c r="${ref}" s="9" t="d"><v>${value}</v></c>`;

  it('are read as the dates they are: a date where a status belongs, or one no calendar has, is a finding quoting the cell', async () => {
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: fillRow6({ I: dated('I6', '2020-06-10T00:00:00Z'), M: dated('M6', '+275760-09-13T00:00:00Z') }) });
    const c = await collect(plan, folder);
    expect([c.code, c.findings.map((f) => [f.cell, f.rule, f.data.value])]).toEqual([1, [
      ['Fill in!I6', 'sheet/status', '2020-06-10'],
      ['Fill in!M6', 'sheet/date', '+275760-09-13T00:00:00Z'],
    ]]);
  });

  it('a date cell in the date column is its day, with or without a time; a day that does not exist is a finding', async () => {
    for (const [value, expected] of [['2020-06-11T00:00:00Z', '2020-06-11'], ['2020-06-11', '2020-06-11'], ['2020-06-11T23:30:00+08:00', '2020-06-11']] as const) {
      const { plan, folder, file } = await returned();
      await rewrite(file, { [SHEET1]: fillRow6({ M: dated('M6', value) }) });
      const c = await collect(plan, folder);
      expect([c.code, rulesOf(c), c.taken.map((t) => t.update.date)], value).toEqual([0, [], [expected]]);
    }
    const { plan, folder, file } = await returned();
    await rewrite(file, { [SHEET1]: fillRow6({ M: dated('M6', '2020-02-30') }) });
    const c = await collect(plan, folder);
    expect(c.findings.map((f) => [f.rule, f.data.value])).toEqual([['sheet/date', '2020-02-30']]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The reader itself, on workbooks made here.

/** A workbook of one sheet (and shared strings) as bytes, written as a spreadsheet would. */
async function workbook(sheetData: string, opts: { merges?: string[]; strings?: string[]; sheets?: string; styles?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${opts.sheets ?? '<sheet name="表1" sheetId="1" r:id="rId1"/>'}</sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file(SHEET1, `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${opts.merges ? `<mergeCells>${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''}</worksheet>`);
  if (opts.strings) zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.strings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  if (opts.styles) zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.styles}</styleSheet>`);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
const texts = (bytes: Uint8Array) => openXlsx(bytes).read(0).rows.map((r) => [r.row, r.cells.map((c) => `${columnName(c.col)}${c.covered ? '~' : ''}=${JSON.stringify(c.value)}`)]);

describe('reading a worksheet within limits', () => {
  afterEach(() => {
    XLSX_LIMITS.cells = 200_000;
    XLSX_LIMITS.merges = 10_000;
  });

  it('visits the cells a sheet holds, in order whatever order the file writes them in, a cell without its name after the one before', async () => {
    const bytes = await workbook('<row r="3"><c r="B3"><v>2</v></c><c r="A3"><v>1</v></c></row><row r="1"><c><v>7</v></c><c t="str"><v>x</v></c><c r="E1" s="1"/></row><row><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>');
    expect(texts(bytes)).toEqual([
      [1, ['A={"kind":"number","number":7,"format":""}', 'B={"kind":"text","text":"x"}']],
      [2, ['A={"kind":"bool","value":true}', 'B={"kind":"error","text":"#DIV/0!"}']],
      [3, ['A={"kind":"number","number":1,"format":""}', 'B={"kind":"number","number":2,"format":""}']],
    ]);
  });

  it('keeps what is no number as the text written, -0 as 0, and a number\'s format (a percentage, a date) from its style', async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>';
    const bytes = await workbook('<row r="1"><c r="A1"><v>NaN</v></c><c r="B1"><v>0x10</v></c><c r="C1"><v>-0</v></c><c r="D1" s="1"><v>0.6</v></c><c r="E1" s="2"><v>45812</v></c><c r="F1" s="3"><v>45812</v></c><c r="G1" s="9"><v>1</v></c></row>', { styles });
    expect(texts(bytes)[0]![1]).toEqual([
      'A={"kind":"text","text":"NaN"}', 'B={"kind":"text","text":"0x10"}', 'C={"kind":"number","number":0,"format":""}', 'D={"kind":"number","number":0.6,"format":"0%"}',
      'E={"kind":"number","number":45812,"format":"yyyy\\"年\\"m\\"月\\"d\\"日\\""}', 'F={"kind":"number","number":45812,"format":"yyyy-mm-dd"}', 'G={"kind":"number","number":1,"format":""}',
    ]);
    expect(Object.is((openXlsx(bytes).read(0).rows[0]!.cells[2]!.value as { number: number }).number, -0)).toBe(false);
  });

  it('reads a shared or inline text without its phonetic guide, its runs joined, entities decoded', async () => {
    const bytes = await workbook('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>甲</t></r><rPh><t>jia</t></rPh><r><t xml:space="preserve"> &amp; 乙</t></r></is></c></row>', {
      strings: ['<t>已发放</t><rPh sb="0" eb="1"><t>yi</t></rPh><phoneticPr fontId="1"/>', '<r><rPr><sz val="1e308"/></rPr><t>完</t></r><r><t>成</t></r>'],
    });
    expect(texts(bytes)[0]![1]).toEqual(['A={"kind":"text","text":"已发放"}', 'B={"kind":"text","text":"完成"}', 'C={"kind":"text","text":"甲 & 乙"}']);
  });

  it('marks the cells a merged range covers, by its corners: the same as looking at every range for every cell', async () => {
    // A grid of cells and ranges that never overlap, over rows and columns far apart.
    const cells: string[] = [];
    for (let r = 1; r <= 40; r++) cells.push(`<row r="${r * 997}">${Array.from({ length: 12 }, (_, c) => `<c r="${columnName(c * 37)}${r * 997}"><v>${r * 100 + c}</v></c>`).join('')}</row>`);
    const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
    for (let i = 0; i < 30; i++) ranges.push({ top: 1 + i * 1300, left: (i % 5) * 80, bottom: 1 + i * 1300 + 1 + (i % 7) * 150, right: (i % 5) * 80 + 1 + (i % 3) * 30 });
    ranges.push({ top: 39_001, left: 0, bottom: 1_048_576, right: 16_383 });
    const bytes = await workbook(cells.join(''), { merges: ranges.map((m) => `${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}`) });
    const sheet = openXlsx(bytes).read(0);
    const covered = (row: number, col: number) => ranges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
    let marked = 0;
    for (const r of sheet.rows) {
      for (const c of r.cells) {
        expect(!!c.covered, `${columnName(c.col)}${r.row}`).toBe(covered(r.row, c.col));
        if (c.covered) marked++;
      }
    }
    expect([sheet.rows.length, marked]).toEqual([40, 21]);
  });

  it('refuses two merged ranges over one cell, and more cells or ranges than its limits, saying which', async () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>';
    expect(() => openXlsx(Buffer.from([])).read(0)).toThrow(ReadError);
    expect(openXlsx(await workbook(row, { merges: ['A1:B2', 'A1:B2'] })).read(0).rows[0]!.cells.map((c) => !!c.covered)).toEqual([false, true, false]);
    const overlap = await workbook(row, { merges: ['A1:B5', 'C1:D2', 'B4:C4'] });
    expect(() => openXlsx(overlap).read(0)).toThrow('damaged workbook: merged ranges A1:B5 and B4:C4 overlap');
    XLSX_LIMITS.cells = 2;
    const err = (() => {
      try {
        openXlsx(overlap).read(0);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(XlsxLimitError);
    expect([(err as XlsxLimitError).limit, (err as XlsxLimitError).count, (err as XlsxLimitError).code]).toEqual(['cells', 2, 'too-large']);
    XLSX_LIMITS.cells = 200_000;
    XLSX_LIMITS.merges = 2;
    expect(() => openXlsx(overlap).read(0)).toThrow('a worksheet with more than 2 merged ranges');
  });

  it('a 分工表 it cannot read is an import error in its words, damaged (exit 2) or over a limit, never a library\'s', async () => {
    const bad = await workbook('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', { strings: ['<t>x</t>'] });
    await expect(xlsxDocument(bad)).rejects.toMatchObject({ code: 'damaged', message: 'damaged workbook: cell A1 points at a shared text (5) that is not there' });
    const file = join(dir(), '分工表.xlsx');
    writeFileSync(file, bad);
    const r = await cli(['import', file, '--lang', 'en']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `campaign: ${file}: cannot read this XLSX file; it may be damaged or incomplete (damaged workbook: cell A1 points at a shared text (5) that is not there); download it again, or save it as .xlsx in Excel or WPS\n`]);
    XLSX_LIMITS.merges = 1;
    await expect(xlsxDocument(await workbook('<row r="1"><c r="A1"><v>1</v></c></row>', { merges: ['A1:A2', 'B1:B2'] }))).rejects.toMatchObject({ code: 'too-large' });
  });

  it('lists the sheets a workbook declares (hidden or not), leaving out one whose part is missing or outside the archive', async () => {
    const sheets = '<sheet name="填报" r:id="rId1"/><sheet name="_campaign" state="veryHidden" r:id="rId1"/><sheet name="gone" r:id="rId9"/>';
    const wb = openXlsx(await workbook('<row r="1"><c r="A1"><v>1</v></c></row>', { sheets }));
    expect(wb.sheets).toEqual([{ name: '填报', hidden: false }, { name: '_campaign', hidden: true }]);
    expect(() => openXlsx(new Uint8Array(readFileSync(SEED)))).toThrow(ReadError);
  });

  it('tells a date format from a number format as Excel does', () => {
    expect(['yyyy-mm-dd', 'm"月"d"日"', '[$-804]yyyy"年"m"月"d"日";@', 'h:mm', '[h]:mm:ss', 'dd/mm/yy\\ hh:mm'].map(isDateFormat)).toEqual([true, true, true, true, true, true]);
    expect(['', 'General', '0%', '0.00', '#,##0"处"', '[Red]0.0', '0\\d', '"day"0', '_(* #,##0_)'].map(isDateFormat)).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  it('names cells as a spreadsheet does, and reads a date cell\'s day only when the calendar has it', () => {
    expect(['A1', 'Z9', 'AA10', 'XFD1048576', 'XFE1', 'A0', 'A1048577', '1A', 'A1:B2'].map((r) => cellRef(r))).toEqual([
      { col: 0, row: 1 }, { col: 25, row: 9 }, { col: 26, row: 10 }, { col: 16_383, row: 1_048_576 }, undefined, undefined, undefined, undefined, undefined,
    ]);
    expect([0, 25, 26, 701, 702, 16_383].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['2025-06-05T00:00:00Z', '2025-06-05', '1899-12-31', '2025-02-29', '+275760-09-13T00:00:00Z', '10:30:00', '2024-02-29T12:00:00.000+08:00'].map(writtenDay)).toEqual([
      '2025-06-05', '2025-06-05', undefined, undefined, undefined, undefined, '2024-02-29',
    ]);
  });
});

describe('the archive: names compared as OPC compares parts', () => {
  it('one name twice, with a different case or a leading slash, is a damaged archive; folders may repeat', async () => {
    const zip = new JSZip();
    zip.file('a/x.xml', '1');
    zip.file('a/y.xml', '2');
    zip.file('/a/z.xml', '3');
    zip.folder('c');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(zipEntries(bytes).map((e) => e.name)).toEqual(['a/', 'a/x.xml', 'a/y.xml', '/a/', '/a/z.xml', 'c/']);
    const as = (from: string, to: string) => Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');
    expect(() => zipEntries(as('a/y.xml', 'A/X.xml'))).toThrow('damaged archive: two entries are named A/X.xml');
    expect(() => zipEntries(as('/a/z.xml', '/a/x.xml'))).toThrow('damaged archive: two entries are named /a/x.xml');
  });
});
