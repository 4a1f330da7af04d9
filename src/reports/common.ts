// Pieces every report shares: task summaries, per-unit counts, targets, the plan header.
import type { Plan, RawContact, Status, Update } from '../model/types.js';
import { countLeaves, round, type Counts } from '../tracking/counts.js';
import { daysBetween, type IsoDate } from '../calendar/dates.js';
import { contactUnit } from '../model/units.js';
import type { Light, TaskView } from '../tracking/task-view.js';

export interface TaskSummary {
  id: string;
  title: string;
  parent: string | null;
  lead: string[];
  leadNames: string[];
  support: string[];
  supportNames: string[];
  start: IsoDate | null;
  due: IsoDate | null;
  status: Status;
  progress: number;
  light: Light;
  overdue: boolean;
  /** Days past due as of the report date (0 when not overdue). */
  daysLate: number;
  doneLate: boolean;
  /** The day it was first marked done (null while not done). */
  doneOn: IsoDate | null;
  lastUpdate: IsoDate | null;
  /** The latest note of a lead (or the office): 最近进展. */
  note: string | null;
  /** What units that do not lead the task last reported of it, oldest first; never part of its status. */
  contributions: Contribution[];
}

/** A supporting unit's latest entry on a task: its contribution. */
export interface Contribution { unit: string; date: IsoDate; status: Status | null; progress: number | null; note: string | null }

export const contributionOf = (u: Update): Contribution =>
  ({ unit: u.by!, date: u.date, status: u.status ?? null, progress: u.progress ?? null, note: u.note ?? null });

/** Leaves done after their due date, as of the report's date (逾期完成). */
export const completedLate = (leaves: readonly TaskView[], names: UnitNames, asOf: IsoDate): TaskSummary[] =>
  leaves.filter((v) => v.status === 'done' && v.doneLate).map((v) => summarise(v, names, asOf));

export type UnitNames = (ids: readonly string[]) => string[];

export function unitNamer(plan: Plan): UnitNames {
  const names = new Map(plan.units.map((u) => [u.id, u.name]));
  return (ids) => ids.map((id) => names.get(id) ?? id);
}

export function summarise(v: TaskView, names: UnitNames, asOf: IsoDate): TaskSummary {
  const t = v.task;
  return {
    id: t.id,
    title: t.title,
    parent: t.parent?.id ?? null,
    lead: t.lead,
    leadNames: names(t.lead),
    support: t.support,
    supportNames: names(t.support),
    start: t.start ?? null,
    due: t.due ?? null,
    status: v.status,
    progress: round(v.progress, 1),
    light: v.light,
    overdue: v.overdue,
    daysLate: v.overdue && t.due ? daysBetween(t.due, asOf) : 0,
    doneLate: v.doneLate,
    doneOn: v.status === 'done' ? (v.doneOn ?? null) : null,
    lastUpdate: v.lastUpdate?.date ?? null,
    note: v.lastNote?.note ?? null,
    contributions: v.contributions.map(contributionOf),
  };
}

export interface UnitRow extends Counts {
  /** The unit's id; null for the row of leaf tasks that name no lead unit. */
  id: string | null;
  name: string;
  /** Leaf tasks the unit supports (配合), counted apart from those it leads. */
  support: number;
}

/** One row per unit that leads or supports a leaf task (units in plan order), then unassigned tasks. */
export function unitRows(plan: Plan, leaves: readonly TaskView[], unassignedName: string): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const u of plan.units) {
    const led = leaves.filter((v) => v.task.lead.includes(u.id));
    const supported = leaves.filter((v) => v.task.support.includes(u.id) && v.status !== 'cancelled').length;
    if (led.length === 0 && (u.external || supported === 0)) continue;
    rows.push({ id: u.id, name: u.name, ...countLeaves(led), support: supported });
  }
  const orphans = leaves.filter((v) => v.task.lead.length === 0);
  if (orphans.length) rows.push({ id: null, name: unassignedName, ...countLeaves(orphans), support: 0 });
  return rows;
}

export interface TargetRow { task: string; taskTitle: string; metric: string; unit: string | null; target: number; actual: number | null; ratio: number | null }

