import { defineRule } from '../types.js';

/**
 * A progress entry dated after the as-of day (`--as-of`, default today) — the day every status rule and table
 * judges by, which leaves such an entry out of them all: a mistyped date (07-17 for 06-17), or an entry written
 * ahead of time. Judging a finished plan as of an earlier day (`validate --as-of`) reports its later entries too.
 */
const rule = defineRule({
  id: 'status/future-entry',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A progress entry is dated after the as-of date', zh: '进展记录的日期晚于检查日期（as-of）' },
  messages: { future: { task: '2.1', date: '2020-07-17', asOf: '2020-06-20' } },
  check(plan, ctx) {
    for (const t of plan.allTasks) {
      for (const u of t.updates) {
        if (u.date > ctx.asOf) ctx.report({ path: [...u.path, 'date'], messageId: 'future', data: { task: t.id, date: u.date, asOf: ctx.asOf } });
      }
    }
  },
});
export default rule;
