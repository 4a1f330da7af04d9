import type { PlanRule } from '../types.js';
import { isLeaf } from '../../model/build.js';
import { stateAsOf } from '../../model/status-at.js';

const rule: PlanRule = {
  id: 'status/overdue',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A task is past its due date and not done or cancelled', zh: '任务已过完成时限，但尚未完成或取消' },
  check(plan, ctx) {
    // Leaf tasks only: a parent's state rolls up from its children, which are reported themselves.
    for (const t of plan.allTasks) {
      if (!isLeaf(t) || !t.due || t.due >= ctx.asOf) continue;
      const { status } = stateAsOf(t, ctx.asOf);
      if (status === 'done' || status === 'cancelled') continue;
      ctx.report({ path: [...t.path, 'due'], data: { task: t.id, due: t.due, status, asOf: ctx.asOf } });
    }
  },
};
export default rule;
