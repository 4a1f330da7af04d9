// Calendar arithmetic on YYYY-MM-DD strings (date-fns underneath), and ISO weeks such as 2020-W25.
import { addDays as addDaysFns, endOfISOWeek, format, getISOWeek, getISOWeekYear, parseISO, setISOWeek, startOfISOWeek, differenceInCalendarDays } from 'date-fns';
import type { IsoDate } from '../model/types.js';

const fmt = (d: Date): IsoDate => format(d, 'yyyy-MM-dd');

export const addDays = (d: IsoDate, n: number): IsoDate => fmt(addDaysFns(parseISO(d), n));
export const daysBetween = (from: IsoDate, to: IsoDate): number => differenceInCalendarDays(parseISO(to), parseISO(from));

export interface Week { week: string; from: IsoDate; to: IsoDate }

/** The ISO week (Monday to Sunday) that contains a date. */
export function weekOf(d: IsoDate): Week {
  const date = parseISO(d);
  const week = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
  return { week, from: fmt(startOfISOWeek(date)), to: fmt(endOfISOWeek(date)) };
}

/** "2020-W25" → that week; undefined when malformed or the year has no such week. */
export function parseWeek(text: string): Week | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1) return undefined;
  // January 4th is always in ISO week 1.
  const monday = startOfISOWeek(setISOWeek(new Date(year, 0, 4), n));
  const week = weekOf(fmt(monday));
  return week.week === text ? week : undefined;
}
