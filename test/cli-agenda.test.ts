// campaign agenda: what is overdue and what falls due, across plans, by date; the 督办提醒 per unit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';
import { quoteDepth } from './helpers/quotes.js';

const HISTORY_TEXT = readFileSync(HISTORY, 'utf8');
/** A second township's plan: the police send a weekly report every Friday at noon. */
const OTHER_TEXT = HISTORY_TEXT.replace('organizer: 测试乡', 'organizer: 另一乡').replace('contact: {unit: 测试乡安委办', 'contact: {unit: 另一乡安委办')
  .replace('reports:\n', 'reports:\n  - {id: weekly, title: 周报, to: county-office, by: 派出所, every: 周五, time: "12:00", submitted: [2020-06-05]}\n');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-agenda-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const AS_OF = ['--as-of', '2020-06-21'];

describe('campaign agenda: one plan', () => {
  it('overdue tasks and duties, then what falls due within 7 days, by date (terminal table)', async () => {
    const r = await cli(['agenda', HISTORY, ...AS_OF, '--lang', 'zh']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe([
      '督办日程（截至2020-06-21，未来7天）',
      '┌────────────┬───────────┬──────────┬──────┬──────────────────────────────────────┬──────────────┬────────┬──────┐',
      '│ 日期       │ 情况      │ 类别     │ 编号 │ 事项                                 │ 单位         │ 状态   │ 进度 │',
      '├────────────┼───────────┼──────────┼──────┼──────────────────────────────────────┼──────────────┼────────┼──────┤',
      '│ 2020-06-18 │ 已逾期3天 │ 任务     │ 2.1  │ 道路交通隐患排查                     │ 派出所       │ 未开始 │   0% │',
      '│ 2020-06-19 │ 已逾期2天 │ 任务     │ 1.3  │ 安全宣传进市场                       │ 市场所       │ 受阻   │  10% │',
      '│ 2020-06-19 │ 已逾期2天 │ 报送事项 │      │ 中期进展（报送对象：县安委会办公室） │ 测试乡安委办 │        │      │',
      '│ 2020-06-24 │ 还有3天   │ 任务     │ 2.2  │ 燃气安全检查, "餐饮"场所             │ 市场所       │ 进行中 │  40% │',
      '└────────────┴───────────┴──────────┴──────┴──────────────────────────────────────┴──────────────┴────────┴──────┘',
      '',
    ].join('\n'));
  });

  it('-f text: a 督办提醒 per unit, ready to send', async () => {
    const r = await cli(['agenda', HISTORY, ...AS_OF, '--lang', 'zh', '-f', 'text']);
    expect(r.stdout).toBe([
      '【督办提醒】派出所：任务2.1“道路交通隐患排查”应于6月18日前完成，已逾期3天。',
      '',
      '【督办提醒】市场所：任务1.3“安全宣传进市场”应于6月19日前完成，已逾期2天；任务2.2“燃气安全检查, "餐饮"场所”应于6月24日前完成，还有3天。',
      '',
      '【督办提醒】测试乡安委办：报送事项“中期进展”应于6月19日前报送县安委会办公室，已逾期2天。',
      '',
    ].join('\n'));
    const en = await cli(['agenda', HISTORY, ...AS_OF, '--lang', 'en', '-f', 'text', '--unit', 'market']);
    expect(en.stdout).toBe('[Reminder] 市场所: task 1.3 “安全宣传进市场” was due by 2020-06-19, 2 days overdue; task 2.2 “燃气安全检查, "餐饮"场所” is due by 2020-06-24, 3 days left.\n');
  });

  it('-f json for scripts', async () => {
    const a = JSON.parse((await cli(['agenda', HISTORY, ...AS_OF, '-f', 'json'])).stdout);
    expect(Object.keys(a)).toEqual(['schemaVersion', 'asOf', 'days', 'until', 'units', 'plans', 'items']);
    expect([a.asOf, a.days, a.until, a.units, a.plans]).toEqual(['2020-06-21', 7, '2020-06-28', [], [{ file: HISTORY, organizer: '测试乡', title: '测试乡2020年“安全生产月”活动方案' }]]);
    expect(a.items[0]).toEqual({
      date: '2020-06-18', time: null, kind: 'task', state: 'overdue', daysLate: 3, daysLeft: null, file: HISTORY, organizer: '测试乡',
      plan: '测试乡2020年“安全生产月”活动方案', id: '2.1', title: '道路交通隐患排查', units: [{ id: 'police', name: '派出所' }],
      status: 'planned', progress: 0, to: null, toName: null,
    });
    expect(a.items[2]).toMatchObject({ kind: 'report', id: 'midterm', state: 'overdue', daysLate: 2, units: [{ id: null, name: '测试乡安委办' }], to: 'county-office', toName: '县安委会办公室', status: null });
    expect(a.items[3]).toMatchObject({ id: '2.2', state: 'due', daysLate: null, daysLeft: 3 });
  });

  it('--days N: how far ahead; what is done, cancelled or submitted never shows', async () => {
    const ids = async (...args: string[]) => JSON.parse((await cli(['agenda', HISTORY, ...AS_OF, '-f', 'json', ...args])).stdout).items.map((i: { id: string }) => i.id);
    expect(await ids('--days', '2')).toEqual(['2.1', '1.3', 'midterm']);
    expect(await ids('--days', '9')).toEqual(['2.1', '1.3', 'midterm', '2.2', '3', '2.4']);
    // By July 3rd 1.1 and 1.2 are done, 2.3 cancelled, the plan submitted: the summary is due today.
    const july = JSON.parse((await cli(['agenda', HISTORY, '--as-of', '2020-07-03', '-f', 'json', '--days', '0'])).stdout).items;
    expect(july.map((i: { id: string; state: string; daysLate: number | null; daysLeft: number | null }) => [i.id, i.state, i.daysLate ?? i.daysLeft])).toEqual([
      ['2.1', 'overdue', 15], ['1.3', 'overdue', 14], ['midterm', 'overdue', 14], ['2.2', 'overdue', 9], ['3', 'overdue', 4], ['2.4', 'overdue', 3], ['summary', 'due', 0],
    ]);
    expect((await cli(['agenda', HISTORY, '--as-of', '2020-07-03', '--days', '0', '-f', 'text', '--unit', 'county-office', '--lang', 'zh'])).stdout)
      .toBe('截至7月3日，未来0天内没有逾期或到期的事项。\n');
    for (const bad of ['-1', '1.5', 'a week', '400']) {
      const r = await cli(['agenda', HISTORY, '--days', bad]);
      expect([r.code, r.stdout, r.stderr], bad).toEqual([2, '', `campaign: --days "${bad}": write a whole number of days, 0 to 366\n`]);
    }
  });

  it('--unit: by id, name or another name of the unit, repeatable; an unknown unit is refused with the nearest', async () => {
    const ids = async (...units: string[]) => JSON.parse((await cli(['agenda', HISTORY, ...AS_OF, '-f', 'json', ...units.flatMap((u) => ['--unit', u])])).stdout).items.map((i: { id: string }) => i.id);
    expect(await ids('police')).toEqual(['2.1']);
    expect(await ids('派出所')).toEqual(['2.1']);
    expect(await ids('工商所')).toEqual(['1.3', '2.2']); // 市场所 by another name
    expect(await ids('police', 'market')).toEqual(['2.1', '1.3', '2.2']);
    // A supporting unit is not chased: 派出所 supports 1.2, which is done anyway, and leads 2.1 only.
    const r = await cli(['agenda', HISTORY, '--unit', 'polise']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'campaign: --unit: no plan has a unit "polise"; did you mean "police"?\n']);
  });

  it('a deadline with a time comes before the whole-day ones of its day', async () => {
    const dir = folder({ 'p.yaml': HISTORY_TEXT.replace('  - {id: midterm, title: 中期进展, to: county-office, due: 2020-06-19}', '  - {id: midterm, title: 中期进展, to: county-office, due: 2020-06-19, time: "17:30"}') });
    const items = JSON.parse((await cli(['agenda', 'p.yaml', ...AS_OF, '-f', 'json'], { cwd: dir })).stdout).items;
    expect(items.map((i: { id: string; time: string | null }) => [i.id, i.time])).toEqual([['2.1', null], ['midterm', '17:30'], ['1.3', null], ['2.2', null]]);
    expect((await cli(['agenda', 'p.yaml', ...AS_OF, '-f', 'text', '--lang', 'zh'], { cwd: dir })).stdout).toContain('【督办提醒】测试乡安委办：报送事项“中期进展”应于6月19日17:30前报送县安委会办公室，已逾期2天。');
  });
});

