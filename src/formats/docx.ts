// Word documents (the `docx` package) in the layout of GB/T 9704-2012 for official documents: A4; margins
// top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 二号 (22 pt) 方正小标宋简体, centred; the
// text in 三号 (16 pt) 仿宋_GB2312 on an exact line spacing that gives 22 lines a page; 一、 headings in 黑体,
// （一） in 楷体_GB2312; page numbers “— 1 —” in 四号 at the foot, on the outside (odd pages right, even
// left); the issuer and the date right-aligned at the end, four characters in. Fonts are set for East Asian
// text (w:eastAsia), and the font table names the common fallback of each (宋体, 仿宋, 楷体), so Word and WPS
// pick them on machines without the GB2312-era fonts. Tables: thin borders, a shaded bold header row that
// repeats on every page, rows never split across pages, the 督办灯 as a coloured cell.
import {
  AlignmentType, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, TextRun, convertMillimetersToTwip,
} from 'docx';
import JSZip from 'jszip';
import type { Renderer } from './types.js';
import type { Attachment, Cell, Column, Doc, Section, Table as DocTable } from './doc.js';
import type { Lang } from '../messages/types.js';
import { label } from '../messages/labels.js';
import { cellText, numeric, tableTexts } from './cells.js';
import { LIGHT_ON_PAPER, linesIn, shortestWidths, wrapsOnPaper } from './paper.js';
import { PLACEHOLDER_STYLE, tableXml, withTables, type CellLineXml, type CellXml, type RowXml, type TableXml } from './docx-table.js';

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

/** Thin single borders on every edge of a table and between its cells: half a point, black. */
const THIN = { size: 4, color: '000000' } as const;
/** Narrower than Word's default (108 twips a side), so that narrow columns keep two characters a line. */
const CELL_MARGINS = { left: 60, right: 60, top: 10, bottom: 10 };

/** The language every run is tagged with: Chinese (PRC), so that spelling, line breaking and fonts follow it. */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

const fontOf = (font: { name: string }) => ({ eastAsia: font.name, ascii: LATIN, hAnsi: LATIN, hint: 'eastAsia' as const });

const run = (text: string, font: { name: string }, size: number) => new TextRun({ text, size, font: fontOf(font) });

/** Lines of one paragraph, broken where the text says (a title and its week on lines of their own). */
const lines = (texts: readonly string[], font: { name: string }, size: number) =>
  texts.map((text, i) => new TextRun({ text, size, font: fontOf(font), ...(i > 0 ? { break: 1 } : {}) }));

/** A paragraph of body text: 仿宋, indented two characters, on the page's line pitch. */
function bodyParagraph(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, SIZE.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
    ...(keepNext ? { keepNext } : {}),
  });
}

/**
 * How a document is set: a report in prose on the official 22-line page, or a landscape form (the 周报表),
 * whose title is 小二 and whose headings and blanks are 小四 on single spacing, so that the table fits a page.
 */
interface Setting {
  form: boolean;
  /** Size of table text: 五号 in a report, 小五 on a form. */
  table: number;
  /** The XML of the document's tables, in order, each written where its placeholder paragraph is. */
  tables: string[];
}

/** The heading styles by level: Word's navigation pane and table of contents read their outline levels. */
const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function heading(text: string, level: 1 | 2, set: Setting): Paragraph {
  if (set.form) return new Paragraph({ heading: HEADING[level], children: [run(text, FONTS.heading1, SIZE.formText)], spacing: { before: 80, after: 20 }, keepNext: true });
  return new Paragraph({
    heading: HEADING[level],
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body)],
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

/** A blank line on the page's line pitch (GB/T 9704: between the title and the text, before the 附件 and the 落款). */
const blankLine = (keepNext = false) => new Paragraph({ children: [], spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT }, ...(keepNext ? { keepNext } : {}) });

/**
 * The title. On a form, the parts of a long title each start a line of their own (the plan, then 进展情况周报
 * 第2周（6月5日—6月11日）), so that a line never breaks inside a date.
 */
