// The readers of the formats a plan arrives in besides .txt and .docx (src/importer/read-doc.ts, read-ofd.ts,
// read-sheet.ts, formats.ts; src/containers/), on the fixtures of test/fixtures/import-formats/ (make-formats.mjs and
// make-ofd.mjs write them from the import corpus's plans): each gives the blocks the .docx gives, and a
// damaged or hostile file is an Error, quickly.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Block, SourceDoc } from '../src/importer/document.js';
import { docxDocument } from '../src/importer/read-docx.js';
import { sniffFormat } from '../src/importer/formats.js';
import { DocReadError, docDocument, readOle, wordXmlDocument, wpsDocument } from '../src/importer/read-doc.js';
import { deltas, layoutOfd, ofdDocument, OfdReadError, type TextItem } from '../src/importer/read-ofd.js';
import { csvDocument, sheetBlocks, xlsDocument, xlsxDocument } from '../src/importer/read-sheet.js';
import { textDocument } from '../src/importer/text-table.js';
import { openZip, verifyZip, ZIP_LIMITS, ZipError } from '../src/containers/zip.js';

const dir = new URL('./fixtures/import-formats/', import.meta.url).pathname;
const corpus = new URL('./fixtures/import-corpus/', import.meta.url).pathname;
const fixture = (name: string) => new Uint8Array(readFileSync(dir + name));

/** A .docx of the corpus, as the importer reads it. */
async function docx(name: string): Promise<SourceDoc> {
  return docxDocument(new Uint8Array(readFileSync(corpus + name)));
}

/** Blocks without where they stand (page), for comparing readers. */
const plain = (d: SourceDoc): Omit<Block, 'page'>[] => d.blocks.map(({ page: _page, ...b }) => b);
const paras = (d: SourceDoc) => d.blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : []));
const tables = (d: SourceDoc) => d.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));

/** Runs a reader that must fail, and how long it took. */
async function failure(read: () => unknown): Promise<{ error: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    await read();
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
  throw new Error('read without an error');
}

