// How the room of a printed page is shared among a table's columns (src/formats/paper.ts shortestWidths):
// checked against every way of sharing it, on a week's rows as the weekly form has them.
import { describe, expect, it } from 'vitest';
import { linesIn, naturalWidths, shortestWidths } from '../src/formats/paper.js';
import type { Table } from '../src/formats/doc.js';

const WEEK: Table = {
  columns: [{ label: '编号' }, { label: '任务', wide: true }, { label: '进展情况', wide: true }, { label: '存在问题', wide: true }, { label: '备注', wide: true }],
  rows: [
    ['1.1', '召开全镇安全生产月动员部署会', '各单位全部部署到位', '', '完成、更新'],
    ['2.1', '道路交通隐患排查', '派出所：排查国道路段12处；交管站：缺少警示桩，待县交管局调拨', '缺少警示桩', '更新、受阻未解决'],
    ['2.2', '燃气安全检查', '', '2家餐馆未整改（6月4日）', '问题未解决'],
    ['2.3', '校园周边隐患排查', '排查学校周边8处\n派出所：配合清理校园周边摊贩', '周边流动摊贩多', '更新、问题未解决'],
  ],
};

/** The table's height in lines: each row as tall as its tallest cell, the header row included. */
const height = (t: Table, widths: number[]): number =>
  [t.columns.map((c) => c.label), ...t.rows.map((r) => r.map(String))]
    .reduce((h, r) => h + Math.max(...r.map((text, j) => (t.columns[j]!.wide ? linesIn(text, widths[j]!) : 1))), 0);

/** The shortest the table can be within `room`: every sharing of it, a character (two columns) at a time. */
function shortest(t: Table, room: number, fixed: number): number {
  let min = Number.POSITIVE_INFINITY;
  const share = (j: number, left: number, widths: number[]): void => {
    if (j === t.columns.length) {
      min = Math.min(min, height(t, widths));
      return;
    }
    if (!t.columns[j]!.wide) {
      share(j + 1, left - fixed, [...widths, fixed]);
      return;
    }
    for (let w = 4; w <= left; w += 2) share(j + 1, left - w, [...widths, w]);
  };
  share(0, room, []);
  return min;
}

describe('shortestWidths', () => {
  it.each([30, 36, 40, 46, 50])('makes the table as short as any sharing of %i columns can', (room) => {
    const widths = shortestWidths(WEEK, 'zh', room);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(room);
    expect(widths[0]).toBe(4); // 编号 keeps its width
    expect(height(WEEK, widths)).toBe(shortest(WEEK, room, 4));
  });

  it('keeps the natural widths of a table that fits', () => {
    const natural = naturalWidths(WEEK, 'zh').map((w) => Math.max(w, 4));
    expect(shortestWidths(WEEK, 'zh', 200)).toEqual(natural);
  });
});
