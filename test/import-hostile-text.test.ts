// What another hand's document may hold that a plan may not (hostile report round 4): control characters,
// terminal escapes and bidi overrides leave the imported text in every format — never printed raw to the
// terminal or written raw into the YAML — and an empty document is refused, not drafted as an empty plan.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDocument } from '../src/importer/index.js';
import { cli } from './helpers/in-process.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-import-hostile-'));
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNPRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

const HEAD = '关于开展2025年安全生产月活动的方案';
/** A task's words with an OSC title change, BEL, a colour, a bidi override, a vertical tab and a lone surrogate. */
const HOSTILE = '开展\x1b]0;pwned\x07宣传\x1b[31m\u202e活动\v检查\ud800';
const CLEAN = '开展]0;pwned宣传[31m活动 检查\ufffd';
/** The same in a table cell, where the vertical tab (Word's line break) is a line break. */
const CELL = CLEAN.replace(' ', '\n');
const enc = new TextEncoder();

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it writes as references
const xmlText = (s: string) => s.replace(/[\x00-\x1f\ud800]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const docx = (cell: string) => docxBody(`${p(HEAD)}<w:tbl><w:tr><w:tc>${p('1')}</w:tc><w:tc>${p(cell)}</w:tc></w:tr></w:tbl>`);
async function docxBody(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  // XML 1.1 allows C0 characters as references: Word writes 1.0, a crafted file may not.
  zip.file('word/document.xml', `<?xml version="1.1" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
}

async function xlsx(cell: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${R}"><sheets><sheet name="分工表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const c = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1">${c('A1', '序号')}${c('B1', '工作任务')}</row><row r="2">${c('A2', '1')}${c('B2', cell)}</row></sheetData></worksheet>`);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
}

/** Every paragraph and cell of a document. */
const texts = (doc: Awaited<ReturnType<typeof readDocument>>['doc']) => doc.blocks.flatMap((b) => (b.kind === 'para' ? [b.text] : b.rows.flat()));

describe('control characters out of the imported text, whatever the format (hostile report 4, defect 8)', () => {
  // Excel writes a control character as _x001B_; a lone surrogate cannot be written there, nor in XML.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it writes as escapes
  const xlsxCell = HOSTILE.replace(/[\x00-\x1f\u202e]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`).replace('\ud800', '');
  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ['plan.txt', async () => enc.encode(`${HEAD}\n1．${HOSTILE}\n`), `1．${CLEAN}`],
    ['plan.csv', async () => enc.encode(`序号,工作任务\n1,${HOSTILE}\n`), CELL],
    ['plan.html', async () => enc.encode(`<html><body><p>${HEAD}</p><table><tr><td>1</td><td>${HOSTILE}</td></tr></table></body></html>`), CELL],
    ['plan.docx', () => docx(xmlText(HOSTILE).replace('&#xd800;', '')), CELL.replace('\ufffd', '')],
    ['plan.xlsx', () => xlsx(xlsxCell), CELL.replace('\ufffd', '')],
  ];
  for (const [name, make, expected] of cases) {
    it(name, async () => {
      const all = texts((await readDocument(await make(), name)).doc);
      expect(all.filter((t) => UNPRINTABLE.test(t))).toEqual([]);
      expect(all).toContain(expected);
    });
  }

  it('a line break in a cell stays one line break; a paragraph left with none of its characters is gone', async () => {
    const doc = (await readDocument(enc.encode(`${HEAD}\n\x1b\x07\n序号,工作任务\n1,"宣传\r\n检查"\n`), 'plan.csv')).doc;
    expect(texts(doc)).not.toContain('');
    expect(texts(doc)).toContain('宣传\n检查');
  });

  it('import prints the draft and writes the YAML with none of them, and the YAML reads back as that text', async () => {
    const dir = tmp();
    const file = join(dir, 'esc.txt');
    writeFileSync(file, `${HEAD}\n一、活动时间\n2025年6月1日至6月30日\n二、工作任务\n1．${HOSTILE}（牵头：应急办）6月10日前\n`);
    const shown = await cli(['import', file, '--lang', 'zh'], { tty: true });
    expect(shown.code).toBe(0);
    expect(UNPRINTABLE.test(shown.stdout + shown.stderr)).toBe(false);
    const r = await cli(['import', file, '-o', join(dir, 'out.yaml'), '--lang', 'zh']);
    expect(r.code).toBe(0);
    const yaml = readFileSync(join(dir, 'out.yaml'), 'utf8');
    expect(UNPRINTABLE.test(yaml)).toBe(false);
    expect(parse(yaml).tasks[0].text).toBe(`${CLEAN}（牵头：应急办）6月10日前`);
  });
});

describe('a document with no text is refused, not drafted as an empty plan (hostile report 4, defect 13)', () => {
  const cases: [string, Uint8Array, string][] = [
    ['empty.docx', new Uint8Array(0), '文件是空的（0 字节）'],
    ['blank.pdf', enc.encode('\n\n  \r\n\u3000\n'), '文件里没有任何文字'],
    ['blank.csv', enc.encode(',,\n,,\n'), '文件里没有任何文字'],
    ['escapes.txt', enc.encode('\x1b\x07\n\x08\u202e\n'), '文件里没有任何文字'],
  ];
  for (const [name, bytes, words] of cases) {
    it(`${name}: one line, exit 2, nothing written`, async () => {
      const dir = tmp();
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const r = await cli(['import', file, '-o', join(dir, 'out.yaml'), '--lang', 'zh']);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `campaign: ${file}：${words}，没有可导入的内容，未导入；请确认是否为正确的文件，或向发文单位重新要一份后再导入\n`]);
      expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
    });
  }

  it('in English; an empty Word file beside a real plan is named', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.txt'), `${HEAD}\n二、工作任务\n1．开展宣传（牵头：应急办）6月10日前\n`);
    writeFileSync(join(dir, '分工表.docx'), await docxBody(`${p('')}${p('\u3000')}<w:tbl><w:tr><w:tc>${p('')}</w:tc></w:tr></w:tbl>`));
    const r = await cli(['import', join(dir, 'plan.txt'), join(dir, '分工表.docx'), '--lang', 'en']);
    expect([r.code, r.stderr]).toEqual([2, `campaign: ${join(dir, '分工表.docx')}: the file holds no text, so there is nothing to import and nothing was written; check that it is the right file, or ask the sender for it again\n`]);
  });
});
