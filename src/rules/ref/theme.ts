import { defineRule } from '../types.js';
import { nearest } from '../../model/nearest.js';

const rule = defineRule({
  id: 'ref/theme',
  severity: 'error',
  stage: 'plan',
  description: { en: 'A reference to a theme that is not defined under `themes`', zh: '引用了 themes 中未定义的主题' },
  messages: { unknown: { id: 'safty', suggestion: 'safety' as string | undefined } },
  check(plan, ctx) {
    const ids = plan.themes.map((t) => t.id);
    const known = new Set(ids);
    for (const t of plan.allTasks) {
      if (t.theme === undefined || known.has(t.theme)) continue;
      ctx.report({ path: [...t.path, 'theme'], messageId: 'unknown', data: { id: t.theme, suggestion: nearest(t.theme, ids) } });
    }
  },
});
export default rule;
