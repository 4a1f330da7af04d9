// The PDF reader: its layout on made-up pages (lines, paragraphs, furniture, ruled tables), and pdf.js on
// the PDFs of test/fixtures/import-formats/ (made by make-pdf.mjs with LibreOffice): the two Word plans
// of the corpus read from PDF as from the .docx, a twenty-page plan, a scan, damaged and locked files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/importer/document.js';
import { docxDocument } from '../src/importer/read-docx.js';
import { layoutPages, MAX_PAGES, mayHoldTable, PdfError, pdfDocument, type PageText, type Rule, type TextRun } from '../src/importer/read-pdf.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/import-formats/${name}`, import.meta.url)));
const corpus = (name: string) => readFileSync(new URL(`fixtures/import-corpus/${name}`, import.meta.url));

// ---------------------------------------------------------------------------------------------
// Made-up pages: A4, a text block from x 80 to 512 (27 characters of 16 pt), lines 28 pt apart.

const LEFT = 80;
const RIGHT = 512;
const FS = 16;
const TEXT = '为切实做好安全生产工作严防各类事故发生保护人民群众生命财产安全根据上级要求结合我镇实际制定本方案';

/** Advance of a string set in a font of size fs: Chinese one em, Western half, a space a quarter. */
const advance = (s: string, fs = FS) => [...s].reduce((w, c) => w + (c === ' ' ? 0.25 : c.charCodeAt(0) < 0x250 ? 0.5 : 1) * fs, 0);

const run = (str: string, x: number, y: number, fontSize = FS, more: Partial<TextRun> = {}): TextRun =>
  ({ str, x, y, w: advance(str, fontSize), h: fontSize, fontSize, ...more });

/** n Chinese characters of filler, from the k-th on. */
const chars = (n: number, k = 0) => Array.from({ length: n }, (_, i) => TEXT[(k + i) % TEXT.length]).join('');

const page = (items: TextRun[], rules: Rule[] = []): PageText => ({ width: 595, height: 842, items, rules });
const line = (i: number) => 120 + 28 * i;

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'para' ? b.text : b.rows));

