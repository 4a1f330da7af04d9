// One self-contained HTML page (no scripts, no external fonts or CDN): tables, an inline SVG bar chart
// of completion by unit, and the timeline (html-timeline.ts). All plan text is escaped.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { BarChart, Table } from '../reports/doc.js';
import type { Renderer } from './types.js';
import { numeric, tableTexts } from './cells.js';
import { LIGHT_COLOUR } from './html-colours.js';
import { escapeHtml } from './html-escape.js';
import { timelineHtml } from './html-timeline.js';
import { NOT_APPLICABLE, percentText, shownPercent } from './percent.js';
import type { Doc } from '../reports/doc.js';

const CSS = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimSun,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.meta dt{color:#555}dl.meta dd{margin:0}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}
th{background:#f3f5f7;text-align:left;white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.date{white-space:nowrap}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:-.05em}
.none{color:#777}.note{border-left:4px solid #f9a825;background:#fff8e1;padding:.4em .8em}article+article{margin-top:3em;border-top:2px solid #ccc}svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#333}
.legend span{margin-right:1em;font-size:.9em}.legend i{display:inline-block;width:1em;height:.7em;margin-right:.3em}
@media print{body{margin:0;max-width:none}}`;

function tableHtml(t: Table, lang: Lang): string {
  if (t.rows.length === 0) return `<p class="none">${escapeHtml(label(lang, 'noneRows'))}</p>`;
  // A column with nothing in it (no plan unreadable, no problems this week) only takes room.
  const { texts, shown } = tableTexts(t, lang);
  const head = shown.map((i) => `<th>${escapeHtml(t.columns[i]!.label)}</th>`).join('');
  const body = t.rows.map((r, ri) => `<tr>${shown.map((i) => {
    const v = r[i];
    const col = t.columns[i]!;
    const text = escapeHtml(texts[ri]![i]!);
    if (col.kind === 'light' && typeof v === 'string' && LIGHT_COLOUR[v]) return `<td><span class="dot" style="background:${LIGHT_COLOUR[v]}"></span>${text}</td>`;
    return `<td${numeric(col.kind) ? ' class="num"' : col.kind === 'date' ? ' class="date"' : ''}>${text}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function barChart(chart: BarChart, title: string): string {
  const labelWidth = 150;
  const barWidth = 420;
  const rowHeight = 26;
  const height = chart.bars.length * rowHeight + 10;
  const rows = chart.bars.map((b, i) => {
    const y = 5 + i * rowHeight;
    const shown = b.value === null ? NOT_APPLICABLE : percentText(shownPercent(b.value, 'fraction'));
    const w = Math.max(0, Math.min(1, b.value ?? 0)) * barWidth;
    return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text>`
      + `<rect x="${labelWidth}" y="${y + 2}" width="${barWidth}" height="18" fill="#eceff1"/>`
      + (b.value === null ? '' : `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="18" fill="#2e7d32"><title>${escapeHtml(b.label)} ${shown}</title></rect>`)
      + `<text x="${labelWidth + barWidth + 8}" y="${y + 15}">${shown}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 70}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}">\n${rows.join('\n')}\n</svg>`;
}

function article(doc: Doc, lang: Lang): string[] {
  const body: string[] = ['<article>'];
  if (doc.title) body.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  if (doc.meta.length) body.push(`<dl class="meta">${doc.meta.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`);
  for (const note of doc.notes ?? []) body.push(`<p class="note">${escapeHtml(note)}</p>`);
  for (const s of doc.sections) {
    body.push(`<section>`);
    if (s.heading) body.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    if (s.chart) body.push(barChart(s.chart, `${s.heading ?? ''} ${label(lang, 'chart')}`));
    if (s.table) body.push(tableHtml(s.table, lang));
    if (s.gantt) body.push(timelineHtml(s.gantt, lang));
    body.push(`</section>`);
  }
  body.push('</article>');
  return body;
}

const render: Renderer = ({ docs }, { lang }) => {
  const body = docs.flatMap((d) => article(d, lang));
  const title = docs.length === 1 ? (docs[0]!.title ?? '') : docs.map((d) => d.title ?? '').join(' / ');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
};
export default render;
