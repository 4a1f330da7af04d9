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

  it('gives none for a group that does more than set values, even where setting alone would change nothing', () => {
    // Appending 2020 to year (not a list) cannot be made; written as a set it would be a replacement that changes nothing.
    expect(replacementsOf(TEXT, [[{ kind: 'append', path: ['year'], value: 2020 }], [set(['year'], 2020)]]))
      .toEqual([undefined, { range: [TEXT.indexOf('2020'), TEXT.indexOf('2020') + 4], text: '2020' }]);
    expect(replacementsOf(TEXT, [[set(['title'], '新标题'), { kind: 'append', path: ['year'], value: 2020 }]])).toEqual([undefined]);
  });

  // Each replacement is read back as validate reads a plan, all together and, when that fails, each on its
  // own: one that reads otherwise is left out, and the others kept.
  it.each<[string, string, EditOp[]]>([
    // b is an alias of a: the replacement of a would change b as well.
    ['a value an alias repeats', 'a: &x 1\nb: *x\nc: 1\n', [set(['a'], 2)]],
    // The tag stays before the value replaced: 2 would read as the text "2".
    // b is an alias of a: setting a would set b too.
    ['a value an alias repeats', 'a: &x 1\nb: *x\nc: 1\n', [set(['a'], 2)]],
    // An implicit key of a block mapping is at most 1024 characters: the data reads the same, with an error.
    ['a key longer than YAML allows', 'a: 1\nc: 1\n', [set(['宣'.repeat(1100)], 1)]],
  ])('gives none for a fix that does not read back: %s', (_what, text, group) => {
    const other = [set(['c'], 3)];
    const c = text.indexOf('c: 1') + 3;
    expect(replacementsOf(text, [group])).toEqual([undefined]);
    expect(replacementsOf(text, [group, other])).toEqual([undefined, { range: [c, c + 1], text: '3' }]);
    expect(replacementsOf(text, [other, group])).toEqual([{ range: [c, c + 1], text: '3' }, undefined]);
  });

  it('gives none for a group that sets one place twice', () => {
    // A key there: the two replacements overlap. A key added: both would be written, as a duplicate key.
    expect(replacementsOf(TEXT, [[set(['year'], 2019), set(['year'], 2021)]])).toEqual([undefined]);
    expect(replacementsOf('a: 1\n', [[set(['b'], 1), set(['b'], 1)]])).toEqual([undefined]);
    expect(replacementsOf('a: 1\n', [[set(['b'], 1), set(['c'], 1)]])).toEqual([{ range: [5, 5], text: 'b: 1\nc: 1\n' }]);
  });

  it('checks fixes on their own when together they would not read back', () => {
    // Each adds the missing key b; both made would write b twice. New lines go after the line ending above them.
    const text = 'a: 1\n';
    expect(replacementsOf(text, [[set(['b'], 1)], [set(['b'], 2)]])).toEqual([{ range: [5, 5], text: 'b: 1\n' }, { range: [5, 5], text: 'b: 2\n' }]);
  });

  it('gives nothing for a text the editor cannot read', () => {
    expect(replacementsOf('a: [\n', [[set(['a'], 1)]])).toEqual([undefined]);
  });
});
