// CSV for Excel and WPS: RFC 4180 quoting (csv-stringify), a UTF-8 BOM by default, and cells that
// a spreadsheet would run as a formula neutralised. Several tables are separated by a blank line.
import { stringify } from 'csv-stringify/sync';
import type { Renderer } from './types.js';
import { cellText } from './cells.js';

/** Cells that start like a formula (= + - @, tab, CR) get a leading apostrophe, as OWASP advises. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const render: Renderer = ({ doc }, { lang, bom }) => {
  const records: string[][] = [];
  if (doc.title) records.push([neutralise(doc.title)]);
  for (const [k, v] of doc.meta) records.push([neutralise(k), neutralise(v)]);
  if (records.length) records.push([]);
  doc.sections.filter((s) => s.table).forEach((s, i, all) => {
    if (s.heading && (all.length > 1 || doc.title)) records.push([neutralise(s.heading)]);
    const { columns, rows } = s.table!;
    records.push(columns.map((c) => neutralise(c.label)));
    for (const r of rows) records.push(r.map((v, j) => neutralise(cellText(v, columns[j]!.kind, lang))));
    if (i < all.length - 1) records.push([]);
  });
  return (bom ? '\uFEFF' : '') + stringify(records, { record_delimiter: '\r\n' });
};
export default render;