describe('layout: lines and paragraphs', () => {
  it('joins wrapped lines, and starts a paragraph at an indent, a number or a label', () => {
    const items = [
      run('一、总体要求', LEFT + 2 * FS, line(0)),
      run(chars(25), LEFT + 2 * FS, line(1)), // indented first line, full
      run(chars(27, 25), LEFT, line(2)), // full
      run(`${chars(9, 52)}。`, LEFT, line(3)), // last line
      run(chars(25, 3), LEFT + 2 * FS, line(4)), // full, then …
      run('牵头单位：镇应急办', LEFT, line(5)), // … a label at the margin
      run(`（一）${chars(22)}`, LEFT + 2 * FS, line(6)),
      run(chars(8), LEFT + 2 * FS, line(7)), // indented: a new paragraph
    ];
    expect(texts(layoutPages([page(items)]).blocks)).toEqual([
      '一、总体要求',
      `${chars(25)}${chars(27, 25)}${chars(9, 52)}。`,
      chars(25, 3),
      '牵头单位：镇应急办',
      `（一）${chars(22)}`,
      chars(8),
    ]);
  });

  it('reads a label inside brackets as part of the sentence', () => {
    const items = [
      run(`${chars(15)}。（牵头：镇村建所；`, LEFT + 2 * FS, line(0)), // full: 25 characters
      run('配合：各村（社区））', LEFT, line(1)),
      run('牵头单位：镇应急办', LEFT + 2 * FS, line(2)),
    ];
    expect(texts(layoutPages([page(items)]).blocks)).toEqual([`${chars(15)}。（牵头：镇村建所；配合：各村（社区））`, '牵头单位：镇应急办']);
  });

  it('joins a line whose first character could not end the line above (禁则), even if the line above is short', () => {
    const items = [
      run(chars(25), LEFT + 2 * FS, line(0)),
      run(`${chars(26, 5)}`, LEFT, line(1)), // one character short of full: the next one's comma pulled it down
      run(`书，${chars(6)}。`, LEFT, line(2)),
      run(chars(10), LEFT + 2 * FS, line(3)),
    ];
    const doc = layoutPages([page(items)]);
    expect(texts(doc.blocks)).toEqual([`${chars(25)}${chars(26, 5)}书，${chars(6)}。`, chars(10)]);
  });

  it('keeps centered and right-aligned lines as paragraphs of their own, and joins a full title line with its centered rest', () => {
    const center = (s: string, y: number, fs = FS) => run(s, (LEFT + RIGHT) / 2 - advance(s, fs) / 2, y, fs);
    const right = (s: string, y: number) => run(s, RIGHT - advance(s), y);
    const items = [
      center('长岭镇2024年安全生产月', line(0), 22),
      center('活动方案', line(1) + 6, 22),
      run(chars(25), LEFT + 2 * FS, line(3)),
      run(chars(12), LEFT, line(4)),
      right('长岭镇人民政府', line(6)),
      right('2024年5月20日', line(7)),
      run('附件', LEFT, line(9)),
      center(chars(19, 1), line(10), 22), // a title that fills the line …
      center('工作方案', line(11) + 6, 22), // … and its centered end
      run(chars(25, 4), LEFT + 2 * FS, line(13)),
    ];
    expect(texts(layoutPages([page(items)]).blocks)).toEqual([
      '长岭镇2024年安全生产月',
      '活动方案',
      `${chars(25)}${chars(12)}`,
      '长岭镇人民政府',
      '2024年5月20日',
      '附件',
      `${chars(19, 1)}工作方案`,
      chars(25, 4),
    ]);
  });

  it('joins a paragraph across a page break, giving it the page it starts on', () => {
    const body = (k: number) => [run(chars(25, k), LEFT + 2 * FS, line(0)), ...[1, 2, 3, 4].map((i) => run(chars(27, k + i), LEFT, line(i)))];
    const next = [run(chars(5, 9), LEFT, line(0)), run(chars(10), LEFT + 2 * FS, line(1)), run(chars(25, 3), LEFT + 2 * FS, line(2)), run(chars(27, 4), LEFT, line(3)), run(chars(6), LEFT, line(4))];
    const doc = layoutPages([page(body(0)), page(next)]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'para', page: 1 });
    expect((doc.blocks[0] as { text: string }).text.endsWith(chars(5, 9))).toBe(true);
    expect(doc.blocks[1]).toMatchObject({ kind: 'para', text: chars(10), page: 2 });
    expect(doc.blocks.map((b) => b.no)).toEqual(doc.blocks.map((_, i) => i + 1));
  });

  it('sets nothing between Chinese and Western text, a space between words, two spaces where a gap was typed', () => {
    const y = line(0);
    const items = [
      // "2024年" drawn in two fonts with LibreOffice's quarter-em gap between scripts
      run('全年共', LEFT, y), run('2024', LEFT + 48 + 4, y), run('年', LEFT + 48 + 4 + 32 + 4, y),
      // "GB 50016" in two runs with a word space
      run('GB', LEFT, line(2)), run('50016', LEFT + 16 + 4, line(2)),
      // one run whose single spaces are each two spaces wide (pdf.js writes one): 组  长：欧阳明  镇党委书记
      { ...run('组 长：欧阳明 镇党委书记', LEFT, line(4)), w: 11 * FS + 2 * 0.45 * FS },
      // a run letter-spaced by justification: 切 实 加 强 组 织 领 导
      { ...run('切 实 加 强 组 织 领 导', LEFT, line(6)), w: 8 * FS + 7 * 0.3 * FS },
      // Kangxi radicals ⼆ ⼯ (U+2F06, U+2F2F) for 二 工, as some PDF makers map them
      run('⼆、⼯作要求', LEFT, line(8)),
    ];
    expect(texts(layoutPages([page(items)]).blocks)).toEqual(['全年共2024年', 'GB 50016', '组  长：欧阳明  镇党委书记', '切实加强组织领导', '二、工作要求']);
  });

  it('drops page numbers, running headers and footers, and rotated text (a seal)', () => {
    const pages = [1, 2, 3].map((n) => page([
      run('长岭镇2024年安全生产月活动方案', 200, 60, 10.5), // running header
      ...(n === 1 ? [run('长岭镇人民政府文件', 150, 100, 36)] : []), // 红头: kept
      run(chars(25, n), LEFT + 2 * FS, line(2)),
      run(chars(10, n), LEFT, line(3)),
      run('盖章', 300, line(3) + 10, 18, { rotated: true }),
      run(['— 1 —', '- 2 -', '第 3 页 共 3 页'][n - 1]!, 280, 800, 14),
    ]));
    expect(texts(layoutPages(pages).blocks)).toEqual(['长岭镇人民政府文件', ...[1, 2, 3].map((n) => chars(25, n) + chars(10, n))]);
    // On a single page only page numbers can be told: the top line stays.
    expect(texts(layoutPages([page([run('长岭镇人民政府', 250, 60), run(chars(10), LEFT, line(2)), run('1/3', 290, 810)])]).blocks))
      .toEqual(['长岭镇人民政府', chars(10)]);
  });
});

