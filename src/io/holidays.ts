// Loads the holiday table shipped by the chinese-days package (public holidays and make-up working
// days from the State Council's yearly notices, 2004 onward) into a calendar.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeCalendar, type Calendar, type HolidayTable } from '../calendar/china.js';

let cached: Calendar | undefined;

export function loadCalendar(): Calendar {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
    cached = makeCalendar(JSON.parse(readFileSync(file, 'utf8')) as HolidayTable);
  }
  return cached;
}
