// Loads the holiday table shipped by the chinese-days package (public holidays and make-up working
// days from the State Council's yearly notices, 2004 onward) into a calendar; a user's data file
// (src/io/user-data.ts) may put its own years over it.
import { createRequire } from 'node:module';
import { makeCalendar, type Calendar, type HolidayTable } from '../calendar/china.js';

let cached: Calendar | undefined;
let table: HolidayTable | undefined;

/** The built-in table, as the package ships it. */
export function builtinHolidayTable(): HolidayTable {
  // Required (not read by path) so that the build's bundle carries the table: see scripts/bundle.js.
  return createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayTable;
}

/** The table with a user's years over the built-in ones: the calendar of the rest of the run (undefined: the built-in one). */
export function installHolidays(merged: HolidayTable | undefined): void {
  table = merged;
  cached = undefined;
}

/** The table in use: the built-in one, or the one a user's data file made. */
export const holidayTable = (): HolidayTable => table ?? builtinHolidayTable();

export function loadCalendar(): Calendar {
  if (!cached) cached = makeCalendar(holidayTable());
  return cached;
}
