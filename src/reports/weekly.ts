// `campaign weekly`: the weekly status table the county office asks for.
import type { Plan, Update, Weekday } from '../model/types.js';
import { compareTaskIds } from '../model/task-ids.js';
import { bracket, label, labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { countLeaves, type Counts } from '../tracking/counts.js';
import { addDays, type IsoDate } from '../calendar/dates.js';
import { reportedWeek, reportingWeek, weekStartsOf } from '../tracking/weeks.js';
import { viewTasks, type TaskView } from '../tracking/task-view.js';
import { notReturned } from '../tracking/returns.js';
import { speaksFor } from '../model/status-at.js';
import { formatMessage } from '../messages/index.js';
import { deadlineRows, monthDay, phaseMeta, planHeader, spanText, summarise, unitNamer, unitRows, type DeadlineRow, type PlanHeader, type TaskSummary, type UnitRow } from './common.js';
import { completionText } from '../formats/percent.js';
import type { Doc } from '../formats/doc.js';
import { deadlineTable, signatureLabels, statusCell, taskListTable, unitTable } from './columns.js';
import { planCalendar } from './events.js';
import { defineKind } from './kind.js';
import { problemKey } from './summary-facts.js';

export interface WeekUpdate { date: IsoDate; status: string | null; progress: number | null; note: string | null; problems: string | null; next: string | null; by: string | null }
export interface WeeklyTask extends TaskSummary {
  /** This week's entries, every unit's, oldest first. */
  updates: WeekUpdate[];
  /** The latest problem still open, while the task is open (whatever week it was raised in). */
  openProblem: { date: IsoDate; problems: string } | null;
  /** Every problem still open, oldest first: who raised it (null: the office), when, what. */
  openProblems: { unit: string | null; date: IsoDate; problems: string }[];
}

/** A unit with tasks this week that has not reported on any of them. */
export interface NotReturnedRow { unit: string; name: string; tasks: string[] }

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
  /** Units with tasks this week and no entry for it, as of the date. */
  notReturned: NotReturnedRow[];
  /**
   * Set when the report was asked for on report day, before the deadline, without a week: the week shown
   * is the one that just ended (its report is due that day), as of its last day.
   */
  reportDay: { date: IsoDate; time: string | null } | null;
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
    openProblem: v.openProblem ? { date: v.openProblem.date, problems: v.openProblem.problems!.trim() } : null,
    openProblems: v.openProblems.map((p) => ({ unit: p.unit, date: p.date, problems: p.problems })),
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
    notReturned: notReturned(plan, from, to, asOf).map((r) => ({ unit: r.unit.id, name: r.unit.name, tasks: r.tasks.map((t) => t.id) })),
    reportDay: null,
  };
}

/**
 * The weekly report as asked for without a week: the week being reported as of the date — on report day,
 * before the deadline, the week that just ended, as of its last day (the report says so).
 */
