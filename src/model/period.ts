// The activity period as written and as it should read when its year disagrees with the plan's.
import { isWeekday, withYear, type IsoDate } from '../calendar/dates.js';
import { holidayStarts, type Calendar } from '../calendar/china.js';
import { resolveYear, type TimeContext } from '../text/time.js';
import type { Plan, RawPeriod } from './types.js';

const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));

/**
 * A period lies in the plan year when it starts in that year and ends in it, or runs on into the
 * next one (a winter campaign from December to January).
 */
export function periodFitsYear(period: RawPeriod, year: number): boolean {
  const s = yearOf(period.start);
  const e = yearOf(period.end);
  return s === year && (e === year || e === year + 1);
}

/** The period moved into the plan year, or undefined when it already lies there. */
export function correctedPeriod(plan: Plan): RawPeriod | undefined {
  const { period, year } = plan;
  if (!period || year === undefined || periodFitsYear(period, year)) return undefined;
  return {
    start: yearOf(period.start) === year ? period.start : withYear(period.start, year),
    end: yearOf(period.end) === year ? period.end : withYear(period.end, year),
  };
}

/** The period the other date rules judge against: the corrected one when the year is wrong. */
export function effectivePeriod(plan: Plan): RawPeriod | undefined {
  return correctedPeriod(plan) ?? plan.period;
}

/**
 * The year of a date written in the plan's text without one ("2月4日（星期日）"): the year that puts it
 * inside the period (corrected, when date/period-year fires), or nearest to it — in a November–April plan,
 * February is the second year's. The plan's year when there is no period.
 */
export function textYear(plan: Plan): ((month: number, day: number) => number) | undefined {
  const period = effectivePeriod(plan);
  const year = plan.year ?? (period ? yearOf(period.start) : undefined);
  if (year === undefined) return undefined;
  return (month, day) => resolveYear(month, day, { year, ...(period && period.start <= period.end ? { period } : {}) });
}

/**
 * What the rules read a plan's words against (readDates): its year, its period (corrected, as textYear
 * has it), its working days and holidays (端午节前). Undefined when the plan gives no year at all.
 */
export function textTime(plan: Plan, calendar?: Calendar): TimeContext | undefined {
  const period = effectivePeriod(plan);
  const year = plan.year ?? (period ? yearOf(period.start) : undefined);
  if (year === undefined) return undefined;
  return {
    year,
    ...(period && period.start <= period.end ? { period } : {}),
    isWorkday: calendar?.isWorkday ?? isWeekday,
    ...(calendar ? { holidayStart: holidayStarts(calendar) } : {}),
  };
}
