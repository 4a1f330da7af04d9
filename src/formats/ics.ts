// iCalendar (RFC 5545, written by ical.js): each dated event of a report — due dates, report
// deadlines — as an all-day entry, or at its time of day when it has one (周报 12:00前), each with an
// alarm. UIDs come with the events and stay put across exports.
import ICAL from 'ical.js';
import { addDays } from '../calendar/dates.js';
import type { Renderer, CalendarEvent } from './types.js';

/**
 * A deadline's time is Beijing time, whoever opens the calendar and wherever: TZID=Asia/Shanghai with
 * its VTIMEZONE, which RFC 5545 asks for with every TZID and Outlook needs (it refuses a TZID it cannot
 * resolve); Google and Apple read the IANA name itself. Floating times would move with the reader's
 * clock, and UTC would show 04:00Z to anyone reading the file. China has kept +08:00 without daylight
 * saving since 1992 (plans are of this century).
 */
export const TZID = 'Asia/Shanghai';
const VTIMEZONE = ['BEGIN:VTIMEZONE', `TZID:${TZID}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800',
  'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');

/**
 * How long a timed deadline's entry lasts: it starts at the deadline, so that lists and alarms show the
 * hour itself. Not zero: RFC 5545 wants DTEND after DTSTART, and Exchange refuses an event without one.
 */
const TIMED_MINUTES = 30;

/** Alarms ring one day before unless --alarm says otherwise. */
export const DEFAULT_ALARM_MINUTES = 24 * 60;

/** An all-day deadline's alarm rings at this hour of the day it falls on, as calendars do for all-day entries. */
const ALL_DAY_ALARM_HOUR = 9;

/**
 * Plan text as an iCalendar TEXT value: every line break (CR, LF or both) becomes one LF, which the
 * writer escapes as \n, so no plan text can end a line and start a property or an event of its own.
 */
const text = (s: string): string => s.replace(/\r\n?/g, '\n');

/** The last day iCalendar can write as a date: an all-day event on it ends at 23:59:59 instead. */
const LAST_DAY = '9999-12-31';

/**
 * A date or date-time property written from its ISO text, the year in four digits: ical.js 2.2 writes a
 * year before 1000 as it is (999-06-01 → 9990601), which RFC 5545's 4DIGIT year does not allow.
 */
function timeProperty(name: string, t: ICAL.Time, tzid?: string): ICAL.Property {
  const iso = t.toString().replace(/^\d+/, (year) => year.padStart(4, '0'));
  return new ICAL.Property([name, tzid ? { tzid } : {}, t.isDate ? 'date' : 'date-time', iso]);
}

function addEventDates(ev: ICAL.Component, e: CalendarEvent): void {
  const date = e.date;
  if (e.time) {
    const start = ICAL.Time.fromDateTimeString(`${date}T${e.time}:00`);
    const end = start.clone();
    end.addDuration(ICAL.Duration.fromSeconds(TIMED_MINUTES * 60));
    const last = ICAL.Time.fromDateTimeString(`${LAST_DAY}T23:59:59`);
    ev.addProperty(timeProperty('dtstart', start, TZID));
    ev.addProperty(timeProperty('dtend', end.compare(last) > 0 ? last : end, TZID));
    return;
  }
  if (date === LAST_DAY) {
    ev.addProperty(timeProperty('dtstart', ICAL.Time.fromDateTimeString(`${date}T00:00:00`)));
    ev.addProperty(timeProperty('dtend', ICAL.Time.fromDateTimeString(`${date}T23:59:59`)));
    return;
  }
  ev.addProperty(timeProperty('dtstart', ICAL.Time.fromDateString(date)));
  ev.addProperty(timeProperty('dtend', ICAL.Time.fromDateString(addDays(date, 1))));
}

/**
 * The alarm's trigger: that long before a timed deadline; for an all-day one, at 9:00 on the day that many
 * whole days before it (1d: 9:00 the day before; less than a day: 9:00 on the day).
 */
export function trigger(minutes: number, timed: boolean): ICAL.Duration {
  const seconds = timed ? -minutes * 60 : ALL_DAY_ALARM_HOUR * 3600 - Math.floor(minutes / (24 * 60)) * 86400;
  return ICAL.Duration.fromSeconds(seconds);
}

function addAlarm(ev: ICAL.Component, e: CalendarEvent, minutes: number): void {
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('description', text(e.summary));
  alarm.addPropertyWithValue('trigger', trigger(minutes, !!e.time));
  ev.addSubcomponent(alarm);
}

const render: Renderer = ({ calendar }, { lang, alarm }) => {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', `-//campaign//campaign plan export//${lang === 'zh' ? 'ZH' : 'EN'}`);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  // An X- property has no known type: say it is TEXT, so that it is escaped like the others.
  cal.addProperty(new ICAL.Property(['x-wr-calname', {}, 'text', text(calendar?.name ?? 'campaign')]));
  const events = calendar?.events ?? [];
  if (events.some((e) => e.time)) cal.addSubcomponent(new ICAL.Component(ICAL.parse(VTIMEZONE)));
  const minutes = alarm === undefined ? DEFAULT_ALARM_MINUTES : alarm;
  for (const e of events) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', text(e.uid));
    ev.addProperty(timeProperty('dtstamp', ICAL.Time.fromDateTimeString(`${e.stamp}T00:00:00Z`)));
    addEventDates(ev, e);
    ev.addPropertyWithValue('summary', text(e.summary));
    ev.addPropertyWithValue('description', text(e.description));
    ev.addPropertyWithValue('categories', text(e.category));
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    if (minutes !== null && !e.settled) addAlarm(ev, e, minutes);
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
