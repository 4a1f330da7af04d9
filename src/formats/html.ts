// One self-contained HTML page (no scripts, no external fonts or CDN) that reads on a screen and prints
// as a form: A4 in the document's orientation, the header block, tables whose header row repeats on
// every page and whose rows are never cut, an inline SVG bar chart, the timeline, and the blanks to
// sign at the end. All plan text is escaped.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { BarChart, Column, Doc, Table } from './doc.js';
import type { Renderer } from './types.js';
import { numeric, tableTexts } from './cells.js';
import { LIGHT_COLOUR } from './html-colours.js';
import { escapeHtml } from './html-escape.js';
import { timelineHtml } from './html-timeline.js';
import { NOT_APPLICABLE, percentText, shownPercent } from './percent.js';
import { fitText, textWidth } from './svg-text.js';

type Orientation = NonNullable<Doc['orientation']>;

const SCREEN_FONTS = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","Songti SC",SimSun,sans-serif';
const PRINT_FONTS = '"Songti SC",SimSun,"Noto Serif CJK SC","Source Han Serif SC","Noto Sans CJK SC",serif';
const HEADING_FONTS = '"Heiti SC",SimHei,"Noto Sans CJK SC","Source Han Sans SC",sans-serif';

function css(orientation: Orientation, lang: Lang): string {
  const pageNumber = lang === 'zh' ? '"第 " counter(page) " 页，共 " counter(pages) " 页"' : '"Page " counter(page) " of " counter(pages)';
  return `body{font-family:${SCREEN_FONTS};margin:1.5em auto;max-width:${orientation === 'landscape' ? 1200 : 960}px;color:#222;padding:0 1em;line-height:1.5;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1{font-size:1.45em;text-align:center;margin:.3em 0 .6em}h2{font-size:1.1em;margin:1.4em 0 .4em;border-bottom:1px solid #ddd;padding-bottom:.15em}
dl.meta{display:flex;flex-wrap:wrap;gap:.3em 2em;margin:0 0 .8em}dl.meta div{display:flex;align-items:baseline}dl.meta dt{color:#444;white-space:nowrap}
dl.meta dt::after{content:"${lang === 'zh' ? '：' : ':\\a0'}"}dl.meta dd{margin:0;min-width:6em;padding:0 .3em;border-bottom:1px solid #999}
table{border-collapse:collapse;margin:.4em 0;font-size:.92em}thead{display:table-header-group}tr{break-inside:avoid}
th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f5f7;text-align:center;vertical-align:middle;word-break:keep-all;overflow-wrap:normal}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.num,td.date,td.nw,.d{white-space:nowrap}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:-.05em}
.none{color:#666}.note{border-left:4px solid #f9a825;background:#fff8e1;padding:.4em .8em}
.signature{display:flex;gap:.6em 2em;margin:2.2em 0 .5em;break-inside:avoid;break-before:avoid}.signature>span{display:flex;flex:1 1 0;white-space:nowrap}.signature .blank{flex:1;min-width:3em;border-bottom:1px solid #333}
article+article{margin-top:3em;border-top:2px solid #ccc}svg{display:block;max-width:100%;height:auto}svg text{font-size:12px;fill:#333}
.legend span{margin-right:1em;font-size:.9em}.legend i{display:inline-block;width:1em;height:.7em;margin-right:.3em}
@page{size:A4 ${orientation};margin:12mm 12mm 14mm;@bottom-center{content:${pageNumber};font-size:9pt;color:#666}}
@media print{body{margin:0;max-width:none;padding:0;font-family:${PRINT_FONTS};font-size:10.5pt;line-height:1.35}h1,h2,th{font-family:${HEADING_FONTS}}
h1{font-size:15pt;margin:0 0 .4em}h2{font-size:11pt;margin:.8em 0 .25em;break-after:avoid}dl.meta{margin-bottom:.5em}table{margin:.2em 0}p.none{margin:.2em 0}
.note{padding:.2em .6em;margin:.5em 0}.signature{margin-top:1.5em}.legend{break-after:avoid}svg{break-inside:avoid}
article+article{break-before:page;margin-top:0;border-top:0}}`;
}

/**
 * Columns of text that wraps may not be squeezed below their longest text up to these many em (wide text,
 * other text), nor below their longest word — a file name, an id, a Latin word — up to WORD_EM.
 */
const MIN_EM = { wide: 10, text: 5 };
const WORD_EM = 12;
/** A run of Latin letters, digits and signs up to where a line may break in it: a slash, a hyphen, its end. */
const WORD = /[\x21-\x7e]+?(?:[/-]|(?![\x21-\x7e]))/g;

