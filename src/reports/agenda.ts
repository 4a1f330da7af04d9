// `campaign agenda`: what is overdue and what falls due in the next N days — leaf tasks and report duties —
// across one or many plans, in date order, like org-mode's agenda. As text, a 督办提醒 per unit, ready to
// send to its WeChat or SMS group.
import { addDays, daysBetween, type IsoDate } from '../calendar/dates.js';
import { AGENDA } from '../messages/agenda.js';
import { bracket, label, labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { compareTaskIds } from '../model/task-ids.js';
import type { Plan, Status } from '../model/types.js';
import { contactUnit, unitByWord } from '../model/units.js';
import { viewTasks } from '../tracking/task-view.js';
import { reportedWeek, reportingWeek, weekStartsOf, weeklyDeadlineFor } from '../tracking/weeks.js';
import { notReturned } from '../tracking/returns.js';
import { weekLabel } from './weekly.js';
import { deadlineRows, unitNamer } from './common.js';
import type { Cell, Column, Doc } from '../formats/doc.js';
import { defineKind } from './kind.js';

/** How far ahead the agenda looks unless --days says otherwise. */
export const DEFAULT_DAYS = 7;

/** A unit to act: a plan's unit (its id), or the organizer's office or “no lead unit” (id null). */
export interface AgendaUnit { id: string | null; name: string }

export interface AgendaItem {
  /** The day it is due, and for a report duty with one, the time of day. */
  date: IsoDate;
  time: string | null;
  /** A task, a report duty, or a unit's entry for a week that has not come in (催报). */
  kind: 'task' | 'report' | 'sheet';
  state: 'overdue' | 'due';
  /** Calendar days past due, when overdue (as `status` counts them). */
  daysLate: number | null;
  /** Days until it is due (0: today), when not overdue. */
  daysLeft: number | null;
  /** The plan it is from. */
  file: string;
  organizer: string;
  plan: string;
  /** The task's id, the report duty's, or the ISO week a missing entry is for (2026-W23). */
  id: string;
  title: string;
  /**
   * Who must act: a task's lead units, a duty's sender (the organizer's office when it names none); with
   * --unit, only the units asked about.
   */
  units: AgendaUnit[];
  /** A task's status and progress as of the date (null for a report duty). */
  status: Status | null;
  progress: number | null;
  /** Where a report duty goes (null for a task). */
  to: string | null;
  toName: string | null;
}

export interface AgendaReport {
  asOf: IsoDate;
  days: number;
  /** The last day looked at: the as-of date plus `days`. */
  until: IsoDate;
  /** The units asked about with --unit, as written; empty for every unit. */
  units: string[];
  plans: { file: string; organizer: string; title: string }[];
  items: AgendaItem[];
}

interface Settings { asOf: IsoDate; days: number; units: readonly string[]; lang: Lang; /** HH:MM, when as of now. */ time?: string }

function planItems(file: string, plan: Plan, { asOf, days, units: asked, lang, time }: Settings): AgendaItem[] {
  const until = addDays(asOf, days);
  const names = unitNamer(plan);
  const unit = (id: string): AgendaUnit => ({ id, name: names([id])[0]! });
  // With --unit, the units of this plan asked about (a plan may have none of them).
  const only = asked.length ? new Set(asked.map((w) => unitByWord(plan, w)?.id).filter((id): id is string => !!id)) : undefined;
  const acting = (ids: readonly string[], otherwise: AgendaUnit): AgendaUnit[] =>
    only ? ids.filter((id) => only.has(id)).map(unit) : ids.length ? ids.map(unit) : [otherwise];
  const from = { file, organizer: plan.organizer ?? '', plan: plan.title ?? '' };
  const when = (date: IsoDate) => (date < asOf
    ? { state: 'overdue' as const, daysLate: daysBetween(date, asOf), daysLeft: null }
    : { state: 'due' as const, daysLate: null, daysLeft: daysBetween(asOf, date) });
  const items: AgendaItem[] = [];

  for (const v of viewTasks(plan, asOf)) {
    const due = v.task.due;
    if (!v.leaf || !due || v.status === 'done' || v.status === 'cancelled' || due > until) continue;
    const who = acting(v.task.lead, { id: null, name: label(lang, 'unassigned') });
    if (who.length === 0) continue;
    items.push({
      date: due, time: null, kind: 'task', ...when(due), ...from, id: v.task.id, title: v.task.title, units: who,
      status: v.status, progress: Math.round(v.progress * 10) / 10, to: null, toName: null,
    });
  }

  // Units with tasks in the week being reported — and, while a new week runs, in the week before — that have
  // not reported on it: chased from its report deadline (催报).
  const starts = weekStartsOf(plan);
  const { week, reportDay } = reportedWeek(plan, asOf, starts, time);
  const weeks = reportDay ? [week] : [reportingWeek(addDays(week.from, -1), starts, plan.period), week];
  // Only the campaign's own weeks: after its period nobody owes a weekly entry.
  for (const w of weeks.filter((x) => x.weekNo !== null)) {
    for (const { unit: u } of notReturned(plan, w.from, w.to, asOf)) {
      // Chased only where a weekly duty says when the week's entry is due.
      const deadline = weeklyDeadlineFor(plan, u.id, w);
      const who = acting([u.id], unit(u.id));
      if (!deadline || deadline.due > until || who.length === 0) continue;
      const date = deadline.due;
      items.push({
        date, time: deadline.time, kind: 'sheet', ...when(date), ...from, id: w.week, title: weekLabel(w.weekNo, w.from, w.to, lang), units: who,
        status: null, progress: null, to: null, toName: null,
      });
    }
  }

  const senders = new Map(plan.reports.map((r) => [r.id, r.by]));
  const office: AgendaUnit = { id: null, name: contactUnit(plan)?.name ?? plan.contact.unit ?? plan.organizer ?? '' };
  for (const d of deadlineRows(plan, asOf, names)) {
    if (d.state !== 'missing' && !(d.state === 'pending' && d.due <= until)) continue;
    const by = senders.get(d.id);
    const who = acting(by ? [by] : [], office);
    if (who.length === 0) continue;
    items.push({
      date: d.due, time: d.time, kind: 'report', ...when(d.due), ...from, id: d.id, title: d.title, units: who,
      status: null, progress: null, to: d.to, toName: d.toName,
    });
  }
  return items;
}

/** On one day: tasks, then report duties, then missing weekly entries. */
const KIND_ORDER: Record<AgendaItem['kind'], number> = { task: 0, report: 1, sheet: 2 };

export function buildAgenda(plans: readonly { file: string; plan: Plan }[], settings: Settings): AgendaReport {
  const order = new Map(plans.map((p, i) => [p.file, i]));
  const items = plans.flatMap(({ file, plan }) => planItems(file, plan, settings));
  // By date; on one day a deadline with a time before the day's end, then plan by plan, tasks before duties.
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
    || ((a.time ?? '24:00') < (b.time ?? '24:00') ? -1 : (a.time ?? '24:00') > (b.time ?? '24:00') ? 1 : 0)
    || order.get(a.file)! - order.get(b.file)!
    || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || (a.kind === 'task' ? compareTaskIds(a.id, b.id) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    || (a.units[0]?.name ?? '').localeCompare(b.units[0]?.name ?? ''));
  return {
    asOf: settings.asOf, days: settings.days, until: addDays(settings.asOf, settings.days), units: [...settings.units],
    plans: plans.map(({ file, plan }) => ({ file, organizer: plan.organizer ?? '', title: plan.title ?? '' })),
    items,
  };
}

export function agendaDoc(r: AgendaReport, lang: Lang): Doc {
  const l = labeller(lang);
  const words = AGENDA[lang];
  const several = r.plans.length > 1;
  const columns: Column[] = [
    { label: l('date'), kind: 'date' }, { label: l('time') }, { label: l('state') }, { label: l('kindCol') },
    ...(several ? [{ label: l('organizer') }] : []),
    { label: l('id') }, { label: l('item'), wide: true }, { label: l('unit'), kind: 'list' },
    { label: l('statusCol'), kind: 'status' }, { label: l('progress'), kind: 'progress' },
  ];
  const rows = r.items.map((i): Cell[] => [
    i.date, i.time, words.state(i.daysLate, i.daysLeft), l(i.kind === 'task' ? 'task' : i.kind === 'report' ? 'reportCol' : 'weekSheet'),
    ...(several ? [i.organizer] : []),
    i.kind === 'task' ? i.id : null,
    i.kind === 'report' && i.toName ? `${i.title}${bracket(lang, `${l('to')}${lang === 'zh' ? '：' : ': '}${i.toName}`)}` : i.kind === 'sheet' ? words.weekEntry(i.title) : i.title,
    i.units.map((u) => u.name), i.status, i.progress,
  ]);
  return {
    title: words.title(r.asOf, r.days),
    meta: [
      ...(r.units.length ? [[l('unit'), r.units.join(lang === 'zh' ? '、' : ', ')] as [string, string]] : []),
      ...(several ? [[l('plans'), String(r.plans.length)] as [string, string]] : []),
    ],
    sections: [{ table: { columns, rows } }],
    orientation: 'landscape',
  };
}

/** `-f text`: one 督办提醒 per unit, plan by plan, the unit with the most pressing item first. */
export function reminderDoc(r: AgendaReport, lang: Lang): Doc {
  const words = AGENDA[lang];
  const several = r.plans.length > 1;
  const planOrder = new Map(r.plans.map((p, i) => [p.file, i]));
  const groups = new Map<string, { plan: number; unit: string; items: string[] }>();
  // 催报 first: a unit that has not reported on a week is asked for it, in a message of its own.
  const chase = new Map<string, { plan: number; unit: string; weeks: string[] }>();
  for (const i of r.items) {
    if (i.kind !== 'sheet') continue;
    const u = i.units[0]!;
    const key = `${i.file}\u0000${u.id}`;
    const group = chase.get(key) ?? { plan: planOrder.get(i.file)!, unit: several ? words.unitOf(u.name, i.organizer) : u.name, weeks: [] };
    group.weeks.push(words.weekDue({ week: i.title, date: words.date(i.date, r.asOf), time: i.time, daysLate: i.daysLate, daysLeft: i.daysLeft }));
    chase.set(key, group);
  }
  for (const i of r.items) {
    if (i.kind === 'sheet') continue;
    for (const u of i.units) {
      const key = `${i.file}\u0000${u.id ?? `\u0000${u.name}`}`;
      const group = groups.get(key) ?? { plan: planOrder.get(i.file)!, unit: several ? words.unitOf(u.name, i.organizer) : u.name, items: [] };
      group.items.push(words.item({
        kind: i.kind, id: i.id, title: i.title, date: words.date(i.date, r.asOf), time: i.time, toName: i.toName,
        daysLate: i.daysLate, daysLeft: i.daysLeft,
      }));
      groups.set(key, group);
    }
  }
  // Plan by plan: its 催报, then its 督办提醒.
  const paragraphs = [
    ...[...chase.values()].map((g) => ({ plan: g.plan, first: 0, text: words.chase(g.unit, g.weeks) })),
    ...[...groups.values()].map((g) => ({ plan: g.plan, first: 1, text: words.message(g.unit, g.items) })),
  ].sort((a, b) => a.plan - b.plan || a.first - b.first).map((p) => p.text);
  if (paragraphs.length === 0) paragraphs.push(words.nothing(words.date(r.asOf, r.asOf), r.days));
  return { meta: [], sections: paragraphs.map((p) => ({ paragraphs: [p] })) };
}

export default defineKind<AgendaReport>({
  name: 'agenda',
  schemaVersion: 1,
  input: 'plans',
  formats: ['table', 'text', 'json', 'md', 'csv', 'html'],
  defaultInputs: ['.'],
  options: ['days', 'unit'],
  build: (plans, { asOf, lang, days, units, time }) => buildAgenda(plans, { asOf, lang, days: days ?? DEFAULT_DAYS, units: units ?? [], ...(time ? { time } : {}) }),
  doc: agendaDoc,
  docIn: (format, r, lang) => (format === 'text' ? reminderDoc(r, lang) : undefined),
});
