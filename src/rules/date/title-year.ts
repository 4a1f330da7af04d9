import { defineRule } from '../types.js';
import { titleYear } from '../../text/title-year.js';

const rule = defineRule({
  id: 'date/title-year',
  severity: 'error',
  stage: 'plan',
  description: { en: 'The year written in the title differs from `year`', zh: '标题中的年份与 year 字段不一致' },
  messages: { mismatch: { titleYear: 2019, year: 2020 } },
  check(plan, ctx) {
    if (!plan.title || plan.year === undefined) return;
    const found = titleYear(plan.title);
    if (!found || found.year === plan.year) return;
    ctx.report({
      path: ['title'],
      needle: found.text,
      messageId: 'mismatch',
      data: { titleYear: found.year, year: plan.year },
      fixes: [{ path: ['title'], value: plan.title.replace(found.text, String(plan.year)) }],
    });
  },
});
export default rule;
