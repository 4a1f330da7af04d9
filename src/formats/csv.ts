// CSV for Excel and WPS: RFC 4180 quoting (csv-stringify), a UTF-8 BOM by default, and cells that
// a spreadsheet would run as a formula neutralised. Tables are separated by a blank line.
import { stringify } from 'csv-stringify/sync';
import type { Doc } from '../reports/doc.js';
import type { Lang } from '../messages/types.js';
import type { Renderer } from './types.js';
import { cellText } from './cells.js';

/**
 * Cells that a spreadsheet would run as a formula get a leading apostrophe, as OWASP advises: those that
 * start with = + - @ (or their full-width forms ＝ ＋ － ＠), also after leading spaces or line breaks,
 * and those that start with a tab or CR.
 */
const FORMULA = /^(?:[\t\r]|[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
export function neutralise(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

function records(doc: Doc, lang: Lang): string[][] {
  const out: string[][] = [];
  // A document without a title is a bare data table (export): its first row stays the header.
  if (doc.title) {
    out.push([neutralise(doc.title)]);
    for (const [k, v] of doc.meta) out.push([neutralise(k), neutralise(v)]);
    for (const note of doc.notes ?? []) out.push([neutralise(note)]);
    out.push([]);
  }
  doc.sections.filter((s) => s.table).forEach((s, i, all) => {
    if (s.heading && (all.length > 1 || doc.title)) out.push([neutralise(s.heading)]);
    const { columns, rows } = s.table!;
    out.push(columns.map((c) => neutralise(c.label)));
    for (const r of rows) out.push(r.map((v, j) => neutralise(cellText(v, columns[j]!.kind, lang))));
    if (i < all.length - 1) out.push([]);
  });
  return out;
}

const render: Renderer = ({ docs }, { lang, bom }) => {
  const all = docs.flatMap((doc, i) => [...(i > 0 ? [[], []] : []), ...records(doc, lang)]);
  // A cell with a line break in it is quoted, whichever break it is: a note can never start a new row.
  return (bom ? '\uFEFF' : '') + stringify(all, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
};
export default render;
