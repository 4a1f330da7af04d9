import { defineRule } from '../types.js';

/**
 * One unit both leads and supports the same task (牵头单位：应急办；配合单位：应急办、派出所): a copying slip.
 * Units are compared by id, so a unit named once by its id and once by its name or an alias is the same unit;
 * a parent led by a unit that supports one of its subtasks is two tasks, and fine.
 */
const rule = defineRule({
  id: 'ref/lead-support',
  severity: 'error',
  stage: 'plan',
  description: { en: 'A unit both leads and supports the same task', zh: '同一单位在同一任务中既是牵头单位又是配合单位' },
  messages: { both: { task: '2.1', unit: 'safety', name: '应急办' } },
  check(plan, ctx) {
    for (const t of plan.allTasks) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; without a lead or a support, no support is among the leads either
      if (t.lead.length === 0 || t.support.length === 0) continue;
      t.support.forEach((id, i) => {
        if (!t.lead.includes(id)) return;
        const name = plan.units.find((u) => u.id === id)?.name ?? id;
        ctx.report({ path: [...t.path, 'support', i], messageId: 'both', data: { task: t.id, unit: id, name } });
      });
    }
  },
});
export default rule;
