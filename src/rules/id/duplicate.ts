import { defineRule } from '../types.js';
import type { Path } from '../../source/path.js';

const rule = defineRule({
  id: 'id/duplicate',
  severity: 'error',
  stage: 'plan',
  description: { en: 'Two tasks, units, themes, requirements or reports share an id', zh: '任务、单位、主题、要求或报送事项的 id 重复' },
  messages: { duplicate: { kind: 'units', id: 'police', first: ['units', 0] as Path } },
  check(plan, ctx) {
    const groups: [string, { id: string; path: Path }[]][] = [
      ['tasks', plan.allTasks.filter((t) => t.id !== '')],
      ['units', plan.units],
      ['themes', plan.themes],
      ['requirements', plan.requirements],
      ['reports', plan.reports],
    ];
    for (const [kind, items] of groups) {
      // The items themselves: a task's path is put together only for a finding.
      const first = new Map<string, { path: Path }>();
      for (const item of items) {
        const earlier = first.get(item.id);
        if (earlier) ctx.report({ path: [...item.path, 'id'], messageId: 'duplicate', data: { kind, id: item.id, first: earlier.path } });
        else first.set(item.id, item);
      }
    }
  },
});
export default rule;
