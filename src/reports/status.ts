// `campaign status`: where the plan stands as of a date.
import type { Plan } from '../model/types.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { countLeaves, type Counts } from '../tracking/counts.js';
import { viewTasks } from '../tracking/task-view.js';
import { completedLate, deadlineRows, phaseMeta, planHeader, summarise, targetRows, unitNamer, unitRows, type DeadlineRow, type PlanHeader, type TargetRow, type TaskSummary, type UnitRow } from './common.js';
import type { Doc } from '../formats/doc.js';
import { deadlineTable, doneLateTable, overallTable, signatureLabels, targetTable, taskListTable, unitTable } from './columns.js';
import { planCalendar } from './events.js';
import { defineKind } from './kind.js';
import { completionText } from '../formats/percent.js';
import type { IsoDate } from '../calendar/dates.js';

export interface StatusReport {
  asOf: IsoDate;
  plan: PlanHeader;
  overall: Counts;
  units: UnitRow[];
  overdue: TaskSummary[];
  /** Leaves done after their due date (逾期完成). */
  completedLate: TaskSummary[];
  targets: TargetRow[];
  /** Every report deadline with how it stands as of the date. */
  reports: DeadlineRow[];
}

export function buildStatus(plan: Plan, asOf: IsoDate, lang: Lang): StatusReport {
  const views = viewTasks(plan, asOf);
  const leaves = views.filter((v) => v.leaf);
  const names = unitNamer(plan);
  return {
    asOf,
    plan: planHeader(plan, asOf),
    overall: countLeaves(leaves),
    units: unitRows(plan, leaves, label(lang, 'unassigned')),
    overdue: leaves.filter((v) => v.overdue).map((v) => summarise(v, names, asOf)),
    completedLate: completedLate(leaves, names, asOf),
    targets: targetRows(plan),
    reports: deadlineRows(plan, asOf, names),
  };
}

export function statusDoc(r: StatusReport, lang: Lang): Doc {
  const pct = completionText(r.overall.completion);
  return {
    title: `${r.plan.title} — ${label(lang, 'status')}`,
    meta: [[label(lang, 'asOf'), r.asOf], ...phaseMeta(r.plan, label(lang, 'phase'), lang), [label(lang, 'completion'), pct]],
    sections: [
      { heading: label(lang, 'overall'), table: overallTable(r.overall, lang) },
      { heading: label(lang, 'units'), table: unitTable(r.units, lang) },
      { heading: label(lang, 'overdue'), table: taskListTable(r.overdue, lang, 'daysLate') },
      ...(r.completedLate.length ? [{ heading: label(lang, 'completedLate'), table: doneLateTable(r.completedLate, lang) }] : []),
      ...(r.targets.length ? [{ heading: label(lang, 'targets'), table: targetTable(r.targets, lang) }] : []),
      ...(r.reports.length ? [{ heading: label(lang, 'deadlines'), table: deadlineTable(r.reports, lang) }] : []),
    ],
    orientation: 'landscape',
    signature: signatureLabels(lang),
  };
}

export default defineKind<StatusReport>({
  name: 'status',
  schemaVersion: 1,
  input: 'plan',
  formats: ['table', 'md', 'csv', 'json', 'html', 'xlsx', 'ics'],
  build: (plan, { asOf, lang }) => buildStatus(plan, asOf, lang),
  doc: statusDoc,
  calendar: (r, lang) => planCalendar(r.plan, r.overdue, r.reports, r.asOf, lang),
});
