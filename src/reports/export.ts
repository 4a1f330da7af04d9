// `campaign export`: one row per task (and the report deadlines, for calendars).
import type { IsoDate, Plan } from '../model/types.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { viewTasks } from '../tracking/task-view.js';
import { deadlineRows, planHeader, summarise, unitNamer, type DeadlineRow, type PlanHeader } from './common.js';
import type { Doc } from './doc.js';

export interface ExportRow {
  id: string;
  parent: string | null;
  depth: number;
  title: string;
  lead: string[];
  leadNames: string[];
  support: string[];
  supportNames: string[];
  start: IsoDate | null;
  due: IsoDate | null;
  status: string;
  progress: number;
  overdue: boolean;
  doneLate: boolean;
  lastUpdate: IsoDate | null;
  lastNote: string | null;
}

export interface ExportReport { asOf: IsoDate; plan: PlanHeader; tasks: ExportRow[]; reports: DeadlineRow[] }

export function buildExport(plan: Plan, asOf: IsoDate): ExportReport {
  const names = unitNamer(plan);
  const tasks = viewTasks(plan, asOf).map((v): ExportRow => {
    const s = summarise(v, names, asOf);
    return {
      id: s.id, parent: s.parent, depth: v.task.depth + 1, title: s.title, lead: s.lead, leadNames: s.leadNames,
      support: s.support, supportNames: s.supportNames, start: s.start, due: s.due, status: s.status, progress: s.progress,
      overdue: s.overdue, doneLate: s.doneLate, lastUpdate: s.lastUpdate, lastNote: s.note,
    };
  });
  return { asOf, plan: planHeader(plan), tasks, reports: deadlineRows(plan, asOf, names) };
}

export function exportDoc(r: ExportReport, lang: Lang): Doc {
  const l = (k: Parameters<typeof label>[1]) => label(lang, k);
  return {
    meta: [],
    sections: [{
      table: {
        columns: [
          { label: l('id') }, { label: l('parent') }, { label: l('depth'), kind: 'int' }, { label: l('task'), wide: true },
          { label: l('lead'), kind: 'list' }, { label: l('support'), kind: 'list' }, { label: l('start'), kind: 'date' },
          { label: l('due'), kind: 'date' }, { label: l('statusCol'), kind: 'status' }, { label: l('progress'), kind: 'progress' },
          { label: l('overdueCount'), kind: 'bool' }, { label: l('doneLate'), kind: 'bool' }, { label: l('lastUpdate'), kind: 'date' },
          { label: l('lastNote'), wide: true },
        ],
        rows: r.tasks.map((t) => [
          t.id, t.parent, t.depth, t.title, t.leadNames, t.supportNames, t.start, t.due, t.status, t.progress,
          t.overdue, t.doneLate, t.lastUpdate, t.lastNote,
        ]),
      },
    }],
  };
}