export function buildReportedWeekly(plan: Plan, asOf: IsoDate, lang: Lang, weekStarts?: Weekday, time?: string): WeeklyReport {
  const { week, reportDay } = reportedWeek(plan, asOf, weekStartsOf(plan, weekStarts), time);
  if (!reportDay) return buildWeekly(plan, asOf, lang, weekStarts);
  return { ...buildWeekly(plan, week.to, lang, weekStarts), reportDay };
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

type UnitName = (id: string) => string;

/** Whether an entry of the week speaks for the task: a lead's or the office's (or anyone's, with no lead). */
const speaks = (t: WeeklyTask, u: WeekUpdate): boolean => speaksFor(t.lead, u);

/**
 * The week's texts of one field by those who speak for the task, each once; named by unit when more than
 * one unit spoke (派出所：宣讲3场；综治办：排查2处).
 */
function leadTexts(t: WeeklyTask, key: 'note' | 'next', name: UnitName, lang: Lang, office: string): string {
  return byUnit(t.updates.filter((u) => speaks(t, u)), (u) => (u[key] ? [u[key]!] : []), name, lang, office);
}

/** Texts grouped by who wrote them, in order of first appearance; a unit's name (the office's) before its texts when several wrote. */
function byUnit(updates: readonly WeekUpdate[], texts: (u: WeekUpdate) => string[], name: UnitName, lang: Lang, office = ''): string {
  const groups = new Map<string | null, string[]>();
  for (const u of updates) {
    const list = groups.get(u.by) ?? [];
    for (const x of texts(u)) if (x.trim() && !list.includes(x.trim())) list.push(x.trim());
    if (list.length) groups.set(u.by, list);
  }
  const sep = lang === 'zh' ? '；' : '; ';
  if (groups.size <= 1) return [...groups.values()].flat().join(sep);
  return [...groups].map(([by, list]) => `${by === null ? office : name(by)}${lang === 'zh' ? '：' : ': '}${list.join(sep)}`).join(sep);
}

/**
 * The problems still open, each once: the same words from several units under their names together
 * (农业服务中心、各村（社区）：…), with the day it was raised when before this week.
 */
function problemsText(t: WeeklyTask, from: IsoDate, name: UnitName, lang: Lang, office: string): string {
  const several = new Set(t.openProblems.map((p) => p.unit)).size > 1;
  const merged = new Map<string, { units: string[]; date: IsoDate; problems: string }>();
  for (const p of t.openProblems) {
    const key = problemKey(p.problems);
    const m = merged.get(key) ?? { units: [], date: p.date, problems: p.problems };
    const who = p.unit === null ? office : name(p.unit);
    if (!m.units.includes(who)) m.units.push(who);
    if (p.date < m.date) m.date = p.date;
    merged.set(key, m);
  }
  return [...merged.values()].map((p) => {
    const who = several ? `${p.units.join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? '：' : ': '}` : '';
    return `${who}${p.problems}${p.date < from ? bracket(lang, monthDay(p.date, lang)) : ''}`;
  }).join(lang === 'zh' ? '；' : '; ');
}

/** What the units that do not lead the task reported this week (配合单位进展): notes, else a status, and problems. */
function contributionText(t: WeeklyTask, name: UnitName, lang: Lang): string {
  const others = t.updates.filter((u) => !speaks(t, u));
  // In the order the plan lists the task's supporting units; any other unit after them.
  const rank = (id: string) => (t.support.includes(id) ? t.support.indexOf(id) : t.support.length);
  const ids = [...new Set(others.map((u) => u.by!))].sort((a, b) => rank(a) - rank(b));
  return ids.map((id) => {
    const own = others.filter((u) => u.by === id);
    const notes = [...new Set(own.map((u) => u.note?.trim()).filter((x): x is string => !!x))];
    const last = own[own.length - 1]!;
    const said = notes.length ? notes : last.status ? [label(lang, last.status as 'done')] : last.progress !== null ? [`${last.progress}%`] : [];
    const problems = [...new Set(own.map((u) => u.problems?.trim()).filter((x): x is string => !!x))]
      .map((p) => `${label(lang, 'problems')}${lang === 'zh' ? '：' : ': '}${p}`);
    return `${name(id)}${lang === 'zh' ? '：' : ': '}${[...said, ...problems].join(lang === 'zh' ? '；' : '; ')}`;
  }).join(lang === 'zh' ? '；' : '; ');
}

export function weeklyDoc(r: WeeklyReport, lang: Lang): Doc {
  const l = labeller(lang);
  const c = r.plan.contact;
  const rows = thisWeek(r);
  const names = new Map<string, string>();
  for (const { task } of rows) {
    task.lead.forEach((id, i) => { names.set(id, task.leadNames[i]!); });
    task.support.forEach((id, i) => { names.set(id, task.supportNames[i]!); });
  }
  for (const u of r.units) if (u.id) names.set(u.id, u.name);
  const name: UnitName = (id) => names.get(id) ?? id;
  // The office's own entries, among units' (办公室记录), by the office's name.
  const office = r.plan.office;
  const contributed = rows.some(({ task }) => task.updates.some((u) => !speaks(task, u)));
  return {
    title: `${r.plan.title} — ${l('weekly')}${r.weekNo === null ? bracket(lang, r.label) : `${lang === 'zh' ? ' ' : ', '}${r.label}`}`,
    meta: [
      [l('fillUnit'), r.plan.office], [l('fillPerson'), c.person ?? ''], [l('phone'), c.phone ?? ''],
      // Filled in on report day, it is dated so, though its figures are as of the week's last day.
      [l('reviewer'), c.reviewer ?? ''], [l('fillDate'), r.reportDay?.date ?? r.asOf], ...phaseMeta(r.plan, l('phase'), lang), [l('completion'), completionText(r.overall.completion)],
    ],
    sections: [
      { heading: l('units'), table: unitTable(r.units, lang) },
      {
        heading: l('thisWeek'),
        table: {
          // On a narrow terminal: the remark (why the task is listed) first, then the supporting units and
          // what they reported, the row number (the id stays), next steps, problems, progress; id, task, lead,
          // due, status, light and the work done always stay.
          columns: [
            // On paper the row number is left out (the id numbers the row, as the other tables do), and so
            // is the remark: every reason it gives (到期, 更新, 问题未解决, 受阻) is in a column of its own there.
            { label: l('no'), kind: 'int', omit: 4, onPaper: 'omit' }, { label: l('id') }, { label: l('task'), wide: true }, { label: l('lead'), kind: 'list' },
            { label: l('support'), kind: 'list', omit: 2 }, { label: l('due'), kind: 'date' }, { label: l('statusCol'), kind: 'status' },
            { label: l('progress'), kind: 'progress', omit: 7 }, { label: l('light'), kind: 'light' }, { label: l('note'), wide: true },
            { label: l('problems'), wide: true, omit: 6 }, { label: l('next'), wide: true, omit: 5 },
            // 配合单位进展 only in a week when a unit that does not lead a task reported on it; on paper, under
            // the lead's 进展情况 (派出所：配合清理校园周边摊贩).
            ...(contributed ? [{ label: l('contributions'), wide: true, omit: 3, onPaper: { under: 9 } }] : []),
            { label: l('remark'), wide: true, omit: 1, onPaper: 'omit' },
          ],
          rows: rows.map(({ task: t, tags }, i) => [
            i + 1, t.id, t.title, t.leadNames, t.supportNames, t.due, statusCell(t), t.progress, t.light,
            leadTexts(t, 'note', name, lang, office), problemsText(t, r.from, name, lang, office), leadTexts(t, 'next', name, lang, office),
            ...(contributed ? [contributionText(t, name, lang)] : []), tags.map((tag) => l(tag)).join(lang === 'zh' ? '、' : ', '),
          ]),
        },
      },
      { heading: l('overdue'), table: taskListTable(r.overdue, lang, 'daysLate') },
      { heading: l('dueNextWeek'), table: taskListTable(r.dueNextWeek, lang, 'light') },
      ...(r.reportsThisWeek.length || r.reportsOverdue.length
        ? [{ heading: l('deadlines'), table: deadlineTable([...r.reportsOverdue, ...r.reportsThisWeek], lang) }]
        : []),
      ...(r.notReturned.length
        ? [{
          heading: l('notReturned'),
          table: {
            columns: [{ label: l('unit') }, { label: l('task'), wide: true }],
            rows: r.notReturned.map((u) => [u.name, u.tasks.join(lang === 'zh' ? '、' : ', ')]),
          },
        }]
        : []),
    ],
    notes: r.reportDay ? [formatMessage('weekly/report-day', { date: r.reportDay.date, time: r.reportDay.time, week: r.label, asOf: r.asOf }, lang)] : [],
    orientation: 'landscape',
    signature: signatureLabels(lang),
  };
}

export default defineKind<WeeklyReport>({
  name: 'weekly',
  schemaVersion: 1,
  input: 'plan',
  formats: ['table', 'md', 'csv', 'json', 'html', 'xlsx', 'docx', 'ics'],
  options: ['week', 'weekStart'],
  build: (plan, { asOf, lang, weekStarts, time }) => buildReportedWeekly(plan, asOf, lang, weekStarts, time),
  doc: weeklyDoc,
  calendar: (r, lang) => planCalendar(r.plan, [...r.overdue, ...r.dueThisWeek, ...r.dueNextWeek], [...r.reportsOverdue, ...r.reportsThisWeek], r.asOf, lang),
});
