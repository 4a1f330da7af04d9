// Terminal tables (cli-table3): CJK text counts two columns, wide text wraps to the terminal width,
// colour only when the context's chalk has it (never when piped).
import Table from 'cli-table3';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Doc } from '../reports/doc.js';
import type { ChalkInstance } from 'chalk';
import type { Renderer } from './types.js';
import { displayWidth as stringWidth, wrapText } from './width.js';
import { visible } from './visible.js';
import { numeric, tableTexts } from './cells.js';
import type { Column } from '../reports/doc.js';

/** Narrowest a wrapped column gets (padding included): four Chinese characters. */
const MIN_WIDE = 10;

/** Columns whose text may wrap: free text, and lists of names. */
const wraps = (c: Column): boolean => !!c.wide || c.kind === 'list';

/**
 * Column widths (padding included) that fit `width`: other columns keep their natural width, and the
 * room left is shared among the wide text columns, the narrower ones first taking all they need.
 */
export function fitWidths(columns: readonly Column[], natural: number[], width: number): number[] {
  const widths = natural.map((w) => w + 2);
  const total = widths.reduce((a, b) => a + b, 0) + columns.length + 1;
  if (total <= width) return widths;
  const wide = columns.map((c, i) => (wraps(c) ? i : -1)).filter((i) => i >= 0).sort((a, b) => widths[a]! - widths[b]!);
  let room = width - (total - wide.reduce((s, i) => s + widths[i]!, 0));
  wide.forEach((i, k) => {
    const share = Math.max(MIN_WIDE, Math.floor(room / (wide.length - k)));
    widths[i] = Math.min(widths[i]!, share);
    room -= widths[i]!;
  });
  return widths;
}

function draw(doc: Doc, lang: Lang, chalk: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  if (doc.title) out.push(chalk.bold(visible(doc.title)));
  if (doc.meta.length) {
    const sep = lang === 'zh' ? '：' : ': ';
    out.push(visible(doc.meta.map(([k, v]) => `${k}${sep}${v}`).join('    ')));
  }
  for (const note of doc.notes ?? []) out.push(chalk.yellow(visible(note)));
  for (const s of doc.sections) {
    // Charts and timelines are drawn in HTML only: without a table, such a section has nothing here.
    if (!s.table && (s.gantt || s.chart)) continue;
    if (s.heading) out.push('', chalk.bold(visible(s.heading)));
    if (!s.table) continue;
    const { rows } = s.table;
    if (rows.length === 0) {
      out.push(label(lang, 'noneRows'));
      continue;
    }
    const { texts: all, shown } = tableTexts(s.table, lang);
    const columns = shown.map((i) => s.table!.columns[i]!);
    // Plan text never reaches the terminal raw: control characters are shown escaped, a tab as a space.
    const texts = all.map((r) => shown.map((i) => visible(r[i]!.replace(/\t/g, ' '))));
    // Widest line of each column (a loop: a spread of thousands of rows would overflow the stack).
    const natural = columns.map((c, i) => {
      let w = stringWidth(c.label);
      for (const r of texts) for (const line of r[i]!.split('\n')) w = Math.max(w, stringWidth(line));
      return w;
    });
    const widths = fitWidths(columns, natural, width);
    // Wrapped here rather than by cli-table3, whose wrapping cuts Chinese text short.
    const wrapped = texts.map((r) => r.map((t, i) => (stringWidth(t) > widths[i]! - 2 ? wrapText(t, widths[i]! - 2) : t)));
    const multiLine = wrapped.some((r) => r.some((t) => t.includes('\n')));
    const table = new Table({
      head: columns.map((c) => c.label),
      colWidths: widths,
      colAligns: columns.map((c) => (numeric(c.kind) ? 'right' : 'left')),
      style: { head: [], border: [], compact: !multiLine },
    });
    rows.forEach((r, ri) => {
      table.push(shown.map((col, i) => {
        const v = r[col];
        const text = wrapped[ri]![i]!;
        if (columns[i]!.kind !== 'light') return text;
        return v === 'red' ? chalk.red(text) : v === 'yellow' ? chalk.yellow(text) : chalk.green(text);
      }));
    });
    out.push(table.toString());
  }
  return out;
}

const render: Renderer = ({ docs }, { lang, chalk, width }) => `${docs.map((d) => draw(d, lang, chalk, width).join('\n')).join('\n\n\n')}\n`;
export default render;
