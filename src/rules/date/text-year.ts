import { defineRule } from '../types.js';
import { textFields } from '../../model/texts.js';
import { effectivePeriod, textYear } from '../../model/period.js';
import { writtenDates } from '../../text/time.js';
import { occurrenceCounter } from '../text/repeated.js';

/**
 * A full date (2021年11月9日) in a year that is neither the plan's nor one its period touches: the sign of a plan
 * copied from last year and not brought up to date — or, in a year after the plan's (2021年6月16日 in a 2020
 * plan), a slip of the year, which gets its own message. Left alone:
 * - a year without month and day (学习2019年事故通报);
 * - a date of the past the text cites: a document issued or in force (2021年7月20日印发的, 自…起施行, 根据, 截至),
 *   or an event the sentence tells as history — HISTORY anywhere in the date's sentence (up to 。；！？ or a line
 *   break): 发生的 (not 防止发生, 一旦发生), 事故通报, 教训, 案例, 警示, 回顾, 去年, 上年度, 往年, 历年, 近年来,
 *   以来, 曾经, 此前, 造成N人, 遇难. A date the plan sets as its own deadline, start or range (…前, …起, …至) is
 *   never history, whatever its sentence says.
 */
const HISTORY_AFTER = /^(?:\s*[（(][^）)]{0,6}[）)])?\s*(?:发生|印发|发布|下发|出台|颁布|公布|施行|以来|召开的|举行的|的)/;
/** Words before a date that cite it (自, 根据 …), then any spaces: the longest is two characters. */
const HISTORY_BEFORE = /(?:自|从|截至|截止|根据|按照|依据|据)\s*$/;
const HISTORY =
  /(?<!一旦|如|若|防止|避免|杜绝|严防|遏制|防范|预防|减少|不|未|无|再|严禁|及时)发生(?!时|后|前)|事故通报|通报的|教训|案例|警示|回顾|去年|(?<!以)上一?年度?|往年|历年|近年|以来|曾经|曾发生|此前|造成[\d一二三四五六七八九十百千]+人|遇难/;
/** The plan's own schedule: a date followed by 前, 起, 至 … (after a weekday in brackets). */
const SCHEDULE = /^(?:\s*[（(][^）)]{0,6}[）)])?\s*(?:前|之前|以前|起|开始|至|到|—|－|-|~|～)/;
const SENTENCE_ENDS = /[。；！？!?\n]/g;

/** Whether the words right before text[index] cite the date there: a look at the few characters before its spaces. */
function citedBefore(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  return HISTORY_BEFORE.test(text.slice(Math.max(0, start - 2), index));
}

/**
 * The sentences of one text (from after a sentence end to the next), and whether each tells history: each found
 * once, however many dates it holds — a sentence of 10,000 dates is read once, not once per date.
 */
function historySentences(text: string): (index: number, length: number) => boolean {
  // Found when a date first asks: most texts have no date of another year.
  let found: number[] | undefined;
  /** The first sentence end at or after `at` (its index in `ends`; ends.length if none). */
  const endFrom = (ends: number[], at: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const told = new Map<string, boolean>();
  return (index, length) => {
    found ??= Array.from(text.matchAll(SENTENCE_ENDS), (m) => m.index);
    const ends = found;
    const before = endFrom(ends, index) - 1;
    const start = before >= 0 ? ends[before]! + 1 : 0;
    const after = endFrom(ends, index + length);
    const end = after < ends.length ? ends[after]! : text.length;
    const key = `${start}:${end}`;
    let history = told.get(key);
    if (history === undefined) {
      history = HISTORY.test(text.slice(start, end));
      told.set(key, history);
    }
    return history;
  };
}

const rule = defineRule({
  id: 'date/text-year',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: "A full date in a text whose year is neither the plan's year nor a year of its period (a recycled plan, or a slip of the year)",
    zh: '文字中完整日期的年份既不是方案年份，也不在活动时间内（沿用旧方案，或年份笔误）',
  },
  messages: {
    year: { text: '2021年11月9日', year: 2021, planYear: 2022, suggestion: '2022年11月9日' },
    later: { text: '2021年6月16日', year: 2021, planYear: 2020, suggestion: '2020年6月16日' },
  },
  check(plan, ctx) {
    if (plan.year === undefined) return;
    const period = effectivePeriod(plan);
    const years = [plan.year, ...(period ? [Number(period.start.slice(0, 4)), Number(period.end.slice(0, 4))] : [])];
    const first = Math.min(...years);
    const last = Math.max(...years);
    const yearOf = textYear(plan)!;
    for (const field of textFields(plan)) {
      const occurrence = occurrenceCounter(field.text);
      const history = historySentences(field.text);
      for (const d of writtenDates(field.text)) {
        if (d.year === undefined || (d.year >= first && d.year <= last)) continue;
        const after = field.text.slice(d.index + d.text.length);
        if (HISTORY_AFTER.test(after) || citedBefore(field.text, d.index)) continue;
        if (!SCHEDULE.test(after) && history(d.index, d.text.length)) continue;
        // Just past the period across New Year (a December campaign's 2025年1月10日前 summary) is its own too.
        const year = yearOf(d.month, Math.min(d.day, 28));
        if (year === d.year) continue;
        const suggestion = d.text.replace(String(d.year), String(year));
        ctx.report({
          path: field.path, needle: d.text, occurrence: occurrence(d.text, d.index),
          messageId: d.year > last ? 'later' : 'year', data: { text: d.text, year: d.year, planYear: plan.year, suggestion },
        });
      }
    }
  },
});
export default rule;
