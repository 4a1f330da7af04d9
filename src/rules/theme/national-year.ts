import { defineRule, type Placement } from '../types.js';
import { textFields } from '../../model/texts.js';
import { chineseNumber } from '../../text/numerals.js';
import { earlierYearOfEdition, earlierYearOfTheme, editionOf, editionPattern, nationalCampaignOf, otherYearOfTheme, SAFETY_MONTH, themeOf, yearOfEdition } from '../../data/national-campaigns.js';
import { normaliseTheme } from '../../data/themes.js';
import { occurrenceCounter } from '../text/repeated.js';
import type { Observance } from '../../data/theme-types.js';

/** A theme quoted in running text: 围绕“…”主题. */
const QUOTED = /“([^“”\n]+)”|"([^"\n]+)"/g;

/** Where a sentence ends, for citedAsOther. */
const SENTENCE_END = /[。；;！!？?]/g;
const CITING_WORDS = /去年|上年|上一年|往年|历年|以往|曾|前几年/g;
const WRITTEN_YEAR = /(?<!\d)(\d{4})\s*年/g;

/**
 * Whether words before a quoted theme, in its sentence, make it another year's on purpose: 去年以“…”为主题,
 * 2025年的主题是“…”, 历年主题 — the plan cites it, it does not take it as its own. Asked of one text in order of
 * index: each sentence is read once, for where its first such words end, however many quotes it holds.
 */
function citedAsOther(text: string, year: number): (index: number) => boolean {
  let start = -1;
  let end = -1;
  let citedFrom = Number.POSITIVE_INFINITY;
  return (index) => {
    if (index < start || index > end) {
      // The sentence around `index`: from after the last end before it to the next end.
      start = 0;
      for (let i = index - 1; i >= 0; i--) {
        if ('。；;！!？?'.includes(text[i]!)) {
          start = i + 1;
          break;
        }
      }
      SENTENCE_END.lastIndex = index;
      end = SENTENCE_END.exec(text)?.index ?? text.length;
      const sentence = text.slice(start, end);
      citedFrom = Number.POSITIVE_INFINITY;
      for (const m of sentence.matchAll(CITING_WORDS)) citedFrom = Math.min(citedFrom, start + m.index + m[0].length);
      for (const m of sentence.matchAll(WRITTEN_YEAR)) if (Number(m[1]) !== year) citedFrom = Math.min(citedFrom, start + m.index + m[0].length);
    }
    return citedFrom <= index;
  };
}

