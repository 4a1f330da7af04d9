import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { effectivePeriod, textYear } from '../../model/period.js';
import { writtenDates } from '../../text/time.js';
import { occurrenceAt } from '../text/repeated.js';

/**
 * A full date (2021年11月9日) in a year that is neither the plan's nor one its period touches: the sign of
 * a plan copied from last year and not brought up to date. A date of the past the text cites — a notice
 * issued, an accident that happened (2021年7月20日发生的…), 以来 — is history and stays silent, as does a
 * year without month and day (学习2019年事故通报).
 */
const HISTORY_AFTER = /^(?:\s*[（(][^）)]{0,6}[）)])?\s*(?:发生|印发|发布|下发|出台|颁布|公布|施行|以来|召开的|举行的|的)/;
const HISTORY_BEFORE = /(?:自|从|截至|截止|根据|按照|依据|据)\s*$/;

const rule = defineRule({
  id: 'date/text-year',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: "A full date in a text whose year is neither the plan's year nor a year of its period (a recycled plan)",
    zh: '文字中完整日期的年份既不是方案年份，也不在活动时间内（可能沿用了旧方案）',
  },
  messages: { year: { text: '2021年11月9日', year: 2021, planYear: 2022, suggestion: '2022年11月9日' } },
  check(plan, ctx) {
    if (plan.year === undefined) return;
    const period = effectivePeriod(plan);
    const own = new Set([plan.year, ...(period ? [Number(period.start.slice(0, 4)), Number(period.end.slice(0, 4))] : [])]);
    const yearOf = textYear(plan)!;
    for (const field of textFields(plan)) {
      for (const d of writtenDates(field.text)) {
        if (d.year === undefined || own.has(d.year)) continue;
        const after = field.text.slice(d.index + d.text.length);
        if (HISTORY_AFTER.test(after) || HISTORY_BEFORE.test(field.text.slice(0, d.index))) continue;
        // Just past the period across New Year (a December campaign's 2025年1月10日前 summary) is its own too.
        const year = yearOf(d.month, Math.min(d.day, 28));
        if (year === d.year) continue;
        const suggestion = d.text.replace(String(d.year), String(year));
        ctx.report({
          path: field.path, needle: d.text, occurrence: occurrenceAt(field.text, d.text, d.index),
          messageId: 'year', data: { text: d.text, year: d.year, planYear: plan.year, suggestion },
        });
      }
    }
  },
});
export default rule;
