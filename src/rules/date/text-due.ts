import { defineRule } from '../types.js';
import { textTime } from '../../model/period.js';
import { readDates, type TimeHit } from '../../text/time.js';

/**
 * A task whose own words set its deadline (5月20日前完成, 6月底前, 月底前, 6月上旬, 6月10日星期三前, 端午节前,
 * 6月20日截止) while `due` says later. The latest deadline the words name counts ("各村6月27日前报送，镇里6月底前
 * 汇总" is due at the month's end), and only deadlines do: the date of an event the task follows
 * (6月12日召开推进会后) says nothing of when it is due, nor does a date cited from an earlier year.
 * The words are read as the importer reads them (text/time.ts).
 */
const rule = defineRule({
  id: 'date/text-due',
  severity: 'warning',
  stage: 'plan',
  description: { en: "A task's title or text names a deadline earlier than its `due`", zh: '任务标题或内容写明的完成时限早于其 due 字段' },
  messages: { later: { task: '1', words: '5月20日前', date: '2024-05-20', due: '2024-05-24' } },
  check(plan, ctx) {
    if (plan.year === undefined) return;
    const time = textTime(plan, ctx.calendar)!;
    for (const t of plan.allTasks) {
      if (!t.due) continue;
      let latest: { hit: TimeHit; field: 'title' | 'text' } | undefined;
      for (const field of ['title', 'text'] as const) {
        const words = t[field];
        // Every deadline is written with one of these (前, 底, 末, 旬, 截止, 月初, N日内, 结束后…).
        if (!words || !/前|底|末|旬|截止|初|内|结束后/.test(words)) continue;
        for (const hit of readDates(words, time)) {
          if (hit.deadline && !hit.cited && hit.due && (!latest || hit.due > latest.hit.due!)) latest = { hit, field };
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
