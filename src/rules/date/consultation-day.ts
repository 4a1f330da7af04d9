import { defineRule } from '../types.js';
import { consultationDay } from '../../data/campaigns.js';
import { textFields } from '../../model/texts.js';
import { isRealDate } from '../../calendar/dates.js';
import type { Task } from '../../model/types.js';

const MENTION = /咨询日/;
const DATED_MENTION = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。；;]{0,24}?咨询日/g;

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
    for (const field of textFields(plan)) {
      // A task with a due date was judged by it above; its text would only repeat the finding.
      if (field.task && withDue.has(field.task)) continue;
      if (!field.text.includes('咨询日')) continue;
      for (const m of field.text.matchAll(DATED_MENTION)) {
        const y = m[1] ? Number(m[1]) : plan.year;
        const date = `${y}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
        const day = consultationDay(y);
        if (!day || !isRealDate(date) || date === day) continue;
        ctx.report({ path: field.path, needle: m[0].slice(0, m[0].indexOf('日') + 1), messageId: 'text', data: { text: m[0], date, day } });
      }
    }
  },
});
export default rule;
