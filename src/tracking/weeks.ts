// Reporting weeks: Monday to Sunday unless the plan or the command line says the week starts on another
// day (Friday to Thursday in many counties), numbered from the week the campaign starts in.
import { addDays, lastDayIn, parseWeek, weekOf, weekStartingOn, daysBetween, type Week, type IsoDate } from '../calendar/dates.js';
import { DAY_NUMBER } from '../model/deadlines.js';
import type { Deadline, Plan, Weekday } from '../model/types.js';
import { chineseNumber } from '../text/numerals.js';

export interface ReportingWeek {
  /**
   * The ISO week the reporting week ends in (2020-W25): what `--week` takes to name it again. For
   * Monday weeks, simply the ISO week.
   */
  week: string;
  weekStarts: Weekday;
  from: IsoDate;
  to: IsoDate;
  /** 1 for the week that contains the period's first day; null for a week outside the period, or without a period. */
  weekNo: number | null;
}

/** The command line's choice, else the plan's `reporting.weekStarts`, else Monday. */
export const weekStartsOf = (plan: Pick<Plan, 'reporting'>, override?: Weekday): Weekday => override ?? plan.reporting.weekStarts ?? 'monday';

export function reportingWeek(asOf: IsoDate, weekStarts: Weekday, period?: { start: IsoDate; end: IsoDate }): ReportingWeek {
  const day = DAY_NUMBER[weekStarts];
  const { from, to } = weekStartingOn(asOf, day);
  // Weeks are the campaign's while it runs: after its period a week has dates but no number.
  const n = period && from <= period.end ? Math.floor(daysBetween(weekStartingOn(period.start, day).from, from) / 7) + 1 : 0;
  return { week: weekOf(to).week, weekStarts, from, to, weekNo: n >= 1 ? n : null };
}

/** `--week 2020-W25`: the reporting week that ends in that ISO week, as of its last day. */
export const asOfForWeek = (iso: Week, weekStarts: Weekday): IsoDate => lastDayIn(iso, DAY_NUMBER[weekStarts]);

/** What `--week` names: an ISO week (2020-W25), or the campaign's own week (3, 第3周, 第三周). */
export type WeekSpec = { iso: Week } | { campaign: number };

export function parseWeekSpec(text: string): WeekSpec | undefined {
  const t = text.trim();
  const iso = parseWeek(t);
  if (iso) return { iso };
  const m = /^(?:第\s*)?([0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3})\s*周?$/.exec(t);
  if (!m) return undefined;
  const n = chineseNumber(m[1]!.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  return n && n >= 1 ? { campaign: n } : undefined;
}

/** The number of the campaign's last week (the one its period ends in), or 0 without a period. */
export function campaignWeeks(period: { start: IsoDate; end: IsoDate } | undefined, weekStarts: Weekday): number {
  if (!period || period.end < period.start) return 0;
  return reportingWeek(period.end, weekStarts, period).weekNo ?? 0;
}

/**
 * The last day of the reporting week `--week` names for a plan: its ISO week's, or the campaign's N-th
 * week's (undefined when the plan has no such week).
 */
export function asOfForSpec(spec: WeekSpec, weekStarts: Weekday, period?: { start: IsoDate; end: IsoDate }): IsoDate | undefined {
  if ('iso' in spec) return asOfForWeek(spec.iso, weekStarts);
  if (spec.campaign > campaignWeeks(period, weekStarts)) return undefined;
  return addDays(weekStartingOn(period!.start, DAY_NUMBER[weekStarts]).from, 7 * spec.campaign - 1);
}

/** Deadlines of recurring weekly duties (every Friday …): the ones that report on a week. */
const weeklyDeadlines = (plan: Pick<Plan, 'reports'>): Deadline[] =>
  plan.reports.filter(isWeekly).flatMap((r) => r.deadlines);

export interface ReportedWeek {
  week: ReportingWeek;
  /** Set on report day, before the deadline, when the week being reported is the one that just ended. */
  reportDay?: { date: IsoDate; time: string | null };
}

/**
 * The week being reported as of a date (and, when known, the time of day): the reporting week that
 * contains it — except on report day, before its deadline, when that deadline reports on the week that
 * just ended (Friday-to-Thursday weeks reported on Friday): then that week. A deadline reports on the
 * week that holds the day before it.
 */
export function reportedWeek(plan: Pick<Plan, 'reports' | 'period'>, asOf: IsoDate, weekStarts: Weekday, time?: string): ReportedWeek {
  const week = reportingWeek(asOf, weekStarts, plan.period);
  const due = weeklyDeadlines(plan).find((d) => d.due === asOf && (time === undefined || d.time === undefined || time < d.time));
  if (!due) return { week };
  const before = reportingWeek(addDays(asOf, -1), weekStarts, plan.period);
  if (before.from === week.from) return { week };
  return { week: before, reportDay: { date: asOf, time: due.time ?? null } };
}

export interface WeekDeadline { due: IsoDate; time: string | null; report: string }

function isWeekly(r: Plan['reports'][number]): boolean {
  return r.every !== undefined && !['month', 'quarter', 'half-month', 'ten-days'].includes(r.every);
}

/** The first of the duties' deadlines after the week's first day, within `until` when given. */
function firstAfter(duties: Plan['reports'], weekFrom: IsoDate, until?: IsoDate): WeekDeadline | undefined {
  let best: WeekDeadline | undefined;
  for (const r of duties) {
    for (const d of r.deadlines) {
      if (d.due > weekFrom && (!until || d.due <= until) && (!best || d.due < best.due)) best = { due: d.due, time: d.time ?? null, report: r.id };
    }
  }
  return best;
}

/**
 * The weekly deadline that reports on a week: the first of a weekly duty's deadlines after the week's first
 * day and within a week of its end — that week's Friday for Monday weeks, the next Friday for Friday weeks —
 * of the unit's own weekly duties when it has any, else of the plan's. None when the plan has no weekly duty.
 */
export function weeklyDeadlineFor(plan: Pick<Plan, 'reports'>, unit: string | undefined, week: { from: IsoDate; to: IsoDate }): WeekDeadline | undefined {
  const weekly = plan.reports.filter(isWeekly);
  const own = weekly.filter((r) => unit !== undefined && r.by === unit);
  return firstAfter(own.length ? own : weekly, week.from, addDays(week.to, 7));
}

/**
 * The last day a week's sheet may be dated: its weekly report deadline when that comes after the week ends (on
 * report day a unit may date its sheet that day), else the week's last day.
 */
export function reportWindowEnd(plan: Pick<Plan, 'reports'>, unit: string | undefined, week: { from: IsoDate; to: IsoDate }): IsoDate {
  const due = weeklyDeadlineFor(plan, unit, week)?.due;
  return due && due > week.to ? due : week.to;
}

/**
 * When a unit's sheet for a week is due back: the weekly deadline that reports on it; without a weekly duty,
 * the first deadline after the week's first day, of the unit's own duties when it has any, else of the plan's.
 */
export function deadlineForWeek(plan: Pick<Plan, 'reports'>, unit: string | undefined, week: { from: IsoDate; to: IsoDate }): WeekDeadline | undefined {
  const weekly = weeklyDeadlineFor(plan, unit, week);
  if (weekly) return weekly;
  const own = plan.reports.filter((r) => unit !== undefined && r.by === unit);
  return firstAfter(own.length ? own : plan.reports, week.from);
}
