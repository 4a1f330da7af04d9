// Terminal tables (drawn by box.ts): CJK text counts two columns, and every table fits the terminal's width —
// wide text wraps, then other columns narrow, then the least important columns are left out (the
// report states the order; a line under the table names them). Colour only when the context's chalk
// has it (never when piped).
import { drawBox } from './box.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Doc } from './doc.js';
import type { ChalkInstance } from 'chalk';
import type { Renderer } from './types.js';
import { displayWidth as stringWidth, minWrapWidth, wrapEvenly, wrapText } from './width.js';
import { visible } from '../text/visible.js';
import { numeric, tableTexts } from './cells.js';
import { layoutColumns, type Minimums, wraps } from './fit-columns.js';
import type { Column } from './doc.js';

/** A value keeps at least this many columns a line (four Chinese characters) before a column narrows further. */
const MIN_VALUE = 8;
/** A header keeps at least two Chinese characters a line. */
const MIN_HEADER = 4;

const widest = (text: string): number => {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, stringWidth(line));
  return w;
};

/**
 * The narrowest a column's text wraps to without breaking a word, a date or a number (`atoms`), and
 * without chopping a value or header too fine (`readable`: the narrowest before a column is left out).
 */
function minimums(columns: readonly Column[], texts: readonly string[][]): Minimums {
  const atoms = columns.map((c) => minWrapWidth(c.label));
  const readable = columns.map((c, i) => Math.max(atoms[i]!, Math.min(stringWidth(c.label), MIN_HEADER)));
  columns.forEach((c, i) => {
    const keep = wraps(c) ? 0 : MIN_VALUE;
    for (const r of texts) {
      const t = r[i]!;
      if (!t) continue;
      const a = minWrapWidth(t);
      if (a > atoms[i]!) atoms[i] = a;
      readable[i] = Math.max(readable[i]!, a, Math.min(widest(t), keep));
    }
  });
  return { atoms, readable };
}

/** Text wrapped to a width, as lines: the title, headings, notes. */
const fitLine = (text: string, width: number): string[] => wrapText(text, width).split('\n');

/** The header fields (填报单位：…    填报人：…), as many to a line as fit, a line breaking between fields. */
function metaLines(fields: string[], width: number): string[] {
  const gap = '    ';
  const out: string[] = [];
  let line = '';
  for (const f of fields) {
    if (line && stringWidth(line) + gap.length + stringWidth(f) <= width) line += gap + f;
    else {
      if (line) out.push(line);
      const parts = fitLine(f, width);
      out.push(...parts.slice(0, -1));
      line = parts.at(-1)!;
    }
  }
  if (line) out.push(line);
  return out;
}

function draw(doc: Doc, lang: Lang, chalk: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  if (doc.title) out.push(...fitLine(visible(doc.title), width).map((l) => chalk.bold(l)));
  if (doc.meta.length) {
    const sep = lang === 'zh' ? '：' : ': ';
    out.push(...metaLines(doc.meta.map(([k, v]) => visible(`${k}${sep}${v}`)), width));
  }
  for (const note of doc.notes ?? []) out.push(...fitLine(visible(note), width).map((l) => chalk.yellow(l)));
  for (const s of doc.sections) {
    // Charts and timelines are drawn in HTML only: without a table, such a section has nothing here.
    if (!s.table && (s.gantt || s.chart)) continue;
    if (s.heading) out.push('', ...fitLine(visible(s.heading), width).map((l) => chalk.bold(l)));
    if (!s.table) continue;
    const { rows } = s.table;
    if (rows.length === 0) {
      out.push(label(lang, 'noneRows'));
      continue;
    }
    const { texts: all, shown: filled } = tableTexts(s.table, lang);
    const candidates = filled.map((i) => s.table!.columns[i]!);
    // Plan text never reaches the terminal raw: control characters are shown escaped, a tab as a space.
    const candidateTexts = all.map((r) => filled.map((i) => visible(r[i]!.replace(/\t/g, ' '))));
    // Widest line of each column (a loop: a spread of thousands of rows would overflow the stack).
    const natural = candidates.map((c, i) => {
      let w = widest(c.label);
      for (const r of candidateTexts) w = Math.max(w, widest(r[i]!));
      return w;
    });
    const layout = layoutColumns(candidates, natural, () => minimums(candidates, candidateTexts), width);
    const columns = layout.shown.map((i) => candidates[i]!);
    const widths = layout.widths;
    // Wrapped here (cli-table3, which drew these tables before, cut Chinese text short); short values and
    // headers evenly (配合/任务), running text line by line.
    const fitCell = (t: string, i: number) => {
      if (widest(t) <= widths[i]! - 2) return t;
      return wraps(columns[i]!) ? wrapText(t, widths[i]! - 2) : wrapEvenly(t, widths[i]! - 2);
    };
    const wrapped = candidateTexts.map((r) => layout.shown.map((col, i) => fitCell(r[col]!, i)));
    const multiLine = wrapped.some((r) => r.some((t) => t.includes('\n')));
    out.push(drawBox({
      head: columns.map((c, i) => (widest(c.label) <= widths[i]! - 2 ? c.label : wrapEvenly(c.label, widths[i]! - 2))),
      rows: rows.map((r, ri) => layout.shown.map((col, i) => {
        const v = r[filled[col]!];
        const text = wrapped[ri]![i]!;
        if (columns[i]!.kind !== 'light') return text;
        return v === 'red' ? chalk.red(text) : v === 'yellow' ? chalk.yellow(text) : chalk.green(text);
      })),
      widths,
      aligns: columns.map((c) => (numeric(c.kind) ? 'right' : 'left')),
      compact: !multiLine,
    }));
    if (layout.omitted.length) {
      const names = layout.omitted.map((i) => candidates[i]!.label).join(lang === 'zh' ? '、' : ', ');
      out.push(...fitLine(label(lang, 'omittedColumns').replace('{columns}', names), width).map((l) => chalk.dim(l)));
    }
  }
  return out;
}

const render: Renderer = ({ docs }, { lang, chalk, width }) => `${docs.map((d) => draw(d, lang, chalk, width).join('\n')).join('\n\n\n')}\n`;
export default render;
