// The tracking semantics on a plan with a known history (test/fixtures/tracking/history.yaml),
// asserted field by field at fixed dates.
import { describe, expect, it } from 'vitest';
import { buildWeekly } from '../src/reports/weekly.js';
import { buildStatus } from '../src/reports/status.js';
import { buildProgress } from '../src/reports/progress.js';
import { summaryDoc } from '../src/reports/summary.js';
import { buildExport } from '../src/reports/export.js';
import { parseWeek, weekOf } from '../src/calendar/dates.js';
import { viewTasks } from '../src/tracking/task-view.js';
import { asOfForWeek, reportingWeek, weekStartsOf } from '../src/tracking/weeks.js';
import { HISTORY, loadPlanFile } from './helpers/plan.js';
import { readFileSync } from 'node:fs';
import { buildPlan } from '../src/model/build.js';
import { parseSource } from '../src/source/parse.js';
import { loadCalendar } from '../src/io/holidays.js';

const plan = loadPlanFile(HISTORY);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('ISO weeks', () => {
  it('names the week of a date and its Monday..Sunday', () => {
    expect(weekOf('2020-06-17')).toEqual({ week: '2020-W25', from: '2020-06-15', to: '2020-06-21' });
    expect(weekOf('2021-01-03')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
  });
  it('parses 2020-W25 and refuses weeks that do not exist', () => {
    expect(parseWeek('2020-W25')).toEqual({ week: '2020-W25', from: '2020-06-15', to: '2020-06-21' });
    expect(parseWeek('2020-W53')?.to).toBe('2021-01-03');
    expect(parseWeek('2021-W53')).toBeUndefined();
    expect(parseWeek('2020-W00')).toBeUndefined();
    expect(parseWeek('2020-25')).toBeUndefined();
  });
});

describe('reporting weeks', () => {
  const june = { start: '2020-06-01', end: '2020-06-30' };

  it('numbers the weeks of the campaign from the week its period starts in', () => {
    expect(reportingWeek('2020-06-17', 'monday', june)).toEqual({ week: '2020-W25', weekStarts: 'monday', from: '2020-06-15', to: '2020-06-21', weekNo: 3 });
    // June 1st 2020 was a Monday: its Friday week began on May 29th and is week 1.
    expect(reportingWeek('2020-06-17', 'friday', june)).toEqual({ week: '2020-W25', weekStarts: 'friday', from: '2020-06-12', to: '2020-06-18', weekNo: 3 });
    expect(reportingWeek('2020-06-19', 'friday', june)).toMatchObject({ week: '2020-W26', from: '2020-06-19', to: '2020-06-25', weekNo: 4 });
    expect(reportingWeek('2020-05-30', 'friday', june)).toMatchObject({ from: '2020-05-29', weekNo: 1 });
  });

  it('has no number outside the period, or without one', () => {
    expect(reportingWeek('2020-05-28', 'friday', june).weekNo).toBeNull(); // the week before
    expect(reportingWeek('2020-07-02', 'friday', june).weekNo).toBe(5); // June 30th's week, run on into July
    expect(reportingWeek('2020-07-03', 'friday', june).weekNo).toBeNull(); // after it
    expect(reportingWeek('2020-06-17', 'monday').weekNo).toBeNull();
  });

  it('--week names the reporting week that ends in that ISO week; the command line beats the plan, the plan beats Monday', () => {
    expect(asOfForWeek(parseWeek('2020-W25')!, 'monday')).toBe('2020-06-21');
    expect(asOfForWeek(parseWeek('2020-W25')!, 'friday')).toBe('2020-06-18');
    expect(weekStartsOf({ reporting: {} })).toBe('monday');
    expect(weekStartsOf({ reporting: { weekStarts: 'friday' } })).toBe('friday');
    expect(weekStartsOf({ reporting: { weekStarts: 'friday' } }, 'sunday')).toBe('sunday');
  });
});

describe('task state as of a date', () => {
  const at = (asOf: string) => Object.fromEntries(viewTasks(plan, asOf).map((v) => [v.task.id, [v.status, v.progress, v.overdue, v.light]]));

  it('reads the log up to the date, rolls parents up, lights tasks', () => {
    expect(at('2020-06-21')).toEqual({
      '1': ['in_progress', 70, false, 'green'], // (100 + 100 + 10) / 3
      '1.1': ['done', 100, false, 'green'],
      '1.2': ['done', 100, false, 'green'],
      '1.3': ['blocked', 10, true, 'red'],
      '2': ['in_progress', 10, false, 'green'], // (0 + 40 + 2 × 0) / 4: cancelled 2.3 left out, 2.4 weighs 2
      '2.1': ['planned', 0, true, 'red'],
      '2.2': ['in_progress', 40, false, 'yellow'],
      '2.3': ['cancelled', 0, false, 'green'],
      // Not started with 70 % (2.4: June 1–30) and 72 % (3: June 1–29) of their time gone: lagging by more than 30 points.
      '2.4': ['planned', 0, false, 'yellow'],
      '3': ['planned', 0, false, 'yellow'],
    });
  });

  it('before the first update a task is planned; a done task is yellow-free', () => {
    const s = at('2020-06-02');
    expect(s['1.1']).toEqual(['planned', 0, false, 'green']);
    expect(s['2.3']).toEqual(['cancelled', 0, false, 'green']);
    const t = at('2020-06-17');
    expect(t['1.2']).toEqual(['in_progress', 50, true, 'red']);
    expect(t['1.3']).toEqual(['blocked', 10, false, 'yellow']);
    expect(t['2.1']).toEqual(['planned', 0, false, 'yellow']);
    expect(t['2.2']).toEqual(['in_progress', 40, false, 'green']);
  });
});

describe('campaign weekly (data)', () => {
  it('W25 as of its Sunday', () => {
    const r = buildWeekly(plan, '2020-06-21', 'zh');
    expect([r.week, r.from, r.to, r.asOf]).toEqual(['2020-W25', '2020-06-15', '2020-06-21', '2020-06-21']);
    expect(r.overall).toEqual({ done: 2, in_progress: 1, planned: 3, blocked: 1, cancelled: 1, overdue: 2, tasks: 8, completion: 0.25 });
    expect(r.units).toEqual([
      { id: 'police', name: '派出所', done: 1, in_progress: 0, planned: 2, blocked: 0, cancelled: 0, overdue: 1, tasks: 3, completion: 0.25, support: 1 },
      { id: 'edu', name: '教育站', done: 1, in_progress: 0, planned: 1, blocked: 0, cancelled: 1, overdue: 0, tasks: 3, completion: 0.5, support: 0 },
      { id: 'market', name: '市场所', done: 0, in_progress: 1, planned: 0, blocked: 1, cancelled: 0, overdue: 1, tasks: 2, completion: 0, support: 0 },
    ]);
    expect(ids(r.dueThisWeek)).toEqual(['1.2', '1.3', '2.1']);
    expect(ids(r.completedThisWeek)).toEqual(['1.2']);
    expect(ids(r.updatedThisWeek)).toEqual(['1.2', '1.3', '2.2']);
    expect(ids(r.overdue)).toEqual(['1.3', '2.1']);
    expect(ids(r.dueNextWeek)).toEqual(['2.2']);
    expect(r.dueThisWeek.map((t) => t.light)).toEqual(['green', 'red', 'red']);
    expect(r.dueNextWeek[0]).toMatchObject({ id: '2.2', lead: ['market'], due: '2020-06-24', status: 'in_progress', progress: 40, light: 'yellow' });
    expect(r.updatedThisWeek.find((t) => t.id === '1.3')!.updates).toEqual([
      { date: '2020-06-15', status: 'blocked', progress: 10, note: '方案已拟定', problems: '场地未落实', next: '协调乡政府广场', by: 'market' },
    ]);
    expect(r.completedThisWeek[0]).toMatchObject({ id: '1.2', doneLate: true, overdue: false });
    expect(r.plan.contact).toEqual({ unit: '测试乡安委办', person: '张三', phone: '0710-1234567', reviewer: '李四' });
  });

  it('a blocked task, or one whose latest update records a problem, stays in 本周任务 until it is resolved', () => {
    expect(ids(buildWeekly(plan, '2020-06-21', 'zh').unresolved)).toEqual(['1.3', '2.2']);
    // Week 26: neither was touched, both are still there, each with the problem its latest update recorded.
    const w26 = buildWeekly(plan, '2020-06-28', 'zh');
    expect(w26.unresolved.map((t) => [t.id, t.status, t.openProblem])).toEqual([
      ['1.3', 'blocked', { date: '2020-06-15', problems: '场地未落实' }],
      ['2.2', 'in_progress', { date: '2020-06-16', problems: '2家未整改' }],
    ]);
    expect(ids(w26.updatedThisWeek)).toEqual(['2.4']);
    const with22 = (update: string) => buildWeekly(buildPlan(parseSource(readFileSync(HISTORY, 'utf8').replace(
      '          - {date: 2020-06-16, status: in_progress, progress: 40, note: 检查餐饮场所12家, problems: 2家未整改, next: 下周复查, by: market}\n',
      `          - {date: 2020-06-16, status: in_progress, progress: 40, note: 检查餐饮场所12家, problems: 2家未整改, next: 下周复查, by: market}\n${update}`,
    )).data, loadCalendar()), '2020-06-28', 'zh');
    // A later entry of the unit that raised it, without a problem, clears it; one that repeats it keeps it
    // open; done closes it. The office's entry without a problem does not speak for the unit's problem,
    // its `solved` does; another unit's entry never closes it.
    expect(ids(with22('          - {date: 2020-06-19, progress: 60, note: 已整改1家, by: market}\n').unresolved)).toEqual(['1.3']);
    expect(ids(with22('          - {date: 2020-06-19, progress: 60, problems: "  ", by: market}\n').unresolved)).toEqual(['1.3']);
    expect(ids(with22('          - {date: 2020-06-19, progress: 60, note: 已整改1家}\n').unresolved)).toEqual(['1.3', '2.2']);
    expect(ids(with22('          - {date: 2020-06-19, solved: true}\n').unresolved)).toEqual(['1.3']);
    expect(ids(with22('          - {date: 2020-06-19, note: 已协助整改, by: police}\n').unresolved)).toEqual(['1.3', '2.2']);
    expect(with22('          - {date: 2020-06-19, progress: 60, problems: 1家未整改, by: market}\n').unresolved.map((t) => t.openProblem)).toEqual([
      { date: '2020-06-15', problems: '场地未落实' }, { date: '2020-06-19', problems: '1家未整改' },
    ]);
    expect(ids(with22('          - {date: 2020-06-19, status: done, problems: 2家未整改}\n').unresolved)).toEqual(['1.3']);
    // Unblocked: 1.3 leaves the list once an update moves it on without a problem.
    const unblocked = buildWeekly(buildPlan(parseSource(readFileSync(HISTORY, 'utf8').replace(
      'problems: 场地未落实, next: 协调乡政府广场, by: market}\n',
      'problems: 场地未落实, next: 协调乡政府广场, by: market}\n          - {date: 2020-06-18, status: in_progress, progress: 30, note: 场地已落实, by: market}\n',
    )).data, loadCalendar()), '2020-06-28', 'zh');
    expect(ids(unblocked.unresolved)).toEqual(['2.2']);
  });

  it('a Friday-to-Thursday week: its own lists, next week the Friday after', () => {
    const r = buildWeekly(plan, '2020-06-18', 'zh', 'friday');
    expect([r.week, r.weekStarts, r.weekNo, r.label, r.from, r.to]).toEqual(['2020-W25', 'friday', 3, '第3周（6月12日—6月18日）', '2020-06-12', '2020-06-18']);
    expect(ids(r.dueThisWeek)).toEqual(['1.1', '1.2', '2.1']);
    expect(ids(r.updatedThisWeek)).toEqual(['1.2', '1.3', '2.2']); // 1.2 done on Thursday the 18th
    expect(ids(r.completedThisWeek)).toEqual(['1.2']);
    expect(ids(r.dueNextWeek)).toEqual(['1.3', '2.2']); // June 19th to 25th
    expect(buildWeekly(plan, '2020-06-18', 'en', 'friday').label).toBe('week 3 (2020-06-12 to 2020-06-18)');
  });

  it('mid-week: nothing after the as-of date has happened yet', () => {
    const r = buildWeekly(plan, '2020-06-17', 'en');
    expect(r.week).toBe('2020-W25');
    expect(ids(r.completedThisWeek)).toEqual([]);
    // 1.2 is edu's: police's entry on it (it supports it) is news of the week, and changes nothing of its state.
    expect(ids(r.updatedThisWeek)).toEqual(['1.2', '1.3', '2.2']);
    expect(r.updatedThisWeek[0]!.contributions).toEqual([{ unit: 'police', date: '2020-06-17', status: null, progress: 80, note: '协助开展校园交通安全宣讲' }]);
    expect(ids(r.overdue)).toEqual(['1.2']);
    expect(r.overdue[0]).toMatchObject({ daysLate: 1, light: 'red' });
    expect(r.overall).toMatchObject({ done: 1, in_progress: 2, blocked: 1, overdue: 1, completion: 0.125 });
  });
});

describe('campaign status and report (data)', () => {
  it('status: completion, units, overdue, targets', () => {
    const r = buildStatus(plan, '2020-06-21', 'zh');
    expect(r.overall.completion).toBe(0.25);
    expect(ids(r.overdue)).toEqual(['1.3', '2.1']);
    expect(r.overdue.map((t) => t.daysLate)).toEqual([2, 3]);
    expect(r.targets).toEqual([{ task: '1.1', taskTitle: '主题宣讲进企业', metric: '宣讲场次', unit: '场', target: 10, actual: 4, ratio: 0.4 }]);
  });

  it('done late (逾期完成): leaves done after their due date, with the day they were done', () => {
    expect(buildStatus(plan, '2020-06-21', 'zh').completedLate.map((t) => [t.id, t.due, t.doneOn, t.doneLate])).toEqual([['1.2', '2020-06-16', '2020-06-18', true]]);
    expect(buildProgress(plan, '2020-06-21', 'zh').completedLate.map((t) => t.id)).toEqual(['1.2']);
    expect(buildStatus(plan, '2020-06-17', 'zh').completedLate).toEqual([]); // not done yet: simply overdue
    // 1.1 was done on time: done, not late.
    expect(buildProgress(plan, '2020-06-21', 'zh').timeline.find((t) => t.id === '1.1')).toMatchObject({ status: 'done', doneOn: '2020-06-10', doneLate: false });
    expect(buildProgress(plan, '2020-06-21', 'zh').summary.sections[0]!.tasks.map((t) => [t.id, t.doneLate])).toEqual([['1.1', false], ['1.2', true], ['1.3', false]]);
    // The Word draft says so where it gives a task's status (a task with no notes recorded).
    const silent = buildPlan(parseSource(readFileSync(HISTORY, 'utf8').replace('note: 完成2所学校, ', '').replace('note: 全部学校完成, ', '')).data, loadCalendar());
    const paragraphs = summaryDoc(buildProgress(silent, '2020-06-21', 'zh'), 'zh').sections.flatMap((s) => s.paragraphs ?? []);
    expect(paragraphs).toContain('2．安全知识进校园。派出所协助开展校园交通安全宣讲（逾期完成）。');
  });

  it('report: sections and report deadlines', () => {
    const r = buildProgress(plan, '2020-06-21', 'zh');
    expect(r.sections.map((s) => [s.id, s.tasks, s.done, s.completion])).toEqual([['1', 3, 2, 0.6667], ['2', 4, 0, 0], ['3', 1, 0, 0]]);
    expect(r.reports.map((d) => [d.id, d.state])).toEqual([['plan', 'submitted'], ['midterm', 'missing'], ['summary', 'pending']]);
    expect(r.timeline).toHaveLength(10);
  });

  it('a weight counts in completion', () => {
    const r = buildStatus(plan, '2020-07-01', 'zh');
    // Nothing changed after 06-22 except 2.4 started: still 2 done of weight 8.
    expect(r.overall.completion).toBe(0.25);
  });
});

describe('campaign export (data)', () => {
  it('one row per task with parent, depth and the last update', () => {
    const r = buildExport(plan, '2020-06-21');
    expect(r.tasks.map((t) => [t.id, t.parent, t.depth])).toEqual([
      ['1', null, 1], ['1.1', '1', 2], ['1.2', '1', 2], ['1.3', '1', 2], ['2', null, 1], ['2.1', '2', 2],
      ['2.2', '2', 2], ['2.3', '2', 2], ['2.4', '2', 2], ['3', null, 1],
    ]);
    expect(r.tasks.find((t) => t.id === '1.2')).toMatchObject({ doneLate: true, lastUpdate: '2020-06-18', lastNote: '全部学校完成', supportNames: ['派出所'] });
    expect(r.tasks.find((t) => t.id === '2.1')).toMatchObject({ overdue: true, lastUpdate: null, status: 'planned' });
  });
});

describe('recurring report duties', () => {
  const text = readFileSync(HISTORY, 'utf8').replace(
    'reports:\n',
    'reports:\n  - {id: weekly, title: 周报, to: county-office, every: friday, time: "12:00", from: 2020-06-05, until: 2020-06-26, submitted: [2020-06-05, 2020-06-15, 2020-06-24]}\n',
  );
  const recurring = buildPlan(parseSource(text).data, loadCalendar());

  it('expand into dated deadlines, moved off the 端午 holiday, matched with submissions', () => {
    expect(recurring.reports[0]!.deadlines).toEqual([
      { scheduled: '2020-06-05', due: '2020-06-05', time: '12:00', submitted: '2020-06-05' },
      { scheduled: '2020-06-12', due: '2020-06-12', time: '12:00', submitted: '2020-06-15' },
      { scheduled: '2020-06-19', due: '2020-06-19', time: '12:00', submitted: '2020-06-24' },
      // Friday 2020-06-26 was the 端午 holiday (25–27 June): due the Wednesday before.
      { scheduled: '2020-06-26', due: '2020-06-24', time: '12:00' },
    ]);
  });

  it('show in status, weekly and the report with how each stands', () => {
    const s = buildStatus(recurring, '2020-06-25', 'zh');
    expect(s.reports.filter((d) => d.id === 'weekly').map((d) => [d.due, d.state])).toEqual([
      ['2020-06-05', 'submitted'], ['2020-06-12', 'late'], ['2020-06-19', 'late'], ['2020-06-24', 'missing'],
    ]);
    const w = buildWeekly(recurring, '2020-06-28', 'zh');
    expect(w.reportsThisWeek.map((d) => [d.id, d.due, d.state])).toEqual([['weekly', '2020-06-24', 'missing']]);
    expect(w.reportsOverdue.map((d) => [d.id, d.due])).toEqual([['midterm', '2020-06-19']]);
    const monthly = buildPlan(parseSource(text.replace('every: friday, time: "12:00", from: 2020-06-05, until: 2020-06-26', 'every: month, day: 7, from: 2020-06-01, until: 2020-12-31')).data, loadCalendar());
    // 7 June 2020 was a Sunday and 7 November a Saturday: due the Friday before; 7 October fell in the
    // National Day holiday (1–8 October): due 30 September.
    expect(monthly.reports[0]!.deadlines.map((d) => d.due)).toEqual(['2020-06-05', '2020-07-07', '2020-08-07', '2020-09-07', '2020-09-30', '2020-11-06', '2020-12-07']);
  });
});
