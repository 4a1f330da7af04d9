// A reader's or the editor's reason in the clerk's language (hostile report round 4, defect 11): under
// --lang zh, import, collect and update say why a file could not be read or written in Chinese — never the
// reader's English sentence ("damaged workbook: a row numbered "0"", "its XML is broken: undefined entity") —
// and a damaged spreadsheet is told to be saved as .xlsx, not as .docx or PDF.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reasonZh } from '../src/messages/reader-words.js';
import { cli } from './helpers/in-process.js';

const EXAMPLE = readFileSync(new URL('../examples/shifan-2025.yaml', import.meta.url), 'utf8');
const ENGLISH = /[A-Za-z]{2,}[ ,.;:]+[A-Za-z]{2,}/;
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-reader-words-'));

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({ type: 'nodebuffer' });
}
const RELS = (target: string) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

describe('import says why in Chinese, with the right advice for the kind of file (defect 11)', () => {
  it('a broken Word file, a damaged workbook, junk named .xls, .doc, .ofd and .pdf', async () => {
    const dir = tmp();
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251));
    const files: Record<string, Buffer> = {
      'broken.docx': await zip({ '_rels/.rels': RELS('word/document.xml'), 'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>&bogus;</w:p></w:body></w:document>' }),
      'badref.xlsx': await zip({
        '_rels/.rels': RELS('xl/workbook.xml'),
        'xl/workbook.xml': `<workbook ${NS} xmlns:r="${R}"><sheets><sheet name="分工表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="0"><c r="A0" t="inlineStr"><is><t>零</t></is></c></row></sheetData></worksheet>`,
      }),
      'ole.xls': Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), junk]),
      'ole.doc': Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), junk]),
      'zip.ofd': Buffer.concat([Buffer.from('PK\x03\x04'), junk]),
      'pdf.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]),
    };
    const advice: Record<string, RegExp> = { 'badref.xlsx': /另存为 \.xlsx/, 'ole.xls': /另存为 \.xlsx/, 'zip.ofd': /OFD 阅读器另存为 PDF/, 'ole.doc': /另存为 \.docx 或 PDF/, 'pdf.pdf': /另存为 \.docx 或 PDF/, 'broken.docx': /另存为 \.docx/ };
    for (const [name, bytes] of Object.entries(files)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const r = await cli(['import', file, '--lang', 'zh']);
      expect(r.code, name).toBe(2);
      const said = r.stderr.replace(file, '');
      expect(said, said).not.toMatch(ENGLISH);
      expect(said, said).toMatch(advice[name]!);
    }
    const bad = await cli(['import', join(dir, 'badref.xlsx'), '--lang', 'zh']);
    expect(bad.stderr).toBe(`campaign: ${join(dir, 'badref.xlsx')}：无法读取该 XLSX 文件，文件可能已损坏或不完整（工作簿已损坏：有一行的行号为“0”）；请重新下载，或在 Excel 或 WPS 中另存为 .xlsx 后重试\n`);
  });

  it('a reason no reader gives yet is said in general words, never in English', () => {
    expect(reasonZh('Something went wrong: foo bar')).toBe('文件结构有误');
    expect(reasonZh('archive entry word/document.xml is packed more than 100:1 (a zip bomb?)')).toBe('压缩比超过 100:1，疑似“压缩炸弹”');
  });
});

describe('update says what it recorded, and why it refused, in Chinese (defect 11)', () => {
  it('the confirmation names the fields in Chinese', async () => {
    const plan = join(tmp(), 'p.yaml');
    writeFileSync(plan, EXAMPLE);
    const r = await cli(['update', plan, '2.2', '-s', '进行中', '-p', '40', '-n', '测试', '-d', '2025-06-30', '--by', 'market', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('：已记录 日期 2025-06-30，状态 进行中，进度 40%，进展 测试，填报单位 market');
  });

  it('a log written empty is refused in Chinese', async () => {
    const plan = join(tmp(), 'p.yaml');
    writeFileSync(plan, EXAMPLE.replace(/( {8}updates:)\n {10}- \{date: 2025-06-30, status: done[^\n]*\n/, '$1\n'));
    expect(readFileSync(plan, 'utf8')).not.toBe(EXAMPLE);
    const r = await cli(['update', plan, '2.2', '-n', '测试', '-d', '2025-06-18', '--by', 'market', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${plan}：无法安全写入这次修改（tasks.1.tasks.1.updates 是空的：请写成 [] 或删除这一项）；文件未改动\n`);
  });
});
