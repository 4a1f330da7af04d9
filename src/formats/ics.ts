// iCalendar (RFC 5545, written by ical.js): each dated event of a report — due dates, report
// deadlines — as an all-day entry. UIDs come with the events and stay put across exports.
import ICAL from 'ical.js';
import { addDays } from '../calendar/dates.js';
import type { Renderer } from './types.js';

const render: Renderer = ({ calendar }, { lang }) => {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', `-//campaign//campaign plan export//${lang === 'zh' ? 'ZH' : 'EN'}`);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('x-wr-calname', calendar?.name ?? 'campaign');
  for (const e of calendar?.events ?? []) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', e.uid);
    ev.addPropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString(`${e.stamp}T00:00:00Z`));
    ev.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(e.date));
    ev.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(e.date, 1)));
    ev.addPropertyWithValue('summary', e.summary);
    ev.addPropertyWithValue('description', e.description);
    ev.addPropertyWithValue('categories', e.category);
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    cal.addSubcomponent(ev);
  }
  // ical.js folds at 75 characters; RFC 5545 asks for 75 octets, which Chinese text exceeds.
  const unfolded = cal.toString().replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  return unfolded.map(foldLine).join('\r\n') + '\r\n';
};

/** Folds a content line into pieces of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = pieces.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
export default render;
