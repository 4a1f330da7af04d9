// Working days: Monday to Friday. (The public-holiday calendar refines this where it is known.)
import type { IsoDate } from '../model/types.js';
import { addDays } from '../tracking/dates.js';

export type IsWorkday = (d: IsoDate) => boolean;

/** Day of the week of a YYYY-MM-DD date, 0 = Sunday (no Date object: this runs for every deadline). */
export function dayOfWeek(d: IsoDate): number {
  let y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  // Sakamoto's method.
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  if (m < 3) y -= 1;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[m - 1]! + day) % 7;
}

export const isWeekday: IsWorkday = (d) => {
  const day = dayOfWeek(d);
  return day !== 0 && day !== 6;
};

/** The date itself when it is a working day, else the nearest working day before it. */
export function workdayOnOrBefore(d: IsoDate, isWorkday: IsWorkday = isWeekday): IsoDate {
  let x = d;
  for (let i = 0; i < 30 && !isWorkday(x); i++) x = addDays(x, -1);
  return x;
}
