// Which dates the timeline's axis marks and how each reads: every day for up to three weeks, every Monday
// up to about three months, the first of each month beyond; the year where the span crosses one; and
// never two labels on top of each other (a mark whose label would not fit is left out, evenly).
import { addDays, daysBetween, monthStart, weekdayOnOrAfter, type IsoDate } from '../calendar/dates.js';
import type { Lang } from '../messages/types.js';
import { textWidth } from './svg-text.js';

export type TickUnit = 'day' | 'week' | 'month';

/** A labelled mark: the line at `x`, the label starting just right of it. */
export interface Tick { date: IsoDate; x: number; label: string }

/** Spans up to three weeks are marked day by day (a longer one has at least three Mondays) … */
const DAYS_UP_TO = 21;
/** … up to this many, Monday by Monday; longer spans month by month. */
const WEEKS_UP_TO = 100;
/** Between a label and its line, and between one label and the next. */
export const LABEL_OFFSET = 3;
const LABEL_GAP = 4;

/** The unit of the marks for a span of `days` days (both ends counted). */
export const tickUnit = (days: number): TickUnit => (days <= DAYS_UP_TO ? 'day' : days <= WEEKS_UP_TO ? 'week' : 'month');

/** Every date of the unit from `from` to `to`: each day, each Monday, each first of a month. */
export function tickDates(from: IsoDate, to: IsoDate, unit: TickUnit): IsoDate[] {
  const out: IsoDate[] = [];
  if (unit === 'month') {
    const first = monthStart(from, from.endsWith('-01') ? 0 : 1);
    for (let i = 0, d = first; d <= to; d = monthStart(first, ++i)) out.push(d);
  } else {
    const step = unit === 'day' ? 1 : 7;
    for (let d = unit === 'day' ? from : weekdayOnOrAfter(from, 1); d <= to; d = addDays(d, step)) out.push(d);
  }
  return out;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The labels of marks in order: the smallest unit only (15日, 12月), with the month added where it
 * changes from the mark before (and on the first), and the year likewise when the span crosses one.
 */
export function tickLabels(dates: readonly IsoDate[], unit: TickUnit, crossesYear: boolean, lang: Lang): string[] {
  return dates.map((d, i) => {
    const prev = dates[i - 1];
    const y = d.slice(0, 4);
    const m = Number(d.slice(5, 7));
    const day = Number(d.slice(8, 10));
    const showYear = crossesYear && (!prev || prev.slice(0, 4) !== y);
    if (unit === 'month') {
      if (lang === 'en') return showYear ? `${EN_MONTHS[m - 1]} ${y}` : EN_MONTHS[m - 1]!;
      return showYear ? `${y}年${m}月` : `${m}月`;
    }
    const showMonth = !prev || prev.slice(0, 7) !== d.slice(0, 7);
    if (lang === 'en') return showYear ? `${EN_MONTHS[m - 1]} ${day}, ${y}` : showMonth ? `${EN_MONTHS[m - 1]} ${day}` : String(day);
    return showYear ? `${y}年${m}月${day}日` : showMonth ? `${m}月${day}日` : `${day}日`;
  });
}

/** Every n-th mark: 1, 2, 3, 4, 6, 12, then doubling, until n leaves only the first. */
function* strides(count: number): Generator<number> {
  for (const n of [1, 2, 3, 4, 6, 12]) yield n;
  for (let n = 24; n < count * 2; n *= 2) yield n;
}

export interface AxisOptions {
  lang: Lang;
  /** Where a date's day begins on the picture. */
  x: (d: IsoDate) => number;
  /** The right edge no label may pass. */
  right: number;
  fontSize: number;
}

/**
 * The marks for the span `from`–`to`: of the unit the span calls for, the densest evenly spaced
 * selection whose labels neither touch one another nor pass the right edge.
 */
export function axisTicks(from: IsoDate, to: IsoDate, { lang, x, right, fontSize }: AxisOptions): Tick[] {
  const unit = tickUnit(daysBetween(from, to) + 1);
  const dates = tickDates(from, to, unit);
  const crossesYear = from.slice(0, 4) !== to.slice(0, 4);
  const fits = (t: Tick) => t.x + LABEL_OFFSET + textWidth(t.label, fontSize) <= right;
  for (const n of strides(dates.length)) {
    const kept = dates.filter((_, i) => i % n === 0);
    const labels = tickLabels(kept, unit, crossesYear, lang);
    // A mark too near the right edge for its label is left out; the labels before it do not change.
    const ticks = kept.map((date, i) => ({ date, x: x(date), label: labels[i]! })).filter(fits);
    const clear = ticks.every((t, i) => i === 0 || ticks[i - 1]!.x + LABEL_OFFSET + textWidth(ticks[i - 1]!.label, fontSize) + LABEL_GAP <= t.x + LABEL_OFFSET);
    if (clear) return ticks;
  }
  return [];
}
