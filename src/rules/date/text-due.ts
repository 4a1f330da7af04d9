import { defineRule } from '../types.js';
import { effectivePeriod } from '../../model/period.js';
import { findTimes, type TimeHit } from '../../text/time.js';

/**
 * A task whose own words set its deadline (5月20日前完成, 6月底前) while `due` says later. The latest
 * deadline the words name counts ("各村6月27日前报送，镇里6月底前汇总" is due at the month's end), and only
 * deadlines do: the date of an event the task follows (6月12日召开推进会后) says nothing of when it is due.
 */
const rule = defineRule({
  id: 'date/text-due',
  severity: 'warning',
  stage: 'plan',
  description: { en: "A task's title or text names a deadline earlier than its `due`", zh: '任务标题或内容写明的完成时限早于其 due 字段' },
  messages: { later: { task: '1', words: '5月20日前', date: '2024-05-20', due: '2024-05-24' } },
  check(plan, ctx) {
    if (plan.year === undefined) return;
    const period = effectivePeriod(plan);
    const time = { year: plan.year, ...(period && period.start <= period.end ? { period } : {}), isWorkday: ctx.calendar.isWorkday };
    for (const t of plan.allTasks) {
      if (!t.due) continue;
      let latest: { hit: TimeHit; field: 'title' | 'text' } | undefined;
      for (const field of ['title', 'text'] as const) {
        const words = t[field];
        if (!words || !/前|底|末/.test(words)) continue;
        for (const hit of findTimes(words, time)) {
          if ((hit.kind === 'before' || hit.kind === 'month-end') && hit.due && (!latest || hit.due > latest.hit.due!)) latest = { hit, field };
        }
      }
      if (!latest || t.due <= latest.hit.due!) continue;
      ctx.report({
        path: [...t.path, latest.field], needle: latest.hit.text, messageId: 'later',
        data: { task: t.id, words: latest.hit.text, date: latest.hit.due!, due: t.due },
      });
    }
  },
});
export default rule;
