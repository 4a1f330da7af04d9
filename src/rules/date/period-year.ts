import type { PlanRule } from '../types.js';
import { correctedPeriod } from '../../model/period.js';

const rule: PlanRule = {
  id: 'date/period-year',
  severity: 'error',
  stage: 'plan',
  description: { en: "The activity period does not lie in the plan's year", zh: '活动时间不在方案年度内' },
  check(plan, ctx) {
    const fixed = correctedPeriod(plan);
    if (!fixed || !plan.period) return;
    const { start, end } = plan.period;
    const wrongStart = fixed.start !== start;
    ctx.report({
      path: ['period', wrongStart ? 'start' : 'end'],
      data: {
        start, end, year: plan.year,
        periodYear: Number((wrongStart ? start : end).slice(0, 4)),
        fixedStart: fixed.start, fixedEnd: fixed.end,
      },
      fixes: [
        ...(wrongStart ? [{ path: ['period', 'start'], value: fixed.start }] : []),
        ...(fixed.end !== end ? [{ path: ['period', 'end'], value: fixed.end }] : []),
      ],
    });
  },
};
export default rule;
