// The activity period, wherever the document gives it: under a heading that names the time (活动时间,
// 整治时间, 工作时间, 防控时间, 汛期时间, 防火期 … on the heading's line after a colon, or the lines below),
// the first line of 时间安排, or a sentence of the preamble or the opening sections — 自X起至Y止, 自即日起至Y,
// 从X开始到Y结束, X至Y, 汛期（5月1日至9月30日）, 9月至12月, 6月1日起为期一个月 — and, failing all, the span of
// its phases. A range across two years (2023年11月1日至2024年4月30日), a month range, or one month (6月份).
import { addDays, addMonthsTo, daysBetween } from '../calendar/dates.js';
import { chineseNumber } from '../text/numerals.js';
import { readDates, type TimeContext } from '../text/time.js';
import type { Line } from './outline.js';

export interface FoundPeriod { start: string; end: string; text: string; line: number }

/** 从6月1日开始，到6月30日结束 / 自6月1日起，至6月30日止 / 6月1日起至30日: one range. */
const spanWords = (text: string): string =>
  text
    .replace(/自([^。；，,]{1,20}?)(?:起|开始)\s{0,2}[，,]?\s{0,2}(?:至|到)([^。；]{1,20}?)(?:止|结束)/, '$1至$2')
    .replace(/从([^。；，,]{1,20}?)(?:起|开始)\s{0,2}[，,]?\s{0,2}(?:至|到)([^。；]{1,20}?)(?:止|结束)/, '$1至$2')
    .replace(/(\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}[日号])\s{0,2}(?:起|开始)\s{0,2}[，,]?\s{0,2}(?:至|到)/, '$1至');

/** 6月1日起，为期一个月 / 为期两周 / 为期30天: the start and its length. */
function forLength(text: string, ctx: TimeContext): { start: string; end: string; text: string } | undefined {
  const m = /(?:自|从)?((?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号])\s*(?:起|开始)[^。；]{0,16}?为期\s*(\d{1,3}|[一两二三四五六])\s*(?:个)?\s*(月|周|星期|天|日)/.exec(text);
  if (!m) return undefined;
  const start = readDates(m[1]!, ctx).find((t) => t.due)?.due;
  if (!start) return undefined;
  const n = chineseNumber(m[2]!)!;
  const end = m[3] === '月' ? addDays(addMonthsTo(start, n), -1) : addDays(start, n * (m[3] === '天' || m[3] === '日' ? 1 : 7) - 1);
  return { start, end, text: m[0] };
}

/** 自即日起至10月31日: from the document's date to the day named. */
function fromToday(text: string, ctx: TimeContext, issued?: string): { start: string; end: string; text: string } | undefined {
  const m = /(?:自|从)?即日起\s*(?:至|到)\s*([^，,。；]{3,20}?)(?:止|结束|[，,。；]|$)/.exec(text);
  if (!m || !issued) return undefined;
  const end = readDates(m[1]!, { ...ctx, period: { start: issued, end: `${issued.slice(0, 4)}-12-31` } }).find((t) => t.due)?.due;
  return end && end >= issued ? { start: issued, end, text: m[0] } : undefined;
}

/** The first period written in the lines: a date range, 自X起至Y止, a month range, or one month. */
export function periodIn(lines: readonly Line[], ctx: TimeContext, issued?: string): FoundPeriod | undefined {
  for (const line of lines) {
    const today = fromToday(line.text, ctx, issued);
    const text = spanWords(line.text);
    if (today) return { ...today, line: line.no };
    const length = forLength(text, ctx);
    if (length) return { ...length, line: line.no };
    const range = readDates(text, ctx).find((t) => t.kind === 'range' || t.kind === 'month' || t.kind === 'month-range');
    if (range?.start && range.due) return { start: range.start, end: range.due, text: range.text, line: line.no };
  }
  return undefined;
}

/** Words that say a sentence gives the campaign's own time, not one task's. */
const SPAN_CUE = /开展|为期|期间|时间|集中|汛期|防火期|防汛期|行动|整治|活动|宣传月|宣传周|专项|排查|自[^。；]{1,20}起|即日起|从[^。；]{1,20}开始|起至|阶段/;

/**
 * A period in prose: the first sentence of the preamble or an opening section that gives a span of at
 * least three days with words that make it the campaign's (开展, 为期, 期间, 汛期 …).
 */
export function periodInProse(lines: readonly Line[], ctx: TimeContext, issued?: string): FoundPeriod | undefined {
  for (const line of lines) {
    for (const sentence of line.text.split(/[。；;]/)) {
      if (!SPAN_CUE.test(sentence)) continue;
      const found = periodIn([{ no: line.no, text: sentence }], ctx, issued);
      if (found && daysBetween(found.start, found.end) >= 2) return found;
    }
  }
  return undefined;
}
