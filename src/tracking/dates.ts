// Calendar arithmetic on YYYY-MM-DD strings, and ISO weeks such as 2020-W25. Plain arithmetic on
// dates (no time zone can shift a day); date-fns only for the ISO week number.
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import type { IsoDate } from '../model/types.js';

const DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utc = (d: IsoDate): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number): IsoDate => {
  const x = new Date(ms);
  return `${pad(x.getUTCFullYear(), 4)}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`;
};

export const addDays = (d: IsoDate, n: number): IsoDate => fromUtc(utc(d) + n * DAY);
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((utc(to) - utc(from)) / DAY);

export interface Week { week: string; from: IsoDate; to: IsoDate }

/** The ISO week (Monday to Sunday) that contains a date. */
export function weekOf(d: IsoDate): Week {
  const local = new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  const week = `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
  const monday = addDays(d, -((new Date(utc(d)).getUTCDay() + 6) % 7));
  return { week, from: monday, to: addDays(monday, 6) };
}

/** "2020-W25" → that week; undefined when malformed or the year has no such week. */
export function parseWeek(text: string): Week | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[2]);
  if (n < 1) return undefined;
  // January 4th is always in ISO week 1.
  const week = weekOf(addDays(`${m[1]}-01-04`, (n - 1) * 7));
  return week.week === text ? week : undefined;
}
