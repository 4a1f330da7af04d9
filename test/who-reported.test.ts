// Who reported what (docs/tracking.md): a task's status, progress and open problems are its lead units';
// a supporting unit's entry is its contribution; the office's entry speaks for the whole task until a lead
// reports after it; a problem stays open until whoever raised it (or the office) reports it solved.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/model/build.js';
import { figureOf, taskStory, unitStateAsOf } from '../src/model/status-at.js';
import type { Plan, Task } from '../src/model/types.js';
import { parseSource } from '../src/source/parse.js';
import { elapsedShare, viewTasks } from '../src/tracking/task-view.js';
import { notReturned } from '../src/tracking/returns.js';

/** A plan with one leaf task `1` whose leads, support and log are given (flow entries, one a line). */
function planWith(task: string, extra = ''): Plan {
  const text = [
    'version: 1', 'title: 测试镇2026年“安全生产月”活动方案', 'organizer: 测试镇', 'year: 2026',
    'period: {start: 2026-06-01, end: 2026-06-30}', extra,
    'units:', '  - {id: a, name: 派出所}', '  - {id: b, name: 教育站}', '  - {id: c, name: 市场所}', '  - {id: d, name: 卫生院}',
    'tasks:', task,
  ].join('\n');
  const parsed = parseSource(text);
  expect(parsed.issues).toEqual([]);
  return buildPlan(parsed.data);
}
const taskOf = (lead: string, support: string, log: string[], more = ''): Task =>
  planWith([
    `  - id: "1"`, '    title: 动员部署', `    lead: [${lead}]`, `    support: [${support}]`, '    due: 2026-06-30', more,
    ...(log.length ? ['    updates:', ...log.map((l) => `      - ${l}`)] : []),
  ].join('\n')).allTasks[0]!;
const state = (t: Task, asOf: string) => {
  const s = taskStory(t, asOf);
  return [s.status, s.progress];
};

describe('a task is its leads\'', () => {
  it('one lead: its latest entry; a supporter\'s entry changes nothing', () => {
    const t = taskOf('a', 'b, c', [
      '{date: 2026-06-05, status: in_progress, progress: 60, note: 宣讲3场, by: a}',
      '{date: 2026-06-08, status: done, progress: 100, note: 院长参会, by: b}',
      '{date: 2026-06-09, note: 参会, by: c}',
    ]);
    expect(state(t, '2026-06-10')).toEqual(['in_progress', 60]);
    const s = taskStory(t, '2026-06-10');
    expect(s.lastNote?.note).toBe('宣讲3场');
    expect(s.contributions.map((u) => [u.by, u.date, u.note])).toEqual([['b', '2026-06-08', '院长参会'], ['c', '2026-06-09', '参会']]);
    expect(s.doneOn).toBeUndefined();
  });

  it('several leads: done when every lead is done (on the day the last one is), progress their mean, blocked when any is', () => {
    const t = taskOf('a, b', 'c', [
      '{date: 2026-06-05, status: in_progress, progress: 60, by: a}',
      '{date: 2026-06-09, status: done, by: a}',
      '{date: 2026-06-12, status: blocked, progress: 20, problems: 经费未到位, by: b}',
      '{date: 2026-06-19, status: done, progress: 100, by: b}',
    ]);
    expect(state(t, '2026-06-06')).toEqual(['in_progress', 30]); // b has no entry: 0
    expect(state(t, '2026-06-10')).toEqual(['in_progress', 50]);
    expect(state(t, '2026-06-12')).toEqual(['blocked', 60]);
    expect(taskStory(t, '2026-06-12').openProblems.map((p) => [p.unit, p.problems])).toEqual([['b', '经费未到位']]);
    expect(state(t, '2026-06-19')).toEqual(['done', 100]);
    expect(taskStory(t, '2026-06-30').doneOn).toBe('2026-06-19');
  });

  it('a cancelled lead is left out; every lead cancelled cancels the task', () => {
    const t = taskOf('a, b', '', ['{date: 2026-06-05, status: done, by: a}', '{date: 2026-06-06, status: cancelled, by: b}']);
    expect(state(t, '2026-06-06')).toEqual(['done', 100]);
    expect(taskStory(t, '2026-06-06').doneOn).toBe('2026-06-06');
    const u = taskOf('a, b', '', ['{date: 2026-06-05, status: cancelled, by: a}', '{date: 2026-06-06, status: cancelled, by: b}']);
    expect(state(u, '2026-06-06')).toEqual(['cancelled', 0]);
  });

  it('the office\'s entry speaks for the whole task, for each lead until that lead reports after it', () => {
    const t = taskOf('a, b', '', [
      '{date: 2026-06-05, status: in_progress, progress: 40, note: 已部署}',
      '{date: 2026-06-08, status: done, by: a}',
    ]);
    expect(state(t, '2026-06-05')).toEqual(['in_progress', 40]);
    expect(state(t, '2026-06-08')).toEqual(['in_progress', 70]); // a 100, b the office's 40
    expect(taskStory(t, '2026-06-08').lastNote?.note).toBe('已部署');
  });

  it('a task with no lead unit is spoken for by every entry; a log where no lead spoke leaves the task\'s own fields', () => {
    const none = taskOf('', '', ['{date: 2026-06-05, status: in_progress, progress: 30, by: c}']);
    expect(state(none, '2026-06-05')).toEqual(['in_progress', 30]);
    const fields = taskOf('a', 'b', ['{date: 2026-06-05, status: done, by: b}'], '    status: in_progress\n    progress: 20');
    expect(state(fields, '2026-06-05')).toEqual(['in_progress', 20]);
  });

  it('an entry of figures alone changes no status, progress, note or problem', () => {
    const t = taskOf('a', '', [
      '{date: 2026-06-05, status: in_progress, progress: 60, note: 排查200户, problems: 3户拒绝配合, by: a}',
      '{date: 2026-06-08, actual: {排查自建房: 248}, by: a}',
    ]);
    const s = taskStory(t, '2026-06-08');
    expect([s.status, s.progress, s.lastNote?.note, s.openProblems.map((p) => p.problems)]).toEqual(['in_progress', 60, '排查200户', ['3户拒绝配合']]);
    expect(s.lastUpdate?.date).toBe('2026-06-08');
  });
});

