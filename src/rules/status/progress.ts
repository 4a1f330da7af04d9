import { defineRule, type RuleContext } from '../types.js';
import type { Path, Status, Task } from '../../model/types.js';
import { isLeaf } from '../../model/build.js';
import { stateAsOf } from '../../model/status-at.js';

const messages = {
  done: { task: '1.2', progress: 80 },
  full: { task: '1.2', status: 'in_progress' as Status },
  parent: { task: '1', child: '1.2', childStatus: 'in_progress' as Status },
};

function checkPair(status: Status | undefined, progress: number | undefined, path: Path, task: string, ctx: RuleContext<typeof messages>) {
  if (progress === undefined) return;
  if (status === 'done' && progress < 100) {
    ctx.report({ path: [...path, 'progress'], messageId: 'done', data: { task, progress } });
  } else if (progress === 100 && status !== 'done' && status !== 'cancelled') {
    ctx.report({ path: [...path, 'progress'], messageId: 'full', data: { task, status: status ?? 'planned' } });
  }
}

function leaves(t: Task): Task[] {
  return isLeaf(t) ? [t] : t.tasks.flatMap(leaves);
}

const rule = defineRule({
  id: 'status/progress',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'Status and progress disagree (done below 100%, 100% not done, a parent done while a child is not)',
    zh: '状态与进度矛盾（已完成但进度不足100%、进度100%却未完成、上级已完成而下级未完成）',
  },
  messages,
  check(plan, ctx) {
    for (const t of plan.allTasks) {
      checkPair(t.status, t.progress, t.path, t.id, ctx);
      for (const u of t.updates) if (u.status !== undefined) checkPair(u.status, u.progress, u.path, t.id, ctx);
      if (t.status === 'done' && !isLeaf(t)) {
        const open = leaves(t).find((leaf) => !['done', 'cancelled'].includes(stateAsOf(leaf, ctx.asOf).status));
        if (open) {
          ctx.report({ path: [...t.path, 'status'], messageId: 'parent', data: { task: t.id, child: open.id, childStatus: stateAsOf(open, ctx.asOf).status } });
        }
      }
    }
  },
});
export default rule;
