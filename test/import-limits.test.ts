// How much one imported document may hold (src/importer/limits.ts), whatever its format: a paragraph, a table
// cell or a character over the line is one refusal naming which, before the outline and the recognisers see
// it; and the places where reading cost grew faster than the document — a grid filled or squared out of a
// few cells, a page's rulings and runs, a part named by many pages — each bounded.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../src/containers/read-error.js';
import { HTML_LIMITS, htmlDocument } from '../src/importer/document.js';
import { DocumentReadError, readDocument } from '../src/importer/index.js';
import { DOCUMENT_LIMITS, DocumentTooLarge } from '../src/importer/limits.js';
import { docDocument, RTF_MAX_DEPTH, rtfDocument } from '../src/importer/read-doc.js';
import { layoutOfd, ofdDocument, OFD_LIMITS, type OfdPage } from '../src/importer/read-ofd.js';
import { FILE_LIMITS, MB } from '../src/io/limits.js';
import { cli } from './helpers/in-process.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string) => `<w:tc>${p(text)}</w:tc>`;
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-import-limits-'));

/** A .docx around a body, stored (packed, a few MB of markup would be refused as a zip bomb, or take seconds). */
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
}

/** Which limit a file is refused by, or 'read'. */
async function limitOf(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readDocument(bytes, name);
  } catch (err) {
    if (err instanceof DocumentReadError) return `${err.problem}:${err.limit ?? err.message}`;
    throw err;
  }
  return 'read';
}

const refused = (read: () => unknown): string => {
  try {
    read();
  } catch (err) {
    if (err instanceof DocumentTooLarge) return `limit:${err.limit}`;
    if (err instanceof ReadError) return `${err.code}:${err.message}`;
    throw err;
  }
  return 'read';
};

/** Runs a check with DOCUMENT_LIMITS lowered (the real ones take a few MB of markup to reach: a test of them is below). */
async function withLimits<T>(limits: Partial<typeof DOCUMENT_LIMITS>, run: () => Promise<T>): Promise<T> {
  const saved = { ...DOCUMENT_LIMITS };
  Object.assign(DOCUMENT_LIMITS, limits);
  try {
    return await run();
  } finally {
    Object.assign(DOCUMENT_LIMITS, saved);
  }
}

const numbered = (n: number) => Array.from({ length: n }, (_, i) => p(`${i + 1}.开展宣传。由派出所牵头，6月10日前完成。`)).join('');

