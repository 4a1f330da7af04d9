// `campaign weekly`: the weekly status table the county office asks for.
import type { IsoDate, Plan, Update, Weekday } from '../model/types.js';
import { compareTaskIds } from '../model/task-ids.js';
import { bracket, label, labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { countLeaves, type Counts } from '../tracking/counts.js';
import { addDays } from '../calendar/dates.js';
import { reportingWeek, weekStartsOf } from '../tracking/weeks.js';
import { viewTasks, type TaskView } from '../tracking/task-view.js';
import { deadlineRows, monthDay, phaseMeta, planHeader, spanText, summarise, unitNamer, unitRows, type DeadlineRow, type PlanHeader, type TaskSummary, type UnitRow } from './common.js';
import { completionText } from '../formats/percent.js';
import type { Doc } from './doc.js';
import { deadlineTable, signatureLabels, statusCell, taskListTable, unitTable } from './columns.js';
import { planCalendar } from './events.js';
import { defineKind } from './kind.js';

export interface WeekUpdate { date: IsoDate; status: string | null; progress: number | null; note: string | null; problems: string | null; next: string | null; by: string | null }
export interface WeeklyTask extends TaskSummary {
  updates: WeekUpdate[];
  /** The problem its latest update records, while the task is open (whatever week that update is from). */
  openProblem: { date: IsoDate; problems: string } | null;
}

export interface WeeklyReport {
  /** The ISO week the reporting week ends in: what `--week` takes (for Monday weeks, the ISO week itself). */
  week: string;
  /** The day the reporting week starts. */
  weekStarts: Weekday;
  /** The week of the campaign: 1 for the week its period starts in; null outside the period, or without one. */
  weekNo: number | null;
  /** How the week is named in headings: 第3周（6月15日—6月21日）. */
  label: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  plan: PlanHeader;
  overall: Counts;
  units: UnitRow[];
  dueThisWeek: WeeklyTask[];
  completedThisWeek: WeeklyTask[];
  updatedThisWeek: WeeklyTask[];
  /** Blocked, or with an open problem: in 本周任务 every week until done, unblocked or the problem cleared. */
  unresolved: WeeklyTask[];
  overdue: WeeklyTask[];
  dueNextWeek: WeeklyTask[];
  /** Report deadlines that fall in this week, and earlier ones still not submitted as of the date. */
  reportsThisWeek: DeadlineRow[];
  reportsOverdue: DeadlineRow[];
}

const within = (d: IsoDate | undefined, from: IsoDate, to: IsoDate): boolean => !!d && d >= from && d <= to;

/** As of `asOf`, in the reporting week that contains it (Monday to Sunday unless `weekStarts` or the plan says otherwise). */
export function buildWeekly(plan: Plan, asOf: IsoDate, lang: Lang, weekStarts?: Weekday): WeeklyReport {
  const rw = reportingWeek(asOf, weekStartsOf(plan, weekStarts), plan.period);
  const { week, from, to, weekNo } = rw;
  const seenTo = asOf < to ? asOf : to; // nothing after the as-of date has happened yet
  const views = viewTasks(plan, asOf);
  const leaves = views.filter((v) => v.leaf);
  const active = leaves.filter((v) => v.status !== 'cancelled');
  const names = unitNamer(plan);
  const weekUpdates = (v: TaskView): Update[] => v.task.updates.filter((u) => within(u.date, from, seenTo));
  const item = (v: TaskView): WeeklyTask => ({
    ...summarise(v, names, asOf),
    updates: weekUpdates(v).map((u) => ({
      date: u.date, status: u.status ?? null, progress: u.progress ?? null, note: u.note ?? null,
      problems: u.problems ?? null, next: u.next ?? null, by: u.by ?? null,
    })),
    openProblem: v.openProblem ? { date: v.openProblem.date, problems: v.openProblem.problems! } : null,
  });
  const nextFrom = addDays(to, 1);
  const nextTo = addDays(nextFrom, 6);
  const deadlines = deadlineRows(plan, asOf, names);
  return {
    week, weekStarts: rw.weekStarts, weekNo, label: weekLabel(weekNo, from, to, lang), from, to, asOf,
    plan: planHeader(plan, asOf),
    overall: countLeaves(leaves),
    units: unitRows(plan, leaves, label(lang, 'unassigned')),
    dueThisWeek: active.filter((v) => within(v.task.due, from, to)).map(item),
    completedThisWeek: active.filter((v) => v.status === 'done' && within(v.doneOn, from, seenTo)).map(item),
    updatedThisWeek: leaves.filter((v) => weekUpdates(v).length > 0).map(item),
    unresolved: active.filter((v) => v.status === 'blocked' || v.openProblem).map(item),
    overdue: active.filter((v) => v.overdue).map(item),
    // Done already: nothing to chase next week.
    dueNextWeek: active.filter((v) => v.status !== 'done' && within(v.task.due, nextFrom, nextTo)).map(item),
    reportsThisWeek: deadlines.filter((d) => within(d.due, from, to)),
    reportsOverdue: deadlines.filter((d) => d.state === 'missing' && d.due < from),
  };
}

/** 第3周（6月15日—6月21日）; without a week number (no period, or before it) only the days. */
export function weekLabel(weekNo: number | null, from: IsoDate, to: IsoDate, lang: Lang): string {
  const span = spanText(from, to, lang);
  if (weekNo === null) return span;
  return lang === 'zh' ? `第${weekNo}周（${span}）` : `week ${weekNo} (${span})`;
}

type Tag = 'dueThisWeek' | 'completedThisWeek' | 'updatedThisWeek' | 'stillBlocked' | 'problemOpen';

/** Tasks of this week: due, completed or updated this week, or still unresolved, each once, in plan order. */
function thisWeek(r: WeeklyReport): { task: WeeklyTask; tags: Tag[] }[] {
  const order = new Map<string, { task: WeeklyTask; tags: Tag[] }>();
  const add = (t: WeeklyTask, tag: Tag) => {
    const entry = order.get(t.id) ?? { task: t, tags: [] };
    entry.tags.push(tag);
    order.set(t.id, entry);
  };
  for (const t of r.dueThisWeek) add(t, 'dueThisWeek');
  for (const t of r.completedThisWeek) add(t, 'completedThisWeek');
  for (const t of r.updatedThisWeek) add(t, 'updatedThisWeek');
  for (const t of r.unresolved) add(t, t.status === 'blocked' ? 'stillBlocked' : 'problemOpen');
  return [...order.values()].sort((a, b) => compareTaskIds(a.task.id, b.task.id));
}

const joinNotes = (updates: WeekUpdate[], key: 'note' | 'problems' | 'next'): string =>
  updates.map((u) => u[key]).filter((x): x is string => !!x).join('；');

/** This week's problems; else the one still open from an earlier week, with the day it was recorded. */
function problemsText(t: WeeklyTask, lang: Lang): string {
  const recorded = joinNotes(t.updates, 'problems');
  if (recorded || !t.openProblem) return recorded;
  return `${t.openProblem.problems}${bracket(lang, monthDay(t.openProblem.date, lang))}`;
}

export function weeklyDoc(r: WeeklyReport, lang: Lang): Doc {
  const l = labeller(lang);
  const c = r.plan.contact;
  const rows = thisWeek(r);
  return {
    title: `${r.plan.title} — ${l('weekly')}${r.weekNo === null ? bracket(lang, r.label) : `${lang === 'zh' ? ' ' : ', '}${r.label}`}`,
    meta: [
      [l('fillUnit'), c.unit ?? r.plan.organizer], [l('fillPerson'), c.person ?? ''], [l('phone'), c.phone ?? ''],
      [l('reviewer'), c.reviewer ?? ''], [l('fillDate'), r.asOf], ...phaseMeta(r.plan, l('phase'), lang), [l('completion'), completionText(r.overall.completion)],
    ],
    sections: [
      { heading: l('units'), table: unitTable(r.units, lang) },
      {
        heading: l('thisWeek'),
        table: {
          // On a narrow terminal: the remark (why the task is listed) first, then the supporting units, the
          // row number (the id stays), next steps, problems, progress; id, task, lead, due, status, light and
          // the work done always stay.
          columns: [
            { label: l('no'), kind: 'int', omit: 3 }, { label: l('id') }, { label: l('task'), wide: true }, { label: l('lead'), kind: 'list' },
            { label: l('support'), kind: 'list', omit: 2 }, { label: l('due'), kind: 'date' }, { label: l('statusCol'), kind: 'status' },
            { label: l('progress'), kind: 'progress', omit: 6 }, { label: l('light'), kind: 'light' }, { label: l('note'), wide: true },
            { label: l('problems'), wide: true, omit: 5 }, { label: l('next'), wide: true, omit: 4 }, { label: l('remark'), wide: true, omit: 1 },
          ],
          rows: rows.map(({ task: t, tags }, i) => [
            i + 1, t.id, t.title, t.leadNames, t.supportNames, t.due, statusCell(t), t.progress, t.light,
            joinNotes(t.updates, 'note'), problemsText(t, lang), joinNotes(t.updates, 'next'),
            tags.map((tag) => l(tag)).join(lang === 'zh' ? '、' : ', '),
          ]),
        },
      },
      { heading: l('overdue'), table: taskListTable(r.overdue, lang, 'daysLate') },
      { heading: l('dueNextWeek'), table: taskListTable(r.dueNextWeek, lang, 'light') },
      ...(r.reportsThisWeek.length || r.reportsOverdue.length
        ? [{ heading: l('deadlines'), table: deadlineTable([...r.reportsOverdue, ...r.reportsThisWeek], lang) }]
        : []),
    ],
    orientation: 'landscape',
    signature: signatureLabels(lang),
  };
}

export default defineKind<WeeklyReport>({
  name: 'weekly',
  input: 'plan',
  formats: ['table', 'md', 'csv', 'json', 'html', 'xlsx', 'docx', 'ics'],
  options: ['week', 'weekStart'],
  build: (plan, { asOf, lang, weekStarts }) => buildWeekly(plan, asOf, lang, weekStarts),
  doc: weeklyDoc,
  calendar: (r, lang) => planCalendar(r.plan, [...r.overdue, ...r.dueThisWeek, ...r.dueNextWeek], [...r.reportsOverdue, ...r.reportsThisWeek], r.asOf, lang),
});
