// Word documents (the `docx` package) in the layout of GB/T 9704-2012 for official documents: A4; margins
// top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 二号 (22 pt) 方正小标宋简体, centred; the
// text in 三号 (16 pt) 仿宋_GB2312 on an exact line spacing that gives 22 lines a page; 一、 headings in 黑体,
// （一） in 楷体_GB2312; page numbers “— 1 —” in 四号 at the foot, on the outside (odd pages right, even
// left); the issuer and the date right-aligned at the end, four characters in. Fonts are set for East Asian
// text (w:eastAsia), and the font table names the common fallback of each (宋体, 仿宋, 楷体), so Word and WPS
// pick them on machines without the GB2312-era fonts. Tables: thin borders, a shaded bold header row that
// repeats on every page, rows never split across pages, the 督办灯 as a coloured cell.
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip,
} from 'docx';
import JSZip from 'jszip';
import type { Renderer } from './types.js';
import type { Cell, Column, Doc, Section, Table as DocTable } from '../reports/doc.js';
import type { Lang } from '../messages/types.js';
import { label } from '../messages/labels.js';
import { cellText, numeric } from './cells.js';
import { LIGHT_ON_PAPER, naturalWidths, shareRoom } from './paper.js';

/** The fonts GB/T 9704 names, each with what Word and WPS should use where it is not installed. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading1: { name: '黑体', fallback: '黑体' },
  heading2: { name: '楷体_GB2312', fallback: '楷体' },
  number: { name: '宋体', fallback: '宋体' },
} as const;
const LATIN = 'Times New Roman';

/** Sizes in half-points, as Word counts them: 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, formTitle: 36, body: 32, pageNumber: 28, formText: 24, table: 21, formTable: 18 } as const;

/** GB/T 9704-2012 7.1: the type area on A4 (156 mm × 225 mm). */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/**
 * A landscape form keeps the same type area, turned with the page: its top is the portrait page's bound
 * left edge, so the margins turn too (top 28, bottom 26, left 35, right 37 mm).
 */
export const LANDSCAPE_MARGINS_MM = { top: 28, bottom: 26, left: 35, right: 37 } as const;
const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };

/** 22 lines in the type area's height (297 − 37 − 35 = 225 mm): 28.95 pt a line, rounded down to whole twips. */
export const LINE_PITCH = Math.floor(convertMillimetersToTwip(297 - MARGINS_MM.top - MARGINS_MM.bottom) / 22);
/** One character of 三号 text: 16 pt. */
const CHAR = 320;

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
/** Narrower than Word's default (108 twips a side), so that narrow columns keep two characters a line. */
const CELL_MARGINS = { left: 60, right: 60, top: 20, bottom: 20 };

const run = (text: string, font: { name: string }, size: number) =>
  new TextRun({ text, size, font: { eastAsia: font.name, ascii: LATIN, hAnsi: LATIN, hint: 'eastAsia' } });

/** A paragraph of body text: 仿宋, indented two characters, on the page's line pitch. */
function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, SIZE.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
  });
}

/**
 * How a document is set: a report in prose on the official 22-line page, or a landscape form (the 周报表),
 * whose title is 小二 and whose headings and blanks are 小四 on single spacing, so that the table fits a page.
 */
interface Setting { form: boolean; /** Size of table text: 五号 in a report, 小五 on a form. */ table: number }

function heading(text: string, level: 1 | 2, set: Setting): Paragraph {
  if (set.form) return new Paragraph({ children: [run(text, FONTS.heading1, SIZE.formText)], spacing: { before: 80, after: 20 }, keepNext: true });
  return new Paragraph({
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body)],
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

function title(text: string, set: Setting): Paragraph[] {
  if (set.form) return [new Paragraph({ children: [run(text, FONTS.title, SIZE.formTitle)], alignment: AlignmentType.CENTER, spacing: { after: 120 } })];
  return [
    new Paragraph({
      children: [run(text, FONTS.title, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
    }),
    // One blank line between the title and the text (GB/T 9704 7.3.3).
    new Paragraph({ children: [], spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } }),
  ];
}

/** A table cell's paragraph: 五号 仿宋 on single spacing, so that a table fits the page. */
function cellParagraph(text: string, align: 'left' | 'center' | 'right', size: number, bold = false): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({
    children: [run(line, bold ? FONTS.heading1 : FONTS.body, size)],
    alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
  }));
}

