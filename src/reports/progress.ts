// `campaign report`: the progress report — header, completion, units, sections, targets, overdue
// tasks, report deadlines, and a timeline (drawn in HTML).
import type { Plan } from '../model/types.js';
import type { Calendar } from '../calendar/china.js';
import { summaryFacts } from './summary-facts.js';
import { label, labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { countLeaves } from '../tracking/counts.js';
import { viewTasks } from '../tracking/task-view.js';
import { completedLate, deadlineRows, phaseMeta, planHeader, summarise, targetRows, unitNamer, unitRows } from './common.js';
import { completionText } from '../formats/percent.js';
import type { Doc, Section } from '../formats/doc.js';
import { countCells, countColumns, deadlineTable, doneLateTable, overallTable, signatureLabels, targetTable, taskListTable, unitTable } from './columns.js';
import { planCalendar } from './events.js';
import { summaryDoc } from './summary.js';
import { defineKind } from './kind.js';
import type { ProgressReport } from './progress-report.js';
import type { IsoDate } from '../calendar/dates.js';

export function buildProgress(plan: Plan, asOf: IsoDate, lang: Lang, calendar?: Calendar): ProgressReport {
  const views = viewTasks(plan, asOf);
  const leaves = views.filter((v) => v.leaf);
  const names = unitNamer(plan);
  const byTask = new Map(views.map((v) => [v.task, v]));
  return {
    asOf,
    plan: planHeader(plan, asOf),
    overall: countLeaves(leaves),
    units: unitRows(plan, leaves, label(lang, 'unassigned')),
    sections: plan.tasks.map((t) => ({ id: t.id, title: t.title, ...countLeaves(byTask.get(t)!.leaves) })),
    targets: targetRows(plan),
    overdue: leaves.filter((v) => v.overdue).map((v) => summarise(v, names, asOf)),
    completedLate: completedLate(leaves, names, asOf),
    reports: deadlineRows(plan, asOf, names),
    timeline: views.map((v) => {
      const dates = v.leaves.flatMap((l) => [l.task.start ?? l.task.due, l.task.due]).filter((d): d is string => !!d).sort();
      const span = v.leaf ? null : dates.length ? { start: dates[0]!, end: dates[dates.length - 1]! } : null;
      return { ...summarise(v, names, asOf), depth: v.task.depth, span };
    }),
    basis: plan.basis,
    summary: summaryFacts(plan, views, asOf, { names, unassigned: label(lang, 'unassigned'), ...(calendar ? { calendar } : {}) }),
  };
}

export function progressDoc(r: ProgressReport, lang: Lang): Doc {
  const l = labeller(lang);
  const sections: Section[] = [
    { heading: l('overall'), table: overallTable(r.overall, lang) },
    { heading: l('units'), table: unitTable(r.units, lang), chart: { bars: r.units.map((u) => ({ label: u.name, value: u.completion })) } },
    {
      heading: l('sections'),
      table: { columns: [{ label: l('id') }, { label: l('section'), wide: true }, ...countColumns(lang)], rows: r.sections.map((s) => [s.id, s.title, ...countCells(s)]) },
    },
  ];
  if (r.targets.length) sections.push({ heading: l('targets'), table: targetTable(r.targets, lang) });
  sections.push({ heading: l('overdue'), table: taskListTable(r.overdue, lang, 'daysLate') });
  if (r.completedLate.length) sections.push({ heading: l('completedLate'), table: doneLateTable(r.completedLate, lang) });
  if (r.reports.length) sections.push({ heading: l('deadlines'), table: deadlineTable(r.reports, lang) });
  if (r.plan.period) {
    sections.push({
      heading: l('timeline'),
      gantt: {
        from: r.plan.period.start, to: r.plan.period.end, asOf: r.asOf, phases: r.plan.phases,
        rows: r.timeline.map((t) => ({
          label: `${t.id} ${t.title}`, start: t.span?.start ?? t.start ?? undefined, end: t.span?.end ?? t.due ?? undefined,
          status: t.status, light: t.light, depth: t.depth, summary: t.span !== null,
        })),
      },
    });
  }
  const p = r.plan;
  return {
    title: `${p.title} — ${l('report')}`,
    meta: [
      [l('organizer'), p.organizer],
      [l('period'), p.period ? `${p.period.start} ~ ${p.period.end}` : ''],
      [l('themes'), p.themes.join(lang === 'zh' ? '；' : '; ')],
      [l('asOf'), r.asOf],
      ...phaseMeta(p, l('phase'), lang),
      [l('completion'), completionText(r.overall.completion)],
    ],
    sections,
    orientation: 'portrait',
    signature: signatureLabels(lang),
  };
}

/** The `report` kind: the progress report. */
export default defineKind<ProgressReport>({
  name: 'report',
  schemaVersion: 1,
  input: 'plan',
  formats: ['md', 'html', 'json', 'table', 'csv', 'xlsx', 'docx', 'ics'],
  build: (plan, { asOf, lang, holidays }) => buildProgress(plan, asOf, lang, holidays),
  doc: progressDoc,
  // In Word, the report is the draft of a 活动总结: prose in the order the county expects.
  docIn: (format, r, lang) => (format === 'docx' ? summaryDoc(r, lang) : undefined),
  calendar: (r, lang) => planCalendar(r.plan, r.timeline.filter((t) => t.span === null), r.reports, r.asOf, lang),
});