// ---------------------------------------------------------------------------------------------
// Ruled tables

/** The rules of a grid: every horizontal line at ys and vertical line at xs, but for the gaps given. */
function gridRules(xs: number[], ys: number[], gaps: { y: number; x0: number; x1: number }[] = []): Rule[] {
  const h = ys.flatMap((y) => {
    const gap = gaps.find((g) => g.y === y);
    const x0 = xs[0]!;
    const x1 = xs.at(-1)!;
    return gap ? [{ x0, y0: y, x1: gap.x0, y1: y }, { x0: gap.x1, y0: y, x1, y1: y }] : [{ x0, y0: y, x1, y1: y }];
  });
  const v = xs.map((x) => ({ x0: x, y0: ys[0]!, x1: x, y1: ys.at(-1)! }));
  return [...h, ...v];
}

const XS = [LEFT, 120, 320, 420, RIGHT];
/** A cell's text, centered in column c, its baseline near the bottom of a row from y0 to y1. */
const cell = (s: string, c: number, y0: number, y1: number, fs = 12) => run(s, (XS[c]! + XS[c + 1]!) / 2 - advance(s, fs) / 2, (y0 + y1) / 2 + 0.35 * fs, fs);
const row = (cells: string[], y0: number, y1 = y0 + 30) => cells.flatMap((s, c) => (s ? [cell(s, c, y0, y1)] : []));
const HEADER = ['序号', '工作任务', '牵头单位', '完成时限'];

describe('which pages have their drawing read', () => {
  it('a page whose runs stand apart on a line (cells of a row), not one of paragraphs or 组  长： lines', () => {
    expect(mayHoldTable([run('序号', 80, 200), run('工作任务', 200, 200), run('牵头单位', 400, 200)])).toBe(true);
    expect(mayHoldTable([run('为切实做好', 80, 200), run('安全生产工作', 80 + 5 * FS, 200)])).toBe(false);
    expect(mayHoldTable([run('组  长：', 80, 200), run('欧阳明', 80 + 5 * FS, 200)])).toBe(false);
  });
});