function title(text: string, set: Setting): Paragraph[] {
  if (set.form) {
    return [new Paragraph({ heading: HeadingLevel.TITLE, children: lines(text.split(' — '), FONTS.title, SIZE.formTitle), alignment: AlignmentType.CENTER, spacing: { after: 120 }, keepNext: true })];
  }
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [run(text, FONTS.title, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
    }),
    // One blank line between the title and the text (GB/T 9704 7.3.3).
    blankLine(),
  ];
}

/**
 * A table cell's line: an exact 1.2 times the text's size. Single spacing takes the font's own line height,
 * which for the CJK fonts a machine falls back to (Noto, Source Han) is nearly 1.5 times the size.
 */
const cellLine = (size: number) => Math.round(size * 12);

/** A table cell's paragraphs: 五号 仿宋 (小五 on a form) on exact spacing, so that a table fits the page. */
function cellParagraph(text: string, align: 'left' | 'center' | 'right', size: number, bold = false, keepNext = false): CellLineXml[] {
  const font = { eastAsia: (bold ? FONTS.heading1 : FONTS.body).name, latin: LATIN };
  return text.split('\n').map((line) => ({ text: line, font, size, align, line: cellLine(size), keepNext }));
}

/** Column widths in twips that fill `width`: each table's shares of the room, scaled to the type area. */
function columnWidths(t: DocTable, width: number, lang: Lang, size: number): number[] {
  // A display column is half a Chinese character: 105 twips of 五号 (10.5 pt). Two of each cell go to its
  // margins; a column that never wraps gets one more, for Latin digits and signs wider than half a
  // character (100% in Times New Roman), so that it is never broken.
  const unit = size * 5;
  const room = Math.floor(width / unit) - 3 * t.columns.length;
  const shares = shortestWidths(t, lang, room).map((w, j) => w + (wrapsOnPaper(t.columns[j]!) ? 2 : 3));
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((w) => Math.floor((w * width) / total));
}

/** A table as printed (Column.onPaper): the columns it repeats left out, those set under another moved into it, each on a line of its own. */
function folded(t: DocTable, lang: Lang): DocTable {
  const under = (c: Column) => (typeof c.onPaper === 'object' ? c.onPaper.under : undefined);
  const kept = t.columns.map((_, j) => j).filter((j) => t.columns[j]!.onPaper === undefined);
  if (kept.length === t.columns.length) return t;
  const rows = t.rows.map((r) => {
    const texts: Cell[] = [...r];
    t.columns.forEach((c, j) => {
      const into = under(c);
      if (into === undefined) return;
      const added = cellText(r[j], c.kind, lang);
      const base = cellText(texts[into], t.columns[into]!.kind, lang);
      if (added) texts[into] = base ? `${base}\n${added}` : added;
    });
    return kept.map((j) => texts[j]);
  });
  return { columns: kept.map((j) => t.columns[j]!), rows };
}

/** The columns of a table that have anything in them: on paper, an empty column (no next steps this week) only takes room. */
function filled(t: DocTable, lang: Lang): DocTable {
  if (t.rows.length === 0) return t;
  const { shown } = tableTexts(t, lang);
  if (shown.length === t.columns.length || shown.length === 0) return t;
  return { columns: shown.map((i) => t.columns[i]!), rows: t.rows.map((r) => shown.map((i) => r[i])) };
}

function tableCell(v: Cell, col: Column, width: number, lang: Lang, size: number, keepNext: boolean): CellXml {
  const text = cellText(v, col.kind, lang);
  const fill = col.kind === 'light' && typeof v === 'string' ? LIGHT_ON_PAPER.get(v) : undefined;
  return {
    lines: cellParagraph(text, numeric(col.kind) || col.kind === 'light' ? 'center' : 'left', size, false, keepNext),
    width,
    margins: CELL_MARGINS,
    ...(fill ? { fill } : {}),
  };
}

/**
 * A table: its header row repeated on every page, no row split across pages. `keepLast` rows at its end are
 * kept with what follows (the signature line of a form).
 */
