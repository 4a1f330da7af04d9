// Report duties as dated deadlines: a single one, or every Friday (every month on the 7th …) between
// two dates, each moved to the working day before when it falls on a weekend or holiday, and each
// matched with a submission.
import type { Calendar } from '../calendar/china.js';
import { addDays, dayOfMonthOrLast, weekdayOnOrAfter, workdayOnOrAfter, workdayOnOrBefore, type DayOfWeek, type IsoDate } from '../calendar/dates.js';
import type { Deadline, Recurrence, Weekday } from './types.js';

/** Enough for years of weekly duties; a mistyped `until` cannot make it run away. */
const MAX_OCCURRENCES = 1000;

/** A weekday's number as the calendar module counts them (0 = Sunday). */
export const DAY_NUMBER: Readonly<Record<Weekday, DayOfWeek>> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

export function scheduledDates(every: Recurrence, day: number | undefined, from: IsoDate, until: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  if (every === 'half-month' || every === 'ten-days') {
    // 半月报 on the 15th and the last day; 旬报 on the 10th, the 20th and the last day.
    const days = every === 'half-month' ? [15, 31] : [10, 20, 31];
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    while (out.length < MAX_OCCURRENCES) {
      const dates = days.map((d) => dayOfMonthOrLast(y, m, d));
      if (dates[0]! > until) break;
      for (const d of dates) if (d >= from && d <= until) out.push(d);
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
    return out;
  }
  if (every === 'month' || every === 'quarter') {
    // Quarterly: in March, June, September and December, on the day given or the month's last.
    const want = day ?? (every === 'quarter' ? 31 : 1);
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    while (out.length < MAX_OCCURRENCES) {
      const d = dayOfMonthOrLast(y, m, want); // "every month on the 31st" falls on 30 April
      if (d > until) break;
      if (d >= from && (every === 'month' || m % 3 === 0)) out.push(d);
      [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    }
    return out;
  }
  let d = weekdayOnOrAfter(from, DAY_NUMBER[every]);
  for (; d <= until && out.length < MAX_OCCURRENCES; d = addDays(d, 7)) out.push(d);
  return out;
}

/** Each deadline takes the first submission made after the previous deadline (late if after its own). */
export function matchSubmissions(deadlines: Omit<Deadline, 'submitted'>[], submitted: readonly IsoDate[]): Deadline[] {
  const pool = [...submitted].sort();
  let previous = '';
  return deadlines.map((d) => {
    const at = pool.findIndex((s) => s > previous);
    previous = d.due;
    if (at < 0) return d;
    const [s] = pool.splice(at, 1);
    return { ...d, submitted: s };
  });
}

export function expandDeadlines(
  report: { due?: IsoDate; time?: string; every?: Recurrence; day?: number; from?: IsoDate; until?: IsoDate; submitted: IsoDate[] },
  period: { start: IsoDate; end: IsoDate } | undefined,
  calendar: Calendar,
): Deadline[] {
  const time = report.time ? { time: report.time } : {};
  if (!report.every) {
    return report.due ? matchSubmissions([{ due: report.due, scheduled: report.due, ...time }], report.submitted) : [];
  }
  const from = report.from ?? period?.start;
  const until = report.until ?? period?.end;
  if (!from || !until) return [];
  const dates = scheduledDates(report.every, report.day, from, until).map((scheduled) => {
    // Before a holiday the report is due the working day before it — unless that falls before the duty
    // starts (the 5th of October in a plan from October 1st): then the first working day after it.
    let due = workdayOnOrBefore(scheduled, calendar.isWorkday);
    if (due < from) due = workdayOnOrAfter(scheduled, calendar.isWorkday);
    return { scheduled, due, ...time };
  });
  return matchSubmissions(dates, report.submitted);
}
