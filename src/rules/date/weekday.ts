import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { dayOfWeek, isRealDate } from '../../calendar/dates.js';
import type { Calendar } from '../../calendar/china.js';
import { textYear } from '../../model/period.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
// "6月15日（星期二）", "6月15日(周二)", "2020年6月15日 星期一", "6月15日礼拜天"
const DATE_WITH_WEEKDAY = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[（(]?\s*(星期|周|礼拜)\s*([一二三四五六日天])\s*[）)]?/g;
// "6月28日(星期日)上班", "6月28日调休上班": a claim that the day is a working day.
const WORKING_DAY_CLAIM = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:[（(]?\s*(?:星期|周|礼拜)\s*[一二三四五六日天]\s*[）)]?)?\s*(?:调休)?\s*上班/g;

export interface WeekdayMention { text: string; date: string; written: string; actual: string; prefix: string }

/** The year of a date written without one; undefined when the plan gives none. */
export type YearOf = ((month: number, day: number) => number) | undefined;

/** Dates written with a weekday whose weekday is wrong for that date (year: as written, else `yearOf`'s). */
export function wrongWeekdays(text: string, yearOf: YearOf): WeekdayMention[] {
  const out: WeekdayMention[] = [];
  if (!text.includes('月') || !/星期|周|礼拜/.test(text)) return out;
  for (const m of text.matchAll(DATE_WITH_WEEKDAY)) {
    const y = m[1] ? Number(m[1]) : yearOf?.(Number(m[2]), Number(m[3]));
    if (y === undefined) continue;
    const date = `${String(y).padStart(4, '0')}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (!isRealDate(date)) continue;
    const actual = WEEKDAYS[dayOfWeek(date)]!;
    const written = m[5] === '天' ? '日' : m[5]!;
    if (written !== actual) out.push({ text: m[0], date, written, actual, prefix: m[4]! });
  }
  return out;
}

/** Days a text says people work on that are neither working days nor make-up days. */
export function wrongWorkingDays(text: string, yearOf: YearOf, calendar: Calendar): { text: string; date: string }[] {
  const out: { text: string; date: string }[] = [];
  if (!text.includes('上班')) return out;
  for (const m of text.matchAll(WORKING_DAY_CLAIM)) {
    const y = m[1] ? Number(m[1]) : yearOf?.(Number(m[2]), Number(m[3]));
    if (y === undefined || !calendar.covers(y)) continue;
    const date = `${String(y).padStart(4, '0')}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (isRealDate(date) && !calendar.isWorkday(date)) out.push({ text: m[0], date });
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
    const yearOf = textYear(plan);
    for (const field of textFields(plan)) {
      for (const w of wrongWeekdays(field.text, yearOf)) {
        ctx.report({ path: field.path, needle: w.text, messageId: 'weekday', data: { ...w } });
      }
      for (const w of wrongWorkingDays(field.text, yearOf, ctx.calendar)) {
        const holiday = ctx.calendar.holiday(w.date);
        ctx.report({ path: field.path, needle: w.text, messageId: 'workday', data: { ...w, holidayZh: holiday?.zh, holidayEn: holiday?.en } });
      }
    }
  },
});
export default rule;
