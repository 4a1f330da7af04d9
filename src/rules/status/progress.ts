import { defineRule, type RuleContext } from '../types.js';
import type { Status, Task } from '../../model/types.js';
import { isLeaf } from '../../model/build.js';
import { stateAsOf } from '../../model/status-at.js';
import type { Path } from '../../source/path.js';

const messages = {
  done: { task: '1.2', progress: 80 },
  full: { task: '1.2', status: 'in_progress' as Status },
  parent: { task: '1', child: '1.2', childStatus: 'in_progress' as Status },
};

/** A task or an update: its path is put together only for a finding (updates have many). */
function checkPair(status: Status | undefined, progress: number | undefined, at: { readonly path: Path }, task: string, ctx: RuleContext<typeof messages>) {
  if (progress === undefined) return;
  if (status === 'done' && progress < 100) {
    ctx.report({ path: [...at.path, 'progress'], messageId: 'done', data: { task, progress } });
  } else if (progress === 100 && status !== 'done' && status !== 'cancelled') {
    ctx.report({ path: [...at.path, 'progress'], messageId: 'full', data: { task, status: status ?? 'planned' } });
  }
}

const closed = (s: Status): boolean => s === 'done' || s === 'cancelled';

/** The first leaf under `t` that is neither done nor cancelled as of the date, with its status; each leaf's state is worked out once. */
function openLeaf(t: Task, statusOf: (leaf: Task) => Status): { leaf: Task; status: Status } | undefined {
  if (isLeaf(t)) {
    const status = statusOf(t);
    return closed(status) ? undefined : { leaf: t, status };
  }
  for (const c of t.tasks) {
    const open = openLeaf(c, statusOf);
    if (open) return open;
  }
  return undefined;
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
    const states = new Map<Task, Status>();
    const statusOf = (leaf: Task): Status => {
      let status = states.get(leaf);
      if (status === undefined) {
        status = stateAsOf(leaf, ctx.asOf).status;
        states.set(leaf, status);
      }
      return status;
    };
    for (const t of plan.allTasks) {
      checkPair(t.status, t.progress, t, t.id, ctx);
      for (const u of t.updates) if (u.status !== undefined) checkPair(u.status, u.progress, u, t.id, ctx);
      if (t.status === 'done' && !isLeaf(t)) {
        const open = openLeaf(t, statusOf);
        if (open) ctx.report({ path: [...t.path, 'status'], messageId: 'parent', data: { task: t.id, child: open.leaf.id, childStatus: open.status } });
      }
    }
  },
});
export default rule;