describe('layout: ruled tables', () => {
  it('reads a table into rows, a merged cell repeated in every row it covers, and keeps it in reading order', () => {
    const ys = [200, 230, 260, 290, 320];
    const items = [
      run(chars(10), LEFT + 2 * FS, 180),
      ...row(HEADER, 200),
      ...row(['1', '开展隐患排查', '镇应急办', '6月1日'], 230),
      ...row(['2', '开展宣传教育', '', '6月2日'], 260),
      ...row(['3', '组织应急演练', '', '6月3日'], 290),
      cell('镇林业站', 2, 260, 320), // centered in the merged cell of rows 2–3
      run(chars(8), LEFT + 2 * FS, 350),
    ];
    const doc = layoutPages([page(items, gridRules(XS, ys, [{ y: 290, x0: 320, x1: 420 }]))]);
    expect(texts(doc.blocks)).toEqual([
      chars(10),
      [HEADER, ['1', '开展隐患排查', '镇应急办', '6月1日'], ['2', '开展宣传教育', '镇林业站', '6月2日'], ['3', '组织应急演练', '镇林业站', '6月3日']],
      chars(8),
    ]);
    expect(doc.blocks[1]).toMatchObject({ kind: 'table', no: 2, page: 1 });
  });

  it('joins a cell’s wrapped lines, and puts its paragraphs on lines of their own', () => {
    const ys = [200, 230, 290];
    const items = [
      ...row(HEADER, 200),
      ...row(['1', '', '', '6月1日'], 230, 290),
      // 工作任务 (120–320): a full line and its rest; 牵头单位 (320–420): two short units, one a line
      run(chars(16), 124, 250, 12), run(chars(5, 16), 124, 266, 12),
      run('镇应急办', 330, 250, 12), run('镇林业站', 330, 266, 12),
    ];
    const doc = layoutPages([page(items, gridRules(XS, ys))]);
    expect(texts(doc.blocks)).toEqual([[HEADER, ['1', chars(21), '镇应急办\n镇林业站', '6月1日']]]);
  });

  it('a box round one block of text is no table', () => {
    const items = [run(chars(10), LEFT + 10, 220), run(chars(6), LEFT + 10, 248)];
    const doc = layoutPages([page(items, gridRules([LEFT, RIGHT], [200, 260]))]);
    expect(doc.blocks.every((b) => b.kind === 'para')).toBe(true);
  });

  it('joins a table continued on the next page: the repeated header goes, a cut merged cell and a cut row are whole', () => {
    const first = page([
      run(chars(10), LEFT + 2 * FS, 180),
      ...row(HEADER, 700),
      ...row(['1', '开展隐患排查', '镇应急办', '6月1日'], 730),
      ...row(['2', '开展宣传教育', '', '6月2日'], 760),
      ...row(['3', '组织应急演练的', '', '6月3日'], 790),
      cell('镇林业站', 2, 760, 820), // merged over rows 2–3, and on over the page break
    ], gridRules(XS, [700, 730, 760, 790, 820], [{ y: 790, x0: 320, x1: 420 }]));
    const second = page([
      ...row(HEADER, 100),
      ...row(['', '前半部分', '', ''], 130), // the rest of row 3, cut by the page break
      ...row(['4', '开展执法检查', '镇派出所', '6月4日'], 160),
      run(chars(8), LEFT + 2 * FS, 230),
    ], gridRules(XS, [100, 130, 160, 190]));
    const doc = layoutPages([first, second]);
    expect(texts(doc.blocks)).toEqual([
      chars(10),
      [HEADER, ['1', '开展隐患排查', '镇应急办', '6月1日'], ['2', '开展宣传教育', '镇林业站', '6月2日'], ['3', '组织应急演练的前半部分', '镇林业站', '6月3日'], ['4', '开展执法检查', '镇派出所', '6月4日']],
      chars(8),
    ]);
    expect(doc.blocks[1]).toMatchObject({ page: 1 });
  });

  it('fills a merged cell the page break cut, whose part on the next page is empty', () => {
    const first = page([...row(HEADER, 700), ...row(['1', '开展隐患排查', '镇应急办', '6月1日'], 730), ...row(['2', '开展宣传教育', '镇林业站', '6月2日'], 760)], gridRules(XS, [700, 730, 760, 790]));
    const second = page(
      [...row(['3', '组织应急演练', '', '6月3日'], 100), ...row(['4', '开展执法检查', '', '6月4日'], 130)],
      gridRules(XS, [100, 130, 160], [{ y: 130, x0: 320, x1: 420 }]),
    );
    const rows = (layoutPages([first, second]).blocks[0] as { rows: string[][] }).rows;
    expect(rows.map((r) => r[2])).toEqual(['牵头单位', '镇应急办', '镇林业站', '镇林业站', '镇林业站']);
  });
});

