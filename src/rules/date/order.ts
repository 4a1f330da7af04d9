import type { PlanRule } from '../types.js';
import { effectivePeriod } from '../../model/period.js';

const rule: PlanRule = {
  id: 'date/order',
  severity: 'error',
  stage: 'plan',
  description: { en: 'An end or due date comes before its start', zh: '结束日期或完成时限早于开始日期' },
  check(plan, ctx) {
    // Against the corrected period when date/period-year fires (2020-06-01 – 2019-06-30 is one mistake).
    const p = effectivePeriod(plan);
    if (p && p.end < p.start) {
      ctx.report({ path: ['period', 'end'], messageId: 'date/order-period', data: { start: p.start, end: p.end } });
    }
    for (const t of plan.allTasks) {
      if (t.start && t.due && t.due < t.start) {
        ctx.report({ path: [...t.path, 'due'], messageId: 'date/order-task', data: { task: t.id, start: t.start, due: t.due } });
      }
    }
  },
};
export default rule;