export function targetRows(plan: Plan): TargetRow[] {
  return plan.allTasks.flatMap((t) =>
    t.targets.map((g) => ({
      task: t.id, taskTitle: t.title, metric: g.metric, unit: g.unit ?? null, target: g.target, actual: g.actual ?? null,
      ratio: g.actual !== undefined && g.target > 0 ? round(g.actual / g.target) : null,
    })));
}

export type DeadlineState = 'submitted' | 'late' | 'missing' | 'pending';

export interface DeadlineRow {
  id: string;
  title: string;
  to: string | null;
  toName: string | null;
  due: IsoDate;
  /** For a recurring duty, the date its rule gives when the deadline moved off a non-working day. */
  scheduled: IsoDate;
  time: string | null;
  recurring: boolean;
  submitted: IsoDate | null;
  state: DeadlineState;
}

export function deadlineState(due: IsoDate, submitted: IsoDate | undefined, asOf: IsoDate): DeadlineState {
  if (submitted) return submitted > due ? 'late' : 'submitted';
  return due < asOf ? 'missing' : 'pending';
}

/** Every dated deadline of every report duty, in date order. */
export function deadlineRows(plan: Plan, asOf: IsoDate, names: UnitNames): DeadlineRow[] {
  return plan.reports
    .flatMap((r) => r.deadlines.map((d) => ({
      id: r.id, title: r.title, to: r.to ?? null, toName: r.to ? names([r.to])[0]! : null,
      due: d.due, scheduled: d.scheduled, time: d.time ?? null, recurring: r.every !== undefined,
      submitted: d.submitted ?? null, state: deadlineState(d.due, d.submitted, asOf),
    })))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

export interface PlanHeader {
  title: string;
  organizer: string;
  year: number | null;
  period: { start: IsoDate; end: IsoDate } | null;
  themes: string[];
  contact: RawContact;
  /** The office that fills in the tables (填报单位): the contact unit's name — or as written — else the organizer. */
  office: string;
  /** The plan's phases, and the one the report's date falls in (null when none). */
  phases: PhaseRow[];
  phase: PhaseRow | null;
}

export interface PhaseRow { id: string; title: string; start: IsoDate; end: IsoDate }

export function planHeader(plan: Plan, asOf: IsoDate): PlanHeader {
  const phases = plan.phases.filter((p): p is typeof p & { start: IsoDate; end: IsoDate } => !!p.start && !!p.end).map((p) => ({ id: p.id, title: p.title, start: p.start, end: p.end }));
  return {
    title: plan.title ?? '',
    organizer: plan.organizer ?? '',
    year: plan.year ?? null,
    period: plan.period ?? null,
    themes: plan.themes.map((t) => t.title),
    contact: plan.contact,
    office: contactUnit(plan)?.name ?? plan.contact.unit ?? plan.organizer ?? '',
    phases,
    phase: phases.find((p) => p.start <= asOf && asOf <= p.end) ?? null,
  };
}

/** The header line naming the current phase, when the plan has phases and the date falls in one. */
export const phaseMeta = (header: PlanHeader, name: string, lang: 'zh' | 'en'): [string, string][] => {
  const text = phaseText(header.phase, lang);
  return text ? [[name, text]] : [];
};

/** The phase a report is in, for its header: "集中宣传阶段（11月5日—11月25日）". */
export function phaseText(phase: PhaseRow | null, lang: 'zh' | 'en'): string | undefined {
  if (!phase) return undefined;
  if (lang === 'en') return `${phase.title} (${phase.start} to ${phase.end})`;
  return `${phase.title}（${spanText(phase.start, phase.end, lang)}）`;
}

/** A day as a heading writes it: 6月15日 (2020-06-15 in English). */
export const monthDay = (d: IsoDate, lang: 'zh' | 'en'): string => (lang === 'zh' ? `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : d);

/** Two days as a heading writes them: 6月15日—6月21日 (2020-06-15 to 2020-06-21). */
export const spanText = (from: IsoDate, to: IsoDate, lang: 'zh' | 'en'): string =>
  lang === 'zh' ? `${monthDay(from, lang)}—${monthDay(to, lang)}` : `${from} to ${to}`;
