// What formats that print (XLSX, Word) share: how wide each column of a table wants to be, and how the
// room of a page is shared among them — narrow columns keep their width, wide text columns share the rest
// and wrap. Widths are in display columns (a Chinese character counts two), the unit text is measured in.
import type { Lang } from '../messages/types.js';
import type { Column, Table } from './doc.js';
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

/** The narrowest a wrapping column is made on paper: two Chinese characters a line; a name of a list is not broken up to six. */
const WRAP_MIN = 4;
const NAME_MAX = 12;

/**
 * Widths that make a table as short as it can be within `room` (display columns, the cells' margins not
 * counted): the columns that never wrap keep their width; every wrapping column starts narrow (two
 * characters, or its longest name) and the room left is handed out a character at a time, each to the
 * column where it saves the most lines over the whole table (a row is as tall as its tallest cell, the
 * header row included) — or, where no one character saves a line, to the column that makes rows tallest.
 * A table that fits keeps its natural widths.
 */
export function shortestWidths(table: Table, lang: Lang, room: number): number[] {
  const natural = naturalWidths(table, lang).map((w) => Math.max(w, WRAP_MIN));
  if (natural.reduce((a, b) => a + b, 0) <= room) return natural;
  const wrapping = table.columns.map((c, j) => (wrapsOnPaper(c) ? j : -1)).filter((j) => j >= 0);
  // Each cell as the display widths of its lines (the header first): measured once, wrapped many times.
  const measured = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.map((v, j) => cellText(v, table.columns[j]!.kind, lang).slice(0, MEASURE)))]
    .map((r) => r.map((text) => text.split('\n').map(displayWidth)));
  const widths = natural.map((w, j) => {
    const c = table.columns[j]!;
    if (!wrapsOnPaper(c)) return w;
    const names = c.kind === 'list' ? table.rows.flatMap((r) => (Array.isArray(r[j]) ? (r[j] as string[]).map(displayWidth) : [])) : [];
    const longest = names.reduce((a, b) => Math.max(a, b), 0);
    return Math.min(w, Math.max(WRAP_MIN, Math.min(NAME_MAX, longest)));
  });
  const lines = (r: number[][], j: number) => r[j]!.reduce((n, w) => n + Math.max(1, Math.ceil(w / widths[j]!)), 0);
  const height = () => measured.reduce((h, r) => h + Math.max(1, ...wrapping.map((j) => lines(r, j))), 0);
  let left = room - widths.reduce((a, b) => a + b, 0);
  let now = height();
  while (left >= 2) {
    const growable = wrapping.filter((j) => widths[j]! < natural[j]!);
    if (growable.length === 0) break;
    let best = -1;
    let bestHeight = now;
    for (const j of growable) {
      widths[j]! += 2;
      const h = height();
      widths[j]! -= 2;
      if (h < bestHeight) [best, bestHeight] = [j, h];
    }
    // No one character saves a line (two columns are as tall in a row): the one that is tallest in most rows.
    if (best < 0) best = growable.reduce((a, j) => (bottleneck(j) > bottleneck(a) ? j : a));
    widths[best]! += 2;
    left -= 2;
    now = height();
  }
  return widths;

  /** How much a column sets the height of rows: the lines of each row it is (among) the tallest in. */
  function bottleneck(j: number): number {
    let score = 0;
    for (const r of measured) {
      const mine = lines(r, j);
      if (mine > 1 && wrapping.every((k) => lines(r, k) <= mine)) score += mine;
    }
    return score;
  }
}