function table(shown: DocTable, width: number, lang: Lang, size: number, keepLast = 0): TableXml {
  const t = filled(folded(shown, lang), lang);
  const widths = columnWidths(t, width, lang, size);
  const header: RowXml = {
    header: true, // repeated at the top of every page the table runs onto
    cantSplit: true,
    cells: t.columns.map((c, j) => ({ lines: cellParagraph(c.label, 'center', size, true), width: widths[j]!, margins: CELL_MARGINS, middle: true, fill: 'D9D9D9' })),
  };
  const rows: RowXml[] = t.rows.length
    ? t.rows.map((r, i) => ({ cantSplit: !tall(r), cells: t.columns.map((c, j) => tableCell(r[j], c, widths[j]!, lang, size, i >= t.rows.length - keepLast)) }))
    : [{ cells: [{ lines: cellParagraph(label(lang, 'noneRows'), 'center', size), span: t.columns.length, width }] }];
  return { rows: [header, ...rows], width, columns: widths, border: THIN };

  /** A row too tall to move whole to the next page without leaving a gap: it may be split (the header repeats above its rest). */
  function tall(r: readonly Cell[]): boolean {
    const lines = t.columns.map((c, j) => linesIn(cellText(r[j], c.kind, lang), Math.floor((widths[j]! - CELL_MARGINS.left - CELL_MARGINS.right) / (size * 5))));
    return Math.max(...lines) > UNSPLIT_LINES;
  }
}

/** The paragraph that holds a table's place in the document; the table's XML is kept in `tables`, in order. */
function placed(t: TableXml, tables: string[]): Paragraph {
  tables.push(tableXml(t));
  return new Paragraph({ style: PLACEHOLDER_STYLE });
}

/** The most lines a table row has and is still kept whole on a page. */
const UNSPLIT_LINES = 4;

/** The page number “— 1 —”, on the outside edge, a character in. */
function pageNumber(side: 'right' | 'left'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'right' ? { right: 280, firstLine: 0 } : { left: 280, firstLine: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.pageNumber, font: { eastAsia: FONTS.number.name, ascii: FONTS.number.name, hAnsi: FONTS.number.name } })],
    })],
  });
}

/** Rows at the end of a form's last table kept on the page of the signature line below it. */
const KEPT_WITH_SIGNATURE = 1;

/**
 * A section's heading, paragraphs and table. `keepLast` keeps its end with what follows (the signature line,
 * the 附件 list and the 落款): the last paragraph, or that many rows at the end of its table.
 */
function sectionBlocks(s: Section, width: number, lang: Lang, set: Setting, keepLast = 0): Paragraph[] {
  const out: Paragraph[] = [];
  // On a form, an empty table is one line: 逾期任务：（无）.
  if (set.form && s.table?.rows.length === 0) return [heading(`${s.heading ?? ''}${lang === 'zh' ? '：' : ': '}${label(lang, 'noneRows')}`, 1, set)];
  if (s.heading) out.push(heading(s.heading, s.level ?? 1, set));
  const paragraphs = s.paragraphs ?? [];
  paragraphs.forEach((text, i) => {
    out.push(bodyParagraph(text, keepLast > 0 && !s.table && i === paragraphs.length - 1));
  });
  if (s.table) {
    out.push(placed(table(s.table, width, lang, set.table, keepLast), set.tables));
    // Word needs a paragraph between two tables, or it joins them: one a point high (the next heading's
    // spacing before, or the signature's, sets them apart), so that the gaps of a form do not add up to a page.
    out.push(new Paragraph({ children: [run('', FONTS.body, 2)], spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, ...(keepLast ? { keepNext: true } : {}) }));
  }
  return out;
}

/** A plain paragraph of body text on the page's line pitch: 主送机关 flush left, the 附件 list indented. */
const plain = (text: string, indent: { firstLine?: number; left?: number } = { firstLine: 0 }, keepNext = false) =>
  new Paragraph({ children: [run(text, FONTS.body, SIZE.body)], indent, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT }, ...(keepNext ? { keepNext } : {}) });

