// iCalendar (RFC 5545, written by ical.js): each task's due date and each report deadline as an
// all-day entry. UIDs are stable across exports: derived from the plan and the task or report id.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { ExportReport } from '../reports/export.js';
import { addDays } from '../tracking/dates.js';
import { labeller } from '../messages/labels.js';
import type { Renderer } from './types.js';
import { cellText } from './cells.js';

export function planKey(organizer: string, year: number | null, title: string): string {
  return createHash('sha256').update(`${organizer}\u0000${year ?? ''}\u0000${title}`).digest('hex').slice(0, 16);
}

const render: Renderer = ({ data }, { lang }) => {
  const r = data as ExportReport;
  const key = planKey(r.plan.organizer, r.plan.year, r.plan.title);
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//campaign//campaign plan export//ZH');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('x-wr-calname', r.plan.title);
  const stamp = ICAL.Time.fromDateTimeString(`${r.asOf}T00:00:00Z`);
  const add = (uid: string, date: string, summary: string, description: string, category: string) => {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', `${uid}-${key}@campaign`);
    ev.addPropertyWithValue('dtstamp', stamp);
    ev.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(date));
    ev.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(date, 1)));
    ev.addPropertyWithValue('summary', summary);
    ev.addPropertyWithValue('description', description);
    ev.addPropertyWithValue('categories', category);
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    cal.addSubcomponent(ev);
  };
  const l = labeller(lang);
  const sep = lang === 'zh' ? '：' : ': ';
  for (const t of r.tasks) {
    if (!t.due) continue;
    const lines = [
      `${l('lead')}${sep}${cellText(t.leadNames, 'list', lang)}`,
      `${l('statusCol')}${sep}${cellText(t.status, 'status', lang)} ${cellText(t.progress, 'progress', lang)}`,
      ...(t.lastNote ? [`${l('lastNote')}${sep}${t.lastNote}`] : []),
    ];
    add(`task-${t.id}`, t.due, `【${l('due')}】${t.id} ${t.title}`, lines.join('\n'), l('task'));
  }
  for (const d of r.reports) {
    // A recurring duty's UID carries the date its rule gives, which does not move between exports.
    const uid = d.recurring ? `report-${d.id}-${d.scheduled.replace(/-/g, '')}` : `report-${d.id}`;
    const when = d.time ? `${d.time}${lang === 'zh' ? '前' : ''}` : '';
    add(uid, d.due, `【${l('reportCol')}】${d.title}${when ? ` ${when}` : ''}`, d.toName ? `${l('to')}${sep}${d.toName}` : '', l('reportCol'));
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
