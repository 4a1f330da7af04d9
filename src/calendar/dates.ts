// The one module for calendar arithmetic on YYYY-MM-DD strings: weekdays, month ends, leap years,
// ISO weeks, working days. Built on date-fns, always on UTC dates (@date-fns/utc), so that no time
// zone can shift a day: in local time some days do not exist at all (Pacific/Kiritimati skipped
// 1994-12-31), and a local midnight moved by a DST change lands on the day before.
// date-fns is imported one function at a time: its index costs a tenth of a second at start-up.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays as addDaysTo } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { millisecondsInDay } from 'date-fns/constants';
import { formatISO } from 'date-fns/formatISO';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { isLeapYear as isLeapYearOf } from 'date-fns/isLeapYear';
import { lastDayOfMonth as lastDayOfMonthOf } from 'date-fns/lastDayOfMonth';
import { nextDay } from 'date-fns/nextDay';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';

/** YYYY-MM-DD: always a real calendar date once the schema passed. The one type of a day, here at the bottom. */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as date-fns and Date#getDay number them. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export type IsWorkday = (d: IsoDate) => boolean;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a day, as a Date whose local getters and setters are the UTC ones (what date-fns calls). */
function at(y: number, m: number, d: number): Date {
  const x = new UTCDateMini(0);
  x.setFullYear(y, m - 1, d); // not Date.UTC, which reads the years 0–99 as 1900–1999
  return x;
}

const toDate = (d: IsoDate): Date => at(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
const toIso = (x: Date): IsoDate => formatISO(x, { representation: 'date' });

/** A YYYY-MM-DD date as a plain Date at midnight UTC (what spreadsheets and calendars take for a day). */
export const toUtcDate = (d: IsoDate): Date => new Date(toDate(d).getTime());

/** The calendar date of an instant in the machine's own time zone (for "today"). */
export const localDate = (instant: Date): IsoDate => formatISO(instant, { representation: 'date' });

/** For the years a Date holds (up to ±271,821); false beyond them. */
export const isLeapYear = (y: number): boolean => isLeapYearOf(at(y, 1, 1));

/** Days in each month asked about, by year * 16 + month: every date of a plan past the 28th asks. */
const monthLengths = new Map<number, number>();

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  const key = y * 16 + m;
  let days = monthLengths.get(key);
  if (days === undefined) {
    days = getDaysInMonth(at(y, m, 1));
    // Years are few; a text full of odd years must not grow the table without end.
    if (monthLengths.size > 4096) monthLengths.clear();
    monthLengths.set(key, days);
  }
  return days;
}

/** The last day of month `m` (1–12) of year `y`. */
export const lastDayOfMonth = (y: number, m: number): IsoDate => toIso(lastDayOfMonthOf(at(y, m, 1)));

/** Day `day` of month `m` of year `y`, or the month's last day when it is shorter: (2020, 4, 31) is 2020-04-30. */
export const dayOfMonthOrLast = (y: number, m: number, day: number): IsoDate => toIso(at(y, m, Math.min(day, daysInMonth(y, m))));

/** What isRealDate said of each text it was asked about: a plan repeats its few dozen dates thousands of times. */
const realDates = new Map<string, boolean>();

/** True when a string is a YYYY-MM-DD date that exists (2023-02-29 and 2022-04-31 do not). */
export function isRealDate(iso: string): boolean {
  let real = realDates.get(iso);
  if (real === undefined) {
    real = checkDate(iso);
    // Texts that are not dates can be anything: the table never grows without end.
    if (realDates.size >= 4096) realDates.clear();
    realDates.set(iso, real);
  }
  return real;
}

function checkDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  // Every month has 28 days: only the rest need the calendar (this runs for every date of a plan).
  return d <= 28 || d <= daysInMonth(Number(iso.slice(0, 4)), m);
}

/** A year as a date writes it, in four digits: 999 is 0999 (0999-01-01, never 999-01-01). */
export const yearText = (year: number): string => String(year).padStart(4, '0');

/** Years in order as runs, for people to read: [1, 2, 3, 7, 2030] is ['1–3', '7', '2030']. */
export function yearRuns(years: readonly number[]): string[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs;
}

/**
 * A time of day as plans write it, HH:MM from 00:00 to 23:59 in ASCII digits (the schema's pattern for
 * `time`). Anything else (１２:００, ٣:00, 24:00) is no time to a calendar: the schema reports it, and the
 * model leaves it out so that every report still runs.
 */
const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const isTimeOfDay = (v: string): boolean => TIME_OF_DAY.test(v);

/**
 * Day of the week, 0 = Sunday. Runs for every deadline of a plan, whose dates are few and repeat:
 * each distinct date asks date-fns once.
 */
export function dayOfWeek(d: IsoDate): DayOfWeek {
  let w = weekdays.get(d);
  if (w === undefined) {
    if (weekdays.size >= MEMO_LIMIT) weekdays.clear();
    w = getDay(toDate(d)) as DayOfWeek;
    weekdays.set(d, w);
  }
  return w;
}
const MEMO_LIMIT = 10_000;
const weekdays = new Map<IsoDate, DayOfWeek>();

/** The later and the earlier of two dates (ISO dates compare as strings). */
export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => [a, b].sort()[1]!;
export const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => [a, b].sort()[0]!;

export const addDays = (d: IsoDate, n: number): IsoDate => toIso(addDaysTo(toDate(d), n));

