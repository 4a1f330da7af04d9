// Markdown: headings and GitHub-style tables.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Doc } from './doc.js';
import type { Renderer } from './types.js';
import { cellText, numeric } from './cells.js';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function markdown(doc: Doc, lang: Lang): string[] {
  const out: string[] = [];
  if (doc.title) out.push(`# ${esc(doc.title)}`, '');
  if (doc.meta.length) {
    for (const [k, v] of doc.meta) out.push(`- **${esc(k)}**: ${esc(v)}`);
    out.push('');
  }
  for (const note of doc.notes ?? []) out.push(`> ${esc(note)}`, '');
  for (const s of doc.sections) {
    // Charts and timelines are drawn in HTML only: without a table, such a section has nothing here.
    if (!s.table && (s.gantt || s.chart)) continue;
    if (s.heading) out.push(`${s.table ? '##' : '#'} ${esc(s.heading)}`, '');
    if (!s.table) continue;
    const { columns, rows } = s.table;
    if (rows.length === 0) {
      out.push(label(lang, 'noneRows'), '');
      continue;
    }
    out.push(`| ${columns.map((c) => esc(c.label)).join(' | ')} |`);
    out.push(`|${columns.map((c) => (numeric(c.kind) ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const r of rows) out.push(`| ${r.map((v, i) => esc(cellText(v, columns[i]!.kind, lang))).join(' | ')} |`);
    out.push('');
  }
  return out;
}

const render: Renderer = ({ docs }, { lang }) => docs.map((d) => markdown(d, lang).join('\n')).join('\n---\n\n');
export default render;