// ---------------------------------------------------------------------------------------------
// PDF files

/** The blocks of a .docx of the corpus, as the importer reads Word files. */
async function docxBlocks(name: string): Promise<(string | string[][])[]> {
  return texts(docxDocument(new Uint8Array(corpus(name))).blocks);
}

describe('pdfDocument', () => {
  it.each([
    ['05-changling-forest-fire-2023-2024', 'pdf-changling-forest-fire-2023-2024.pdf', 4],
    ['09-taoyuan-safety-month-2024', 'pdf-taoyuan-safety-month-2024.pdf', 3],
  ])('reads the PDF of %s as the importer reads the .docx', async (name, pdf, pages) => {
    const doc = await pdfDocument(fixture(pdf));
    expect(doc.unit).toBe('paragraph');
    expect(doc.pages).toBe(pages);
    expect(doc.textChars).toBeGreaterThan(800);
    expect(texts(doc.blocks)).toEqual(await docxBlocks(`${name}.docx`));
    expect(doc.blocks.every((b) => b.page !== undefined && b.page >= 1 && b.page <= pages)).toBe(true);
  });

  it('reads a 22-page plan: 红头, running header and page numbers, a table over four pages, a seal', async () => {
    const expected = JSON.parse(readFileSync(new URL('fixtures/import-formats/pdf-long-plan.expected.json', import.meta.url), 'utf8')) as (string | string[][])[];
    const doc = await pdfDocument(fixture('pdf-long-plan.pdf'));
    expect(doc.pages).toBe(22);
    expect(texts(doc.blocks)).toEqual(expected);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows.length > 40);
    expect(table?.page).toBe(10);
    expect(doc.blocks.map((b) => b.page)).toEqual([...doc.blocks.map((b) => b.page!)].sort((a, b) => a - b));
  });

  it('reads Chinese text in a font the PDF does not embed, through pdf.js’s own CMaps', async () => {
    const doc = await pdfDocument(fixture('pdf-cid-font.pdf'));
    expect(texts(doc.blocks)).toEqual(['长岭镇森林防火工作方案', '一、指导思想']);
  });

  it('counts no text in a scan', async () => {
    const doc = await pdfDocument(fixture('pdf-scan.pdf'));
    expect(doc).toMatchObject({ pages: 1, textChars: 0, blocks: [] });
  });

  it.each([
    ['a truncated file', () => fixture('pdf-taoyuan-safety-month-2024.pdf').slice(0, 40_000)],
    ['bytes that are no PDF', () => new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251))],
    ['an empty file', () => new Uint8Array(0)],
    ['a header and nothing else', () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n')],
  ])('refuses %s as damaged', async (_, bytes) => {
    await expect(pdfDocument(bytes())).rejects.toMatchObject({ name: 'PdfError', problem: 'damaged' });
  });

  it('refuses a PDF locked with a password', async () => {
    const err = await pdfDocument(fixture('pdf-encrypted.pdf')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect(err).toMatchObject({ problem: 'encrypted', message: 'the PDF is protected by a password' });
  });

  it(`refuses more than ${MAX_PAGES} pages`, async () => {
    const err = await pdfDocument(manyPages(MAX_PAGES + 1)).catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: 'too-many-pages' });
  });

  it('leaves the caller’s bytes as they were', async () => {
    const bytes = fixture('pdf-cid-font.pdf');
    const copy = bytes.slice();
    await pdfDocument(bytes);
    expect(bytes).toEqual(copy);
  });
});

/** A minimal PDF of n empty pages sharing one page tree. */
function manyPages(n: number): Uint8Array {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`, ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${n + 3}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${n + 3} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
