import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { textYear } from '../../model/period.js';
import { daysInMonth } from '../../calendar/dates.js';
import { writtenDates } from '../../text/time.js';
import { occurrenceCounter } from '../text/repeated.js';

/**
 * A date in the text that no calendar has: 6月31日, 2月30日, 13月5日, and 2月29日 in a year that is not a
 * leap year (a date without a year is read in the plan's period, as date/weekday reads it).
 */
const rule = defineRule({
  id: 'date/text-invalid',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A date written in a text that does not exist (6月31日, 2023年2月29日)', zh: '文字中写了不存在的日期（如6月31日、2023年2月29日）' },
  messages: {
    day: { text: '6月31日', month: 6, days: 30 },
    leap: { text: '2023年2月29日', year: 2023 },
    month: { text: '13月5日', month: 13 },
  },
  check(plan, ctx) {
    const yearOf = textYear(plan);
    for (const field of textFields(plan)) {
      const occurrence = occurrenceCounter(field.text);
      for (const d of writtenDates(field.text)) {
        // Where the date is, worked out only for one that is wrong.
        const at = () => ({ path: field.path, needle: d.text, occurrence: occurrence(d.text, d.index) });
        if (d.month < 1 || d.month > 12) {
          ctx.report({ ...at(), messageId: 'month', data: { text: d.text, month: d.month } });
          continue;
        }
        // February has 29 days in some years: without a year or a plan year, only the 30th and 31st are wrong.
        const year = d.year ?? yearOf?.(d.month, Math.min(d.day, 28));
        const days = year === undefined ? daysInMonth(2000, d.month) : daysInMonth(year, d.month);
        if (d.day >= 1 && d.day <= days) continue;
        if (d.month === 2 && d.day === 29 && year !== undefined) ctx.report({ ...at(), messageId: 'leap', data: { text: d.text, year } });
        else ctx.report({ ...at(), messageId: 'day', data: { text: d.text, month: d.month, days } });
      }
    }
  },
});
export default rule;