/** The same day n months on, or the month's last day when it is shorter (1月31日 + 1 month = 2月28日/29日). */
export const addMonthsTo = (d: IsoDate, n: number): IsoDate => toIso(addMonths(toDate(d), n));

/**
 * Days from `from` to `to`, positive when `to` is later: date-fns' differenceInCalendarDays less its
 * time-zone bookkeeping (six more Dates a call), which UTC midnights do not need. It runs for every
 * bar of the HTML timeline.
 */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toDate(to).getTime() - toDate(from).getTime()) / millisecondsInDay);

/**
 * The same month and day in another year (29 February becomes the 28th in a common year). Written
 * out rather than moved with addYears: the year is the plan's, any integer at all, and a year outside
 * what a Date holds (±271,821) must still give an answer for the message that names it.
 */
export function withYear(d: IsoDate, year: number): IsoDate {
  const md = d.slice(5);
  return `${String(year).padStart(4, '0')}-${md === '02-29' && !isLeapYear(year) ? '02-28' : md}`;
}

/** The first day of the month `n` months after the month of `d` (its own month for 0): month marks on a timeline. */
export const monthStart = (d: IsoDate, n = 0): IsoDate => toIso(addMonths(startOfMonth(toDate(d)), n));

/** The date itself when it falls on `weekday`, else the first such weekday after it. */
export const weekdayOnOrAfter = (d: IsoDate, weekday: DayOfWeek): IsoDate => toIso(nextDay(addDaysTo(toDate(d), -1), weekday));

/** The `n`th (1-based) given weekday of month `m` of year `y`: nthWeekdayOfMonth(2013, 6, 0, 2) is the second Sunday of June 2013. */
export function nthWeekdayOfMonth(y: number, m: number, weekday: DayOfWeek, n: number): IsoDate {
  const first = nextDay(at(y, m, 0), weekday); // the first such weekday on or after the 1st
  return toIso(addWeeks(first, n - 1));
}

export interface Week { week: string; from: IsoDate; to: IsoDate }

/** The ISO week (Monday to Sunday) that contains a date, such as 2020-W25. */
export function weekOf(d: IsoDate): Week {
  const x = toDate(d);
  const monday = startOfISOWeek(x);
  return { week: `${getISOWeekYear(x)}-W${String(getISOWeek(x)).padStart(2, '0')}`, from: toIso(monday), to: toIso(addDaysTo(monday, 6)) };
}

/** "2020-W25" → that week; undefined when malformed or the year has no such week (2021-W53). */
export function parseWeek(text: string): Week | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) return undefined;
  const jan4 = at(Number(m[1]), 1, 4); // January 4th is always in week 1 of its ISO year
  const n = Number(m[2]);
  if (n < 1 || n > getISOWeeksInYear(jan4)) return undefined;
  return weekOf(toIso(setISOWeek(jan4, n)));
}

/** The week that starts on `startsOn` and contains a date: Friday to Thursday, say (many counties count so). */
export function weekStartingOn(d: IsoDate, startsOn: DayOfWeek): { from: IsoDate; to: IsoDate } {
  const first = startOfWeek(toDate(d), { weekStartsOn: startsOn });
  return { from: toIso(first), to: toIso(addDaysTo(first, 6)) };
}

/**
 * The last day of the week starting on `startsOn` that ends within an ISO week: every ISO week holds the
 * last day of exactly one such week (a Friday–Thursday week ends on the Thursday of it).
 */
export const lastDayIn = (iso: Week, startsOn: DayOfWeek): IsoDate => weekdayOnOrAfter(iso.from, ((startsOn + 6) % 7) as DayOfWeek);

/** Monday to Friday. (The public-holiday calendar refines this where it is known.) */
export const isWeekday: IsWorkday = (d) => {
  const w = dayOfWeek(d);
  return w !== 0 && w !== 6;
};

/** The date itself when it is a working day, else the nearest working day before it (looking back at most 30 days). */
export function workdayOnOrBefore(d: IsoDate, isWorkday: IsWorkday = isWeekday): IsoDate {
  let x = d;
  for (let i = 0; i < 30 && !isWorkday(x); i++) x = addDays(x, -1);
  return x;
}

/** The date itself when it is a working day, else the nearest working day after it. */
export function workdayOnOrAfter(d: IsoDate, isWorkday: IsWorkday = isWeekday): IsoDate {
  let x = d;
  for (let i = 0; i < 30 && !isWorkday(x); i++) x = addDays(x, 1);
  return x;
}

/** Longer than any holiday: a calendar with no working day for this long is broken, not festive. */
const MAX_DAYS_OFF = 366;

/**
 * The `n`th working day after a date (before it when `n` is negative), the date itself when `n` is 0:
 * what "N个工作日内" counts to. Working days come from the calendar's predicate, so holidays are
 * skipped and make-up working days (调休) count.
 */
export function addWorkingDays(d: IsoDate, n: number, isWorkday: IsWorkday = isWeekday): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number of days`);
  const step = n < 0 ? -1 : 1;
  let x = d;
  for (let left = Math.abs(n), off = 0; left > 0; ) {
    x = addDays(x, step);
    if (isWorkday(x)) {
      left--;
      off = 0;
    } else if (++off > MAX_DAYS_OFF) {
      throw new RangeError(`addWorkingDays: no working day within ${MAX_DAYS_OFF} days of ${x}`);
    }
  }
  return x;
}