describe('campaign agenda: quotation marks', () => {
  // The plan sent up as a report duty of its own, and a task named after a campaign in “”.
  const QINGSHI = HISTORY_TEXT.replace('title: 测试乡2020年“安全生产月”活动方案', 'title: 青石镇2020年“安全生产月”活动方案')
    .replace('title: 中期进展', 'title: 青石镇2020年“安全生产月”活动方案').replace('title: 安全宣传进市场', 'title: 开展“安全宣传进市场”活动');

  it('-f text: a title with “” in it is quoted in “” with its own marks turned ‘’', async () => {
    const r = await cli(['agenda', '-', ...AS_OF, '-f', 'text', '--lang', 'zh'], { input: QINGSHI });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n\n')).toEqual([
      '【督办提醒】派出所：任务2.1“道路交通隐患排查”应于6月18日前完成，已逾期3天。',
      '【督办提醒】市场所：任务1.3“开展‘安全宣传进市场’活动”应于6月19日前完成，已逾期2天；任务2.2“燃气安全检查, "餐饮"场所”应于6月24日前完成，还有3天。',
      '【督办提醒】测试乡安委办：报送事项“青石镇2020年‘安全生产月’活动方案”应于6月19日前报送县安委会办公室，已逾期2天。\n',
    ]);
    const en = await cli(['agenda', '-', ...AS_OF, '-f', 'text', '--lang', 'en'], { input: QINGSHI });
    expect(en.stdout.split('\n\n').at(-1)).toBe('[Reminder] 测试乡安委办: report “青石镇2020年‘安全生产月’活动方案” to 县安委会办公室 was due by 2020-06-19, 2 days overdue.\n');
  });

  it('never nests “ in “, in either language, of one plan or several', async () => {
    const dir = folder({ 'a.yaml': QINGSHI, 'b.yaml': OTHER_TEXT.replace('title: 安全宣传进市场', 'title: 开展“安全宣传进市场”活动') });
    for (const lang of ['zh', 'en']) {
      const r = await cli(['agenda', ...AS_OF, '--days', '7', '--lang', lang, '-f', 'text'], { cwd: dir });
      expect(quoteDepth(r.stdout), r.stdout).toBe(1);
      expect(r.stdout).toMatch(/‘安全宣传进市场’/);
    }
    // The table shows the title as it is: nothing there is quoted.
    const table = await cli(['agenda', ...AS_OF, '--lang', 'zh', '-f', 'md'], { cwd: dir });
    expect(table.stdout).toContain('| 开展“安全宣传进市场”活动 |');
  });
});

