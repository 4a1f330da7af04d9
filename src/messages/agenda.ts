// The words of the agenda per language: its title, how an item stands, and the sentences of a 督办提醒 —
// the reminder a township office sends each unit's WeChat or SMS group. Titles and names are data and are
// never translated; only the sentences around them are.
import { quoted } from '../text/quote.js';
import type { Lang } from './types.js';

export interface ReminderItem {
  kind: 'task' | 'report';
  id: string;
  title: string;
  /** The due date as the sentence writes it (6月20日). */
  date: string;
  /** The time of day it is due ("12:00"), for a report duty that has one. */
  time: string | null;
  /** Where a report goes. */
  toName: string | null;
  /** Calendar days past due (overdue), or null. */
  daysLate: number | null;
  /** Days until it is due (0: today), or null. */
  daysLeft: number | null;
}

export interface AgendaWords {
  /** The agenda's title: 督办日程（截至2020-06-21，未来7天）. */
  title(asOf: string, days: number): string;
  /** How an item stands: 已逾期2天, 今天到期, 还有3天. */
  state(daysLate: number | null, daysLeft: number | null): string;
  /** One unit's reminder: 【督办提醒】派出所：…；…。 */
  message(unit: string, items: string[]): string;
  item(i: ReminderItem): string;
  /** A unit of one of several plans: 派出所（铜钟乡）. */
  unitOf(unit: string, organizer: string): string;
  /** One unit's 催报: 【催报】派出所：请报送第2周（6月5日—6月11日）的进展情况，应于6月12日12:00前报送，今天到期。 */
  chase(unit: string, weeks: string[]): string;
  /** A week whose entry is awaited, in a 催报. */
  weekDue(w: { week: string; date: string; time: string | null; daysLate: number | null; daysLeft: number | null }): string;
  /** A missing weekly entry as the agenda's table names it: 第2周（6月5日—6月11日）进展情况. */
  weekEntry(week: string): string;
  /** Said when there is nothing to remind anyone of. */
  nothing(asOf: string, days: number): string;
  /** A due date in a sentence: 6月20日, with its year when it is not the as-of date's (2021年1月3日). */
  date(iso: string, asOf: string): string;
}

const ymd = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });

const zh: AgendaWords = {
  title: (asOf, days) => `督办日程（截至${asOf}，未来${days}天）`,
  state: (late, left) => (late !== null ? `已逾期${late}天` : left === 0 ? '今天到期' : `还有${left}天`),
  message: (unit, items) => `【督办提醒】${unit}：${items.join('；')}。`,
  item: (i) => {
    const when = zh.state(i.daysLate, i.daysLeft);
    if (i.kind === 'task') return `任务${i.id}${quoted(i.title)}应于${i.date}前完成，${when}`;
    return `报送事项${quoted(i.title)}应于${i.date}${i.time ?? ''}前报送${i.toName ?? ''}，${when}`;
  },
  unitOf: (unit, organizer) => `${unit}（${organizer}）`,
  chase: (unit, weeks) => `【催报】${unit}：${weeks.join('；')}。`,
  weekDue: (w) => `请报送${w.week}的进展情况，应于${w.date}${w.time ?? ''}前报送，${zh.state(w.daysLate, w.daysLeft)}`,
  weekEntry: (week) => `${week}进展情况`,
  nothing: (asOf, days) => `截至${asOf}，未来${days}天内没有逾期或到期的事项。`,
  date: (iso, asOf) => {
    const { y, m, d } = ymd(iso);
    return `${y === ymd(asOf).y ? '' : `${y}年`}${m}月${d}日`;
  },
};

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

const en: AgendaWords = {
  title: (asOf, n) => `Agenda (as of ${asOf}, next ${days(n)})`,
  state: (late, left) => (late !== null ? `${days(late)} overdue` : left === 0 ? 'due today' : `${days(left ?? 0)} left`),
  message: (unit, items) => `[Reminder] ${unit}: ${items.join('; ')}.`,
  item: (i) => {
    const when = en.state(i.daysLate, i.daysLeft);
    const was = i.daysLate !== null ? 'was' : 'is';
    if (i.kind === 'task') return `task ${i.id} ${quoted(i.title)} ${was} due by ${i.date}, ${when}`;
    return `report ${quoted(i.title)}${i.toName ? ` to ${i.toName}` : ''} ${was} due by ${i.date}${i.time ? ` ${i.time}` : ''}, ${when}`;
  },
  unitOf: (unit, organizer) => `${unit} (${organizer})`,
  chase: (unit, weeks) => `[Report due] ${unit}: ${weeks.join('; ')}.`,
  weekDue: (w) => `please send your progress for ${w.week}, due by ${w.date}${w.time ? ` ${w.time}` : ''}, ${en.state(w.daysLate, w.daysLeft)}`,
  weekEntry: (week) => `progress of ${week}`,
  nothing: (asOf, n) => `As of ${asOf}, nothing is overdue or due in the next ${days(n)}.`,
  date: (iso) => iso,
};

export const AGENDA: Record<Lang, AgendaWords> = { zh, en };
