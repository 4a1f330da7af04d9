// What a 活动总结 (or, while the campaign runs, a progress report) says, as data, before any sentence is
// written: per task the newest note of each unit that reported on it (running totals superseding the
// earlier ones, never strung together), the supporters' part folded in; figures summed by metric across
// tasks and units; the problems still open, each once however many weeks and units raised it; the next
// steps still ahead; and the report duty the summary fulfils (its recipient is the 主送机关). Pure: the
// as-of date and the calendar are given.
import { WEEKENDS_ONLY, holidayStarts, type Calendar } from '../calendar/china.js';
import { figureOf, speaksFor, updatesUpTo } from '../model/status-at.js';
import type { Plan, Status, Task, Update } from '../model/types.js';
import { countLeaves, round, type Counts } from '../tracking/counts.js';
import type { TaskView } from '../tracking/task-view.js';
import { stepDue } from '../text/step-due.js';
import type { TimeContext } from '../text/time.js';
import { unitRows, type UnitNames, type UnitRow } from './common.js';
import type { IsoDate } from '../calendar/dates.js';

/** One unit's newest note on a task (null unit: the office's own entry). */
export interface Said { unit: string | null; name: string | null; date: IsoDate; note: string }

/** A supporter's newest note: a fragment (院长参会) is told by the unit's name alone. */
export interface Contributed extends Said { fragment: boolean }

export interface FactTask {
  id: string;
  title: string;
  status: Status;
  doneLate: boolean;
  overdue: boolean;
  progress: number;
  due: IsoDate | null;
  /** The day it was done (null while not done). */
  doneOn: IsoDate | null;
  leadNames: string[];
  /** The newest note of each lead (and of the office), in the order they were written. */
  said: Said[];
  /** The newest note of each unit that does not lead the task, in the order they were written. */
  supporters: Contributed[];
}

export interface FactSection { id: string; title: string; tasks: FactTask[] }

/** A metric summed over the tasks that count it: targets as planned, actuals as each unit last reported. */
export interface MetricTotal { metric: string; unit: string | null; target: number | null; actual: number | null; tasks: string[] }

/** A problem still open, once: the tasks and units that raised it, and when it was first and last raised. */
export interface ProblemFact { text: string; tasks: string[]; taskTitles: string[]; units: string[]; since: IsoDate; latest: IsoDate }

/** A next step still ahead: the newest of its unit on an open task, due after the as-of date (or with no day). */
export interface NextFact { text: string; task: string; taskTitle: string; unit: string | null; date: IsoDate; due: IsoDate | null }

/** A task not finished when the summary is written (neither done nor cancelled). */
export interface OpenTask { id: string; title: string; leadNames: string[]; status: Status; progress: number; overdue: boolean }

/** A recurring report duty: how many of its deadlines up to the date were met, late, or missed. */
export interface DutyRecord { id: string; title: string; toName: string | null; due: number; submitted: number; late: number }

export interface SummaryFacts {
  /** The period is over: a summary (总结), not a progress report. */
  finished: boolean;
  /** The report duty the summary fulfils: its `to` is the 主送机关. */
  duty: { id: string; title: string; to: string | null; toName: string | null; due: IsoDate | null } | null;
  /** The task of writing and sending the summary itself: left out of what the summary reports. */
  ownTask: string | null;
  /** The leaf tasks the summary reports (its own task left out). */
  counts: Counts;
  /** Units that lead or support a task, and those of them that reported at least once. */
  reach: { involved: number; reported: number };
  /** Per unit, the tasks it leads by status (its own task left out). */
  units: UnitRow[];
  totals: MetricTotal[];
  sections: FactSection[];
  problems: ProblemFact[];
  /** Problems raised and since solved: how many. */
  solved: number;
  next: NextFact[];
  open: OpenTask[];
  duties: DutyRecord[];
}

/** A text without the punctuation it ends on, to be ended again in a sentence. */
const unpunctuated = (text: string): string => text.replace(/[。；;，,\s]+$/, '');

/** A summary's own task: writing and sending it (报送活动总结, 形成工作总结上报县安委办). */
const OWN_TASK = /(?:报送|上报|提交|呈报|撰写|形成|报)[^，。；]{0,12}总结|总结[^，。；]{0,8}(?:报送|上报|提交|呈报)/;

/**
 * A supporter's note that says no more than that it took part: 院长参会, 参会, 所长参加动员会,
 * 各村（社区）党组织书记参会 — short, or ending on attending a meeting, with no figure and no second clause.
 */
export function isFragment(note: string): boolean {
  const text = unpunctuated(note);
  if (/\d|[一二三四五六七八九十百千]+(?:场|次|家|处|人|户|份|起|个|条|台|辆|所|名)/.test(text)) return false;
  return [...text].length < 8 || (!/[，,；;。]/.test(text) && /(?:参会|(?:参加|出席|列席)[^，。]{0,8}会议?)$/.test(text));
}

/** Problems told apart by their words alone: spaces and the punctuation they end on do not count. */
export const problemKey = (text: string): string => text.replace(/[\s。；;，,！!]+/g, '').replace(/[：:]$/, '');

