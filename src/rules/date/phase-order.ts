import { defineRule } from '../types.js';
import { effectivePeriod } from '../../model/period.js';

const rule = defineRule({
  id: 'date/phase-order',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'Phases must lie inside the activity period, run in order and not overlap',
    zh: '各阶段应在活动时间内、依次排列、互不重叠',
  },
  messages: {
    backwards: { phase: '宣传发动阶段', start: '2020-06-05', end: '2020-06-01' },
    outside: { phase: '总结阶段', start: '2020-06-25', end: '2020-07-05', periodStart: '2020-06-01', periodEnd: '2020-06-30' },
    overlap: { phase: '集中整治阶段', start: '2020-06-04', previous: '宣传发动阶段', previousEnd: '2020-06-05' },
  },
  check(plan, ctx) {
    // Against the corrected period when date/period-year fires: one mistake, one finding.
    const period = effectivePeriod(plan);
    let previous: { title: string; end: string } | undefined;
    for (const p of plan.phases) {
      if (!p.start || !p.end) continue;
      if (p.end < p.start) {
        ctx.report({ path: [...p.path, 'end'], messageId: 'backwards', data: { phase: p.title, start: p.start, end: p.end } });
        continue;
      }
      if (period && period.start <= period.end && (p.start < period.start || p.end > period.end)) {
        const field = p.start < period.start ? 'start' : 'end';
        ctx.report({ path: [...p.path, field], messageId: 'outside', data: { phase: p.title, start: p.start, end: p.end, periodStart: period.start, periodEnd: period.end } });
      }
      if (previous && p.start <= previous.end) {
        ctx.report({ path: [...p.path, 'start'], messageId: 'overlap', data: { phase: p.title, start: p.start, previous: previous.title, previousEnd: previous.end } });
      }
      previous = { title: p.title, end: p.end };
    }
  },
});
export default rule;
