// Working days: Monday to Friday. (The public-holiday calendar refines this where it is known.)
import { parseISO, getDay } from 'date-fns';
import type { IsoDate } from '../model/types.js';
import { addDays } from '../tracking/dates.js';

export type IsWorkday = (d: IsoDate) => boolean;

export const isWeekday: IsWorkday = (d) => {
  const day = getDay(parseISO(d));
  return day !== 0 && day !== 6;
};

/** The date itself when it is a working day, else the nearest working day before it. */
export function workdayOnOrBefore(d: IsoDate, isWorkday: IsWorkday = isWeekday): IsoDate {
  let x = d;
  for (let i = 0; i < 30 && !isWorkday(x); i++) x = addDays(x, -1);
  return x;
}