describe('open problems', () => {
  const log = [
    '{date: 2026-06-05, status: in_progress, progress: 40, problems: 场地未落实, by: a}',
    '{date: 2026-06-06, status: in_progress, progress: 30, problems: 人手不足, by: b}',
  ];
  const open = (t: Task, asOf = '2026-06-20') => taskStory(t, asOf).openProblems.map((p) => `${p.unit}:${p.problems}`);

  it('each unit\'s problem is its own: another unit\'s entry never closes it', () => {
    expect(open(taskOf('a, b', 'c', log))).toEqual(['a:场地未落实', 'b:人手不足']);
    expect(open(taskOf('a, b', 'c', [...log, '{date: 2026-06-09, progress: 60, note: 场地已落实, by: a}']))).toEqual(['b:人手不足']);
    expect(open(taskOf('a, b', 'c', [...log, '{date: 2026-06-09, note: 已协助, by: c}']))).toEqual(['a:场地未落实', 'b:人手不足']);
  });

  it('a supporter\'s problem is not the task\'s', () => {
    expect(open(taskOf('a', 'c', ['{date: 2026-06-05, note: 参会, problems: 车辆不足, by: c}']))).toEqual([]);
  });

  it('the office\'s entry without a problem closes only its own; its `solved` closes every one; a unit\'s `solved` its own', () => {
    const office = '{date: 2026-06-04, problems: 方案未印发}';
    expect(open(taskOf('a, b', '', [office, ...log, '{date: 2026-06-09, note: 已印发}']))).toEqual(['a:场地未落实', 'b:人手不足']);
    expect(open(taskOf('a, b', '', [office, ...log, '{date: 2026-06-09, solved: true}']))).toEqual([]);
    expect(open(taskOf('a, b', '', [...log, '{date: 2026-06-09, solved: true, by: b}']))).toEqual(['a:场地未落实']);
    // Solved, and a new problem in the same entry: the new one is open.
    expect(open(taskOf('a, b', '', [...log, '{date: 2026-06-09, solved: true, problems: 经费不足, by: b}']))).toEqual(['a:场地未落实', 'b:经费不足']);
  });

  it('none once the task is done or cancelled', () => {
    expect(open(taskOf('a', '', ['{date: 2026-06-05, status: done, problems: 2户未整改, by: a}']))).toEqual([]);
  });
});

