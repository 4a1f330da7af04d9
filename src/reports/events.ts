// A report's dated events for calendars: task due dates and report deadlines, each with a UID
// derived from the plan and the task or report id, so that re-importing an export updates entries
// instead of duplicating them.
import { createHash } from 'node:crypto';
import { labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Status } from '../model/types.js';
import { cellText } from '../formats/cells.js';
import type { DeadlineRow, PlanHeader } from './common.js';
import type { IsoDate } from '../calendar/dates.js';
import type { Calendar, CalendarEvent } from '../formats/types.js';

export function planKey(plan: PlanHeader): string {
  return createHash('sha256').update(`${plan.organizer}\u0000${plan.year ?? ''}\u0000${plan.title}`).digest('hex').slice(0, 16);
}

/** What a task event needs to say. */
export interface DatedTask { id: string; title: string; due: IsoDate | null; leadNames: string[]; status: Status; progress: number; note: string | null }

export function planCalendar(plan: PlanHeader, tasks: readonly DatedTask[], deadlines: readonly DeadlineRow[], asOf: IsoDate, lang: Lang): Calendar {
  const key = planKey(plan);
  const l = labeller(lang);
  const sep = lang === 'zh' ? '：' : ': ';
  const events: CalendarEvent[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    if (!t.due || seen.has(`task-${t.id}`)) continue;
    seen.add(`task-${t.id}`);
    const lines = [
      `${l('lead')}${sep}${cellText(t.leadNames, 'list', lang)}`,
      `${l('statusCol')}${sep}${cellText(t.status, 'status', lang)} ${cellText(t.progress, 'progress', lang)}`,
      ...(t.note ? [`${l('lastNote')}${sep}${t.note}`] : []),
    ];
    events.push({
      uid: `task-${t.id}-${key}@campaign`, date: t.due, stamp: asOf,
      summary: `【${l('due')}】${t.id} ${t.title}`, description: lines.join('\n'), category: l('task'),
      ...(t.status === 'done' || t.status === 'cancelled' ? { settled: true } : {}),
    });
  }
  for (const d of deadlines) {
    // A recurring duty's UID carries the date its rule gives, which does not move between exports.
    const uid = d.recurring ? `report-${d.id}-${d.scheduled.replace(/-/g, '')}` : `report-${d.id}`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const when = d.time ? `${d.time}${lang === 'zh' ? '前' : ''}` : '';
    events.push({
      uid: `${uid}-${key}@campaign`, date: d.due, stamp: asOf, ...(d.time ? { time: d.time } : {}),
      summary: `【${l('reportCol')}】${d.title}${when ? ` ${when}` : ''}`,
      description: d.toName ? `${l('to')}${sep}${d.toName}` : '', category: l('reportCol'),
      ...(d.submitted ? { settled: true } : {}),
    });
  }
  return { name: plan.title, events };
}
