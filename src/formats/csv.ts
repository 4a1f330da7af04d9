// CSV for Excel and WPS: RFC 4180 quoting (csv-stringify), a UTF-8 BOM by default, and cells that
// a spreadsheet would run as a formula neutralised. Tables are separated by a blank line. Several plans
// are one table of each kind, not one document after another: each table's header once, a first column
// with the plan's file (the `file` of the JSON, rollup's File), every plan's rows under it, no blank row
// between plans; the title, header fields and notes of each plan are a first table, a row per plan.
import { stringify } from 'csv-stringify/sync';
import type { Doc, Table } from './doc.js';
import { label } from '../messages/labels.js';
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

/** Several plans' documents as one table of each kind, the plan's file the first column. */
function merged(docs: readonly Doc[], lang: Lang): string[][] {
  const fileLabel = label(lang, 'file');
  const fileOf = (doc: Doc) => doc.plan?.file ?? '';
  // The runner put each plan's file first in its header fields: here it is the first column instead.
  const metaOf = (doc: Doc) => doc.meta.filter(([k, v]) => !(k === fileLabel && v === fileOf(doc)));
  const out: string[][] = [];
  const row = (cells: string[]) => out.push(cells.map(neutralise));
  if (docs.some((d) => d.title)) {
    const keys = [...new Set(docs.flatMap((d) => metaOf(d).map(([k]) => k)))];
    const notes = docs.some((d) => d.notes?.length);
    row([fileLabel, label(lang, 'titleCol'), ...keys, ...(notes ? [label(lang, 'notesCol')] : [])]);
    for (const doc of docs) {
      const meta = new Map(metaOf(doc));
      row([fileOf(doc), doc.title ?? '', ...keys.map((k) => meta.get(k) ?? ''), ...(notes ? [(doc.notes ?? []).join('\n')] : [])]);
    }
  }
  // A table of the same heading and columns in each plan is one table; one that only some plans have
  // (逾期完成任务) comes where those plans have it, after the table it follows there.
  const tables = new Map<string, { heading?: string; table: Table; rows: string[][] }>();
  const order: string[] = [];
  for (const doc of docs) {
    let at = -1;
    for (const s of doc.sections) {
      if (!s.table) continue;
      const key = JSON.stringify([s.heading ?? '', s.table.columns.map((c) => c.label)]);
      if (!tables.has(key)) {
        tables.set(key, { ...(s.heading ? { heading: s.heading } : {}), table: s.table, rows: [] });
        order.splice(at + 1, 0, key);
      }
      at = order.indexOf(key);
      const { columns, rows } = s.table;
      tables.get(key)!.rows.push(...rows.map((r) => [fileOf(doc), ...r.map((v, j) => cellText(v, columns[j]!.kind, lang))]));
    }
  }
  for (const { heading, table, rows } of order.map((k) => tables.get(k)!)) {
    if (out.length) out.push([]);
    if (heading && (tables.size > 1 || out.length)) row([heading]);
    row([fileLabel, ...table.columns.map((c) => c.label)]);
    for (const r of rows) row(r);
  }
  return out;
}

const render: Renderer = ({ docs }, { lang, bom }) => {
  const all = docs.length > 1 && docs.every((d) => d.plan)
    ? merged(docs, lang)
    : docs.flatMap((doc, i) => [...(i > 0 ? [[], []] : []), ...records(doc, lang)]);
  // A cell with a line break in it is quoted, whichever break it is: a note can never start a new row.
  return (bom ? '\uFEFF' : '') + stringify(all, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
};
export default render;
