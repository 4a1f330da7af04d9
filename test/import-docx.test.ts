// The .docx reader (src/importer/read-docx.ts): the blocks mammoth's HTML gave for every Word file of the
// corpus, what Word shows of the rest of WordprocessingML (line breaks, tracked changes, fields, text boxes,
// merged cells, nested tables, ruby), and a hostile file refused by the limits of its XML, quickly and in one line.
import { readdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ReadError } from '../src/containers/read-error.js';
import { htmlDocument } from '../src/importer/document.js';
import { docxDocument, DOCX_XML_LIMITS, wordDocument } from '../src/importer/read-docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = (target = 'word/document.xml') =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const p = (text: string, inside = '') => `<w:p>${inside}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

/** A document.xml around a body. */
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
/** The blocks of a body, as text: paragraphs as strings, tables as their rows. */
const read = (body: string) => wordDocument(new TextEncoder().encode(documentXml(body))).blocks.map((b) => (b.kind === 'para' ? b.text : b.rows));

async function docx(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const refusal = (body: string): ReadError => {
  try {
    read(body);
  } catch (err) {
    return err as ReadError;
  }
  throw new Error('read without an error');
};

describe('the Word files of the corpus', () => {
  const files = ['import-corpus', 'import-heldout'].flatMap((d) => readdirSync(new URL(`./fixtures/${d}/`, import.meta.url)).filter((f) => f.endsWith('.docx')).map((f) => `${d}/${f}`));

  it.each(files)('%s gives the blocks mammoth\'s HTML gave', async (file) => {
    const bytes = readFileSync(new URL(`./fixtures/${file}`, import.meta.url));
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    expect(docxDocument(new Uint8Array(bytes)).blocks).toEqual(htmlDocument(value).blocks);
  });
});

describe('what Word shows is what is read', () => {
  it('a line break, a tab and a non-breaking hyphen; a line of its own for each break', () => {
    expect(read('<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二</w:t><w:tab/><w:t>6月1日</w:t><w:noBreakHyphen/><w:t>6月10日</w:t></w:r></w:p>')).toEqual(['第一行', '第二\t6月1日-6月10日']);
  });

  it('tab stops and page breaks of the paragraph\'s properties are no text', () => {
    expect(read('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>正文</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>')).toEqual(['正文']);
  });

  it('tracked changes as accepted: insertions kept, deletions and moved-away text dropped, a deleted mark joining two paragraphs', () => {
    expect(read(
      '<w:p><w:ins><w:r><w:t>由派出所牵头，</w:t></w:r></w:ins><w:del><w:r><w:delText>由司法所牵头，</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:t>6月10日前</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>开展宣传</w:t></w:r></w:p>' + p('教育活动'),
    )).toEqual(['由派出所牵头，6月10日前', '开展宣传教育活动']);
  });

  it('a field\'s result, not its code; a hyperlink\'s text whether or not its target exists; no footnote marks', () => {
    expect(read(
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2025</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>年</w:t></w:r></w:p>'
      + '<w:p><w:hyperlink r:id="rIdMissing"><w:r><w:t>通知</w:t></w:r></w:hyperlink><w:r><w:footnoteReference w:id="5"/></w:r></w:p>',
    )).toEqual(['2025年', '通知']);
  });

  it('a ruby\'s base text, not its phonetic guide', () => {
    expect(read('<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>yìng jí</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>应急</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>办</w:t></w:r></w:p>')).toEqual(['应急办']);
  });

  it('a text box once (one branch of its alternate content), after the paragraph that holds it', () => {
    const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    expect(read(`<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('文本框')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('文本框')}</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>`))
      .toEqual(['正文续', '文本框']);
  });

  it('a merged cell in every column and row it covers; a span cut at 64 columns; a deleted row dropped', () => {
    const rows = read(`<w:tbl><w:tr>${tc('序号')}${tc('任务', '<w:gridSpan w:val="2"/>')}</w:tr>`
      + `<w:tr>${tc('1', '<w:vMerge w:val="restart"/>')}${tc('宣传')}${tc('派出所')}</w:tr>`
      + `<w:tr><w:trPr><w:del w:id="2"/></w:trPr>${tc('删')}${tc('删')}${tc('删')}</w:tr>`
      + `<w:tr>${tc('', '<w:vMerge/>')}${tc('排查')}${tc('应急办')}</w:tr>`
      + `<w:tr>${tc('x', '<w:gridSpan w:val="2000000000"/>')}</w:tr></w:tbl>`);
    expect(rows).toEqual([[['序号', '任务', '任务'], ['1', '宣传', '派出所'], ['1', '排查', '应急办'], Array(64).fill('x')]]);
  });

  it('a table inside a cell gives that cell lines; a cell\'s paragraphs are its lines', () => {
    expect(read(`<w:tbl><w:tr><w:tc>${p('外')}<w:tbl><w:tr>${tc('内一')}${tc('内二')}</w:tr></w:tbl>${p('')}${p('尾')}</w:tc></w:tr></w:tbl>`)).toEqual([[['外\n内一\n内二\n尾']]]);
  });

  it('Strict OOXML under another prefix; UTF-16 with its byte order mark', () => {
    const strict = `<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>严格</x:t></x:r></x:p></x:body></x:document>`;
    expect(wordDocument(new TextEncoder().encode(strict)).blocks).toEqual([{ kind: 'para', no: 1, text: '严格' }]);
    const utf16 = Buffer.from(`\ufeff${documentXml(p('十六位'))}`, 'utf16le');
    expect(wordDocument(new Uint8Array(utf16)).blocks).toEqual([{ kind: 'para', no: 1, text: '十六位' }]);
  });

  it('the main part where the package\'s relationships put it', async () => {
    const bytes = await docx({ '_rels/.rels': RELS('/word/document2.xml'), 'word/document2.xml': documentXml(p('第二个部件')) });
    expect(docxDocument(bytes).blocks).toEqual([{ kind: 'para', no: 1, text: '第二个部件' }]);
  });
});

describe('a hostile Word file is refused in one line', () => {
  it('a DOCTYPE (entities, external or "billion laughs") is never read', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body>${p('&b;')}</w:body></w:document>`;
    expect(() => wordDocument(new TextEncoder().encode(xml))).toThrow(/declares a DOCTYPE/);
  });

  it('XML elements nested deeper than any Word file', () => {
    const n = DOCX_XML_LIMITS.depth;
    const err = refusal(`${'<w:sdt><w:sdtContent>'.repeat(n / 2)}${p('深')}${'</w:sdtContent></w:sdt>'.repeat(n / 2)}`);
    expect([err.code, err.message]).toEqual(['too-large', `XML elements nested more than ${n} deep`]);
  });

  it('an element with more attributes than any Word file', () => {
    const attrs = Array.from({ length: DOCX_XML_LIMITS.attributes + 1 }, (_, i) => `a${i}="1"`).join(' ');
    const err = refusal(`<w:p ${attrs}/>`);
    expect([err.code, err.message]).toEqual(['too-large', `an XML element with more than ${DOCX_XML_LIMITS.attributes} attributes`]);
  });

  it('more elements than any Word file, though each is empty (the limit lowered here: two million take seconds)', () => {
    const limit = DOCX_XML_LIMITS.elements;
    DOCX_XML_LIMITS.elements = 1000;
    try {
      expect(read('<w:p/>'.repeat(990))).toEqual([]);
      const err = refusal('<w:p/>'.repeat(1000));
      expect([err.code, err.message]).toEqual(['too-large', 'more than 1000 XML elements']);
    } finally {
      DOCX_XML_LIMITS.elements = limit;
    }
  });

  it('broken XML, or text that is not UTF-8, is a damaged file with the parser\'s reason on one line', () => {
    const broken = refusal('<w:p><w:r><w:t>方案</w:t></w:r></w:p>\n<w:p></w:body>');
    expect(broken.code).toBe('damaged');
    expect(broken.message).not.toContain('\n');
    expect(() => wordDocument(new Uint8Array([...new TextEncoder().encode(`<w:document ${W}><w:body><w:p><w:r><w:t>`), 0xff, 0xfe, ...new TextEncoder().encode('</w:t></w:r></w:p></w:body></w:document>')]))).toThrow(/not UTF-8/);
  });

  it('a package whose main part is missing', async () => {
    const bytes = await docx({ '_rels/.rels': RELS('../../etc/passwd'), 'word/document.xml': documentXml(p('x')) });
    expect(() => docxDocument(bytes)).toThrow(/has no \.\.\/\.\.\/etc\/passwd/);
  });
});
