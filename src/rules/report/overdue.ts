import { defineRule } from '../types.js';

const rule = defineRule({
  id: 'report/overdue',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A report is past its deadline and not submitted', zh: '报送事项已过期限仍未报送' },
  messages: {
    overdue: { report: 'summary', title: '活动总结', due: '2020-07-05', missed: ['2020-07-05'], asOf: '2020-07-15' },
    recurring: { report: 'weekly', title: '进展情况', due: '2020-06-05', missed: ['2020-06-05', '2020-06-12'], asOf: '2020-06-15' },
  },
  check(plan, ctx) {
    for (const r of plan.reports) {
      const missed = r.deadlines.filter((d) => !d.submitted && d.due < ctx.asOf).map((d) => d.due);
      const first = missed[0];
      if (first === undefined) continue;
      // A recurring duty is one finding listing the missed dates, not one per week.
      ctx.report({
        path: [...r.path, r.every ? 'every' : 'due'],
        messageId: r.every ? 'recurring' : 'overdue',
        data: { report: r.id, title: r.title, due: first, missed, asOf: ctx.asOf },
      });
    }
  },
});
export default rule;
