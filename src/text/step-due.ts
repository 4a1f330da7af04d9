// The day a next step (下步计划) is due by, read from its words and the day it was written: 6月5日前全部到位,
// 端午节前加强巡查, 月底前完成 (the month it was written in), 下周开展复查 and 本周内 (the week it was written in,
// or the next), 周三前, 下月 … A step with no time in it, or one that runs on (长期, 常态化, 持续), has no day.
import { readDates, type TimeContext } from './time.js';
import type { IsoDate } from '../calendar/dates.js';

/**
 * The last day a step written on `written` is about, or null when its words give none (no time, or one that
 * runs on). Of several times in it, the latest counts: 6月20日前完成初查，6月底前全部整改 is due at the end.
 */
export function stepDue(text: string, written: IsoDate, ctx: TimeContext): IsoDate | null {
  const dated = readDates(text, { ...ctx, written, month: Number(written.slice(5, 7)) }).map((h) => h.due).filter((d): d is IsoDate => !!d);
  if (dated.length === 0) return null;
  return dated.sort().at(-1)!;
}
