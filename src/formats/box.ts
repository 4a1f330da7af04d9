// Drawing a table in box-drawing characters, from cells already fitted to their columns (table.ts does
// the fitting): the layout cli-table3 draws, without its per-cell option merging and measuring, which
// made drawing the county's 500-row table take most of a second.
import { displayWidth } from './width.js';

export interface Box {
  head: string[];
  rows: string[][];
  /** Each column's width, one space of padding on either side included. */
  widths: number[];
  aligns: ('left' | 'right')[];
  /** No line between rows (every cell is one line). */
  compact: boolean;
}

const line = (widths: readonly number[], left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w)).join(mid)}${right}`;

/** A cell's line padded (or, when it is wider than the column, cut with …) to the column's inner width. */
function padCell(text: string, inner: number, align: 'left' | 'right'): string {
  let t = text;
  let w = displayWidth(t);
  if (w > inner) {
    // As many characters as fit before the ellipsis, measured once each.
    let kept = '';
    let keptWidth = 0;
    for (const ch of t) {
      const cw = displayWidth(ch);
      if (keptWidth + cw > inner - 1) break;
      kept += ch;
      keptWidth += cw;
    }
    t = `${kept}…`;
    w = keptWidth + 1;
  }
  const pad = ' '.repeat(Math.max(0, inner - w));
  return align === 'right' ? pad + t : t + pad;
}

function rowLines(cells: readonly string[], box: Box): string[] {
  const split = cells.map((c) => c.split('\n'));
  const height = Math.max(1, ...split.map((l) => l.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) {
    out.push(`│${split.map((lines, j) => ` ${padCell(lines[k] ?? '', box.widths[j]! - 2, box.aligns[j]!)} `).join('│')}│`);
  }
  return out;
}

export function drawBox(box: Box): string {
  const out = [line(box.widths, '┌', '┬', '┐'), ...rowLines(box.head, box), line(box.widths, '├', '┼', '┤')];
  box.rows.forEach((r, i) => {
    if (i > 0 && !box.compact) out.push(line(box.widths, '├', '┼', '┤'));
    out.push(...rowLines(r, box));
  });
  out.push(line(box.widths, '└', '┴', '┘'));
  return out.join('\n');
}
