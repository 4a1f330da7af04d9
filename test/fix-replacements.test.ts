// The fixes findings offer to other tools: each finding's edits as one replacement of the text (ESLint's
// {range, text}), the same change applyEdits (validate --fix) makes.
import { describe, expect, it } from 'vitest';
import { applyEdits, replacementsOf, type EditOp, type TextReplacement } from '../src/edit/apply.js';

const TEXT = `version: 1
title: 测试乡2019年活动方案   # 标题
year: 2020
period: {start: 2019-06-01, end: 2019-06-30}
tasks:
  - {id: 1.10, title: 宣讲}
`;

const set = (path: (string | number)[], value: unknown): EditOp => ({ kind: 'set', path, value });
const apply = (text: string, r: TextReplacement) => text.slice(0, r.range[0]) + r.text + text.slice(r.range[1]);

describe('replacementsOf', () => {
  it('gives each group one replacement, which makes what applyEdits makes', () => {
    const groups = [[set(['period', 'start'], '2020-06-01'), set(['period', 'end'], '2020-06-30')], [set(['title'], '测试乡2020年活动方案')], [set(['tasks', 0, 'id'], '1.10')]];
    const out = replacementsOf(TEXT, groups);
    expect(out).toEqual([
      { range: [TEXT.indexOf('2019-06-01'), TEXT.indexOf('2019-06-30') + 10], text: '2020-06-01, end: 2020-06-30' },
      { range: [TEXT.indexOf('测试乡'), TEXT.indexOf('方案') + 2], text: '测试乡2020年活动方案' },
      { range: [TEXT.indexOf('1.10'), TEXT.indexOf('1.10') + 4], text: '"1.10"' },
    ]);
    expect(out.map((r) => apply(TEXT, r!))).toEqual(groups.map((g) => applyEdits(TEXT, g)));
  });

  it('keeps two fixes of one place, each checked on its own; gives none for an edit that cannot be made', () => {
    const out = replacementsOf(TEXT, [[set(['year'], 2019)], [set(['year'], 2021)], [set(['tasks', 'x', 'id'], '1')], [], [{ kind: 'append', path: ['tasks'], value: {} }]]);
    expect(out.slice(0, 2).map((r) => r && apply(TEXT, r).split('\n')[2])).toEqual(['year: 2019', 'year: 2021']);
    expect(out.slice(2)).toEqual([undefined, undefined, undefined]);
  });

  it('gives nothing for a text the editor cannot read', () => {
    expect(replacementsOf('a: [\n', [[set(['a'], 1)]])).toEqual([undefined]);
  });
});