/** Column widths in twips that fill `width`: each table's shares of the room, scaled to the type area. */
function columnWidths(t: DocTable, width: number, lang: Lang, size: number): number[] {
  // A display column is half a Chinese character: 105 twips of 五号 (10.5 pt). Two of each cell go to its
  // margins (and to Latin glyphs wider than half a character).
  const room = Math.floor(width / (size * 5)) - 2 * t.columns.length;
  const shares = shareRoom(t.columns, naturalWidths(t, lang), room).map((w) => w + 2);
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((w) => Math.floor((w * width) / total));
}

function tableCell(v: Cell, col: Column, width: number, lang: Lang, size: number): TableCell {
  const text = cellText(v, col.kind, lang);
  const fill = col.kind === 'light' && typeof v === 'string' ? LIGHT_ON_PAPER.get(v) : undefined;
  return new TableCell({
    children: cellParagraph(text, numeric(col.kind) || col.kind === 'light' ? 'center' : 'left', size),
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
  });
}

function table(t: DocTable, width: number, lang: Lang, size: number): Table {
  const widths = columnWidths(t, width, lang, size);
  const header = new TableRow({
    tableHeader: true, // repeated at the top of every page the table runs onto
    cantSplit: true,
    children: t.columns.map((c, j) => new TableCell({
      children: cellParagraph(c.label, 'center', size, true),
      width: { size: widths[j]!, type: WidthType.DXA },
      margins: CELL_MARGINS,
      verticalAlign: VerticalAlign.CENTER,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' },
    })),
  });
  const rows = t.rows.length
    ? t.rows.map((r) => new TableRow({ cantSplit: true, children: t.columns.map((c, j) => tableCell(r[j], c, widths[j]!, lang, size)) }))
    : [new TableRow({ children: [new TableCell({ children: cellParagraph(label(lang, 'noneRows'), 'center', size), columnSpan: t.columns.length, width: { size: width, type: WidthType.DXA } })] })];
  return new Table({ rows: [header, ...rows], width: { size: width, type: WidthType.DXA }, columnWidths: widths, borders: BORDERS });
}

/** The page number “— 1 —”, on the outside edge, a character in. */
function pageNumber(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'right' ? { right: 280 } : { left: 280 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.pageNumber, font: { eastAsia: FONTS.number.name, ascii: FONTS.number.name, hAnsi: FONTS.number.name } })],
    })],
  });
}

function sectionBlocks(s: Section, width: number, lang: Lang, set: Setting): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  // On a form, an empty table is one line: 逾期任务：（无）.
  if (set.form && s.table?.rows.length === 0) return [heading(`${s.heading ?? ''}${lang === 'zh' ? '：' : ': '}${label(lang, 'noneRows')}`, 1, set)];
  if (s.heading) out.push(heading(s.heading, s.level ?? 1, set));
  for (const text of s.paragraphs ?? []) out.push(bodyParagraph(text));
  if (s.table) {
    out.push(table(s.table, width, lang, set.table));
    // Word needs a paragraph between two tables, or it joins them: a small one.
    out.push(new Paragraph({ children: [run('', FONTS.body, set.table)], spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 0 } }));
  }
  return out;
}

