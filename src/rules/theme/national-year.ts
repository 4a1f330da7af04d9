import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { chineseNumber } from '../../text/numerals.js';
import { editionYear, normaliseTheme, themeOfYear, yearsOfTheme } from '../../data/themes.js';

const EDITION = /第\s*([一二三四五六七八九十]+|\d+)\s*个\s*(?:全国\s*)?[“"]?安全生产月/g;

const rule = defineRule({
  id: 'theme/national-year',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: "A Safety Production Month plan carries another year's national theme or edition number",
    zh: '“安全生产月”方案使用了其他年份的全国主题或届次',
  },
  messages: {
    theme: { theme: '防风险、除隐患、遏事故', themeYear: 2019, themeEdition: 18, year: 2020, currentTheme: '消除事故隐患，筑牢安全防线' },
    edition: { text: '第十八个“安全生产月', edition: 18, editionYear: 2019, year: 2020, expected: 19 },
  },
  check(plan, ctx) {
    if (!plan.title || !/安全生产月/.test(plan.title) || plan.year === undefined) return;
    const year = plan.year;
    const current = themeOfYear(year);
    for (const theme of plan.themes) {
      const years = yearsOfTheme(theme.title).map((t) => t.year);
      if (years.length === 0 || years.includes(year)) continue;
      // Only when this year's theme is known, and is not the same main theme with a sub-theme added.
      if (!current || normaliseTheme(current.theme).startsWith(normaliseTheme(theme.title))) continue;
      const other = themeOfYear(years[years.length - 1]!)!;
      ctx.report({
        path: [...theme.path, 'title'],
        messageId: 'theme',
        data: { theme: theme.title, themeYear: other.year, themeEdition: other.edition, year, currentTheme: current.theme },
      });
    }
    for (const field of textFields(plan)) {
      for (const m of field.text.matchAll(EDITION)) {
        const edition = chineseNumber(m[1]!);
        if (edition === undefined || editionYear(edition) === year) continue;
        ctx.report({
          path: field.path, needle: m[0], messageId: 'edition',
          data: { text: m[0], edition, editionYear: editionYear(edition), year, expected: year - 2001 },
        });
      }
    }
  },
});
export default rule;
