// What a date is, for messages: a public holiday (named), a weekend day, or a working day.
import type { Calendar, HolidayName } from './china.js';
import { addDays, dayOfWeek, workdayOnOrBefore, type IsoDate } from './dates.js';

export interface DayOff { date: IsoDate; holiday?: HolidayName; weekday: number; before: IsoDate }

/** Undefined for a working day; else why it is not one, and the nearest working day before it. */
export function dayOff(date: IsoDate, calendar: Calendar): DayOff | undefined {
  if (calendar.isWorkday(date)) return undefined;
  return { date, holiday: calendar.holiday(date), weekday: dayOfWeek(date), before: workdayOnOrBefore(addDays(date, -1), calendar.isWorkday) };
}
