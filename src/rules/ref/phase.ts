import { defineRule } from '../types.js';
import { nearest } from '../../model/nearest.js';

const rule = defineRule({
  id: 'ref/phase',
  severity: 'error',
  stage: 'plan',
  description: { en: 'A task refers to a phase that is not defined under `phases`', zh: '任务引用了 phases 中未定义的阶段' },
  messages: { unknown: { id: 'p4', task: '2.1', suggestion: 'p3' as string | undefined } },
  check(plan, ctx) {
    const ids = plan.phases.map((p) => p.id);
    const known = new Set(ids);
    for (const t of plan.allTasks) {
      // Only where the task names it: a subtask that takes its parent's phase is judged at the parent.
      const own = t.phase !== undefined && t.phase !== t.parent?.phase;
      if (!own || known.has(t.phase!)) continue;
      ctx.report({ path: [...t.path, 'phase'], messageId: 'unknown', data: { id: t.phase!, task: t.id, suggestion: nearest(t.phase!, ids) } });
    }
  },
});
export default rule;
