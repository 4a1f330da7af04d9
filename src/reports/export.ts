// `campaign export`: one row per task (and the report deadlines, for calendars).
import type { Plan } from '../model/types.js';
import { label, labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { viewTasks } from '../tracking/task-view.js';
import { deadlineRows, planHeader, summarise, unitNamer, type DeadlineRow, type PlanHeader, type TaskSummary } from './common.js';
import type { Doc } from '../formats/doc.js';
import { planCalendar } from './events.js';
import { defineKind } from './kind.js';
import type { IsoDate } from '../calendar/dates.js';

/** A task summary for export: with its depth (1 for top-level tasks), its last note, no light. */
export type ExportRow = Omit<TaskSummary, 'light' | 'daysLate' | 'note'> & { depth: number; lastNote: string | null };

export interface ExportReport { asOf: IsoDate; plan: PlanHeader; tasks: ExportRow[]; reports: DeadlineRow[] }

export function buildExport(plan: Plan, asOf: IsoDate): ExportReport {
  const names = unitNamer(plan);
  const tasks = viewTasks(plan, asOf).map((v): ExportRow => {
    const s = summarise(v, names, asOf);
    return {
      id: s.id, parent: s.parent, depth: v.task.depth + 1, title: s.title, lead: s.lead, leadNames: s.leadNames,
      support: s.support, supportNames: s.supportNames, start: s.start, due: s.due, status: s.status, progress: s.progress,
      overdue: s.overdue, doneLate: s.doneLate, doneOn: s.doneOn, lastUpdate: s.lastUpdate, lastNote: s.note, contributions: s.contributions,
    };
  });
  return { asOf, plan: planHeader(plan, asOf), tasks, reports: deadlineRows(plan, asOf, names) };
}

export function exportDoc(r: ExportReport, lang: Lang): Doc {
  const l = labeller(lang);
  return {
    meta: [],
    sections: [{
      table: {
        // On a narrow terminal what the id already says goes first (depth, parent), then the finer points
        // (done late, start, last update, supporting units, overdue), then the last note and the progress;
        // id, task, lead, due and status always stay.
        columns: [
          { label: l('id') }, { label: l('parent'), omit: 2 }, { label: l('depth'), kind: 'int', omit: 1 }, { label: l('task'), wide: true },
          { label: l('lead'), kind: 'list' }, { label: l('support'), kind: 'list', omit: 6 }, { label: l('start'), kind: 'date', omit: 4 },
          { label: l('due'), kind: 'date' }, { label: l('statusCol'), kind: 'status' }, { label: l('progress'), kind: 'progress', omit: 9 },
          { label: l('overdueCount'), kind: 'bool', omit: 7 }, { label: l('doneLate'), kind: 'bool', omit: 3 }, { label: l('lastUpdate'), kind: 'date', omit: 5 },
          { label: l('lastNote'), wide: true, omit: 8 },
        ],
        rows: r.tasks.map((t) => [
          t.id, t.parent, t.depth, t.title, t.leadNames, t.supportNames, t.start, t.due, t.status, t.progress,
          t.overdue, t.doneLate, t.lastUpdate, t.lastNote,
        ]),
      },
    }],
    orientation: 'landscape',
  };
}

/**
 * The list's title, for the HTML page, which needs one (its <title> and <h1>): 铜钟乡…活动方案 — 任务清单.
 * Everywhere else the list stays a bare table, its header the first row (CSV, the workbook).
 */
function exportTitle(r: ExportReport, lang: Lang): string {
  return r.plan.title ? `${r.plan.title} — ${label(lang, 'export')}` : label(lang, 'export');
}

export default defineKind<ExportReport>({
  name: 'export',
  schemaVersion: 1,
  input: 'plan',
  formats: ['csv', 'xlsx', 'ics', 'json', 'table', 'md', 'html'],
  build: (plan, { asOf }) => buildExport(plan, asOf),
  doc: exportDoc,
  docIn: (format, r, lang) => (format === 'html' ? { ...exportDoc(r, lang), title: exportTitle(r, lang) } : undefined),
  calendar: (r, lang) => planCalendar(r.plan, r.tasks.map((t) => ({ ...t, note: t.lastNote })), r.reports, r.asOf, lang),
});
