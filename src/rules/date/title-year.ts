import { defineRule } from '../types.js';
import { titleYear, type TitleYear } from '../../text/title-year.js';

/** A season written 2022—2023年度 or 2022-23年: the two years of the title's, after its first. */
const SEASON_END = /^(\s*[—–\-~～至到]\s*)(\d{4}|\d{2})(?=\s*年)/;

/**
 * The title with its year made `year`. A season's two years move together (2022—2023年度 becomes
 * 2023—2024年度, not 2023—2023年度), each written with as many digits as before.
 */
function fixedTitle(title: string, found: TitleYear, year: number): string {
  const after = found.index + found.text.length;
  const end = SEASON_END.exec(title.slice(after));
  if (!end) return `${title.slice(0, found.index)}${year}${title.slice(after)}`;
  const endYear = Number(end[2]) + year - found.year;
  const written = end[2]!.length === 2 ? String(endYear % 100).padStart(2, '0') : String(endYear);
  return `${title.slice(0, found.index)}${year}${end[1]}${written}${title.slice(after + end[0].length)}`;
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
      fixes: [{ path: ['title'], value: fixedTitle(plan.title, found, plan.year) }],
    });
  },
});
export default rule;
