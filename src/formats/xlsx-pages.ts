// Where a printed form's pages end, estimated before it is written: a sheet has one print-titles range,
// which would repeat one table's header above the next table too, and a program breaks a page wherever
// the rows happen to fill it, a heading left alone at its foot. So every page of a long form ends at a
// manual break of ours, a little before the program would break it, and a page that goes on with a
// table starts with a copy of the table's header.

/** The printable part of an A4 page within the margins xlsx.ts sets: width in pixels (96 dpi), height in points. */
const PRINTABLE = { landscape: { width: 1026, height: 500 }, portrait: { width: 698, height: 746 } } as const;

/**
 * Pixels a sheet column `width` units wide takes: a unit is 7 px, the digit of the default font (Calibri
 * 11 at 96 dpi), the column's 5 px of margins included (ECMA-376 18.3.1.13).
 */
const columnPixels = (width: number): number => Math.round(width * 7);

/**
 * How much of a page the estimate fills: Excel rounds its fit-to-width scale down, which only makes room;
 * the rest is for the printer's and other programs' measures, so that none breaks a page before we do.
 */
const PAGE_FILL = 0.95;

/**
 * Points of the sheet's own row heights one printed page holds, once fit-to-width has scaled the sheet
 * (columns `widths` units wide) to the page's width.
 */
export function pageRoom(widths: readonly number[], orientation: 'portrait' | 'landscape'): number {
  const px = widths.reduce((a, w) => a + columnPixels(w), 0);
  return PRINTABLE[orientation].height / Math.min(1, PRINTABLE[orientation].width / px);
}

/** What a row of a form is, for where a page may end; `closing`, the signature line, is never alone on a page. */
export type RowRole = 'heading' | 'header' | 'body' | 'blank' | 'closing' | 'other';

export interface FlowRow {
  height: number;
  role: RowRole;
  /** A table row's header (its index among the rows): repeated above it when it starts a page. */
  header?: number;
}

/** A row as printed: which of the form's rows (a header may come again), and whether a new page starts with it. */
export interface Placed { row: number; pageStart: boolean }

/**
 * How tall the run of rows from `i` is that a page's end must not split: a heading with the header under
 * it and the table's first row, a header with its first row — neither is ever left alone at a page's foot
 * — and a table's last row with the signature line after it, which would say nothing on a page of its own.
 */
function keptTogether(rows: readonly FlowRow[], i: number): number {
  let end = i;
  if (rows[end]!.role === 'heading' && rows[end + 1]?.role === 'header') end++;
  if (rows[end]!.role === 'header' && rows[end + 1]?.role === 'body') end++;
  if (rows[end]!.role === 'body' && rows[end + 1]?.role === 'blank' && rows[end + 2]?.role === 'closing') end += 2;
  return rows.slice(i, end + 1).reduce((a, r) => a + r.height, 0);
}

/**
 * The rows in print order, each page filled to at most `room` × PAGE_FILL points: a row (with the rows
 * kept with it) that does not fit starts the next page, a table row under a copy of its header; a blank
 * row, only there to space sections apart, is left out where it would start a page or not fit.
 */
export function paginate(rows: readonly FlowRow[], room: number): Placed[] {
  const fill = room * PAGE_FILL;
  const out: Placed[] = [];
  let used = 0;
  rows.forEach((row, i) => {
    if (row.role === 'blank' && (used === 0 || used + row.height > fill)) return;
    let pageStart = false;
    if (used > 0 && used + keptTogether(rows, i) > fill) {
      pageStart = true;
      used = 0;
      if (row.role === 'body' && row.header !== undefined) {
        out.push({ row: row.header, pageStart });
        used = rows[row.header]!.height;
        pageStart = false;
      }
    }
    out.push({ row: i, pageStart });
    used += row.height;
  });
  return out;
}