const rule = defineRule({
  id: 'theme/national-year',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: "A national campaign's plan (Safety Production Month, Disaster Prevention Day, “119” Fire Safety Month, Anti-Drug Month) carries another year's national theme or edition number",
    zh: '全国性活动（安全生产月、防灾减灾日、“119”消防宣传月、禁毒宣传月）的方案使用了其他年份的全国主题或届次',
  },
  messages: {
    theme: { theme: '防风险、除隐患、遏事故', themeYear: 2019, themeEdition: 18, year: 2020, currentTheme: '消除事故隐患，筑牢安全防线' },
    edition: { text: '第十八个“安全生产月', edition: 18, editionYear: 2019, year: 2020, expected: 19 },
    'campaign-theme': { theme: '预防为主，生命至上', themeYear: 2023, of: 'fire-month' as Observance, year: 2024, currentTheme: '全民消防、生命至上' },
    'campaign-edition': { text: '第32个全国消防日', edition: 32, of: 'fire-day' as Observance, editionYear: 2023 as number | undefined, year: 2024, expected: 33 },
    'earlier-theme': { theme: '人人讲安全、个个会应急——查找身边安全隐患', themeYear: 2025, of: 'safety-month' as Observance, year: 2026 },
    'earlier-edition': { text: '第15个全民禁毒宣传月', edition: 15, of: 'drug-month' as Observance, editionYear: 2025, year: 2026 },
  },
  check(plan, ctx) {
    const campaign = nationalCampaignOf(plan.title);
    if (!campaign || plan.year === undefined) return;
    const year = plan.year;

    const currentTheme = themeOf(campaign, year)?.theme;
    // One wrong theme is one finding: where the plan declares it (themes), else where it first quotes it.
    const reported = new Set<string>();
    /**
     * Reports `theme` when it is another listed year's theme (and this year's theme is known), or — in a year
     * the data does not list — when it is a copy of an earlier year's theme that is over.
     */
    const judgeTheme = (place: Placement, theme: string) => {
      if (reported.has(normaliseTheme(theme))) return;
      if (currentTheme === undefined) {
        const earlier = earlierYearOfTheme(campaign, theme, year);
        if (!earlier) return;
        reported.add(normaliseTheme(theme));
        ctx.report({ ...place, messageId: 'earlier-theme', data: { theme, themeYear: earlier.year, of: earlier.statedAs ?? campaign.themesOf, year } });
        return;
      }
      const other = otherYearOfTheme(campaign, theme, year);
      if (!other) return;
      reported.add(normaliseTheme(theme));
      if (campaign.id === 'safety-month') {
        ctx.report({ ...place, messageId: 'theme', data: { theme, themeYear: other.year, themeEdition: other.year - SAFETY_MONTH.base, year, currentTheme } });
      } else {
        ctx.report({ ...place, messageId: 'campaign-theme', data: { theme, themeYear: other.year, of: other.statedAs ?? campaign.themesOf, year, currentTheme } });
      }
    };
    for (const theme of plan.themes) judgeTheme({ path: [...theme.path, 'title'] }, theme.title);
    // A theme quoted in the plan's own words: its title, preamble and guidance — unless the words cite it as
    // another year's (去年以“…”为主题).
    for (const key of ['title', 'preamble', 'guidance'] as const) {
      const text = plan[key];
      if (!text) continue;
      const cited = citedAsOther(text, year);
      const occurrence = occurrenceCounter(text);
      for (const m of text.matchAll(QUOTED)) {
        const quoted = (m[1] ?? m[2])!;
        if (cited(m.index)) continue;
        judgeTheme({ path: [key], needle: quoted, occurrence: occurrence(quoted, m.index + 1) }, quoted);
      }
    }

    // 第N个… of each observance whose edition this year is known — or, past the last year its count is known
    // in, whose number was an earlier year's — in every text of the plan.
    const counts = campaign.editions.flatMap((count) => {
      const expected = editionOf(count, year);
      return expected !== undefined || (count.to !== undefined && year > count.to) ? [{ count, expected, pattern: editionPattern(count) }] : [];
    });
    for (const field of counts.length > 0 ? textFields(plan) : []) {
      // Every edition is written 第N个: most texts have no 第 at all.
      if (!field.text.includes('第')) continue;
      const occurrence = occurrenceCounter(field.text);
      for (const { count, expected, pattern } of counts) {
        for (const m of field.text.matchAll(pattern)) {
          const edition = chineseNumber(m[1]!);
          if (edition === undefined || edition === expected) continue;
          const place = { path: field.path, needle: m[0], occurrence: occurrence(m[0], m.index) };
          if (expected === undefined) {
            const editionYear = earlierYearOfEdition(count, edition, year);
            if (editionYear !== undefined) ctx.report({ ...place, messageId: 'earlier-edition', data: { text: m[0], edition, of: count.observance, editionYear, year } });
          } else if (count === SAFETY_MONTH) {
            ctx.report({ ...place, messageId: 'edition', data: { text: m[0], edition, editionYear: edition + count.base, year, expected } });
          } else {
            ctx.report({ ...place, messageId: 'campaign-edition', data: { text: m[0], edition, of: count.observance, editionYear: yearOfEdition(count, edition), year, expected } });
          }
        }
      }
    }
  },
});
export default rule;
