// Reading what people type into a sheet's cells, as they really type it: dates as 2026-06-04, 2026/6/4,
// 2026年6月4日, 6月4日, 6.4, 6-4, or a spreadsheet's day number; statuses in the words offices use (完成,
// 已办结, 进展中, 推进中, 未启动, 暂缓 …) or in English; progress as 60, 60%, ６０ or 0.6 shown as a percentage.
import { addDays, daysBetween, isRealDate, type IsoDate } from '../calendar/dates.js';
import { nearest } from '../model/nearest.js';
import { STATUSES, type Status } from '../model/types.js';
import { figureNumber, figureText, progressNumber, progressText, type FigureRead } from '../text/figures.js';

/** Full-width digits and letters as ASCII, spaces gone: what a unit typed, compared as written. */
const plain = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').replace(/[。．.]$/, '').toLowerCase();

/** Every word a unit may write for each status (the sheet's list offers 未开始 … 已取消). */
const STATUS_WORDS: Readonly<Record<Status, readonly string[]>> = {
  planned: ['未开始', '尚未开始', '未启动', '尚未启动', '待开始', '待启动', '未开展', '尚未开展', '未进行', '计划中', '待办', 'planned', 'notstarted', 'todo'],
  in_progress: [
    '进行中', '进展中', '推进中', '正在推进', '正在进行', '实施中', '正在实施', '开展中', '正在开展', '办理中', '正在办理', '在办', '整改中',
    '持续推进', '持续开展', '有序推进', '稳步推进', '已启动', '已开展', '已开始', '部分完成', '基本完成', '进行', 'inprogress', 'in_progress', 'ongoing', 'started',
  ],
  done: [
    '已完成', '完成', '全部完成', '已全部完成', '完结', '已完结', '办结', '已办结', '结束', '已结束', '完毕', '已完毕', '落实', '已落实',
    '完工', '已完工', '结案', '已结案', '整改完成', '已整改', '达标', '已达标', 'done', 'complete', 'completed', 'finished',
  ],
  blocked: ['受阻', '暂缓', '暂停', '停滞', '搁置', '延期', '推迟', '遇阻', '困难', 'blocked', 'onhold', 'stalled', 'delayed'],
  cancelled: ['已取消', '取消', '撤销', '已撤销', '终止', '已终止', '作废', '停止', '中止', '不再开展', 'cancelled', 'canceled', 'dropped'],
};

const BY_WORD = new Map<string, Status>(STATUSES.flatMap((s) => STATUS_WORDS[s].map((w) => [plain(w), s] as [string, Status])));

/** A status as picked from the sheet's list or written in any of the words for it; undefined for anything else. */
export function statusOf(text: string, labels: Record<Status, string>): Status | undefined {
  const t = plain(text);
  return STATUSES.find((s) => plain(labels[s]) === t) ?? BY_WORD.get(t);
}

/** The list's word nearest to what was written, for “did you mean”: 进展 → 进行中. */
export function statusSuggestion(text: string, labels: Record<Status, string>): string | undefined {
  const word = nearest(plain(text), [...BY_WORD.keys()]);
  return word ? labels[BY_WORD.get(word)!] : undefined;
}

/** Progress as a percentage 0–100: 60, "60", "60%", "６０％", or 0.6 shown as a percentage. Undefined when it is not one. */
export function progressOf(cell: { text: string; number?: number; percent?: boolean }): number | undefined {
  // A spreadsheet turns a typed "60%" into 0.6 shown as a percentage.
  if (cell.number !== undefined) return progressNumber(cell.percent ? cell.number * 100 : cell.number);
  return progressText(cell.text);
}

/**
 * A figure (完成值): a number ≥ 0, as typed (１２, 12.5, 1,200), with its unit of measure or not (40处);
 * `{ over }` past FIGURE_LIMIT (1.7e308 typed into a cell), which is no count of anything.
 */
export function figureOf(cell: { text: string; number?: number }): FigureRead {
  return cell.number !== undefined ? figureNumber(cell.number) : figureText(cell.text);
}

const pad = (n: number | string): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** The year that puts a month and day nearest to the week (a sheet of late December may be dated 1月2日). */
function nearestYear(m: number, d: number, week: { from: IsoDate; to: IsoDate }): IsoDate | undefined {
  const y = Number(week.from.slice(0, 4));
  const candidates = [y - 1, y, y + 1].map((year) => iso(year, m, d)).filter(isRealDate);
  // Stryker disable next-line ConditionalExpression: a shortcut; with no candidate the sorted list's first is undefined too
  if (!candidates.length) return undefined;
  const mid = addDays(week.from, 3);
  return candidates.sort((a, b) => Math.abs(daysBetween(mid, a)) - Math.abs(daysBetween(mid, b)))[0];
}

/** A spreadsheet's day number (days since 1899-12-30, as Excel and WPS count) within sane years. */
function serialDate(n: number): IsoDate | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 2958465) return undefined; // 9999-12-31
  return addDays('1899-12-30', n);
}

/** What a date cell holds: a real date, or the reason it holds none (undefined for an empty cell). */
export type CellDate = { date: IsoDate } | { bad: true } | undefined;

/**
 * A date as a unit writes it into a sheet of the week `from`–`to`: a date cell, a day number, 2026-06-04,
 * 2026/6/4, 2026.6.4, 2026年6月4日, 20260604, or without a year 6月4日, 6月4号, 6/4, 6-4, 6.4 (the year
 * that puts it nearest the week). A typed 6.4 that the spreadsheet kept as the number 6.4 is June 4 — and
 * 6.1 is June 1 or June 10, whichever lies in the week.
 */
export function dateOf(cell: { text: string; number?: number; date?: string }, week: { from: IsoDate; to: IsoDate }): CellDate {
  if (cell.date) return isRealDate(cell.date) ? { date: cell.date } : { bad: true };
  if (cell.number !== undefined) {
    if (cell.number >= 1000) {
      const d = serialDate(cell.number);
      return d ? { date: d } : { bad: true };
    }
    const [m, frac] = String(cell.number).split('.');
    if (!frac) return { bad: true };
    const options = [Number(frac), ...(frac.length === 1 ? [Number(frac) * 10] : [])]
      .map((d) => nearestYear(Number(m), d, week)).filter((d): d is IsoDate => !!d);
    const inWeek = options.find((d) => d >= week.from && d <= week.to);
    return inWeek || options[0] ? { date: (inWeek ?? options[0])! } : { bad: true };
  }
  const t = plain(cell.text);
  if (t === '') return undefined;
  const full = withYear(t);
  if (full !== undefined) return isRealDate(full) ? { date: full } : { bad: true };
  const m = /^(\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t);
  if (m) {
    const d = nearestYear(Number(m[1]), Number(m[2]), week);
    return d ? { date: d } : { bad: true };
  }
  return { bad: true };
}

/** A date written with its year (2026-06-04, 2026/6/4, 2026年6月4日, 20260604) as YYYY-MM-DD, real or not. */
function withYear(t: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A written date that exists, as YYYY-MM-DD (the forms with a year only): the CSV's match lines, say. */
export function toIsoOrUndefined(text: string): IsoDate | undefined {
  const d = withYear(plain(text));
  return d && isRealDate(d) ? d : undefined;
}
