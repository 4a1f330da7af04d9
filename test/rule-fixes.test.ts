// The fixes rules offer (`validate --fix` applies them; the json and sarif findings carry them): which
// findings of the rule fixtures offer one, exactly what it sets, and that the plan it makes has lost the
// finding. Only three rules offer fixes: date/period-year, date/title-year and schema's quote.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/edit/apply.js';
import { lintText } from './helpers/lint.js';

const ROOT = new URL('./fixtures/rules/', import.meta.url).pathname;

function fixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []);
}

const asOfOf = (text: string) => /^# as-of: (\S+)/m.exec(text)?.[1];
const offered = (text: string) =>
  lintText(text, { asOf: asOfOf(text) }).filter((p) => p.fixes?.length).map((p) => ({ line: p.line, rule: p.rule, fixes: p.fixes }));

/** What validate --fix does: every fix, set in one edit. */
const fixed = (text: string) =>
  applyEdits(text, lintText(text, { asOf: asOfOf(text) }).flatMap((p) => p.fixes ?? []).map((f) => ({ kind: 'set' as const, path: f.path, value: f.value })));

const FIXES: Record<string, ReturnType<typeof offered>> = {
  'date/period-year/invalid-end.yaml': [
    { line: 5, rule: 'date/period-year', fixes: [{ path: ['period', 'end'], value: '2020-06-30' }] },
  ],
  'date/period-year/invalid.yaml': [
    { line: 6, rule: 'date/period-year', fixes: [{ path: ['period', 'start'], value: '2020-06-01' }, { path: ['period', 'end'], value: '2020-06-30' }] },
  ],
  'date/title-year/invalid-cross-year.yaml': [
    { line: 2, rule: 'date/title-year', fixes: [{ path: ['title'], value: '测试镇2023—2024年度冬春森林防火工作方案' }] },
  ],
  'date/title-year/invalid.yaml': [
    { line: 2, rule: 'date/title-year', fixes: [{ path: ['title'], value: '测试乡2020年“安全生产月”活动方案' }] },
  ],
  'schema/invalid-numeric-id.yaml': [
    { line: 15, rule: 'schema', fixes: [{ path: ['tasks', 0, 'tasks', 1, 'id'], value: '1.2' }] },
    { line: 19, rule: 'schema', fixes: [{ path: ['contact', 'phone'], value: '07198823156' }] },
  ],
};

describe('the fixes of the rule fixtures', () => {
  const files = fixtures(ROOT);

  it('are offered where the table says, each setting exactly what it says, and nowhere else', () => {
    const found = Object.fromEntries(files.map((f) => [relative(ROOT, f), offered(readFileSync(f, 'utf8'))] as const).filter(([, fixes]) => fixes.length > 0));
    expect(found).toEqual(FIXES);
  });

  it.each(Object.keys(FIXES))('%s: the fixed plan has none of the findings fixed, and nothing left to fix', (name) => {
    const text = readFileSync(join(ROOT, name), 'utf8');
    const after = lintText(fixed(text), { asOf: asOfOf(text) });
    expect(after.filter((p) => FIXES[name]!.some((f) => f.rule === p.rule && f.line === p.line))).toEqual([]);
    expect(offered(fixed(text))).toEqual([]);
  });
});

describe('date/title-year', () => {
  const plan = (title: string, year: number) => `version: 1
title: ${title}
organizer: 测试镇
year: ${year}
period: {start: ${year}-11-01, end: ${year + 1}-04-30}
units: [{id: forestry, name: 林业站}]
tasks:
  - {id: "1", title: 巡山护林, lead: [forestry], status: done}
`;
  const fix = (title: string, year: number) => lintText(plan(title, year)).find((p) => p.rule === 'date/title-year')?.fixes;

  it.each([
    // A season's two years move together, each with the digits it was written with.
    ['测试镇2022—2023年度冬春森林防火方案', 2023, '测试镇2023—2024年度冬春森林防火方案'],
    ['测试镇2021-22年冬春森林防火方案', 2023, '测试镇2023-24年冬春森林防火方案'],
    ['测试镇2098至99年度森林防火方案', 2099, '测试镇2099至00年度森林防火方案'],
    ['测试镇2024～2025年度森林防火方案', 2023, '测试镇2023～2024年度森林防火方案'],
    // One year: only it changes, where the title states it (not an earlier number with the same digits).
    ['第12022号 测试镇2022年森林防火方案', 2023, '第12022号 测试镇2023年森林防火方案'],
    ['测试镇2022年冬春森林防火方案（2022—2023年度）', 2023, '测试镇2023年冬春森林防火方案（2022—2023年度）'],
  ])('%s, year %i: the fix makes it %s', (title, year, expected) => {
    expect(fix(title, year)).toEqual([{ path: ['title'], value: expected }]);
  });

  it('offers nothing where the title agrees with the year or states none', () => {
    expect(fix('测试镇2023—2024年度冬春森林防火方案', 2023)).toBeUndefined();
    expect(fix('测试镇冬春森林防火方案', 2023)).toBeUndefined();
  });
});
