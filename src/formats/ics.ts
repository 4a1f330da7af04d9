// iCalendar (RFC 5545, written by ical.js): each dated event of a report — due dates, report
// deadlines — as an all-day entry. UIDs come with the events and stay put across exports.
import ICAL from 'ical.js';
import { addDays } from '../calendar/dates.js';
import type { Renderer } from './types.js';

/**
 * Plan text as an iCalendar TEXT value: every line break (CR, LF or both) becomes one LF, which the
 * writer escapes as \n, so no plan text can end a line and start a property or an event of its own.
 */
const text = (s: string): string => s.replace(/\r\n?/g, '\n');

/** The last day iCalendar can write as a date: an all-day event on it ends at 23:59:59 instead. */
const LAST_DAY = '9999-12-31';

function addEventDates(ev: ICAL.Component, date: string): void {
  if (date === LAST_DAY) {
    ev.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString(`${date}T00:00:00`));
    ev.addPropertyWithValue('dtend', ICAL.Time.fromDateTimeString(`${date}T23:59:59`));
    return;
  }
  ev.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(date));
  ev.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(date, 1)));
}

const render: Renderer = ({ calendar }, { lang }) => {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', `-//campaign//campaign plan export//${lang === 'zh' ? 'ZH' : 'EN'}`);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  // An X- property has no known type: say it is TEXT, so that it is escaped like the others.
  cal.addProperty(new ICAL.Property(['x-wr-calname', {}, 'text', text(calendar?.name ?? 'campaign')]));
  for (const e of calendar?.events ?? []) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', text(e.uid));
    ev.addPropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString(`${e.stamp}T00:00:00Z`));
    addEventDates(ev, e.date);
    ev.addPropertyWithValue('summary', text(e.summary));
    ev.addPropertyWithValue('description', text(e.description));
    ev.addPropertyWithValue('categories', text(e.category));
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