/** The duty a summary fulfils: the one-off duty named 总结 due last, else the last one-off due after the period. */
function summaryDuty(plan: Plan): Plan['reports'][number] | undefined {
  const oneOff = plan.reports.filter((r) => r.every === undefined);
  const latest = (list: typeof oneOff) => list.reduce<typeof oneOff[number] | undefined>((a, r) => (!a || (r.due ?? '') >= (a.due ?? '') ? r : a), undefined);
  const named = oneOff.filter((r) => r.title.includes('总结') || /summary/i.test(r.title));
  if (named.length) return latest(named);
  const end = plan.period?.end;
  return end ? latest(oneOff.filter((r) => r.due !== undefined && r.due >= end)) : undefined;
}

/** Each speaker's newest entry with a note, in the order those entries were written. */
function newestNotes(seen: readonly Update[], keep: (u: Update) => boolean): Update[] {
  const newest = new Map<string | null, Update>();
  for (const u of seen) {
    if (!u.note?.trim() || !keep(u)) continue;
    const who = u.by ?? null;
    newest.delete(who);
    newest.set(who, u);
  }
  return [...newest.values()];
}

/** Notes said once: the same words from a second unit (or already said by a lead) are left out. */
function once<T extends { note: string }>(notes: readonly T[], said: Set<string>): T[] {
  return notes.filter((n) => {
    const k = problemKey(n.note);
    if (said.has(k)) return false;
    said.add(k);
    return true;
  });
}

function factTask(v: TaskView, asOf: IsoDate, names: UnitNames): FactTask {
  const t = v.task;
  const seen = updatesUpTo(t, asOf);
  const said = (u: Update): Said => ({ unit: u.by ?? null, name: u.by ? names([u.by])[0]! : null, date: u.date, note: u.note!.trim() });
  const texts = new Set<string>();
  const leads = once(newestNotes(seen, (u) => speaksFor(t.lead, u)).map(said), texts);
  // A fragment names its unit, however many units wrote the same 参会; a note that says what was done is said once.
  const contributed = newestNotes(seen, (u) => !speaksFor(t.lead, u)).map((u) => ({ ...said(u), fragment: isFragment(u.note!) }));
  const told = new Set(once(contributed.filter((c) => !c.fragment), texts));
  const supporters = contributed.filter((c) => c.fragment || told.has(c));
  return {
    id: t.id, title: t.title, status: v.status, doneLate: v.status === 'done' && v.doneLate, overdue: v.overdue,
    progress: round(v.progress, 1), due: t.due ?? null, doneOn: v.status === 'done' ? (v.doneOn ?? null) : null,
    leadNames: names(t.lead), said: leads, supporters,
  };
}

/**
 * Every metric of the tasks, in the order first met: targets summed, actuals as of the date summed. A metric
 * is one total whatever task counts it; figures reported without a unit join the total of their metric.
 */
function metricTotals(tasks: readonly Task[], asOf: IsoDate): MetricTotal[] {
  const totals: MetricTotal[] = [];
  const totalOf = (metric: string, unit: string | null): MetricTotal => {
    const known = totals.find((m) => m.metric === metric && (m.unit === unit || unit === null || m.unit === null));
    if (known) {
      known.unit ??= unit;
      return known;
    }
    const total: MetricTotal = { metric, unit, target: null, actual: null, tasks: [] };
    totals.push(total);
    return total;
  };
  for (const t of tasks) {
    const seen = updatesUpTo(t, asOf);
    const metrics = new Map<string, { unit: string | null; target: number | null; written?: number }>();
    for (const g of t.targets) metrics.set(g.metric, { unit: g.unit ?? null, target: g.target, ...(g.actual !== undefined ? { written: g.actual } : {}) });
    // Figures reported for a metric the task sets no target for still count.
    for (const u of seen) for (const metric of Object.keys(u.actual ?? {})) if (!metrics.has(metric)) metrics.set(metric, { unit: null, target: null });
    for (const [metric, m] of metrics) {
      const total = totalOf(metric, m.unit);
      if (m.target !== null) total.target = (total.target ?? 0) + m.target;
      // The figures in the log are the actual value (none yet by the date: none); without any, the field.
      const logged = t.updates.some((u) => u.actual?.[metric] !== undefined);
      const actual = logged ? figureOf(seen, metric) : m.written;
      if (actual !== undefined) total.actual = (total.actual ?? 0) + actual;
      total.tasks.push(t.id);
    }
  }
  return totals;
}

