import type { PlanRule } from '../types.js';

const rule: PlanRule = {
  id: 'report/overdue',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A report is past its deadline and not submitted', zh: '报送事项已过期限仍未报送' },
  check(plan, ctx) {
    for (const r of plan.reports) {
      const missed = r.deadlines.filter((d) => !d.submitted && d.due < ctx.asOf).map((d) => d.due);
      if (missed.length === 0) continue;
      // A recurring duty is one finding listing the missed dates, not one per week.
      ctx.report({
        path: [...r.path, r.every ? 'every' : 'due'],
        messageId: r.every ? 'report/overdue-recurring' : 'report/overdue',
        data: { report: r.id, title: r.title, due: missed[0], missed, asOf: ctx.asOf },
      });
    }
  },
};
export default rule;