describe('campaign agenda: many plans', () => {
  it('every plan below the current folder when none is named; each item says which plan it is from', async () => {
    const dir = folder({ 'a.yaml': HISTORY_TEXT, 'b.yaml': OTHER_TEXT });
    const r = await cli(['agenda', ...AS_OF, '--days', '3', '--unit', '派出所', '--lang', 'zh', '-f', 'md'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe([
      '# 督办日程（截至2020-06-21，未来3天）',
      '',
      '- **单位**: 派出所',
      '- **方案数**: 2',
      '',
      '| 日期 | 时间 | 情况 | 类别 | 制定单位 | 编号 | 事项 | 单位 | 状态 | 进度 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | ---: |',
      '| 2020-06-12 | 12:00 | 已逾期9天 | 报送事项 | 另一乡 |  | 周报（报送对象：县安委会办公室） | 派出所 |  |  |',
      '| 2020-06-18 |  | 已逾期3天 | 任务 | 测试乡 | 2.1 | 道路交通隐患排查 | 派出所 | 未开始 | 0% |',
      '| 2020-06-18 |  | 已逾期3天 | 任务 | 另一乡 | 2.1 | 道路交通隐患排查 | 派出所 | 未开始 | 0% |',
      '| 2020-06-19 | 12:00 | 已逾期2天 | 报送事项 | 另一乡 |  | 周报（报送对象：县安委会办公室） | 派出所 |  |  |',
      '| 2020-06-24 | 12:00 | 还有3天 | 报送事项 | 另一乡 |  | 周报（报送对象：县安委会办公室） | 派出所 |  |  |',
      '',
    ].join('\n'));
  });

  it('-f text: plan by plan, each unit named with its township', async () => {
    const dir = folder({ 'a.yaml': HISTORY_TEXT, 'b.yaml': OTHER_TEXT });
    const r = await cli(['agenda', 'b.yaml', 'a.yaml', ...AS_OF, '--days', '3', '--lang', 'zh', '-f', 'text'], { cwd: dir });
    expect(r.stdout.split('\n\n')).toEqual([
      // The police report every Friday at noon: the market office has not reported on week 2 at all.
      '【催报】市场所（另一乡）：请报送第2周（6月8日—6月14日）的进展情况，应于6月12日12:00前报送，已逾期9天。',
      '【督办提醒】派出所（另一乡）：报送事项“周报”应于6月12日12:00前报送县安委会办公室，已逾期9天；任务2.1“道路交通隐患排查”应于6月18日前完成，已逾期3天；报送事项“周报”应于6月19日12:00前报送县安委会办公室，已逾期2天；报送事项“周报”应于6月24日12:00前报送县安委会办公室，还有3天。',
      '【督办提醒】市场所（另一乡）：任务1.3“安全宣传进市场”应于6月19日前完成，已逾期2天；任务2.2“燃气安全检查, "餐饮"场所”应于6月24日前完成，还有3天。',
      '【督办提醒】另一乡安委办（另一乡）：报送事项“中期进展”应于6月19日前报送县安委会办公室，已逾期2天。',
      '【督办提醒】派出所（测试乡）：任务2.1“道路交通隐患排查”应于6月18日前完成，已逾期3天。',
      '【督办提醒】市场所（测试乡）：任务1.3“安全宣传进市场”应于6月19日前完成，已逾期2天；任务2.2“燃气安全检查, "餐饮"场所”应于6月24日前完成，还有3天。',
      '【督办提醒】测试乡安委办（测试乡）：报送事项“中期进展”应于6月19日前报送县安委会办公室，已逾期2天。\n',
    ]);
  });

  it('a plan that cannot be read is one line on stderr, the rest still reported; a plan with errors exit 1', async () => {
    const dir = folder({ 'a.yaml': HISTORY_TEXT, 'bad.yaml': 'version: 1\ntasks: [\n', 'c.yaml': HISTORY_TEXT.replace('start: 2020-06-01, end: 2020-06-30', 'start: 2019-06-01, end: 2019-06-30') });
    const r = await cli(['agenda', '.', ...AS_OF, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/:\d+:\d+:.*/, ':…'))).toEqual([
      'campaign: bad.yaml:…',
      'campaign: c.yaml: the plan has 1 error (date/period-year); figures may be wrong — campaign validate c.yaml lists them',
    ]);
    expect(JSON.parse(r.stdout).plans.map((p: { file: string }) => p.file)).toEqual(['a.yaml', 'c.yaml']);
  });

  it('reads a plan from standard input', async () => {
    const r = await cli(['agenda', '-', ...AS_OF, '-f', 'text', '--lang', 'zh', '--unit', 'police'], { input: HISTORY_TEXT });
    expect([r.code, r.stdout]).toEqual([0, '【督办提醒】派出所：任务2.1“道路交通隐患排查”应于6月18日前完成，已逾期3天。\n']);
  });
});