/** The open problems of the tasks, each once: the same words from several units or tasks are one problem. */
function openProblems(views: readonly TaskView[], names: UnitNames): ProblemFact[] {
  const byText = new Map<string, ProblemFact>();
  for (const v of views) {
    for (const p of v.openProblems) {
      const key = problemKey(p.problems);
      const fact = byText.get(key) ?? { text: unpunctuated(p.problems), tasks: [], taskTitles: [], units: [], since: p.date, latest: p.date };
      byText.set(key, fact);
      if (!fact.tasks.includes(v.task.id)) {
        fact.tasks.push(v.task.id);
        fact.taskTitles.push(v.task.title);
      }
      const unit = p.unit ? names([p.unit])[0]! : null;
      if (unit && !fact.units.includes(unit)) fact.units.push(unit);
      // When it was first raised: the raiser's earliest entry with these words, in an unbroken run up to the open one.
      const first = v.task.updates.filter((u) => (u.by ?? null) === p.unit && u.problems && problemKey(u.problems) === key && u.date <= p.date).map((u) => u.date).sort()[0] ?? p.date;
      if (first < fact.since) fact.since = first;
      if (p.date > fact.latest) fact.latest = p.date;
    }
  }
  return [...byText.values()];
}

/** How many problems were raised up to the date and are not open any more. */
function solvedCount(views: readonly TaskView[], asOf: IsoDate, open: readonly ProblemFact[]): number {
  const stillOpen = new Set(open.map((p) => problemKey(p.text)));
  const raised = new Set<string>();
  for (const v of views) for (const u of updatesUpTo(v.task, asOf)) if (u.problems?.trim()) raised.add(problemKey(u.problems));
  return [...raised].filter((k) => !stillOpen.has(k)).length;
}

/** The newest next step of each unit on each open task, when it is still ahead of the date (or has no day). */
function nextSteps(views: readonly TaskView[], asOf: IsoDate, time: TimeContext, names: UnitNames): NextFact[] {
  const out: NextFact[] = [];
  const texts = new Set<string>();
  for (const v of views) {
    if (v.status === 'done' || v.status === 'cancelled') continue;
    const newest = new Map<string | null, Update>();
    for (const u of updatesUpTo(v.task, asOf)) {
      if (!u.next?.trim()) continue;
      newest.delete(u.by ?? null);
      newest.set(u.by ?? null, u);
    }
    for (const u of newest.values()) {
      const text = unpunctuated(u.next!.trim());
      const due = stepDue(text, u.date, time);
      if ((due !== null && due <= asOf) || texts.has(problemKey(text))) continue;
      texts.add(problemKey(text));
      out.push({ text, task: v.task.id, taskTitle: v.task.title, unit: u.by ? names([u.by])[0]! : null, date: u.date, due });
    }
  }
  return out;
}

export interface FactsContext {
  names: UnitNames;
  /** The row of tasks that name no lead unit, as the report's language calls it. */
  unassigned: string;
  /** Working days and holidays, for reading the days of next steps (端午节前). */
  calendar?: Calendar;
}

export function summaryFacts(plan: Plan, views: readonly TaskView[], asOf: IsoDate, { names, unassigned, calendar = WEEKENDS_ONLY }: FactsContext): SummaryFacts {
  const duty = summaryDuty(plan);
  const allLeaves = views.filter((v) => v.leaf);
  const own = [...allLeaves].reverse().find((v) => OWN_TASK.test(v.task.title));
  const leaves = allLeaves.filter((v) => v !== own);
  const reported = new Set(leaves.flatMap((v) => updatesUpTo(v.task, asOf).map((u) => u.by).filter((b): b is string => !!b)));
  const involved = new Set(leaves.flatMap((v) => [...v.task.lead, ...v.task.support]));
  const time: TimeContext = {
    year: plan.year ?? Number(asOf.slice(0, 4)),
    ...(plan.period && plan.period.start <= plan.period.end ? { period: plan.period } : {}),
    isWorkday: calendar.isWorkday,
    holidayStart: holidayStarts(calendar),
  };
  const byTask = new Map(views.map((v) => [v.task, v]));
  const problems = openProblems(leaves, names);
  return {
    finished: !!plan.period && asOf >= plan.period.end,
    duty: duty ? { id: duty.id, title: duty.title, to: duty.to ?? null, toName: duty.to ? names([duty.to])[0]! : null, due: duty.due ?? null } : null,
    ownTask: own?.task.id ?? null,
    counts: countLeaves(leaves),
    reach: { involved: involved.size, reported: [...involved].filter((u) => reported.has(u)).length },
    units: unitRows(plan, leaves, unassigned),
    totals: metricTotals(leaves.map((v) => v.task), asOf),
    sections: plan.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      tasks: byTask.get(t)!.leaves.filter((v) => v !== own).map((v) => factTask(v, asOf, names)),
    })),
    problems,
    solved: solvedCount(leaves, asOf, problems),
    next: nextSteps(leaves, asOf, time, names),
    open: leaves.filter((v) => v.status !== 'done' && v.status !== 'cancelled').map((v) => ({
      id: v.task.id, title: v.task.title, leadNames: names(v.task.lead), status: v.status, progress: round(v.progress, 1), overdue: v.overdue,
    })),
    duties: plan.reports.filter((r) => r.every !== undefined).map((r) => {
      const past = r.deadlines.filter((d) => d.due <= asOf);
      return {
        id: r.id, title: r.title, toName: r.to ? names([r.to])[0]! : null, due: past.length,
        submitted: past.filter((d) => d.submitted && d.submitted <= asOf).length,
        late: past.filter((d) => d.submitted && d.submitted > d.due && d.submitted <= asOf).length,
      };
    }),
  };
}
