// Which dates the timeline's axis marks and how each reads: every day for up to three weeks, every Monday
// up to about three months, the first of each month beyond; the year where the span crosses one; and
// never two labels on top of each other (a mark whose label would not fit is left out, evenly).
import { addDays, dayOfWeek, daysBetween, monthStart, type IsoDate } from '../calendar/dates.js';
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
  const { count, at } = marks(from, to, unit);
  return Array.from({ length: count }, (_, i) => at(i));
}

/**
 * The marks of the unit from `from` to `to`, as a count and the i-th, counted rather than walked to `to`: a span
 * of 9,999 years has 120,000 months, of which a picture shows a few dozen, so the months are never listed,
 * only the ones tried (and the day after 9999-12-31, 10000-01-01, is less than it as text).
 */
function marks(from: IsoDate, to: IsoDate, unit: TickUnit): { count: number; at: (i: number) => IsoDate } {
  if (unit === 'month') {
    const first = monthStart(from, from.endsWith('-01') ? 0 : 1);
    const index = (d: IsoDate) => Number(d.slice(0, -6)) * 12 + Number(d.slice(-5, -3)) - 1;
    return { count: Math.max(0, index(to) - index(first) + 1), at: (i) => monthStart(first, i) };
  }
  const days = daysBetween(from, to) + 1;
  if (unit === 'day') return { count: Math.max(0, days), at: (i) => addDays(from, i) };
  // The first Monday on or after `from`, then every seventh day.
  const monday = (8 - dayOfWeek(from)) % 7;
  return { count: days > monday ? Math.floor((days - 1 - monday) / 7) + 1 : 0, at: (i) => addDays(from, monday + 7 * i) };
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The label of a mark: the smallest unit only (15日, 12月), with the month added where it changes from the
 * mark before (and on the first), and the year likewise when the span crosses one.
 */
function tickLabel(d: IsoDate, prev: IsoDate | undefined, unit: TickUnit, crossesYear: boolean, lang: Lang): string {
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
  const { count, at } = marks(from, to, unit);
  const crossesYear = from.slice(0, 4) !== to.slice(0, 4);
  const fits = (t: Tick) => t.x + LABEL_OFFSET + textWidth(t.label, fontSize) <= right;
  for (const n of strides(count)) {
    // Every n-th mark, given up at the first whose label touches the one before: a selection too dense is
    // known at its start, not after all its marks.
    const ticks: Tick[] = [];
    let prev: IsoDate | undefined;
    let clear = true;
    for (let i = 0; i < count; i += n) {
      const date = at(i);
      const tick = { date, x: x(date), label: tickLabel(date, prev, unit, crossesYear, lang) };
      prev = date;
      // A mark too near the right edge for its label is left out; the labels before it do not change.
      if (!fits(tick)) continue;
      const last = ticks.at(-1);
      if (last && last.x + LABEL_OFFSET + textWidth(last.label, fontSize) + LABEL_GAP > tick.x + LABEL_OFFSET) {
        clear = false;
        break;
      }
      ticks.push(tick);
    }
    if (clear) return ticks;
  }
  return [];
}
