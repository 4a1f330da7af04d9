// What prints, read from the files' XML (CI has no office suite): the XLSX page setup, fit-to-page flag,
// print titles, fonts, borders, fills and row heights; the DOCX page, margins, fonts, sizes, line pitch,
// page numbers, repeated table headers and the font table's fallbacks. `npm run check:print` converts the
// same files with LibreOffice and Chromium where those are installed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';

const SEED = new URL('../examples/tongzhong-2020.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'campaign-print-'));

async function output(args: string[], name: string): Promise<JSZip> {
  const out = join(dir, name);
  const r = await cli([...args, '-o', out, '--lang', 'zh']);
  expect(r.stderr).not.toMatch(/internal|Error:/);
  return JSZip.loadAsync(readFileSync(out));
}
const xml = async (zip: JSZip, path: string): Promise<string> => {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is not in the package`);
  return file.async('string');
};
const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
const first = (text: string, re: RegExp): Record<string, string> => attrs(re.exec(text)?.[0] ?? '');

describe('XLSX prints as a form', () => {
  let sheet: string;
  let workbook: string;
  let styles: string;
  let strings: string;
  beforeAll(async () => {
    const zip = await output(['weekly', SEED, '--as-of', '2020-06-17', '-f', 'xlsx'], 'weekly.xlsx');
    sheet = await xml(zip, 'xl/worksheets/sheet1.xml');
    workbook = await xml(zip, 'xl/workbook.xml');
    styles = await xml(zip, 'xl/styles.xml');
    strings = await xml(zip, 'xl/sharedStrings.xml');
  });

  it('is one worksheet with A4 landscape page setup that fits one page wide, and the flag that makes it take effect', () => {
    expect(workbook.match(/<sheet /g)).toHaveLength(1);
    // A form about one page long is fitted onto one page (fitToHeight 1); a longer one runs on (0, below).
    expect(first(sheet, /<pageSetup [^>]*>/)).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '1' });
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(first(sheet, /<pageMargins [^>]*>/)).toMatchObject({ left: '0.5', right: '0.5', top: '0.6', bottom: '0.7' });
    expect(sheet).toContain('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>');
  });

  it('pages a long form itself: a manual break before each page, the table\'s header again after it, no print titles', async () => {
    expect(workbook).not.toContain('_xlnm.Print_Titles');
    // Sixty overdue tasks: the overdue table runs onto further pages.
    const tasks = Array.from({ length: 60 }, (_, i) => `  - {id: "${i + 1}", title: 第${i + 1}项隐患排查整改任务, lead: [police], due: 2020-06-0${(i % 9) + 1}}`).join('\n');
    const plan = `version: 1\ntitle: 测试乡2020年“安全生产月”活动方案\norganizer: 测试乡\nyear: 2020\nperiod: {start: 2020-06-01, end: 2020-06-30}\nunits:\n  - {id: police, name: 派出所}\ntasks:\n${tasks}\n`;
    const file = join(dir, 'long.yaml');
    writeFileSync(file, plan);
    const zip = await output(['status', file, '--as-of', '2020-06-20', '-f', 'xlsx'], 'long.xlsx');
    const sheet1 = await xml(zip, 'xl/worksheets/sheet1.xml');
    expect(first(sheet1, /<pageSetup [^>]*>/)).toMatchObject({ fitToWidth: '1', fitToHeight: '0' });
    // One print-titles range a sheet would repeat one table's header above the others too.
    expect(await xml(zip, 'xl/workbook.xml')).not.toContain('_xlnm.Print_Titles');
    const breaks = [...sheet1.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThan(0);
    const strings = [...(await xml(zip, 'xl/sharedStrings.xml')).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    for (const b of breaks) {
      const row = new RegExp(`<row r="${b + 1}"[^>]*>(.*?)</row>`).exec(sheet1)![1]!;
      const texts = [...row.matchAll(/<c [^>]*t="s"[^>]*><v>(\d+)<\/v>/g)].map((m) => strings[Number(m[1])]);
      expect(texts).toContain('逾期天数'); // the overdue table's header, at the top of the page
    }
  });

  it('sets 宋体 with the GB2312 charset, borders and a shaded header, and a coloured 督办灯', () => {
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]!);
    const song = fonts.filter((f) => f.includes('<name val="宋体"/>'));
    expect(song.length).toBeGreaterThan(2);
    for (const f of song) expect(f).toContain('<charset val="134"/>');
    expect(styles).toContain('<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/>');
    expect(styles).toContain('<fgColor rgb="FFD9D9D9"/>');
    expect(styles).toContain('<fgColor rgb="FFA9D08E"/>'); // green light
  });

  it('holds the title, the header block and the signature line on the same sheet, strings without a leading quote', () => {
    for (const text of ['铜钟乡2020年“安全生产月”活动方案 — 进展情况周报（6月15日—6月21日）', '填报单位：铜钟乡', '本周任务', '督办灯', '绿']) {
      expect(strings).toContain(`<t>${text}</t>`);
    }
    expect(strings).toMatch(/<t[^>]*>填报人：\u3000+\u3000审核人：\u3000+\u3000单位（盖章）：\u3000+\u3000日期：\u3000+<\/t>/);
    expect(strings).not.toMatch(/<t[^>]*>'/);
    expect(sheet).toMatch(/<mergeCell ref="A1:[A-Z]+1"\/>/); // the title across the tables
  });

  it('makes a row as tall as its wrapped text', () => {
    const heights = [...sheet.matchAll(/<row r="\d+"[^>]*ht="([\d.]+)"[^>]*customHeight="1"/g)].map((m) => Number(m[1]));
    // The seed's task 1.2.1 (41 characters) wraps onto two or more lines.
    expect(Math.max(...heights)).toBeGreaterThanOrEqual(2 * 14.5);
  });

  it('prints the progress report portrait, the roll-up landscape with its tables\' headers repeated', async () => {
    const report = await output(['report', SEED, '--as-of', '2020-06-30', '-f', 'xlsx'], 'report.xlsx');
    expect(first(await xml(report, 'xl/worksheets/sheet1.xml'), /<pageSetup [^>]*>/)).toMatchObject({ orientation: 'portrait', paperSize: '9' });
    const rollup = await output(['rollup', new URL('./fixtures/clean-plans/', import.meta.url).pathname, '--as-of', '2024-06-30', '-f', 'xlsx', '--no-cache'], 'rollup.xlsx');
    const sheet1 = await xml(rollup, 'xl/worksheets/sheet1.xml');
    expect(first(sheet1, /<pageSetup [^>]*>/)).toMatchObject({ orientation: 'landscape' });
    // Each page the plans' and the units' tables go on to starts with a header row: shaded, as the first is.
    const styles = await xml(rollup, 'xl/styles.xml');
    const fills = [...styles.matchAll(/<fill>(.*?)<\/fill>/g)].map((m) => m[1]!);
    const shaded = String(fills.findIndex((f) => f.includes('FFD9D9D9')));
    const xfs = [.../<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf [^>]*>/g)].map((m) => attrs(m[0]).fillId);
    const breaks = [...sheet1.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) {
      const style = Number(new RegExp(`<c r="A${b + 1}" s="(\\d+)"`).exec(sheet1)![1]);
      expect(xfs[style]).toBe(shaded);
    }
  });

  it('keeps an export a plain list: frozen header, a filter, the header row repeated', async () => {
    const zip = await output(['export', SEED, '--as-of', '2020-06-17', '-f', 'xlsx'], 'export.xlsx');
    const s = await xml(zip, 'xl/worksheets/sheet1.xml');
    expect(s).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(s).toMatch(/<autoFilter ref="A1:/);
    expect(await xml(zip, 'xl/workbook.xml')).toMatch(/_xlnm.Print_Titles[^<]*\$1:\$1/);
  });
});

describe('DOCX in the official layout (GB/T 9704-2012)', () => {
  let doc: string;
  let fontTable: string;
  beforeAll(async () => {
    const zip = await output(['report', SEED, '--as-of', '2020-06-30', '-f', 'docx'], 'report.docx');
    doc = await xml(zip, 'word/document.xml');
    fontTable = await xml(zip, 'word/fontTable.xml');
  });
  const mm = (v: string) => Math.round((Number(v) / 1440) * 25.4);

  it('is A4 portrait with margins 37 / 35 / 28 / 26 mm', () => {
    const size = first(doc, /<w:pgSz [^>]*>/);
    expect([mm(size['w:w']!), mm(size['w:h']!)]).toEqual([210, 297]);
    const m = first(doc, /<w:pgMar [^>]*>/);
    expect([mm(m['w:top']!), mm(m['w:bottom']!), mm(m['w:left']!), mm(m['w:right']!)]).toEqual([37, 35, 28, 26]);
  });

  it('sets the title in 二号 方正小标宋简体, centred, and the text in 三号 仿宋_GB2312 on 22 lines a page', () => {
    const title = /<w:p>(?:(?!<\/w:p>).)*活动总结(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)![0];
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"/);
    expect(title).toContain('<w:sz w:val="44"/>');
    const body = /<w:p>(?:(?!<\/w:p>).)*截至2020年6月30日(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)![0];
    expect(body).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(body).toContain('<w:sz w:val="32"/>');
    const spacing = first(body, /<w:spacing [^>]*>/);
    expect(spacing['w:lineRule']).toBe('exact');
    // 22 lines in the 225 mm type area.
    expect(Math.floor((297 - 37 - 35) / 25.4 * 1440 / Number(spacing['w:line']))).toBe(22);
  });

  it('heads sections 一、 in 黑体 and （一） in 楷体_GB2312', () => {
    expect(doc).toMatch(/w:eastAsia="黑体"[\s\S]*?<w:t[^>]*>一、工作开展情况<\/w:t>/);
    expect(doc).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*?<w:t[^>]*>（一）/);
    for (const heading of ['二、主要做法和成效', '三、存在的问题', '四、下一步工作打算', '附件：任务完成情况统计表']) expect(doc).toContain(heading);
  });

  it('writes the work done from the newest note, and ends with the issuer and the date, right-aligned', () => {
    expect(doc).toContain('重大危险源公示完成');
    expect(doc).not.toContain('完成专题培训2期');
    const end = doc.slice(doc.lastIndexOf('铜钟乡', doc.indexOf('<w:pageBreakBefore/>')) - 400);
    expect(end).toContain('<w:jc w:val="right"/>');
    expect(end).toContain('2020年6月30日');
  });

  it('numbers pages “— 1 —” on the outside: odd pages right, even pages left', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'report.docx')));
    expect(await xml(zip, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f)).map((f) => xml(zip, f)));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('names a fallback for each font, so Word and WPS find one', () => {
    for (const [font, alt] of [['方正小标宋简体', '宋体'], ['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体']]) {
      expect(fontTable).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`);
    }
  });

  it('is the same file for the same report', async () => {
    const a = readFileSync(join(dir, 'report.docx'));
    await output(['report', SEED, '--as-of', '2020-06-30', '-f', 'docx'], 'report-again.docx');
    expect(readFileSync(join(dir, 'report-again.docx')).equals(a)).toBe(true);
  });
});

