import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { dayOfWeek } from '../../calendar/dates.js';
import type { Calendar } from '../../calendar/china.js';
import { textTime } from '../../model/period.js';
import { readDates, type TimeContext } from '../../text/time.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export interface WeekdayMention { text: string; date: string; written: string; actual: string; prefix: string }

/**
 * Dates written with a weekday whose weekday is wrong for that date — 6月15日（星期二）, 6月10日星期三前, 6月15日
 * 礼拜天, in a range too — read by the grammar the importer reads (a date without a year in the plan's time).
 */
export function wrongWeekdays(text: string, time: TimeContext): WeekdayMention[] {
  const out: WeekdayMention[] = [];
  if (!text.includes('月') || !/星期|周|礼拜/.test(text)) return out;
  for (const hit of readDates(text, time)) {
    for (const w of hit.weekdays ?? []) {
      const actual = WEEKDAYS[dayOfWeek(w.date)]!;
      if (w.written !== actual) out.push({ text: w.text, date: w.date, written: w.written, actual, prefix: w.prefix });
    }
  }
  return out;
}

/** "6月28日(星期日)上班", "6月28日调休上班": a claim that the day is a working day. */
const WORKING_DAY_CLAIM = /^\s*(?:调休)?\s*上班/;

/** Days a text says people work on that are neither working days nor make-up days. */
export function wrongWorkingDays(text: string, time: TimeContext, calendar: Calendar): { text: string; date: string }[] {
  const out: { text: string; date: string }[] = [];
  if (!text.includes('上班')) return out;
  for (const hit of readDates(text, time)) {
    const after = text.slice(hit.index + hit.text.length);
    if (hit.kind !== 'on' || !hit.due || !WORKING_DAY_CLAIM.test(after)) continue;
    if (!calendar.covers(Number(hit.due.slice(0, 4))) || calendar.isWorkday(hit.due)) continue;
    out.push({ text: `${hit.text}${WORKING_DAY_CLAIM.exec(after)![0]}`, date: hit.due });
  }
  return out;
}

const rule = defineRule({
  id: 'date/weekday',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'A date written with the wrong weekday, or called a working day (上班) when it is neither a working day nor a make-up day',
    zh: '日期所标注的星期有误，或把非工作日（且非调休日）写成“上班”',
  },
  messages: {
    weekday: { text: '6月15日（星期二）', date: '2020-06-15', written: '二', actual: '一', prefix: '星期' },
    workday: { text: '6月27日上班', date: '2020-06-27', holidayZh: '端午节' as string | undefined, holidayEn: 'Dragon Boat Festival' as string | undefined },
  },
  check(plan, ctx) {
    // A date without a year is read in the year that puts it in the period (a winter plan's 2月4日 is next year's).
    const time = textTime(plan, ctx.calendar);
    if (!time) return;
    for (const field of textFields(plan)) {
      for (const w of wrongWeekdays(field.text, time)) {
        ctx.report({ path: field.path, needle: w.text, messageId: 'weekday', data: { ...w } });
      }
      for (const w of wrongWorkingDays(field.text, time, ctx.calendar)) {
        const holiday = ctx.calendar.holiday(w.date);
        ctx.report({ path: field.path, needle: w.text, messageId: 'workday', data: { ...w, holidayZh: holiday?.zh, holidayEn: holiday?.en } });
      }
    }
  },
});
export default rule;
