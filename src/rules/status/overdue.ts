import { defineRule } from '../types.js';
import type { Status } from '../../model/types.js';
import { isLeaf } from '../../model/build.js';
import { stateAsOf } from '../../model/status-at.js';

const rule = defineRule({
  id: 'status/overdue',
  severity: 'warning',
  stage: 'plan',
  description: { en: 'A task is past its due date and not done or cancelled', zh: '任务已过完成时限，但尚未完成或取消' },
  messages: { overdue: { task: '1.2', due: '2020-06-10', status: 'in_progress' as Status, asOf: '2020-06-15' } },
  check(plan, ctx) {
    // Leaf tasks only: a parent's state rolls up from its children, which are reported themselves.
    for (const t of plan.allTasks) {
      if (!isLeaf(t) || !t.due || t.due >= ctx.asOf) continue;
      const { status } = stateAsOf(t, ctx.asOf);
      if (status === 'done' || status === 'cancelled') continue;
      ctx.report({ path: [...t.path, 'due'], messageId: 'overdue', data: { task: t.id, due: t.due, status, asOf: ctx.asOf } });
    }
  },
});
export default rule;
