// Markdown: headings and GitHub-style tables.
import type { Renderer } from './types.js';
import { cellText, numeric } from './cells.js';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

const render: Renderer = ({ doc }, { lang }) => {
  const out: string[] = [];
  if (doc.title) out.push(`# ${esc(doc.title)}`, '');
  if (doc.meta.length) {
    for (const [k, v] of doc.meta) out.push(`- **${esc(k)}**: ${esc(v)}`);
    out.push('');
  }
  for (const s of doc.sections) {
    // Charts and timelines are drawn in HTML only: without a table, such a section has nothing here.
    if (!s.table && (s.gantt || s.chart)) continue;
    if (s.heading) out.push(`${s.table ? '##' : '#'} ${esc(s.heading)}`, '');
    if (!s.table) continue;
    const { columns, rows } = s.table;
    if (rows.length === 0) {
      out.push(lang === 'zh' ? '（无）' : '(none)', '');
      continue;
    }
    out.push(`| ${columns.map((c) => esc(c.label)).join(' | ')} |`);
    out.push(`|${columns.map((c) => (numeric(c.kind) ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const r of rows) out.push(`| ${r.map((v, i) => esc(cellText(v, columns[i]!.kind, lang))).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
};
export default render;
