// The day a next step (下步计划) is due by, read from its words and the day it was written: 6月5日前全部到位,
// 端午节前加强巡查, 月底前完成 (the month it was written in), 下周开展复查 and 本周内 (the week it was written in,
// or the next), 下月 … A step with no time in it, or one that runs on (长期, 常态化, 持续), has no day.
import { addDays, monthStart, weekOf } from '../calendar/dates.js';
import type { IsoDate } from '../model/types.js';
import { bareMonthEnd, findTimes, type TimeContext } from './time.js';

/** Words that set a time from the day the step was written: how many weeks (or months) on, to the end of it. */
const RELATIVE: [RegExp, (written: IsoDate) => IsoDate][] = [
  [/明天|明日|次日/, (w) => addDays(w, 1)],
  [/后天/, (w) => addDays(w, 2)],
  [/本周|这周|本星期/, (w) => sunday(w, 0)],
  [/下周|下一?周|下个?星期|下一?阶段的?第一周/, (w) => sunday(w, 1)],
  [/本月|这个月/, (w) => monthEnd(w, 0)],
  [/下个?月|下一个?月/, (w) => monthEnd(w, 1)],
];

/** The Sunday that ends the week `weeks` after the one `d` lies in (weeks from Monday). */
const sunday = (d: IsoDate, weeks: number): IsoDate => addDays(weekOf(d).to, 7 * weeks);

/** The last day of the month `months` after the one `d` lies in. */
const monthEnd = (d: IsoDate, months: number): IsoDate => addDays(monthStart(d, months + 1), -1);

/**
 * The last day a step written on `written` is about, or null when its words give none (no time, or one that
 * runs on). Of several times in it, the latest counts: 6月20日前完成初查，6月底前全部整改 is due at the end.
 */
export function stepDue(text: string, written: IsoDate, ctx: TimeContext): IsoDate | null {
  const dated = findTimes(text, ctx).map((h) => h.due).filter((d): d is IsoDate => !!d);
  const monthEndHit = bareMonthEnd(text, ctx, Number(written.slice(5, 7)));
  if (monthEndHit?.due) dated.push(monthEndHit.due);
  for (const [re, due] of RELATIVE) if (re.test(text)) dated.push(due(written));
  if (dated.length === 0) return null;
  return dated.sort().at(-1)!;
}
