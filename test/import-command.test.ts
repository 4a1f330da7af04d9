// `campaign import` on every kind of file a township office receives: each format reads to a plan that
// validates, several files import as one plan, a scan or a picture gets one line saying what to do (never an
// empty plan), a damaged or hostile file its message and exit 2, and --review writes the page.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DocumentReadError, readDocument } from '../src/importer/index.js';
import { cli } from './helpers/in-process.js';

const FORMATS = new URL('./fixtures/import-formats/', import.meta.url).pathname;
const CORPUS = new URL('./fixtures/import-corpus/', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-import-cmd-'));

const leaves = (tasks: { tasks?: unknown[] }[] = []): number => tasks.reduce((n, t) => n + (t.tasks?.length ? leaves(t.tasks as { tasks?: unknown[] }[]) : 1), 0);

describe('the schema line', () => {
  it('names the installed schema by its file: URL, whether the plan goes to a file or to standard output', async () => {
    const dir = tmp();
    const doc = join(FORMATS, 'pdf-taoyuan-safety-month-2024.pdf');
    const url = new URL('../schemas/campaign.schema.json', import.meta.url).href;
    const r = await cli(['import', doc, '-o', join(dir, 'plan.yaml')], { today: '2026-12-05' });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${url}`);
    expect((await cli(['import', doc], { today: '2026-12-05' })).stdout.split('\n')[0]).toBe(`# yaml-language-server: $schema=${url}`);
  });
});

describe('every format reads to a plan', () => {
  it.each([
    ['PDF printed from Word', join(FORMATS, 'pdf-taoyuan-safety-month-2024.pdf'), 'pdf'],
    ['Word 97 .doc', join(FORMATS, 'doc-09-taoyuan-safety-month.doc'), 'doc'],
    ['WPS .wps (Word binary inside)', join(FORMATS, 'doc-09-taoyuan-safety-month.wps'), 'wps'],
    ['RTF saved as .doc', join(FORMATS, 'doc-09-as-rtf.doc'), 'rtf'],
    ['OFD', join(FORMATS, 'ofd-taoyuan-safety-month-2024.ofd'), 'ofd'],
  ])('%s', async (_what, file, encoding) => {
    const r = await cli(['import', file, '--lang', 'en'], { today: '2026-12-05' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`(${encoding})`);
    const plan = parse(r.stdout);
    expect(plan.title).toBe('桃源乡2024年“安全生产月”活动方案');
    expect(plan.year).toBe(2024);
    expect(leaves(plan.tasks)).toBeGreaterThanOrEqual(8);
  });

  it('a notice as PDF with its 分工表 as a workbook: one plan, the table’s units merged into the plan’s items', async () => {
    const r = await cli(['import', join(CORPUS, '35-hongyan-fire-month-2024-a.pdf'), join(CORPUS, '35-hongyan-fire-month-2024-b.xlsx')], { today: '2026-12-05' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('pdf+xlsx');
    const plan = parse(r.stdout);
    expect(plan.year).toBe(2024);
    // Each leaf's units came from the table: the comments say so.
    expect(r.stdout.match(/按任务分工表/g)?.length).toBeGreaterThanOrEqual(leaves(plan.tasks) - 1);
    // A comment names the file and its paragraph: there are two documents.
    expect(r.stdout).toMatch(/# 35-hongyan-fire-month-2024-a\.pdf第\d+段/);
    expect(r.stdout).toMatch(/35-hongyan-fire-month-2024-b\.xlsx第\d+段/);
  });
});

describe('what cannot be read says so', () => {
  it('a scanned PDF: one line saying it is a scan and what to do, exit 2, no plan', async () => {
    const dir = tmp();
    const r = await cli(['import', join(FORMATS, 'pdf-scan.pdf'), '-o', join(dir, 'plan.yaml'), '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('扫描件');
    expect(r.stderr).toContain('OCR');
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(false);
  });

  it('a phone photo', async () => {
    const dir = tmp();
    // The first bytes of a JPEG.
    writeFileSync(join(dir, '方案.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
    const r = await cli(['import', join(dir, '方案.jpg'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a picture .*OCR/);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['a truncated .doc', join(FORMATS, 'doc-truncated.doc'), /cannot read this DOC file/],
    ['an old Kingsoft .wps', join(FORMATS, 'doc-kingsoft-old.wps'), /WPS/],
    ['an OFD zip bomb', join(FORMATS, 'ofd-zip-bomb.ofd'), /beyond the limits|cannot read/],
    ['an OFD that lies about its sizes', join(FORMATS, 'ofd-zip-bomb-lying.ofd'), /beyond the limits|cannot read/],
    ['a password-protected PDF', join(FORMATS, 'pdf-encrypted.pdf'), /password/],
    ['an .xlsx zip bomb', join(FORMATS, 'sheet-zip-bomb.xlsx'), /beyond the limits|cannot read/],
  ])('%s', async (_what, file, message) => {
    const r = await cli(['import', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('a Word file that unpacks to far more than it weighs: refused before its text is read', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', `<w:document><w:body>${'<w:p><w:r><w:t>甲</w:t></w:r></w:p>'.repeat(400_000)}</w:body></w:document>`);
    const dir = tmp();
    writeFileSync(join(dir, 'bomb.docx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const r = await cli(['import', join(dir, 'bomb.docx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/beyond the limits/);
  });

  it('each reader says why by its code: a zip bomb is over the limits, an old .wps unsupported, a cut .doc damaged', async () => {
    const why = async (file: string) => {
      try {
        await readDocument(readFileSync(file), file);
      } catch (err) {
        return err instanceof DocumentReadError ? err.problem : String(err);
      }
      return 'read';
    };
    expect(await why(join(FORMATS, 'ofd-zip-bomb.ofd'))).toBe('too-large');
    expect(await why(join(FORMATS, 'sheet-zip-bomb.xlsx'))).toBe('too-large');
    expect(await why(join(FORMATS, 'doc-kingsoft-old.wps'))).toBe('unsupported');
    expect(await why(join(FORMATS, 'doc-truncated.doc'))).toBe('damaged');
  });

  it('a file that is no document at all', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 7, 8, 0, 250, 251]));
    const r = await cli(['import', join(dir, 'x.bin'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a document format this tool reads/);
  });
});

describe('--review', () => {
  it('writes one self-contained page beside the plan', async () => {
    const dir = tmp();
    const r = await cli(['import', join(CORPUS, '25-maan-anti-drug-2022.pdf'), '-o', join(dir, 'plan.yaml'), '--review', join(dir, 'review.html')]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'review.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('马鞍镇2022年全民禁毒宣传月活动方案');
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    expect(r.stderr).toContain('review.html');
  });

  it('is refused over an existing file without --force, and never over a document', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'review.html'), 'mine');
    const r = await cli(['import', join(CORPUS, '01-qingshi-safety-month-2021.txt'), '--review', join(dir, 'review.html')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'review.html'), 'utf8')).toBe('mine');
    const self = await cli(['import', join(CORPUS, '01-qingshi-safety-month-2021.txt'), '--review', join(CORPUS, '01-qingshi-safety-month-2021.txt'), '--force']);
    expect(self.code).toBe(2);
  });
});
