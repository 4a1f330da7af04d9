import { defineRule } from '../types.js';
import { effectivePeriod } from '../../model/period.js';

const rule = defineRule({
  id: 'date/order',
  severity: 'error',
  stage: 'plan',
  description: { en: 'An end or due date comes before its start', zh: '结束日期或完成时限早于开始日期' },
  messages: {
    period: { start: '2020-06-30', end: '2020-06-01' },
    task: { task: '1.2', start: '2020-06-20', due: '2020-06-10' },
  },
  check(plan, ctx) {
    // Against the corrected period when date/period-year fires (2020-06-01 – 2019-06-30 is one mistake).
    const p = effectivePeriod(plan);
    if (p && p.end < p.start) {
      ctx.report({ path: ['period', 'end'], messageId: 'period', data: { start: p.start, end: p.end } });
    }
    for (const t of plan.allTasks) {
      if (t.start && t.due && t.due < t.start) {
        ctx.report({ path: [...t.path, 'due'], messageId: 'task', data: { task: t.id, start: t.start, due: t.due } });
      }
    }
  },
});
export default rule;
