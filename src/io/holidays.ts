// Loads the holiday table shipped by the chinese-days package (public holidays and make-up working
// days from the State Council's yearly notices, 2004 onward) into a calendar.
import { createRequire } from 'node:module';
import { makeCalendar, type Calendar, type HolidayTable } from '../calendar/china.js';

let cached: Calendar | undefined;

export function loadCalendar(): Calendar {
  if (!cached) {
    // Required (not read by path) so that the build's bundle carries the table: see scripts/bundle.js.
    cached = makeCalendar(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as HolidayTable);
  }
  return cached;
}
