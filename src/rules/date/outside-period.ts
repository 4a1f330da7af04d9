import { defineRule } from '../types.js';
import { effectivePeriod } from '../../model/period.js';

const rule = defineRule({
  id: 'date/outside-period',
  severity: 'warning',
  stage: 'plan',
  description: { en: "A task's start or due date lies outside the activity period", zh: '任务的开始日期或完成时限不在活动时间内' },
  messages: { outside: { task: '1.2', field: 'due' as 'start' | 'due', date: '2020-07-10', start: '2020-06-01', end: '2020-06-30' } },
  check(plan, ctx) {
    // Judged against the corrected period when date/period-year fires, so one mistake is one finding.
    const period = effectivePeriod(plan);
    if (!period || period.end < period.start) return;
    for (const t of plan.allTasks) {
      for (const field of ['start', 'due'] as const) {
        const d = t[field];
        // Work the plan sets for after the campaign (活动结束后3个工作日内完成核查) is due after it by design.
        const afterwards = field === 'due' && d !== undefined && d > period.end && /结束后/.test(`${t.title}${t.text ?? ''}`);
        if (d && (d < period.start || d > period.end) && !afterwards) {
          ctx.report({ path: [...t.path, field], messageId: 'outside', data: { task: t.id, field, date: d, start: period.start, end: period.end } });
        }
      }
    }
  },
});
export default rule;
