// The recognisers over long text (src/importer/tasks.ts, roles.ts, division.ts): what they find in a paragraph
// or cell of tens of thousands of characters, or in a 分工表 of thousands of rows, found in time that grows with
// the text — each of these once grew with its square (a 230,000-character paragraph took minutes).
import { describe, expect, it } from 'vitest';
import { DIVISION_PAIRS, mergeDivision } from '../src/importer/division.js';
import { MARKED_LEAD } from '../src/importer/roles.js';
import { titleOf, type DraftTask } from '../src/importer/tasks.js';

describe('the recognisers over long text, in time that grows with it', () => {
  it('a title from a paragraph of 200,000 characters: its first clause', () => {
    expect(titleOf(`开展安全生产宣传月活动暨隐患排查整治专项行动和应急演练，${'由派出所牵头，镇应急办配合，6月10日前完成，'.repeat(9000)}`)).toBe('开展安全生产宣传月活动暨隐患排查整治专项行动和应急演练');
  });

  it('a unit marked as leading, in a cell of 60,000 characters without a separator', () => {
    const cell = `${'中旬镇'.repeat(20_000)}派出所（牵头）、镇应急办、司法所（牵头）`;
    expect([...cell.matchAll(MARKED_LEAD)].map((m) => m[1]!.slice(-3))).toEqual(['派出所', '司法所']);
    expect([...'甲（牵头）乙（牵头），丙(牵头)'.matchAll(MARKED_LEAD)].map((m) => m[1])).toEqual(['甲', '乙', '丙']);
  });

  it(`a 分工表 of more rows than the plan can be compared with by words (${DIVISION_PAIRS} pairs): matched by order only, so here not at all`, () => {
    const task = (id: string, title: string): DraftTask => ({ id, title, lead: [], support: [], line: 1, tasks: [] });
    const tasks = Array.from({ length: 1001 }, (_, i) => task(String(i + 1), `开展第${i}项安全隐患排查整治`));
    const few = Array.from({ length: 10 }, (_, i) => task(String(i + 1), `开展第${i}项安全隐患排查整治`));
    expect(mergeDivision(tasks, few)).toEqual([]);
    const many = Array.from({ length: 1000 }, (_, i) => task(String(i + 1), `开展第${i}项安全隐患排查整治`));
    expect(mergeDivision(tasks, many)).toHaveLength(1000);
  });
});
