import { defineRule } from '../types.js';

/** The year a title states: "2020年" first, else a lone 19xx/20xx. */
export function titleYear(title: string): { year: number; text: string } | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})\s*年/.exec(title) ?? /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(title);
  return m ? { year: Number(m[1]), text: m[1]! } : undefined;
}

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
