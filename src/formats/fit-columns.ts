// Which columns a terminal table shows, and how wide each is, so that the table fits the terminal: first
// the wide text and lists wrap, then the other columns narrow (headers wrap; words, dates and numbers
// never break), then columns are left out in the order the report states (Column.omit), least important first.
import type { Column } from './doc.js';

/** Cell padding: a space either side. */
const PAD = 2;
/**
 * Narrowest a wrapping column gets before columns are left out (padding included): five Chinese
 * characters a line for running text (a task's title, a note), four for a list of names.
 */
const MIN_TEXT = 12;
const MIN_LIST = 10;

/** Columns whose text may wrap: free text, and lists of names. */
export const wraps = (c: Column): boolean => !!c.wide || c.kind === 'list';

/** How narrow each column's text can wrap (padding excluded). */
export interface Minimums {
  /** Without breaking a word, a date or a number. */
  atoms: readonly number[];
  /** Also keeping values and headers readable (a few characters a line): at least `atoms`. */
  readable: readonly number[];
}

export interface Layout {
  /** The columns drawn, as indices into the columns given. */
  shown: number[];
  /** Their widths, padding included. */
  widths: number[];
  /** The columns left out, in the order they were left out. */
  omitted: number[];
}

/** Drawn width of a table: the columns, and a border before each and after the last. */
export const tableWidth = (widths: readonly number[]): number => widths.reduce((a, b) => a + b, 0) + widths.length + 1;

/**
 * Widths for the columns `cols` within `width`, each no narrower than `floor` gives: the wrapping columns
 * share the room the others leave (the narrower first taking all they need), then the other columns
 * give up room, the widest first. The result is wider than `width` when the floors do not fit.
 */
function sizeColumns(cols: readonly number[], columns: readonly Column[], natural: readonly number[], floor: (i: number) => number, width: number): number[] {
  const widths = cols.map((i) => natural[i]! + PAD);
  if (tableWidth(widths) <= width) return widths;
  const wrapping = cols.map((i, k) => (wraps(columns[i]!) ? k : -1)).filter((k) => k >= 0).sort((a, b) => widths[a]! - widths[b]!);
  let room = width - (tableWidth(widths) - wrapping.reduce((s, k) => s + widths[k]!, 0));
  wrapping.forEach((k, n) => {
    const share = Math.floor(room / (wrapping.length - n));
    widths[k] = Math.max(floor(cols[k]!), Math.min(widths[k]!, share));
    room -= widths[k]!;
  });
  let excess = tableWidth(widths) - width;
  const others = cols.map((i, k) => (wraps(columns[i]!) ? -1 : k)).filter((k) => k >= 0);
  while (excess > 0) {
    let widest = -1;
    for (const k of others) if (widths[k]! > floor(cols[k]!) && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
    if (widest < 0) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

/**
 * Lays out a table in `width` columns. `measure` is asked only when the natural widths do not fit.
 * When no layout fits even with every omittable column left out, the columns may get narrower than
 * reads well, then words and dates may break (down to two Chinese characters a line), so that the
 * borders still meet; only when even that does not fit is a table wider than `width`.
 */
export function layoutColumns(columns: readonly Column[], natural: readonly number[], measure: () => Minimums, width: number): Layout {
  const all = columns.map((_, i) => i);
  if (tableWidth(all.map((i) => natural[i]! + PAD)) <= width) return { shown: all, widths: all.map((i) => natural[i]! + PAD), omitted: [] };
  const { atoms, readable } = measure();
  const least = (c: Column) => (c.wide ? MIN_TEXT : c.kind === 'list' ? MIN_LIST : PAD) - PAD;
  const floor = (i: number) => Math.max(readable[i]!, Math.min(natural[i]!, least(columns[i]!))) + PAD;
  const order = all.filter((i) => columns[i]!.omit !== undefined).sort((a, b) => columns[a]!.omit! - columns[b]!.omit!);
  let omitted: number[] = [];
  let shown = all;
  const roomFor = (cols: readonly number[]) => tableWidth(sizeColumns(cols, columns, natural, floor, width)) <= width;
  while (!roomFor(shown) && omitted.length < order.length) {
    omitted.push(order[omitted.length]!);
    shown = all.filter((i) => !omitted.includes(i));
  }
  if (roomFor(shown)) {
    // Leaving out a wide column may have made room for a narrower one left out before it: the more
    // important first, each comes back if the table still fits.
    for (const i of [...omitted].reverse()) {
      const back = all.filter((j) => j === i || shown.includes(j));
      if (roomFor(back)) {
        shown = back;
        omitted = omitted.filter((j) => j !== i);
      }
    }
    return { shown, widths: sizeColumns(shown, columns, natural, floor, width), omitted };
  }
  const unbroken = sizeColumns(shown, columns, natural, (i) => atoms[i]! + PAD, width);
  if (tableWidth(unbroken) <= width) return { shown, widths: unbroken, omitted };
  return { shown, widths: sizeColumns(shown, columns, natural, (i) => Math.min(natural[i]!, 4) + PAD, width), omitted };
}
