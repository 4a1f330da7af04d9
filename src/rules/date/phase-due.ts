import { defineRule } from '../types.js';

const rule = defineRule({
  id: 'date/phase-due',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'A task is due after the end of its phase (a note when it is due within the next phase)',
    zh: '任务的完成时限晚于所在阶段的结束日期（在下一阶段内完成的只作提示）',
  },
  messages: { late: { task: '2.3', due: '2020-06-28', phase: '集中整治阶段', end: '2020-06-25' } },
  check(plan, ctx) {
    const order = plan.phases;
    for (const t of plan.allTasks) {
      const at = t.phase === undefined ? -1 : order.findIndex((p) => p.id === t.phase);
      const phase = order[at];
      if (!t.due || !phase?.end || t.due <= phase.end) continue;
      // Finishing in the next phase (整改销号 by the month's end, while 总结 has begun) is how plans are
      // written: a note. Later than that — past the next phase, or past the period — is a mistake.
      const next = order[at + 1]?.end ?? plan.period?.end;
      const slips = !next || t.due <= next;
      ctx.report({ path: [...t.path, 'due'], messageId: 'late', data: { task: t.id, due: t.due, phase: phase.title, end: phase.end }, ...(slips ? { note: true } : {}) });
    }
  },
});
export default rule;