describe('DOCX weekly: a landscape form', () => {
  let doc: string;
  beforeAll(async () => {
    doc = await xml(await output(['weekly', SEED, '--as-of', '2020-06-17', '-f', 'docx'], 'weekly.docx'), 'word/document.xml');
  });

  it('is A4 landscape with the type area turned with the page', () => {
    expect(first(doc, /<w:pgSz [^>]*>/)).toMatchObject({ 'w:orient': 'landscape' });
    const m = first(doc, /<w:pgMar [^>]*>/);
    const mmOf = (v: string) => Math.round((Number(v) / 1440) * 25.4);
    expect([mmOf(m['w:top']!), mmOf(m['w:bottom']!), mmOf(m['w:left']!), mmOf(m['w:right']!)]).toEqual([28, 26, 35, 37]);
  });

  it('has the header block, tables whose header row repeats and whose rows never split, and the signature line', () => {
    expect(doc).toContain('填报单位：铜钟乡');
    expect(doc.match(/<w:tblHeader\/>/g)!.length).toBeGreaterThanOrEqual(2);
    expect(doc).toContain('<w:cantSplit/>');
    expect(doc).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="4"\/>/);
    expect(doc).toMatch(/<w:shd [^>]*w:fill="A9D08E"/); // the green light
    expect(doc).toMatch(/填报人：\u3000+\u3000审核人：/);
  });

  it('puts the week on a line of its own under the plan\'s title, so that no line breaks inside its dates', () => {
    const title = /<w:p><w:pPr><w:pStyle w:val="Title"\/>.*?<\/w:p>/.exec(doc)![0];
    const lines = title.split('<w:br/>').map((part) => part.replace(/<[^>]+>/g, ''));
    expect(lines).toEqual(['铜钟乡2020年“安全生产月”活动方案', '进展情况周报（6月15日—6月21日）']);
  });

  it('leaves out a column nothing is written in, and gives numbers and dates room never to break', () => {
    for (const table of doc.match(/<w:tbl>.*?<\/w:tbl>/g)!) {
      const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const rows = (table.match(/<w:tr>.*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>.*?<\/w:tc>/g) ?? []).map((c) => c.replace(/<[^>]+>/g, '')));
      const body = rows.slice(1);
      if (body.length === 1 && body[0]!.length === 1) continue; // （无）
      // Every column has something below its header.
      for (let j = 0; j < widths.length; j++) expect(body.some((r) => r[j] !== ''), `${rows[0]![j]}`).toBe(true);
      // 小五 (9 pt) Times New Roman: digits half an em, % five sixths, - a third; 60 twips of margin a side.
      const need = (text: string) => [...text].reduce((w, ch) => w + (ch === '%' ? 0.84 : ch === '-' ? 0.34 : ch === '.' ? 0.25 : 0.5), 0) * 9 * 20 + 120;
      for (const r of body) {
        for (const [j, text] of r.entries()) if (/^[\d.%-]+$/.test(text)) expect(widths[j]!, `${rows[0]![j]}: ${text}`).toBeGreaterThanOrEqual(need(text));
      }
    }
  });

  it('keeps the last row of its last table with the signature line', () => {
    // One row: LibreOffice moves every kept row of a table that runs over a page to the next one, leaving
    // half a page empty; with the last row alone, the signature line is still never alone on a page.
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    const rows = tables.at(-1)!.match(/<w:tr>.*?<\/w:tr>/g)!;
    expect(rows.slice(-1).every((r) => r.includes('<w:keepNext/>'))).toBe(true);
    expect(rows.slice(1, -1).some((r) => r.includes('<w:keepNext/>'))).toBe(false);
    expect(doc.slice(doc.lastIndexOf('</w:tbl>'), doc.lastIndexOf('填报人：'))).toContain('<w:keepNext/>');
  });

  it('says a problem two units raised in the same words once, under both names, and lets only a tall row split', async () => {
    const month = new URL('./fixtures/summary-month/plan.yaml', import.meta.url).pathname;
    const week = await xml(await output(['weekly', month, '--as-of', '2026-06-25', '-f', 'docx'], 'weekly-month.docx'), 'word/document.xml');
    const rows = week.match(/<w:tbl>.*?<\/w:tbl>/g)![1]!.match(/<w:tr>.*?<\/w:tr>/g)!;
    const text = (row: string) => row.replace(/<[^>]+>/g, '');
    const row = rows.find((r) => text(r).startsWith('3.2'))!;
    expect(text(row)).toContain('农业服务中心、各村（社区）：汛期持续降雨，青石河滩演练场地被淹，无法开展实地演练');
    expect(text(row).match(/汛期持续降雨/g)).toHaveLength(1);
    // A row of many lines may go on over a page (the header repeats above its rest) rather than leave a gap;
    // a row of a line or two never splits.
    expect(row).not.toContain('<w:cantSplit/>');
    const short = rows.slice(1).filter((r) => text(r).length < 60);
    expect(short.length).toBeGreaterThan(0);
    for (const r of short) expect(r, text(r)).toContain('<w:cantSplit/>');
  });

  it('is offered by weekly and report only', async () => {
    const r = await cli(['status', SEED, '-f', 'docx', '-o', join(dir, 's.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('docx');
  });
});
