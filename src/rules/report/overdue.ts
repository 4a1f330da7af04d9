import type { PlanRule } from '../types.js';

const rule: PlanRule = {
  id: 'report/overdue',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A report is past its deadline and not submitted', zh: '报送事项已过期限仍未报送' },
  check(plan, ctx) {
    for (const r of plan.reports) {
      if (!r.due || r.submitted || r.due >= ctx.asOf) continue;
      ctx.report({ path: [...r.path, 'due'], data: { report: r.id, title: r.title, due: r.due, asOf: ctx.asOf } });
    }
  },
};
export default rule;
