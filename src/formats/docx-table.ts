// A table of a Word document, written as WordprocessingML text. The `docx` package builds an object for
// every element and attribute before it writes one byte, about 50 bytes of memory for each byte of
// word/document.xml: the weekly form of a plan of 3,000 tasks, nearly all table, took 1.17 GB and 36 s.
// Written here as text, the same XML the package writes (test/docx-table.test.ts compares the two) costs
// about the size of its text. docx.ts puts a placeholder paragraph where each table goes (PLACEHOLDER) and
// swaps the tables in once the package has written the rest (withTables).

/** A run's fonts: East Asian text in `eastAsia`, Latin letters and digits in Times New Roman. */
export interface FontXml { eastAsia: string; latin: string }

/** A paragraph of a cell: one line of text, in one font and size. */
export interface CellLineXml {
  text: string;
  font: FontXml;
  /** In half-points. */
  size: number;
  align: 'left' | 'center' | 'right';
  /** Exact line height in twips. */
  line: number;
  keepNext: boolean;
}

export interface CellXml {
  lines: readonly CellLineXml[];
  /** Twips. */
  width: number;
  span?: number;
  /** Background colour (RRGGBB). */
  fill?: string;
  margins?: { top: number; left: number; bottom: number; right: number };
  middle?: boolean;
}

export interface RowXml {
  cells: readonly CellXml[];
  /** Repeated at the top of every page the table runs onto. */
  header?: boolean;
  /** Absent: Word's default (a row may split). */
  cantSplit?: boolean;
}

export interface TableXml {
  /** Twips. */
  width: number;
  columns: readonly number[];
  rows: readonly RowXml[];
  /** A thin single border on every edge and between cells: its size in eighths of a point, and colour. */
  border: { size: number; color: string };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** The text of an element's content or attribute, with &, <, >, " and ' escaped, as the `docx` package escapes them. */
const escaped = (text: string): string => (/[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text);

const dxa = (name: string, twips: number) => `<w:${name} w:type="dxa" w:w="${twips}"/>`;

function line(l: CellLineXml): string {
  const pPr = `<w:pPr>${l.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:line="${l.line}" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="${l.align}"/></w:pPr>`;
  const latin = escaped(l.font.latin);
  const rPr = `<w:rPr><w:rFonts w:ascii="${latin}" w:eastAsia="${escaped(l.font.eastAsia)}" w:hAnsi="${latin}" w:hint="eastAsia"/><w:sz w:val="${l.size}"/><w:szCs w:val="${l.size}"/></w:rPr>`;
  return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escaped(l.text)}</w:t></w:r></w:p>`;
}

function cell(c: CellXml): string {
  const m = c.margins;
  const tcPr = dxa('tcW', c.width)
    + (c.span ? `<w:gridSpan w:val="${c.span}"/>` : '')
    + (c.fill ? `<w:shd w:fill="${escaped(c.fill)}" w:color="auto" w:val="clear"/>` : '')
    + (m ? `<w:tcMar>${dxa('top', m.top)}${dxa('left', m.left)}${dxa('bottom', m.bottom)}${dxa('right', m.right)}</w:tcMar>` : '')
    + (c.middle ? '<w:vAlign w:val="center"/>' : '');
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${c.lines.map(line).join('')}</w:tc>`;
}

function row(r: RowXml): string {
  const trPr = (r.cantSplit === undefined ? '' : r.cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="false"/>') + (r.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${r.cells.map(cell).join('')}</w:tr>`;
}

/** The table's XML: `<w:tbl>` … `</w:tbl>`. */
export function tableXml(t: TableXml): string {
  const b = `w:val="single" w:color="${escaped(t.border.color)}" w:sz="${t.border.size}"`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${b}/>`).join('');
  const grid = t.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  // Row by row into an array: the text of a big table is built once, not copied on every row.
  const out = [`<w:tbl><w:tblPr>${dxa('tblW', t.width)}<w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>`];
  for (const r of t.rows) out.push(row(r));
  out.push('</w:tbl>');
  return out.join('');
}

/** The style of the paragraph that holds a table's place: no text a plan holds can write a pStyle element. */
export const PLACEHOLDER_STYLE = 'CampaignTablePlaceholder';
const PLACEHOLDER = `<w:p><w:pPr><w:pStyle w:val="${PLACEHOLDER_STYLE}"/></w:pPr></w:p>`;

/** word/document.xml with its placeholders replaced by the tables, in order. */
export function withTables(documentXml: string, tables: readonly string[]): string {
  const parts = documentXml.split(PLACEHOLDER);
  if (parts.length !== tables.length + 1) throw new Error(`expected ${tables.length} table placeholders in word/document.xml, found ${parts.length - 1}`);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [tables[i - 1]!, part])).join('');
}