/** The narrowest a column of wrapping text may be drawn (numbers, dates and states never wrap). */
function minWidthEm(col: Column, texts: string[]): number | undefined {
  if (col.kind && col.kind !== 'text' && col.kind !== 'list') return undefined;
  const widest = (parts: string[]) => parts.reduce((w, t) => Math.max(w, textWidth(t, 1)), 0);
  const lines = texts.flatMap((t) => t.split('\n'));
  const text = Math.min(col.wide ? MIN_EM.wide : MIN_EM.text, widest(lines));
  const word = Math.min(WORD_EM, widest(lines.flatMap((t) => t.match(WORD) ?? [])));
  const em = Math.ceil(Math.max(text, word));
  return em >= 2 ? em : undefined;
}

/**
 * Escaped text that breaks where a reader expects: never inside a date (nor between a range's first date
 * and its "~"), and after the slashes of a path, where browsers would not break by themselves.
 */
const breakable = (text: string): string =>
  escapeHtml(text).replace(/\/(?=\S)/g, '/<wbr>').replace(/\d{4}-\d{2}-\d{2}(?: ~(?= \d{4}-\d{2}-\d{2}))?/g, (d) => `<span class="d">${d}</span>`);

function tableHtml(t: Table, lang: Lang): string {
  if (t.rows.length === 0) return `<p class="none">${escapeHtml(label(lang, 'noneRows'))}</p>`;
  // A column with nothing in it (no plan unreadable, no problems this week) only takes room.
  const { texts, shown } = tableTexts(t, lang);
  const head = shown.map((i) => {
    const em = minWidthEm(t.columns[i]!, texts.map((r) => r[i]!));
    return `<th${em ? ` style="min-width:${em}em"` : ''}>${escapeHtml(t.columns[i]!.label)}</th>`;
  }).join('');
  const body = t.rows.map((r, ri) => `<tr>${shown.map((i) => {
    const v = r[i];
    const col = t.columns[i]!;
    const text = texts[ri]![i]!;
    if (col.kind === 'light' && typeof v === 'string' && LIGHT_COLOUR[v]) return `<td class="nw"><span class="dot" style="background:${LIGHT_COLOUR[v]}"></span>${escapeHtml(text)}</td>`;
    if (numeric(col.kind)) return `<td class="num">${escapeHtml(text)}</td>`;
    if (col.kind === 'date') return `<td class="date">${escapeHtml(text)}</td>`;
    if (col.kind === 'status' || col.kind === 'light' || col.kind === 'bool') return `<td class="nw">${escapeHtml(text)}</td>`;
    return `<td>${breakable(text)}</td>`;
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
    // A long name (a file, when the plan has no organizer) is shortened rather than run off the left edge.
    const name = fitText(b.label, labelWidth - 12, 12) ?? '';
    return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(name)}${name === b.label ? '' : `<title>${escapeHtml(b.label)}</title>`}</text>`
      + `<rect x="${labelWidth}" y="${y + 2}" width="${barWidth}" height="18" fill="#eceff1"/>`
      + (b.value === null ? '' : `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="18" fill="#2e7d32"><title>${escapeHtml(b.label)} ${shown}</title></rect>`)
      + `<text x="${labelWidth + barWidth + 8}" y="${y + 15}">${shown}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 70}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}">\n${rows.join('\n')}\n</svg>`;
}

/** The header block of a form: 填报单位：… 填报人：… on a line, an empty field left as a blank to fill in. */
const metaHtml = (meta: Doc['meta']): string =>
  `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${breakable(v)}</dd></div>`).join('')}</dl>`;

/** The last line of a form: 填报人：＿＿　审核人：＿＿　单位（盖章）：＿＿　日期：＿＿ */
const signatureHtml = (labels: string[], lang: Lang): string =>
  `<p class="signature">${labels.map((l) => `<span>${escapeHtml(l)}${lang === 'zh' ? '：' : ': '}<span class="blank"></span></span>`).join('')}</p>`;

function article(doc: Doc, lang: Lang): string[] {
  const body: string[] = ['<article>'];
  if (doc.title) body.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  if (doc.meta.length) body.push(metaHtml(doc.meta));
  for (const note of doc.notes ?? []) body.push(`<p class="note">${escapeHtml(note)}</p>`);
  for (const s of doc.sections) {
    body.push(`<section>`);
    if (s.heading) body.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    if (s.chart) body.push(barChart(s.chart, `${s.heading ?? ''} ${label(lang, 'chart')}`));
    if (s.table) body.push(tableHtml(s.table, lang));
    if (s.gantt) body.push(timelineHtml(s.gantt, lang));
    body.push(`</section>`);
  }
  if (doc.signature?.length) body.push(signatureHtml(doc.signature, lang));
  body.push('</article>');
  return body;
}

const render: Renderer = ({ docs }, { lang }) => {
  const body = docs.flatMap((d) => article(d, lang));
  const title = docs.map((d) => d.title).filter(Boolean).join(' / ');
  // One run prints one kind of report, so every document of the page has the same orientation.
  const orientation = docs[0]?.orientation ?? 'portrait';
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${css(orientation, lang)}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
};
export default render;
