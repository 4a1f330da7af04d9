// Column sets and row cells reused across report documents.
import { label, labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { daysBetween } from '../calendar/dates.js';
import type { Counts } from '../tracking/counts.js';
import type { Cell, Column, Table } from '../formats/doc.js';
import type { DeadlineRow, TargetRow, TaskSummary, UnitRow } from './common.js';

/**
 * The counts every summary table has. On a narrow terminal the counts that follow from the others go
 * first: planned (the rest of the tasks), then blocked, then in progress; tasks, done, overdue and
 * completion always stay. Tables that add columns number theirs before these (1), or after (5 on).
 */
export function countColumns(lang: Lang): Column[] {
  const l = labeller(lang);
  return [
    { label: l('tasks'), kind: 'int' }, { label: l('done'), kind: 'int' }, { label: l('in_progress'), kind: 'int', omit: 4 },
    { label: l('planned'), kind: 'int', omit: 2 }, { label: l('blocked'), kind: 'int', omit: 3 }, { label: l('overdueCount'), kind: 'int' },
    { label: l('completion'), kind: 'percent' },
  ];
}
export const countCells = (c: Counts): Cell[] => [c.tasks, c.done, c.in_progress, c.planned, c.blocked, c.overdue, c.completion];

export function unitTable(rows: readonly UnitRow[], lang: Lang): Table {
  return {
    // Tasks a unit only supports matter less on a narrow terminal than what it leads.
    columns: [{ label: label(lang, 'unit') }, ...countColumns(lang), { label: label(lang, 'supportCount'), kind: 'int', omit: 1 }],
    rows: rows.map((r) => [r.name, ...countCells(r), r.support]),
  };
}

export function overallTable(c: Counts, lang: Lang): Table {
  return { columns: [...countColumns(lang), { label: label(lang, 'cancelled'), kind: 'int', omit: 1 }], rows: [[...countCells(c), c.cancelled]] };
}

/**
 * Report deadlines: what, to whom, when (with the time of day), when sent, and how that stands. On a
 * narrow terminal the date sent goes first (the state says whether it was in time), then the recipient.
 */
export function deadlineTable(rows: readonly DeadlineRow[], lang: Lang): Table {
  const l = labeller(lang);
  const state = { submitted: l('submittedOnTime'), late: l('submittedLate'), missing: l('missing'), pending: l('pending') };
  return {
    columns: [
      { label: l('reportCol'), wide: true }, { label: l('to'), omit: 2 }, { label: l('deadline'), kind: 'date' },
      { label: l('submitted'), kind: 'date', omit: 1 }, { label: l('state') },
    ],
    rows: rows.map((d) => [d.time ? `${d.title}（${d.time}）` : d.title, d.toName, d.due, d.submitted, state[d.state]]),
  };
}

/** A task's status for a table: 逾期完成 (rather than 已完成) when it was done after its due date. */
export const statusCell = (t: Pick<TaskSummary, 'status' | 'doneLate'>): string => (t.status === 'done' && t.doneLate ? 'done_late' : t.status);

/** Tasks done late: when each was due, when it was done, and how many days after. */
export function doneLateTable(tasks: readonly TaskSummary[], lang: Lang): Table {
  const l = labeller(lang);
  return {
    columns: [
      { label: l('id') }, { label: l('task'), wide: true }, { label: l('lead'), kind: 'list' }, { label: l('due'), kind: 'date' },
      { label: l('doneOn'), kind: 'date' }, { label: l('daysLate'), kind: 'int' },
    ],
    rows: tasks.map((t) => [t.id, t.title, t.leadNames, t.due, t.doneOn, t.due && t.doneOn ? daysBetween(t.due, t.doneOn) : null]),
  };
}

/**
 * A list of tasks, ending with days late (overdue lists) or the supervision light (due lists). On a
 * narrow terminal the progress goes first, then the status (the last column says how the task stands).
 */
export function taskListTable(tasks: readonly TaskSummary[], lang: Lang, last: 'daysLate' | 'light'): Table {
  const l = labeller(lang);
  return {
    columns: [
      { label: l('id') }, { label: l('task'), wide: true }, { label: l('lead'), kind: 'list' }, { label: l('due'), kind: 'date' },
      { label: l('statusCol'), kind: 'status', omit: 2 }, { label: l('progress'), kind: 'progress', omit: 1 },
      last === 'daysLate' ? { label: l('daysLate'), kind: 'int' } : { label: l('light'), kind: 'light' },
    ],
    rows: tasks.map((t) => [t.id, t.title, t.leadNames, t.due, statusCell(t), t.progress, last === 'daysLate' ? t.daysLate : t.light]),
  };
}

/** Targets; on a narrow terminal the unit of measure goes first, then the task's title (its id stays). */
export function targetTable(rows: readonly TargetRow[], lang: Lang): Table {
  const l = labeller(lang);
  return {
    columns: [
      { label: l('id') }, { label: l('task'), wide: true, omit: 2 }, { label: l('metric') }, { label: l('measure'), omit: 1 },
      { label: l('target'), kind: 'int' }, { label: l('actual'), kind: 'int' }, { label: l('completion'), kind: 'percent' },
    ],
    rows: rows.map((r) => [r.task, r.taskTitle, r.metric, r.unit, r.target, r.actual, r.ratio]),
  };
}

/** The blanks a form sent upwards ends with: 填报人：　　审核人：　　单位（盖章）：　　日期： */
export const signatureLabels = (lang: Lang): string[] => {
  const l = labeller(lang);
  return [l('fillPerson'), l('reviewer'), l('stamp'), l('signDate')];
};