describe('a unit\'s own figures', () => {
  it('a unit\'s last progress is its own (a lead\'s includes the office\'s entries)', () => {
    const t = taskOf('a', 'b', ['{date: 2026-06-05, progress: 60, by: a}', '{date: 2026-06-06, progress: 20, by: b}', '{date: 2026-06-07, progress: 70}']);
    expect(unitStateAsOf(t, 'a', '2026-06-10')).toEqual({ status: 'in_progress', progress: 70 });
    expect(unitStateAsOf(t, 'b', '2026-06-10')).toEqual({ status: 'in_progress', progress: 20 });
    expect(unitStateAsOf(t, 'c', '2026-06-10')).toEqual({ status: 'planned', progress: 0 });
  });

  it('a task\'s actual value adds up each unit\'s latest figure; the office\'s stands until a unit reports after it', () => {
    const t = taskOf('a, b', '', [
      '{date: 2026-06-05, actual: {排查自建房: 100}, by: a}',
      '{date: 2026-06-06, actual: {排查自建房: 50}, by: b}',
      '{date: 2026-06-07, actual: {排查自建房: 120, 整改: 3}, by: a}',
    ]);
    expect(figureOf(t.updates, '排查自建房')).toBe(170);
    expect(figureOf(t.updates, '整改')).toBe(3);
    expect(figureOf(t.updates, '宣讲')).toBeUndefined();
    const office = taskOf('a, b', '', ['{date: 2026-06-05, actual: {排查自建房: 100}, by: a}', '{date: 2026-06-08, actual: {排查自建房: 248}}']);
    expect(figureOf(office.updates, '排查自建房')).toBe(248);
    // The model's target carries it.
    const withTarget = taskOf('a', '', ['{date: 2026-06-05, actual: {排查自建房: 90}, by: a}'], '    targets:\n      - {metric: 排查自建房, unit: 户, target: 300, actual: 10}');
    expect(withTarget.targets[0]!.actual).toBe(90);
  });
});

describe('the supervision light lags', () => {
  it('turns yellow when progress lags the share of the task\'s time gone by more than the threshold', () => {
    const plan = planWith([
      '  - {id: "1", title: 甲, lead: [a], start: 2026-06-01, due: 2026-06-30, progress: 10, status: in_progress}',
      '  - {id: "2", title: 乙, lead: [a], start: 2026-06-01, due: 2026-06-30, progress: 20, status: in_progress}',
      '  - {id: "3", title: 丙, lead: [a], due: 2026-06-30, progress: 25, status: in_progress}',
    ].join('\n'));
    // June 15: 15 of 30 days gone, 50 % (task 3 counts from the period's start); June 17: 56.7 %.
    expect(elapsedShare(plan.allTasks[0]!, '2026-06-15', '2026-06-01')).toBe(50);
    expect(viewTasks(plan, '2026-06-15').map((v) => v.light)).toEqual(['yellow', 'green', 'green']);
    expect(viewTasks(plan, '2026-06-17').map((v) => v.light)).toEqual(['yellow', 'yellow', 'yellow']);
    const strict = planWith(['  - {id: "1", title: 甲, lead: [a], start: 2026-06-01, due: 2026-06-30, progress: 20, status: in_progress}'].join('\n'), 'reporting: {lagThreshold: 20}');
    expect(viewTasks(strict, '2026-06-15').map((v) => v.light)).toEqual(['yellow']);
  });
});

describe('who owes an entry for a week', () => {
  it('units with open tasks and no entry in the week; a unit whose own part is done owes none', () => {
    const plan = planWith([
      '  - id: "1"', '    title: 动员部署', '    lead: [a, b]', '    support: [c, d]', '    due: 2026-06-30', '    updates:',
      '      - {date: 2026-06-03, status: done, by: a}', '      - {date: 2026-06-04, status: done, note: 已参会, by: c}',
      '      - {date: 2026-06-10, progress: 50, by: b}',
    ].join('\n'), 'contact: {unit: 卫生院}');
    // Week of June 8–14: b reported; a (done) and c (its part done) owe nothing; d (卫生院) is the office.
    expect(notReturned(plan, '2026-06-08', '2026-06-14', '2026-06-14').map((r) => r.unit.id)).toEqual([]);
    // Week of June 1–7: b had not reported yet; d is the office.
    expect(notReturned(plan, '2026-06-01', '2026-06-07', '2026-06-07').map((r) => r.unit.id)).toEqual(['b']);
  });
});
