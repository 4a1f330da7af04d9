import type { PlanRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { isRealDate } from '../../model/build.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
// "6月15日（星期二）", "6月15日(周二)", "2020年6月15日 星期一", "6月15日礼拜天"
const DATE_WITH_WEEKDAY = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[（(]?\s*(星期|周|礼拜)\s*([一二三四五六日天])\s*[）)]?/g;

export interface WeekdayMention { text: string; date: string; written: string; actual: string; prefix: string }

/** Dates written with a weekday whose weekday is wrong for that date (year: as written, else `year`). */
export function wrongWeekdays(text: string, year: number | undefined): WeekdayMention[] {
  const out: WeekdayMention[] = [];
  for (const m of text.matchAll(DATE_WITH_WEEKDAY)) {
    const y = m[1] ? Number(m[1]) : year;
    if (y === undefined) continue;
    const date = `${String(y).padStart(4, '0')}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (!isRealDate(date)) continue;
    const [yy, mm, dd] = date.split('-').map(Number) as [number, number, number];
    const actual = WEEKDAYS[new Date(Date.UTC(yy, mm - 1, dd)).getUTCDay()]!;
    const written = m[5] === '天' ? '日' : m[5]!;
    if (written !== actual) out.push({ text: m[0], date, written, actual, prefix: m[4]! });
  }
  return out;
}

const rule: PlanRule = {
  id: 'date/weekday',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A date written with the wrong weekday', zh: '日期所标注的星期有误' },
  check(plan, ctx) {
    for (const field of textFields(plan)) {
      for (const w of wrongWeekdays(field.text, plan.year)) {
        ctx.report({ path: field.path, needle: w.text, data: { ...w } });
      }
    }
  },
};
export default rule;