/**
 * The 附件说明 after the text (GB/T 9704 7.3.4): a blank line, then 附件：1．… two characters in, the
 * further items under the first one's number.
 */
function attachmentList(list: readonly Attachment[], lang: Lang): Paragraph[] {
  const word = lang === 'zh' ? '附件：' : 'Attachments: ';
  const numbered = (a: Attachment, i: number) => (list.length > 1 ? `${i + 1}${lang === 'zh' ? '．' : '. '}${a.title}` : a.title);
  // Kept with the 落款 below, which is never alone on a page.
  return [blankLine(true), ...list.map((a, i) => (i === 0 ? plain(`${word}${numbered(a, i)}`, { firstLine: 2 * CHAR }, true) : plain(numbered(a, i), { left: (2 + [...word].length) * CHAR }, true)))];
}

/** An attachment on pages of its own: 附件1 in 黑体 flush left, its title centred, then its tables. */
function attachmentPages(a: Attachment, n: number, count: number, width: number, lang: Lang, tables: string[]): Paragraph[] {
  const word = lang === 'zh' ? '附件' : 'Attachment ';
  // Its tables in 小五, under 一、… headings in 小四 黑体, as a form's are: the tasks of a month on a page.
  const set: Setting = { form: true, table: SIZE.formTable, tables };
  return [
    new Paragraph({ children: [run(count > 1 ? `${word}${n}` : word.trim(), FONTS.heading1, SIZE.body)], pageBreakBefore: true, indent: { firstLine: 0 }, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } }),
    // The title in 二号 小标宋, centred, and the tables under it (a blank line of 小五, not of the text's pitch).
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(a.title, FONTS.title, SIZE.title)], alignment: AlignmentType.CENTER, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, after: 120 } }),
    ...a.sections.flatMap((s) => sectionBlocks(s, width, lang, set)),
  ];
}

function docChildren(doc: Doc, width: number, lang: Lang, tables: string[]): Paragraph[] {
  const sep = lang === 'zh' ? '：' : ': ';
  const form = doc.orientation === 'landscape';
  const set: Setting = { form, table: form ? SIZE.formTable : SIZE.table, tables };
  const out: Paragraph[] = [];
  if (doc.title) out.push(...title(doc.title, set));
  // 主送机关: under the title, flush left, with a full-width colon (GB/T 9704 7.3.3).
  if (doc.official?.recipient) out.push(plain(`${doc.official.recipient}${sep}`));
  // The header block of a form: 填报单位：铜钟乡　　填报人：…
  if (doc.meta.length) out.push(new Paragraph({ children: [run(doc.meta.map(([k, v]) => `${k}${sep}${v}`).join('\u3000\u3000'), FONTS.body, set.table)], indent: { firstLine: 0 }, spacing: { after: 120 } }));
  for (const note of doc.notes ?? []) out.push(set.form ? new Paragraph({ children: [run(note, FONTS.body, set.table)] }) : bodyParagraph(note));
  // The end of the text keeps with what follows it — a form's signature line, a report's 附件 list and 落款 —
  // so that never stands alone on a page: the last rows of the last table, or the last paragraph.
  const tail = doc.signature?.length || doc.issuer;
  const last = tail ? doc.sections.findLastIndex((s) => (s.table && s.table.rows.length > 0) || s.paragraphs?.length) : -1;
  doc.sections.forEach((s, i) => {
    out.push(...sectionBlocks(s, width, lang, set, i === last ? KEPT_WITH_SIGNATURE : 0));
  });
  if (doc.signature?.length) {
    out.push(new Paragraph({
      children: [run(doc.signature.map((l) => `${l}${sep}${'\u3000'.repeat(6)}`).join('\u3000'), FONTS.body, set.form ? SIZE.formText : SIZE.body)],
      spacing: { before: set.form ? 160 : 240 },
    }));
  }
  const attachments = doc.official?.attachments ?? [];
  if (attachments.length) out.push(...attachmentList(attachments, lang));
  if (doc.issuer) {
    // 落款: the issuer and the date, right-aligned four characters in (GB/T 9704 7.3.5.1), after a blank line.
    out.push(blankLine(true));
    for (const line of [doc.issuer.name, doc.issuer.date]) {
      out.push(new Paragraph({
        children: [run(line, FONTS.body, SIZE.body)],
        alignment: AlignmentType.RIGHT,
        indent: { right: 4 * CHAR, firstLine: 0 },
        spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT },
        ...(line === doc.issuer.name ? { keepNext: true } : {}),
      }));
    }
  }
  attachments.forEach((a, i) => {
    out.push(...attachmentPages(a, i + 1, attachments.length, width, lang, tables));
  });
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