describe('one limit for every reader, checked as the file is read', () => {
  it('a Word file: paragraphs (a table counts as one), table cells, characters', () => withLimits({ paragraphs: 200, cells: 1000, chars: 5000 }, async () => {
    const { paragraphs, cells, chars } = DOCUMENT_LIMITS;
    expect(await limitOf(await docx(numbered(paragraphs)), 'a.docx')).toBe('read');
    expect(await limitOf(await docx(numbered(paragraphs - 1) + `<w:tbl><w:tr>${tc('表')}</w:tr></w:tbl>${p('尾')}`), 'a.docx')).toBe('too-large:paragraphs');
    const rows = Array.from({ length: cells / 200 }, (_, r) => `<w:tr>${Array.from({ length: 200 }, (_, c) => tc(`${r}-${c}`)).join('')}</w:tr>`).join('');
    expect(await limitOf(await docx(`<w:tbl>${rows}</w:tbl>`), 'a.docx')).toBe('read');
    expect(await limitOf(await docx(`<w:tbl>${rows}<w:tr>${tc('x')}</w:tr></w:tbl>`), 'a.docx')).toBe('too-large:cells');
    expect(await limitOf(await docx(p('字'.repeat(chars))), 'a.docx')).toBe('read');
    expect(await limitOf(await docx(p('字'.repeat(chars + 1))), 'a.docx')).toBe('too-large:chars');
  }));

  it('plain text, however it is encoded, before it is split into lines; a file past the text limit before it is decoded', async () => {
    expect(await limitOf(new Uint8Array(DOCUMENT_LIMITS.chars + 1).fill(0x61), 'a.txt')).toBe('too-large:chars');
    expect(await limitOf(new Uint8Array(DOCUMENT_LIMITS.chars).fill(0x61), 'a.txt')).toBe('read');
    const over = new TextEncoder().encode('字'.repeat(Math.floor(FILE_LIMITS.text / 3) + 1));
    expect(await limitOf(over, 'a.txt')).toBe(`too-large:a text file larger than ${FILE_LIMITS.text / MB} MB`);
  });

  it('RTF, a web page and Word 2003 XML sent as .doc', () => withLimits({ paragraphs: 200 }, async () => {
    const rtf = `{\\rtf1\\ansi ${'x\\par '.repeat(DOCUMENT_LIMITS.paragraphs + 1)}}`;
    expect(await limitOf(new TextEncoder().encode(rtf), 'a.doc')).toBe('too-large:paragraphs');
    const html = `<html><body>${'<p>段</p>'.repeat(DOCUMENT_LIMITS.paragraphs + 1)}</body></html>`;
    expect(await limitOf(new TextEncoder().encode(html), 'a.doc')).toBe('too-large:paragraphs');
    const xml = `<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>${numbered(DOCUMENT_LIMITS.paragraphs + 1)}</w:body></w:wordDocument>`;
    expect(await limitOf(new TextEncoder().encode(xml), 'a.doc')).toBe('too-large:paragraphs');
  }));

  it('the files of one import together, named together', async () => {
    const dir = tmp();
    const half = `示范乡2025年安全生产月活动方案\n${'开展宣传。'.repeat(DOCUMENT_LIMITS.chars / 10 + 1)}\n`;
    writeFileSync(join(dir, 'a.txt'), half);
    writeFileSync(join(dir, 'b.txt'), half);
    const r = await cli(['import', join(dir, 'a.txt'), join(dir, 'b.txt'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${join(dir, 'a.txt')} + ${join(dir, 'b.txt')}: more than 2,000,000 characters of text, far more than a plan holds (a long one has a few hundred paragraphs, a few thousand table cells, some 30,000 characters), so it was not imported; check that it is the right file, or save the plan's own text as a file of its own and import that\n`);
  });
});

describe('the refusal, as the clerk reads it', () => {
  it('a Word file of one large table (hostile report 04: 200 × 1,000 cells took 2.4 GB): one line, exit 2, nothing written', async () => {
    const dir = tmp();
    const file = join(dir, 'table.docx');
    const row = (r: number) => `<w:tr>${Array.from({ length: 200 }, (_, c) => tc(`${r}-${c}`)).join('')}</w:tr>`;
    // Just over the real limit: 200 × 501 cells (5 MB of markup, a second or two to read).
    writeFileSync(file, await docx(`${p('示范乡2025年“安全生产月”活动方案')}<w:tbl>${Array.from({ length: 501 }, (_, r) => row(r)).join('')}</w:tbl>`));
    const zh = await cli(['import', file, '-o', join(dir, 'a.yaml'), '--lang', 'zh']);
    expect([zh.code, zh.stdout, zh.stderr]).toEqual([2, '', `campaign: ${file}：表格单元格超过 100000 个，远超一份方案的篇幅（长方案也只有几百段、几千个单元格、约 3 万字），未导入；请确认是否为正确的文件，或把方案正文另存为单独的文件后再导入\n`]);
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });

  it('in English, each limit by its name', () => withLimits({ paragraphs: 10, cells: 10, chars: 100 }, async () => {
    const dir = tmp();
    const lines = { paragraphs: p('段').repeat(11), cells: `<w:tbl><w:tr>${tc('x').repeat(11)}</w:tr></w:tbl>`, chars: p('字'.repeat(101)) };
    const said: string[] = [];
    for (const [what, body] of Object.entries(lines)) {
      writeFileSync(join(dir, `${what}.docx`), await docx(body));
      const r = await cli(['import', join(dir, `${what}.docx`), '--lang', 'en']);
      expect(r.code).toBe(2);
      said.push(r.stderr.replace(/, far more than .*/s, ''));
    }
    expect(said).toEqual([
      `campaign: ${join(dir, 'paragraphs.docx')}: more than 10 paragraphs (a table counts as one)`,
      `campaign: ${join(dir, 'cells.docx')}: more than 10 table cells`,
      `campaign: ${join(dir, 'chars.docx')}: more than 100 characters of text`,
    ]);
  }));
});

describe('grids that grew faster than the cells written', () => {
  it('RTF and .doc rows squared out to the widest: counted before the grid is made', () => {
    const rtf = `{\\rtf1\\ansi \\trowd ${'\\intbl a\\cell '.repeat(400)}\\row ${'\\trowd\\intbl b\\cell\\row '.repeat(400)}}`;
    // 800 cells written, 160,400 once squared.
    expect(refused(() => rtfDocument(new TextEncoder().encode(rtf)))).toBe('limit:cells');
  });

  it('RTF groups nested deeper than any file', () => {
    expect(refused(() => rtfDocument(new TextEncoder().encode(`{\\rtf1 ${'{'.repeat(RTF_MAX_DEPTH)}x}`)))).toBe(`too-large:RTF groups nested more than ${RTF_MAX_DEPTH} deep`);
  });

  it('a web page whose every row spans all the rows below: each cell written is counted', () => {
    const html = `<table>${'<tr><td rowspan="100000" colspan="64">x</td></tr>'.repeat(400)}</table>`;
    expect(refused(() => htmlDocument(html))).toBe('limit:cells');
  });

  it('a web page nested 20,000 deep is read without recursion; one with more elements than any is refused before parsing', async () => {
    expect(htmlDocument(`${'<div>'.repeat(20_000)}<p>深</p>`).blocks).toEqual([{ kind: 'para', no: 1, text: '深' }]);
    expect(refused(() => htmlDocument('<b></b>'.repeat(HTML_LIMITS.elements + 1)))).toBe(`too-large:a web page of more than ${HTML_LIMITS.elements} elements`);
    expect(await docDocument(new TextEncoder().encode(`<html><body>${'<div>'.repeat(20_000)}<p>深</p></body></html>`))).toEqual({ blocks: [{ kind: 'para', no: 1, text: '深' }], unit: 'paragraph' });
  });

  it('an OFD page ruled 400 × 400: its cells are counted before the grid is built', () => {
    const rules = Array.from({ length: 401 }, (_, i) => [{ x1: 0, y1: i * 2, x2: 800, y2: i * 2 }, { x1: i * 2, y1: 0, x2: i * 2, y2: 800 }]).flat();
    const page: OfdPage = { width: 250, height: 250, items: [], rules };
    expect(refused(() => layoutOfd([page]))).toBe('limit:cells');
  });

  it('an OFD page with many small tables and many runs: each run placed once (it was 20,000 × 1,000 × 500 tests)', () => {
    // 1,000 tables of one cell (4,000 rulings, the most a page's are read), 20,000 runs of text inside them.
    const rules = Array.from({ length: 1000 }, (_, k) => {
      const x = (k % 25) * 10;
      const y = Math.floor(k / 25) * 10;
      return [{ x1: x, y1: y, x2: x + 8, y2: y }, { x1: x, y1: y + 8, x2: x + 8, y2: y + 8 }, { x1: x, y1: y, x2: x, y2: y + 8 }, { x1: x + 8, y1: y, x2: x + 8, y2: y + 8 }];
    }).flat();
    const items = Array.from({ length: 20_000 }, (_, i) => ({ x: (i % 25) * 10 + 1, y: Math.floor((i % 1000) / 25) * 10 + 5, right: (i % 25) * 10 + 4, size: 3, text: '字' }));
    const doc = layoutOfd([{ width: 260, height: 410, items, rules }]);
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(1000);
  });

  it('an OFD whose pages all name one large part: the XML parsed is bounded in all (the bound lowered here)', async () => {
    const zip = new JSZip();
    const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
    zip.file('OFD.xml', `<ofd:OFD ${NS} DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
    zip.file('Doc_0/Document.xml', `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${'<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'.repeat(OFD_LIMITS.pages)}</ofd:Pages></ofd:Document>`);
    // 20 KB of markup, named 500 times: 10 MB parsed, over a bound of 2 MB.
    zip.file('Doc_0/Pages/Page_0/Content.xml', `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><!--${'x'.repeat(20_000)}--></ofd:Layer></ofd:Content></ofd:Page>`);
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    const bound = OFD_LIMITS.xmlBytes;
    OFD_LIMITS.xmlBytes = 2 * 1024 * 1024;
    try {
      expect(refused(() => ofdDocument(bytes))).toBe('too-large:an OFD file whose pages hold more than 2 MB of XML');
    } finally {
      OFD_LIMITS.xmlBytes = bound;
    }
  });
});
