// A Word table written as text (src/formats/docx-table.ts) is the XML the `docx` package writes for the
// same table, byte for byte: each case is built both ways and compared, so that a Word document reads as
// it did when the package wrote its tables.
import { describe, expect, it } from 'vitest';
import {
  BorderStyle, Document, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import JSZip from 'jszip';
import { PLACEHOLDER_STYLE, tableXml, withTables, type CellLineXml, type CellXml, type TableXml } from '../src/formats/docx-table.js';

/** The same table through the `docx` package, as src/formats/docx.ts built it before it wrote its own. */
function libraryTable(t: TableXml): Table {
  const border = { style: BorderStyle.SINGLE, size: t.border.size, color: t.border.color };
  const paragraph = (l: CellLineXml) => new Paragraph({
    children: [new TextRun({ text: l.text, size: l.size, font: { eastAsia: l.font.eastAsia, ascii: l.font.latin, hAnsi: l.font.latin, hint: 'eastAsia' } })],
    alignment: l.align,
    indent: { firstLine: 0 },
    spacing: { line: l.line, lineRule: LineRuleType.EXACT },
    ...(l.keepNext ? { keepNext: true } : {}),
  });
  const cell = (c: CellXml) => new TableCell({
    children: c.lines.map(paragraph),
    width: { size: c.width, type: WidthType.DXA },
    ...(c.span ? { columnSpan: c.span } : {}),
    ...(c.margins ? { margins: c.margins } : {}),
    ...(c.middle ? { verticalAlign: VerticalAlign.CENTER } : {}),
    ...(c.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: c.fill } } : {}),
  });
  return new Table({
    rows: t.rows.map((r) => new TableRow({
      children: r.cells.map(cell),
      ...(r.header ? { tableHeader: true } : {}),
      ...(r.cantSplit !== undefined ? { cantSplit: r.cantSplit } : {}),
    })),
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: [...t.columns],
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

async function documentXml(children: (Paragraph | Table)[]): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

/** The package's XML of a table: the one `<w:tbl>` of a document holding only it. */
async function libraryXml(t: TableXml): Promise<string> {
  const xml = await documentXml([libraryTable(t)]);
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
}

const FANGSONG = { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' };
const HEITI = { eastAsia: '黑体', latin: 'Times New Roman' };
const line = (text: string, more: Partial<CellLineXml> = {}): CellLineXml => ({ text, font: FANGSONG, size: 18, align: 'left', line: 216, keepNext: false, ...more });
const MARGINS = { left: 60, right: 60, top: 10, bottom: 10 };
const BORDER = { size: 4, color: '000000' };

const CASES: Record<string, TableXml> = {
  'a 周报表: a shaded header repeated on each page, rows kept whole, a 督办灯 cell, a row that may split': {
    width: 12756, columns: [2126, 1000, 875], border: BORDER,
    rows: [
      { header: true, cantSplit: true, cells: ['单位', '任务数', '督办'].map((h, j) => ({ lines: [line(h, { font: HEITI, align: 'center' })], width: [2126, 1000, 875][j]!, margins: MARGINS, middle: true, fill: 'D9D9D9' })) },
      { cantSplit: true, cells: [{ lines: [line('派出所')], width: 2126, margins: MARGINS }, { lines: [line('3', { align: 'center' })], width: 1000, margins: MARGINS }, { lines: [line('红灯', { align: 'center' })], width: 875, margins: MARGINS, fill: 'FFC7CE' }] },
      { cantSplit: false, cells: [{ lines: [line('开展宣传'), line('第二行'), line('')], width: 2126, margins: MARGINS }, { lines: [line('')], width: 1000, margins: MARGINS }, { lines: [line('—', { align: 'right' })], width: 875, margins: MARGINS }] },
    ],
  },
  'the last rows kept with the signature below (keepNext), in 五号': {
    width: 8844, columns: [4422, 4422], border: BORDER,
    rows: [{ cantSplit: true, cells: [{ lines: [line('甲', { size: 21, line: 252, keepNext: true })], width: 4422, margins: MARGINS }, { lines: [line('乙', { size: 21, line: 252, keepNext: true })], width: 4422, margins: MARGINS }] }],
  },
  'an empty table: one cell across every column, on no row properties': {
    width: 8844, columns: [2948, 2948, 2948], border: BORDER,
    rows: [
      { header: true, cantSplit: true, cells: [{ lines: [line('A')], width: 2948, margins: MARGINS, middle: true, fill: 'D9D9D9' }, { lines: [line('B')], width: 2948 }, { lines: [line('C')], width: 2948 }] },
      { cells: [{ lines: [line('（无）', { align: 'center' })], span: 3, width: 8844 }] },
    ],
  },
  'text XML escapes and text it must leave as it is': {
    width: 5000, columns: [5000], border: BORDER,
    rows: [{ cantSplit: true, cells: [{ lines: [line('A & B <c> "d" \'e\' ]]> 　全角 \t tab'), line('  leading and trailing  ')], width: 5000, margins: MARGINS }] }],
  },
};

describe('a table written as text is the XML the docx package writes', () => {
  for (const [name, t] of Object.entries(CASES)) {
    it(name, async () => {
      expect(tableXml(t)).toBe(await libraryXml(t));
    });
  }
});

describe('withTables: the tables in their placeholders, in order', () => {
  const placeholder = () => new Paragraph({ style: PLACEHOLDER_STYLE });
  it('puts each table where its placeholder paragraph is, and the text around them stays', async () => {
    const xml = await documentXml([new Paragraph('前'), placeholder(), new Paragraph('中'), placeholder(), new Paragraph('后')]);
    const out = withTables(xml, ['<w:tbl>1</w:tbl>', '<w:tbl>2</w:tbl>']);
    expect(out).not.toContain(PLACEHOLDER_STYLE);
    expect(out.indexOf('前')).toBeLessThan(out.indexOf('<w:tbl>1'));
    expect(out.indexOf('<w:tbl>1')).toBeLessThan(out.indexOf('中'));
    expect(out.indexOf('中')).toBeLessThan(out.indexOf('<w:tbl>2'));
    expect(out.indexOf('<w:tbl>2')).toBeLessThan(out.indexOf('后'));
  });

  it('text that names the placeholder style is text, not a placeholder', async () => {
    const xml = await documentXml([new Paragraph(`<w:pStyle w:val="${PLACEHOLDER_STYLE}"/>`), placeholder()]);
    expect(withTables(xml, ['<w:tbl/>'])).toContain(`&lt;w:pStyle w:val=&quot;${PLACEHOLDER_STYLE}&quot;/&gt;`);
  });

  it('refuses a document whose placeholders are not one for each table', async () => {
    const xml = await documentXml([placeholder()]);
    expect(() => withTables(xml, [])).toThrow('expected 0 table placeholders in word/document.xml, found 1');
    expect(() => withTables(xml, ['a', 'b'])).toThrow('expected 2 table placeholders in word/document.xml, found 1');
  });
});
