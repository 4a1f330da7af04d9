import { defineRule } from '../types.js';
import { correctedPeriod } from '../../model/period.js';

const rule = defineRule({
  id: 'date/period-year',
  severity: 'error',
  stage: 'plan',
  description: { en: "The activity period does not lie in the plan's year", zh: '活动时间不在方案年度内' },
  messages: {
    'other-year': { start: '2019-06-01', end: '2019-06-30', year: 2020, periodYear: 2019, fixedStart: '2020-06-01', fixedEnd: '2020-06-30' },
  },
  check(plan, ctx) {
    const fixed = correctedPeriod(plan);
    // (correctedPeriod gives none without a year; the check tells the compiler so.)
    if (!fixed || !plan.period || plan.year === undefined) return;
    const { start, end } = plan.period;
    const wrongStart = fixed.start !== start;
    ctx.report({
      path: ['period', wrongStart ? 'start' : 'end'],
      messageId: 'other-year',
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
});
export default rule;