function docChildren(doc: Doc, width: number, lang: Lang): (Paragraph | Table)[] {
  const sep = lang === 'zh' ? '：' : ': ';
  const form = doc.orientation === 'landscape';
  const set: Setting = { form, table: form ? SIZE.formTable : SIZE.table };
  const out: (Paragraph | Table)[] = [];
  if (doc.title) out.push(...title(doc.title, set));
  // The header block of a form: 填报单位：铜钟乡　　填报人：…
  if (doc.meta.length) out.push(new Paragraph({ children: [run(doc.meta.map(([k, v]) => `${k}${sep}${v}`).join('\u3000\u3000'), FONTS.body, set.table)], spacing: { after: 120 } }));
  for (const note of doc.notes ?? []) out.push(set.form ? new Paragraph({ children: [run(note, FONTS.body, set.table)] }) : bodyParagraph(note));
  for (const s of doc.sections) out.push(...sectionBlocks(s, width, lang, set));
  if (doc.signature?.length) {
    out.push(new Paragraph({
      children: [run(doc.signature.map((l) => `${l}${sep}${'\u3000'.repeat(6)}`).join('\u3000'), FONTS.body, set.form ? SIZE.formText : SIZE.body)],
      spacing: { before: set.form ? 160 : 240 },
    }));
  }
  if (doc.issuer) {
    // 落款: the issuer and the date, right-aligned four characters in (GB/T 9704 7.3.5.1), after a blank line.
    out.push(new Paragraph({ children: [], spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } }));
    for (const line of [doc.issuer.name, doc.issuer.date]) {
      out.push(new Paragraph({
        children: [run(line, FONTS.body, SIZE.body)],
        alignment: AlignmentType.RIGHT,
        indent: { right: 4 * CHAR },
        spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
      }));
    }
  }
  return out;
}

/** The font table Word reads to substitute a missing font: each GB/T font with its common fallback. */
function fontTable(): string {
  const fonts = [...new Map([...Object.values(FONTS).map((f) => [f.name, f.fallback] as const), ...Object.values(FONTS).map((f) => [f.fallback, f.fallback] as const)])];
  const entries = fonts.map(([name, alt]) =>
    `<w:font w:name="${name}">${alt !== name ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`);
  entries.push(`<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Writes the font table into the package (the `docx` package writes one only for embedded fonts). */
async function withFontTable(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/fontTable.xml', fontTable());
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  if (!rels.includes('fontTable.xml')) {
    zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>'));
  }
  const types = await zip.file('[Content_Types].xml')!.async('string');
  if (!types.includes('/word/fontTable.xml')) {
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>'));
  }
  // Fixed dates inside the package and in its properties, so that the same report gives the same file.
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1' + '2000-01-01T00:00:00Z').replace('<cp:lastModifiedBy>Un-named</cp:lastModifiedBy>', '<cp:lastModifiedBy>campaign</cp:lastModifiedBy>'));
  for (const file of Object.values(zip.files)) file.date = FIXED_DATE;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const render: Renderer = async ({ docs }, { lang }) => {
  const sections = docs.map((doc) => {
    const landscape = doc.orientation === 'landscape';
    const m = landscape ? LANDSCAPE_MARGINS_MM : MARGINS_MM;
    const pageWidth = landscape ? A4.height : A4.width;
    const width = pageWidth - convertMillimetersToTwip(m.left + m.right);
    return {
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: {
            top: convertMillimetersToTwip(m.top), bottom: convertMillimetersToTwip(m.bottom),
            left: convertMillimetersToTwip(m.left), right: convertMillimetersToTwip(m.right),
            header: convertMillimetersToTwip(15), footer: convertMillimetersToTwip(landscape ? 12 : 20),
          },
        },
      },
      footers: { default: pageNumber('right'), even: pageNumber('left') },
      children: docChildren(doc, width, lang),
    };
  });
  const document = new Document({
    creator: 'campaign',
    title: docs[0]?.title ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // Every run sets its own size; the default is what an empty paragraph between two tables takes.
          run: { size: SIZE.table, font: { eastAsia: FONTS.body.name, ascii: LATIN, hAnsi: LATIN } },
        },
      },
    },
    sections,
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
};
export default render;
