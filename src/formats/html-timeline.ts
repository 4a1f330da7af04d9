// The timeline (a Gantt chart) as inline SVG: a bar per task on a date axis, the plan's phases as bands
// behind the bars, and the as-of date as a dashed line. A long plan is drawn as several pictures, each
// with its own axis, none taller than a printed page holds, so that printing never cuts a bar in two.
import { addDays, daysBetween, earlierOf, laterOf, type IsoDate } from '../calendar/dates.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Gantt } from './doc.js';
import { cellText } from './cells.js';
import { LIGHT_COLOUR, STATUS_COLOUR } from './html-colours.js';
import { escapeHtml } from './html-escape.js';
import { fitText, textWidth } from './svg-text.js';
import { axisTicks, LABEL_OFFSET } from './timeline-axis.js';

const FONT = 12;
const LABEL_W = 330;
const CHART_W = 560;
export const TIMELINE_WIDTH = LABEL_W + CHART_W + 20;
const ROW_H = 20;
/** The row of phase names, above the axis (only when the plan has phases). */
const PHASE_H = 18;
/** The row of axis labels, above the bars. */
const AXIS_H = 22;
/** Under the bars: the as-of label. */
const FOOT_H = 22;
/** 40 rows are about 900 px: a portrait A4 page, scaled to its width, still holds them with a heading. */
const ROWS_PER_PICTURE = 40;

const n1 = (n: number): string => n.toFixed(1);

interface Span { from: IsoDate; to: IsoDate; x: (d: IsoDate) => number }

/** The phase bands and, where a name fits its band and touches no other, the phase's name at its top. */
function phaseBands(g: Gantt, { from, to, x }: Span, bottom: number): string[] {
  const parts: string[] = [];
  const named: [number, number][] = [];
  (g.phases ?? []).forEach((p, i) => {
    const x1 = x(laterOf(p.start, from));
    const x2 = x(addDays(earlierOf(p.end, to), 1));
    if (x2 <= x1) return;
    parts.push(`<rect x="${n1(x1)}" y="0" width="${n1(x2 - x1)}" height="${bottom}" fill="${i % 2 ? '#e3f2fd' : '#f1f8e9'}"><title>${escapeHtml(p.title)}: ${p.start} ~ ${p.end}</title></rect>`);
    const name = fitText(p.title, x2 - x1 - 6, FONT, 2);
    if (!name) return;
    const mid = (x1 + x2) / 2;
    const half = textWidth(name, FONT) / 2;
    if (named.some(([l, r]) => mid - half < r + 4 && l < mid + half + 4)) return; // phases that overlap
    named.push([mid - half, mid + half]);
    parts.push(`<text class="phase" x="${n1(mid)}" y="13" text-anchor="middle" fill="#555">${escapeHtml(name)}</text>`);
  });
  return parts;
}

function picture(g: Gantt, rows: Gantt['rows'], span: Span, lang: Lang): string {
  const { from, to, x } = span;
  const head = g.phases?.length ? PHASE_H : 0;
  const top = head + AXIS_H;
  const bottom = top + rows.length * ROW_H;
  const height = bottom + FOOT_H;
  const parts = phaseBands(g, span, bottom);
  for (const t of axisTicks(from, to, { lang, x, right: TIMELINE_WIDTH - 2, fontSize: FONT })) {
    parts.push(`<line x1="${n1(t.x)}" y1="${head + 4}" x2="${n1(t.x)}" y2="${bottom}" stroke="#d6d6d6"/>`
      + `<text class="tick" x="${n1(t.x + LABEL_OFFSET)}" y="${head + 15}">${escapeHtml(t.label)}</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * ROW_H;
    const indent = 4 + r.depth * 12;
    const name = fitText(r.label, LABEL_W - 8 - indent, FONT) ?? '';
    parts.push(`<text x="${indent}" y="${y + 14}"${r.summary ? ' font-weight="bold"' : ''}><title>${escapeHtml(r.label)}</title>${escapeHtml(name)}</text>`);
    const start = r.start ?? r.end;
    const end = r.end ?? r.start;
    if (!start || !end) return;
    const x1 = x(earlierOf(start, end));
    const x2 = x(addDays(laterOf(start, end), 1));
    const stroke = r.light === 'red' ? ` stroke="${LIGHT_COLOUR.red}" stroke-width="2"` : '';
    const [barY, barH] = r.summary ? [y + 8, 4] : [y + 4, 12];
    parts.push(`<rect x="${n1(x1)}" y="${barY}" width="${n1(Math.max(2, x2 - x1))}" height="${barH}" rx="2" fill="${STATUS_COLOUR[r.status] ?? '#9e9e9e'}"${stroke}>`
      + `<title>${escapeHtml(r.label)}: ${start} ~ ${end}, ${escapeHtml(cellText(r.status, 'status', lang))}</title></rect>`);
  });
  if (g.asOf >= from && g.asOf <= to) {
    const ax = x(g.asOf);
    const text = `${label(lang, 'asOf')} ${g.asOf}`;
    // Centred under its line, but never past either edge: near the end of the period it shifts left.
    const half = textWidth(text, FONT) / 2;
    const lx = Math.min(Math.max(ax, half + 2), TIMELINE_WIDTH - half - 2);
    parts.push(`<line x1="${n1(ax)}" y1="${head + 4}" x2="${n1(ax)}" y2="${bottom + 4}" stroke="${LIGHT_COLOUR.red}" stroke-dasharray="4 3"/>`
      + `<text class="as-of" x="${n1(lx)}" y="${bottom + 16}" text-anchor="middle" fill="${LIGHT_COLOUR.red}">${escapeHtml(text)}</text>`);
  }
  return `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label(lang, 'timeline'))}" width="${TIMELINE_WIDTH}" height="${height}" viewBox="0 0 ${TIMELINE_WIDTH} ${height}">\n${parts.join('\n')}\n</svg>`;
}

export function timelineHtml(g: Gantt, lang: Lang): string {
  // The axis spans the period, widened to every task date that falls outside it.
  const dates = g.rows.flatMap((r) => [r.start, r.end]).filter((d): d is string => !!d);
  const from = [g.from, ...dates].sort()[0]!;
  const to = [g.to, ...dates].sort().at(-1)!;
  const days = daysBetween(from, to) + 1;
  const span: Span = { from, to, x: (d) => LABEL_W + (daysBetween(from, d) / days) * CHART_W };
  const pictures: string[] = [];
  for (let i = 0; i === 0 || i < g.rows.length; i += ROWS_PER_PICTURE) pictures.push(picture(g, g.rows.slice(i, i + ROWS_PER_PICTURE), span, lang));
  const legend = ['done', 'in_progress', 'planned', 'blocked', 'cancelled']
    .map((s) => `<span><i style="background:${STATUS_COLOUR[s]}"></i>${escapeHtml(cellText(s, 'status', lang))}</span>`).join('');
  return `<div class="legend">${legend}</div>\n${pictures.join('\n')}`;
}
