// Reporting weeks: Monday to Sunday unless the plan or the command line says the week starts on another
// day (Friday to Thursday in many counties), numbered from the week the campaign starts in.
import { lastDayIn, weekOf, weekStartingOn, daysBetween, type Week } from '../calendar/dates.js';
import { DAY_NUMBER } from '../model/deadlines.js';
import type { IsoDate, Plan, Weekday } from '../model/types.js';

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
