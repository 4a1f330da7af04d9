import { defineRule } from '../types.js';
import { consultationDay } from '../../data/campaigns.js';
import { textFields } from '../../model/texts.js';
import { textTime } from '../../model/period.js';
import type { Task } from '../../model/types.js';
import { readDates } from '../../text/time.js';

const MENTION = /咨询日/;
/** The words after a date that make it the consultation day's: 咨询日 within the same clause. */
const OF_THE_DAY = /^[^。；;]{0,24}?咨询日/;

const rule = defineRule({
  id: 'date/consultation-day',
  severity: 'info',
  stage: 'plan',
  description: {
    en: 'A consultation-day (咨询日) activity dated off the national day (June 16 since 2014; the second Sunday of June before)',
    zh: '“咨询日”活动的日期与全国安全生产宣传咨询日不一致（2014年起为6月16日，此前为6月第二个星期日）',
  },
  messages: {
    due: { task: '2.1', date: '2020-06-14', day: '2020-06-16' },
    text: { text: '6月14日举行咨询日', date: '2020-06-14', day: '2020-06-16' },
  },
  check(plan, ctx) {
    const withDue = new Set<Task>();
    for (const t of plan.allTasks) {
      if (!t.due || !(MENTION.test(t.title) || (t.text !== undefined && MENTION.test(t.text)))) continue;
      withDue.add(t);
      const day = consultationDay(Number(t.due.slice(0, 4)));
      if (!day || t.due === day || (t.start && t.start <= day && day <= t.due)) continue;
      ctx.report({ path: [...t.path, 'due'], messageId: 'due', data: { task: t.id, date: t.due, day } });
    }
    if (plan.year === undefined) return;
    const time = textTime(plan, ctx.calendar)!;
    for (const field of textFields(plan)) {
      // A task with a due date was judged by it above; its text would only repeat the finding.
      if (field.task && withDue.has(field.task)) continue;
      // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; without it OF_THE_DAY finds no 咨询日 after any date of such a text either
      if (!field.text.includes('咨询日')) continue;
      for (const hit of readDates(field.text, time)) {
        const words = OF_THE_DAY.exec(field.text.slice(hit.index + hit.text.length));
        // A date, or days (6月14日至16日), followed by the day's name in the same clause.
        if (!words || !hit.due || !(hit.kind === 'on' || hit.kind === 'before' || hit.kind === 'range')) continue;
        const date = hit.start ?? hit.due;
        const day = consultationDay(Number(date.slice(0, 4)));
        if (!day || (date <= day && day <= hit.due)) continue;
        ctx.report({ path: field.path, needle: hit.text, messageId: 'text', data: { text: `${hit.text}${words[0]}`, date, day } });
      }
    }
  },
});
export default rule;