describe('Word 97–2003 .doc', () => {
  it.each([
    ['doc-09-taoyuan-safety-month.doc', '09-taoyuan-safety-month-2024.docx'],
    ['doc-05-changling-forest-fire.doc', '05-changling-forest-fire-2023-2024.docx'],
  ])('%s gives the blocks of the .docx, merged cells repeated as rowspan is', async (doc, original) => {
    const fromDoc = await docDocument(fixture(doc));
    expect(fromDoc.unit).toBe('paragraph');
    expect(plain(fromDoc)).toEqual(plain(await docx(original)));
  });

  it('reads a plain plan line for line as the text file has it', async () => {
    const fromDoc = await docDocument(fixture('doc-01-qingshi-plain.doc'));
    const fromText = textDocument(readFileSync(`${corpus}01-qingshi-safety-month-2021.txt`, 'utf8'));
    expect(paras(fromDoc)).toEqual(paras(fromText));
    expect(tables(fromDoc)).toEqual([]);
  });

  it('is fast: a 28 KB plan in a few milliseconds', async () => {
    const bytes = fixture('doc-05-changling-forest-fire.doc');
    await docDocument(bytes);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await docDocument(bytes);
    expect((performance.now() - t0) / 20).toBeLessThan(50);
  });

  it.each(['doc-09-as-rtf.doc', 'doc-09-as-html.doc', 'doc-09-as-mht.doc'])('reads %s (RTF, a web page, MHT saved as .doc) as the .docx', async (name) => {
    expect(plain(await docDocument(fixture(name)))).toEqual(plain(await docx('09-taoyuan-safety-month-2024.docx')));
  });

  it("reads Word 2003 XML's paragraphs (LibreOffice's export leaves merged cells out of its table)", async () => {
    const d = wordXmlDocument(fixture('doc-09-as-word2003.xml'));
    expect(paras(d)).toEqual(paras(await docx('09-taoyuan-safety-month-2024.docx')));
    expect(tables(d)[0]![0]).toEqual(['序号', '工作内容', '时间节点', '责任单位', '配合单位']);
    expect(await docDocument(fixture('doc-09-as-word2003.xml'))).toEqual(d);
  });

  it('reads a .docx named .doc', async () => {
    expect(plain(await docDocument(fixture('doc-09-taoyuan-safety-month-ooxml.wps')))).toEqual(plain(await docx('09-taoyuan-safety-month-2024.docx')));
  });

  it.each([
    ['doc-truncated.doc', 'damaged'],
    ['doc-sector-loop.doc', 'damaged'],
    ['doc-directory-loop.doc', 'damaged'],
  ])('refuses %s with a DocReadError (%s), quickly', async (name, code) => {
    const { error, ms } = await failure(() => docDocument(fixture(name)));
    expect(error).toBeInstanceOf(DocReadError);
    expect((error as DocReadError).code).toBe(code);
    expect(ms).toBeLessThan(500);
  });

  it('refuses a compound file that declares more than it holds', async () => {
    const good = fixture('doc-09-taoyuan-safety-month.doc');
    const hugeFat = Buffer.from(good);
    hugeFat.writeUInt32LE(0x7fffffff, 44);
    expect((await failure(() => docDocument(hugeFat))).error).toBeInstanceOf(DocReadError);
    // Every directory entry's size set to 2 GB: refused as too large, nothing allocated.
    const huge = Buffer.from(good);
    const size = 512;
    const dirStart = huge.readInt32LE(48);
    for (let e = 0; e < 4; e++) huge.writeUInt32LE(0x7ffffff0, (dirStart + 1) * size + e * 128 + 120);
    const { error } = await failure(() => docDocument(huge));
    expect(error).toBeInstanceOf(DocReadError);
  });

  it('survives random damage: every mutated file is read or refused with a DocReadError', async () => {
    const good = fixture('doc-09-taoyuan-safety-month.doc');
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(good);
      for (let k = 0; k < 1 + Math.floor(random() * 6); k++) b[random() < 0.5 ? Math.floor(random() * 512) : Math.floor(random() * b.length)] = Math.floor(random() * 256);
      try {
        await docDocument(b);
      } catch (err) {
        expect(err).toBeInstanceOf(DocReadError);
      }
    }
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('says what else a file named .doc is not', async () => {
    const { error } = await failure(() => docDocument(new TextEncoder().encode('\u0000\u0001binary garbage')));
    expect(error).toBeInstanceOf(DocReadError);
    expect((error as DocReadError).code).toBe('unsupported');
  });

  it('lists the streams of a compound file', () => {
    expect(readOle(fixture('doc-09-taoyuan-safety-month.doc')).names).toEqual(expect.arrayContaining(['WordDocument', '1Table']));
  });
});

describe('WPS .wps', () => {
  it('reads the Word binary format under the .wps name, and a .docx under it', async () => {
    const expected = plain(await docx('09-taoyuan-safety-month-2024.docx'));
    expect(plain(await wpsDocument(fixture('doc-09-taoyuan-safety-month.wps')))).toEqual(expected);
    expect(plain(await wpsDocument(fixture('doc-09-taoyuan-safety-month-ooxml.wps')))).toEqual(expected);
  });

  it.each([
    ['doc-kingsoft-old.wps', 'an old Kingsoft file'],
    ['sheet-taoyuan-tasks.xls', 'an OLE file without a WordDocument stream (Works)'],
  ])('refuses %s (%s), saying to save it as .docx from WPS', async (name) => {
    const { error } = await failure(() => wpsDocument(fixture(name)));
    expect(error).toBeInstanceOf(DocReadError);
    expect((error as Error).message).toMatch(/save it as \.docx from WPS/);
  });
});

describe('OFD', () => {
  it.each([
    ['ofd-taoyuan-safety-month-2024.ofd', '09-taoyuan-safety-month-2024.docx'],
    ['ofd-changling-forest-fire-2023-2024.ofd', '05-changling-forest-fire-2023-2024.docx'],
  ])('%s rebuilds the .docx blocks from positions: wrapped lines joined, rulings as a table', async (ofd, original) => {
    const d = ofdDocument(fixture(ofd));
    expect(plain(d)).toEqual(plain(await docx(original)));
    // Page numbers, the seal and the template's header are not text of the plan.
    expect(d.blocks.every((b) => b.page! >= 1)).toBe(true);
    expect(JSON.stringify(d)).not.toMatch(/— \d —|人民政府文件|★/);
  });

  it.each([
    ['ofd-zip-bomb.ofd', /more than 64 MB/],
    ['ofd-zip-bomb-lying.ofd', /more than it declares/],
    ['ofd-truncated.ofd', /no central directory/],
  ])('refuses %s with a ZipError, quickly', async (name, message) => {
    const { error, ms } = await failure(() => ofdDocument(fixture(name)));
    expect(error).toBeInstanceOf(ZipError);
    expect((error as Error).message).toMatch(message);
    expect(ms).toBeLessThan(500);
  });

  it('refuses a page whose XML is broken', async () => {
    const { error } = await failure(() => ofdDocument(fixture('ofd-broken-xml.ofd')));
    expect(error).toBeInstanceOf(OfdReadError);
  });

  it('reads DeltaX with its "g" repeats', () => {
    expect(deltas('g 3 5.6 2 g 2 1', 10)).toEqual([5.6, 5.6, 5.6, 2, 1, 1]);
    expect(deltas('1 x 2', 3)).toEqual([1, 0, 2]);
  });

  describe('layout', () => {
    const size = 5;
    /** A line of text at a baseline, each character `size` wide. */
    const run = (x: number, y: number, text: string, s = size): TextItem => ({ x, y, right: x + [...text].length * s, size: s, text });
    const page = (items: TextItem[]) => ({ width: 210, height: 297, items, rules: [] });
    const body = (n: number) => '字'.repeat(n);

    it('joins a wrapped paragraph, and starts one at an indent, a number or a label', () => {
      const lines = [
        run(38, 50, body(28)), // indented first line, to the right margin (38 + 28*5 = 178)
        run(28, 60, body(30)), // runs on, to the margin
        run(28, 70, '完。'), // last line
        run(28, 80, body(30)), // a paragraph without indent: nothing before reached the margin
        run(28, 90, '（一）加强领导。'), // a numbered line after a full line: new paragraph
        run(28, 100, body(30)),
        run(28, 110, '牵头单位：镇应急办'), // a label after a full line: new paragraph
        run(28, 120, body(30)),
        run(28, 130, '导小组：'), // a short tail that merely ends with a colon: runs on
      ];
      expect(paras(layoutOfd([page(lines)]))).toEqual([
        `${body(28)}${body(30)}完。`,
        body(30),
        '（一）加强领导。',
        body(30),
        '牵头单位：镇应急办',
        `${body(30)}导小组：`,
      ]);
    });

    it('keeps centred and right-aligned short lines alone and drops page numbers', () => {
      const lines = [run(90, 40, '通知', 7.7), run(28, 60, body(30)), run(120, 80, '桃源乡人民政府'), run(125, 90, '2024年5月24日'), run(97, 280, '— 1 —', 4)];
      expect(paras(layoutOfd([page(lines)]))).toEqual(['通知', body(30), '桃源乡人民政府', '2024年5月24日']);
    });

    it('puts runs on one baseline in order, with the gaps between them as spaces', () => {
      const lines = [run(53, 50, '欧阳明'), run(28, 50.5, '组  长：'), run(78, 50, '镇党委书记')];
      expect(paras(layoutOfd([page(lines)]))).toEqual(['组  长：欧阳明  镇党委书记']);
    });

    it('reads a ruled table, a merged cell (no inner ruling) repeated in every cell it covers', () => {
      const h = (y: number, x1 = 28, x2 = 128) => ({ x1, y1: y, x2, y2: y });
      const v = (x: number) => ({ x1: x, y1: 40, x2: x, y2: 70 });
      // Three rows of two columns; the second column's rows 2 and 3 merged (no ruling between them there).
      const rules = [h(40), h(50), h(60, 28, 78), h(70), v(28), v(78), v(128)];
      const items = [run(30, 47, '序号'), run(80, 47, '牵头单位'), run(30, 57, '1'), run(30, 67, '2'), run(80, 62, '镇应急办')];
      expect(tables(layoutOfd([{ width: 210, height: 297, items, rules }]))).toEqual([[['序号', '牵头单位'], ['1', '镇应急办'], ['2', '镇应急办']]]);
    });

    it('joins a table that runs on to the next page, its repeated header row dropped', () => {
      const h = (y: number) => ({ x1: 28, y1: y, x2: 128, y2: y });
      const v = (x: number, y1: number, y2: number) => ({ x1: x, y1, x2: x, y2 });
      const grid = (top: number) => [h(top), h(top + 10), h(top + 20), v(28, top, top + 20), v(78, top, top + 20), v(128, top, top + 20)];
      const first = { width: 210, height: 297, items: [run(30, 247, '序号'), run(80, 247, '牵头单位'), run(30, 257, '1'), run(80, 257, '镇应急办')], rules: grid(240) };
      const second = { width: 210, height: 297, items: [run(30, 47, '序号'), run(80, 47, '牵头单位'), run(30, 57, '2'), run(80, 57, '镇林业站')], rules: grid(40) };
      const d = layoutOfd([first, second]);
      expect(tables(d)).toEqual([[['序号', '牵头单位'], ['1', '镇应急办'], ['2', '镇林业站']]]);
      expect(d.blocks[0]!.page).toBe(1);
    });
  });
});

describe('spreadsheets', () => {
  const header = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];

  it('reads an .xlsx: the merged title as a paragraph, the table with its merged lead repeated, the note below; the hidden sheet left out', async () => {
    const d = await xlsxDocument(fixture('sheet-taoyuan-tasks.xlsx'));
    expect(paras(d)).toEqual(['桃源乡安全生产月任务分工表', '注：各单位于每周五前报送进展情况。']);
    const [rows] = tables(d);
    expect(rows![0]).toEqual(header);
    expect(rows!.map((r) => r[2])).toEqual(['牵头单位', '乡应急办', '乡应急办', '乡应急办', '乡经发办']);
    expect(rows![3]![4]).toBe('2024年6月16日');
    expect(d.blocks.map((b) => b.no)).toEqual([1, 2, 3]);
  });

  it('reads an .xls in the sheet reader process (its merged cells stay empty but the first)', async () => {
    const d = await xlsDocument(fixture('sheet-taoyuan-tasks.xls'));
    expect(paras(d)[0]).toBe('桃源乡安全生产月任务分工表');
    const [rows] = tables(d);
    expect(rows![0]).toEqual(header);
    expect(rows!.map((r) => r[2])).toEqual(['牵头单位', '乡应急办', '', '', '乡经发办']);
    expect(rows![3]![4]).toBe('2024年6月16日');
  });

  it('reads a GBK CSV', () => {
    const d = csvDocument(fixture('sheet-taoyuan-tasks-gbk.csv'));
    expect(paras(d)).toEqual(['桃源乡安全生产月任务分工表']);
    expect(tables(d)[0]![0]).toEqual(header);
    expect(tables(d)[0]![2]![1]).toBe('组织开展“畅通生命通道”专项检查');
  });

  it('reads a CSV in UTF-32, either byte order, as it reads the same text in UTF-8 (a character beyond U+FFFF too)', () => {
    const text = '序号,工作任务,牵头单位\n1,开展𠀀宣传,应急办\n';
    const utf8 = csvDocument(new TextEncoder().encode(text));
    expect(tables(utf8)[0]![1]).toEqual(['1', '开展𠀀宣传', '应急办']);
    for (const encoding of ['utf-32le', 'utf-32be']) {
      const bytes = new Uint8Array(iconv.encode(text, encoding, { addBOM: true }));
      expect(sniffFormat(bytes, '分工表.csv')).toBe('csv');
      expect(csvDocument(bytes)).toEqual(utf8);
    }
  });

  it('reads an .xlsx with cells, merged ranges, validations and names far away as it reads the 分工表 alone', async () => {
    const zip = await JSZip.loadAsync(fixture('sheet-taoyuan-tasks.xlsx'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const far = Array.from({ length: 3000 }, (_, i) => `<row r="${20 + i}"><c r="XFD${20 + i}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', `${far}<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`)
      .replace('<mergeCells count="2">', '<mergeCells count="3"><mergeCell ref="F1:XFD1048576"/>')
      .replace(/(<\/mergeCells>)/, '$1<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace('</sheets>', '</sheets><definedNames><definedName name="all">分工表!$A$1:$XFD$1048576</definedName></definedNames>'));
    const d = await xlsxDocument(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(d).toEqual(await xlsxDocument(fixture('sheet-taoyuan-tasks.xlsx')));
  });

  it('refuses an .xlsx zip bomb before exceljs inflates it', async () => {
    const { error, ms } = await failure(() => xlsxDocument(fixture('sheet-zip-bomb.xlsx')));
    expect(error).toBeInstanceOf(ZipError);
    expect(ms).toBeLessThan(1000);
  });

  it('keeps a one-column list as a table, and drops empty rows and columns', () => {
    expect(sheetBlocks([['乡应急办'], ['乡党政办']], 1)).toEqual([{ kind: 'table', no: 1, rows: [['乡应急办'], ['乡党政办']] }]);
    expect(sheetBlocks([['', '', ''], ['a', '', 'b'], ['', '', ''], ['c', '', 'd']], 4)).toEqual([{ kind: 'table', no: 4, rows: [['a', 'b'], ['c', 'd']] }]);
  });
});

describe('ZIP limits', () => {
  /** A ZIP of stored-or-deflated entries, written by hand so that a test controls every field. */
  function zip(entries: { name: string; data: Buffer }[]): Uint8Array {
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
      const name = Buffer.from(e.name);
      const packed = deflateRawSync(e.data);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(0, 14);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(e.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt32LE(packed.length, 20);
      cd.writeUInt32LE(e.data.length, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(offset, 42);
      parts.push(local, name, packed);
      central.push(cd, name);
      offset += 30 + name.length + packed.length;
    }
    const cd = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    return new Uint8Array(Buffer.concat([...parts, cd, end]));
  }

  it('refuses too many entries, and an entry packed past the ratio', () => {
    const many = zip(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(() => openZip(many)).toThrow(/more than 5000 entries/);
    expect(() => openZip(zip([{ name: 'a.xml', data: Buffer.alloc(1024 * 1024, 0x20) }]))).toThrow(/packed more than 100:1/);
  });

  it('refuses an entry whose checksum is wrong', () => {
    // The hand-written entries above carry a CRC of 0.
    expect(() => verifyZip(zip([{ name: 'a.xml', data: Buffer.from('<a/>') }]))).toThrow(/checksum/);
  });
});

describe('sniffFormat', () => {
  it.each([
    ['doc-09-taoyuan-safety-month.doc', 'doc'],
    ['doc-09-taoyuan-safety-month.wps', 'wps'],
    ['doc-09-taoyuan-safety-month-ooxml.wps', 'docx'],
    ['doc-kingsoft-old.wps', 'wps'],
    ['doc-09-as-rtf.doc', 'rtf'],
    ['doc-09-as-html.doc', 'html'],
    ['doc-09-as-mht.doc', 'html'],
    ['doc-09-as-word2003.xml', 'doc'],
    ['doc-truncated.doc', 'doc'],
    ['ofd-taoyuan-safety-month-2024.ofd', 'ofd'],
    ['ofd-zip-bomb.ofd', 'ofd'],
    ['ofd-truncated.ofd', 'ofd'],
    ['sheet-taoyuan-tasks.xlsx', 'xlsx'],
    ['sheet-taoyuan-tasks.xls', 'xls'],
    ['sheet-taoyuan-tasks-gbk.csv', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(sniffFormat(fixture(name), name)).toBe(format);
  });

  it('knows by the bytes what the name does not say', () => {
    const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(64).fill(0)]);
    expect(sniffFormat(readFileSync(`${corpus}09-taoyuan-safety-month-2024.docx`), 'plan.doc')).toBe('docx');
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'plan.doc')).toBe('pdf');
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'IMG_0001.doc')).toBe('image');
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0), 'photo.jpg')).toBe('image');
    expect(sniffFormat(new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]), 'IMG_0002.HEIC')).toBe('image');
    expect(sniffFormat(readFileSync(`${corpus}01-qingshi-safety-month-2021.txt`), 'plan.txt')).toBe('txt');
    expect(sniffFormat(new TextEncoder().encode('序号,工作任务\n1,检查\n'), '分工表.CSV')).toBe('csv');
    expect(sniffFormat(new Uint8Array([0xff, 0xfe, 0x60, 0x4f]), 'plan.txt')).toBe('txt');
    expect(sniffFormat(new Uint8Array([1, 2, 0, 4, 5]), 'plan.bin')).toBe('unknown');
    expect(sniffFormat(fixture('ofd-truncated.ofd'), 'plan.zip')).toBe('unknown');
    expect(sniffFormat(new TextEncoder().encode('<html><body><p>方案</p></body></html>'), 'plan.xls')).toBe('html');
  });
});
