// The activity period: under 活动时间 / 实施时间 / 开展时间 / 整治时间 / 汛期时间 / 防火期 (on the heading's line
// after a colon, or the lines below), the first line of 时间安排, or 自X起至Y止 anywhere; a range across
// two years (2023年11月1日至2024年4月30日), a month range (2024年1月至12月), or a month (6月份).
import { lastDayOfMonth } from '../calendar/dates.js';
import { findTimes, type TimeContext } from '../text/time.js';
import type { Line } from './outline.js';

export interface FoundPeriod { start: string; end: string; text: string; line: number }

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024年1月至12月 / 1月—12月: whole months. */
function monthRange(text: string, year: number): { start: string; end: string; text: string } | undefined {
  const m = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?!\s*\d)\s*(?:[—–\-~～]+|至|到)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?!\s*\d)(?:份|底)?/.exec(text);
  if (!m) return undefined;
  const y1 = m[1] ? Number(m[1]) : year;
  const y2 = m[3] ? Number(m[3]) : Number(m[2]) <= Number(m[4]) ? y1 : y1 + 1;
  const [m1, m2] = [Number(m[2]), Number(m[4])];
  if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return undefined;
  return { start: `${y1}-${pad(m1)}-01`, end: lastDayOfMonth(y2, m2), text: m[0] };
}

/** The first period written in the lines: a date range, 自X起至Y止, a month range, or one month. */
export function periodIn(lines: readonly Line[], ctx: TimeContext): FoundPeriod | undefined {
  for (const line of lines) {
    const text = line.text.replace(/自(.+?)起\s*至(.+?)止/, '$1至$2');
    const range = findTimes(text, ctx).find((t) => t.kind === 'range' || t.kind === 'month');
    if (range?.start && range.due) return { start: range.start, end: range.due, text: range.text, line: line.no };
    const months = monthRange(text, ctx.year);
    if (months) return { ...months, line: line.no };
  }
  return undefined;
}
