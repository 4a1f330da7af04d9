import { defineRule } from '../types.js';

/**
 * A task's progress log is kept oldest first (`campaign update` and `collect` append): an entry dated before
 * the one above it was pasted in the wrong place or carries a mistyped date. Entries of the same day may stand
 * in any order. Reported at the entry that breaks the order, once per break (one misplaced entry is one finding);
 * not after an entry dated past the as-of day, which status/future-entry reports (07-17 typed for 06-17).
 */
const rule = defineRule({
  id: 'status/log-order',
  severity: 'warning',
  stage: 'plan',
  description: { en: "A task's progress log is not in date order", zh: '任务的进展记录未按日期先后排列' },
  messages: { order: { task: '2.1', date: '2020-06-05', previous: '2020-06-12' } },
  check(plan, ctx) {
    for (const t of plan.allTasks) {
      const log = t.updates;
      for (let i = 1; i < log.length; i++) {
        const u = log[i]!;
        const previous = log[i - 1]!.date;
        if (u.date < previous && previous <= ctx.asOf) ctx.report({ path: [...u.path, 'date'], messageId: 'order', data: { task: t.id, date: u.date, previous } });
      }
    }
  },
});
export default rule;