/**
 * The package as the `docx` package wrote it, finished: the tables in their places (docx-table.ts), and a font
 * table (the package writes one only for embedded fonts).
 */
async function finished(bytes: Uint8Array, tables: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('word/document.xml', withTables(await zip.file('word/document.xml')!.async('string'), tables));
  zip.file('word/fontTable.xml', fontTable());
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  if (!rels.includes('fontTable.xml')) {
    zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>'));
  }
  const types = await zip.file('[Content_Types].xml')!.async('string');
  if (!types.includes('/word/fontTable.xml')) {
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/></Types>'));
  }
  // Normal is the default paragraph style (w:default), the one a paragraph without a style has.
  const styleXml = await zip.file('word/styles.xml')!.async('string');
  zip.file('word/styles.xml', styleXml.replace('<w:style w:type="paragraph" w:styleId="Normal">', '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'));
  // Fixed dates inside the package and in its properties, so that the same report gives the same file.
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1' + '2000-01-01T00:00:00Z').replace('<cp:lastModifiedBy>Un-named</cp:lastModifiedBy>', '<cp:lastModifiedBy>campaign</cp:lastModifiedBy>'));
  for (const file of Object.values(zip.files)) file.date = FIXED_DATE;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * The paragraph styles, so that Word's navigation pane, a table of contents and a clerk's own paragraphs
 * work: 正文 (Normal: 仿宋 三号, two characters in, 22 lines a page — on a form 小五 on single spacing), 标题
 * (Title: 小标宋), 一级标题 (黑体), 二级标题 (楷体) and 三级标题 (仿宋) with outline levels 1–3, every run
 * tagged zh-CN. Paragraphs carry their formatting too, for programs that read no styles.
 */
function styles(form: boolean) {
  const pitch = form ? {} : { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } };
  const size = form ? SIZE.formText : SIZE.body;
  const headingStyle = (font: { name: string }, outlineLevel: number) => ({
    run: { font: fontOf(font), size, language: LANGUAGE },
    paragraph: { outlineLevel, keepNext: true, indent: { firstLine: form ? 0 : 2 * CHAR }, ...pitch },
  });
  return {
    default: {
      document: { run: { size: SIZE.table, font: fontOf(FONTS.body), language: LANGUAGE } },
      title: { run: { font: fontOf(FONTS.title), size: form ? SIZE.formTitle : SIZE.title, language: LANGUAGE }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, ...pitch } },
      heading1: headingStyle(FONTS.heading1, 0),
      heading2: headingStyle(FONTS.heading2, 1),
      heading3: headingStyle(FONTS.body, 2),
    },
    paragraphStyles: [{
      id: 'Normal', name: 'Normal', quickFormat: true,
      run: { font: fontOf(FONTS.body), size: form ? SIZE.formTable : SIZE.body, language: LANGUAGE },
      paragraph: form ? {} : { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR }, ...pitch },
    }],
  };
}

const render: Renderer = async ({ docs }, { lang }) => {
  const tables: string[] = [];
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
      children: docChildren(doc, width, lang, tables),
    };
  });
  const document = new Document({
    creator: 'campaign',
    title: docs[0]?.title ?? '',
    evenAndOddHeaderAndFooters: true,
    styles: styles(docs[0]?.orientation === 'landscape'),
    sections,
  });
  return finished(new Uint8Array(await Packer.toBuffer(document)), tables);
};
export default render;
