// Loads the built-in holiday schedule, data/holidays.json (public holidays and make-up working days from the
// State Council's yearly notices, 2004 onward, made from the chinese-days package's table by
// scripts/holidays-data.mjs), into a calendar; a user's data file (src/io/user-data.ts) may put its own years
// over it. The file sits at the package's root, two folders above this module in src/io/, dist/io/ and
// dist/bundle/ alike.
import { readFileSync } from 'node:fs';
import { makeCalendar, scheduleTable, type Calendar, type HolidaySchedule, type HolidayTable } from '../calendar/china.js';

export const BUILTIN_HOLIDAYS_FILE = new URL('../../data/holidays.json', import.meta.url);
let builtin: HolidayTable | undefined;

let cached: Calendar | undefined;
let table: HolidayTable | undefined;

/** The built-in table, as the package ships it. */
export function builtinHolidayTable(): HolidayTable {
  builtin ??= scheduleTable(JSON.parse(readFileSync(BUILTIN_HOLIDAYS_FILE, 'utf8')) as HolidaySchedule);
  return builtin;
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
