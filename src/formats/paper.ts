// What formats that print (XLSX, Word) share: how wide each column of a table wants to be, and how the
// room of a page is shared among them — narrow columns keep their width, wide text columns share the rest
// and wrap. Widths are in display columns (a Chinese character counts two), the unit text is measured in.
import type { Lang } from '../messages/types.js';
import type { Column, Table } from '../reports/doc.js';
import { cellText } from './cells.js';
import { displayWidth } from './width.js';

/** The 督办灯's colours on paper (RGB), light enough to print its word on: XLSX and Word alike. */
export const LIGHT_ON_PAPER: ReadonlyMap<string, string> = new Map([['red', 'FF7C80'], ['yellow', 'FFE699'], ['green', 'A9D08E']]);

/** Columns whose text wraps on paper: free text and lists of names. */
export const wrapsOnPaper = (c: Column): boolean => !!c.wide || c.kind === 'list';

/** Widest a narrow column gets, and what a wrapping one is given before the rest is shared: three characters. */
const NARROW_MAX = 24;
const WRAP_BASE = 6;
/** Measuring more of a long text than this tells nothing more: it wraps anyway. */
const MEASURE = 200;

/** The width each column would like: its header's, or its widest cell's (dates never wrap). */
export function naturalWidths(table: Table, lang: Lang): number[] {
  return table.columns.map((col, j) => {
    // A wrapping column's heading may take two lines (配合/单位): half its width, in whole characters.
    const head = Math.max(...col.label.split('\n').map(displayWidth));
    let w = wrapsOnPaper(col) ? Math.ceil(head / 4) * 2 : head;
    for (const row of table.rows) {
      const text = cellText(row[j], col.kind, lang).slice(0, MEASURE);
      for (const line of text.split('\n')) w = Math.max(w, displayWidth(line));
    }
    if (col.kind === 'date') return Math.max(w, 10);
    return wrapsOnPaper(col) ? w : Math.min(w, NARROW_MAX);
  });
}

/**
 * Widths that add up to at most `room` where they can: the narrow columns keep theirs; each wrapping one
 * first gets a few characters (or all it needs, if less), then what is left is shared in proportion to
 * how much more each would need — so the task column, with the longest text, gets the most.
 */
export function shareRoom(columns: readonly Column[], natural: readonly number[], room: number): number[] {
  const widths = natural.map((w) => Math.max(w, 4));
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= room) return widths;
  const wide = columns.map((c, i) => (wrapsOnPaper(c) ? i : -1)).filter((i) => i >= 0);
  const base = wide.map((i) => Math.min(widths[i]!, WRAP_BASE));
  const left = room - widths.reduce((s, w, i) => (wrapsOnPaper(columns[i]!) ? s : s + w), 0) - base.reduce((a, b) => a + b, 0);
  const wants = wide.map((i, k) => widths[i]! - base[k]!);
  const wanted = wants.reduce((a, b) => a + b, 0);
  wide.forEach((i, k) => {
    const extra = left > 0 && wanted > 0 ? Math.floor((left * wants[k]!) / wanted) : 0;
    widths[i] = base[k]! + Math.min(wants[k]!, extra);
  });
  return widths;
}

/** How many lines a text takes in a column `width` display columns wide (one, for an empty text). */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}
