// The one date grammar of the tool: how official Chinese documents write a time, read into dates by
// readDates — deadlines (6月20日前 / 之前 / 以前, 6月20日截止, 截止时间：6月20日, 6月底前, 月底前 / 月末), the
// thirds of a month (6月上旬 = 1–10, 中旬 = 11–20, 下旬 = 21–end, 6月中下旬, 7月初), ranges (6月1日—6月5日,
// 6月1日至5日, 9月至12月), a single date (6月16日), a weekday written with a date, in brackets or not
// (6月10日（周三）, 6月10日星期三前, 礼拜三), the named holidays the calendar knows (端午节前, 国庆节后3个工作日内),
// 活动结束后5个工作日内, 年底前, 全年 / 长期 (no date), and — given the day the words were written — 周三前,
// 下周, 本月 … A date written without a year takes the year that puts it inside the plan's period, or
// nearest to it (in a November–April plan, 2月4日 is in the second year). The importer and every rule that
// reads dates from text call readDates; test/fixtures/date-grammar.yaml holds the cases both must read alike.
import { addDays, addWorkingDays, dayOfWeek, isRealDate, lastDayOfMonth, monthStart, weekOf, withYear, type IsoDate } from '../calendar/dates.js';
import { chineseNumber } from './numerals.js';

export interface TimeContext {
  /** The plan's period, which years are resolved against. */
  period?: { start: IsoDate; end: IsoDate };
  /** The plan's year, when there is no period. */
  year: number;
  /** Working days, for 活动结束后N个工作日内. */
  isWorkday: (d: IsoDate) => boolean;
  /** The first day of the next break of a named public holiday (春节, 国庆节 …) on or after a date, for 国庆节前. */
  holidayStart?: (name: HolidayKey, onOrAfter: IsoDate) => IsoDate | undefined;
  /** The month a bare 月底前 is in (the phase's, the month a step was written in); else the period's, when it is one month. */
  month?: number;
  /** The day the words were written (a unit's next step): only with it are 周三前, 本周, 下周, 本月, 下月, 明天 read. */
  written?: IsoDate;
}

/** The public holidays a deadline can be set against, by the names the holiday table uses. */
export type HolidayKey = '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆节';

/** How documents name them: 国庆节前, “十一”前, 春节前, “五一”前, 元旦前, 端午节前, 中秋节前, 清明节前. */
const HOLIDAY_WORDS: [RegExp, HolidayKey][] = [
  [/^(?:国庆节?|[“"]?十一[”"]?)$/, '国庆节'],
  [/^(?:春节|农历新年)$/, '春节'],
  [/^(?:元旦)$/, '元旦'],
  [/^(?:劳动节|[“"]?五一[”"]?(?:劳动节|国际劳动节)?)$/, '劳动节'],
  [/^端午节?$/, '端午'],
  [/^中秋节?$/, '中秋'],
  [/^清明节?$/, '清明'],
];

export type TimeKind =
  | 'before' | 'month-end' | 'xun' | 'range' | 'on' | 'after-period' | 'month' | 'open' | 'year-part' | 'holiday'
  | 'month-range' | 'after-holiday' | 'weekday' | 'relative';

/** A date written with its weekday: 6月10日（星期三）, 6月10日星期三前, 2020年6月15日 周一. */
export interface WrittenWeekday {
  /** The date and weekday as written. */
  text: string;
  date: IsoDate;
  /** The weekday as written: 一 … 六, 日 (天 is written 日). */
  written: string;
  /** 星期, 周 or 礼拜. */
  prefix: string;
}

export interface TimeHit {
  kind: TimeKind;
  /** For a range (a 旬 too): its first day. */
  start?: IsoDate;
  /** The deadline (the range's last day, the 10th/20th/last day of a 旬); null for 全年 / 长期. */
  due: IsoDate | null;
  /**
   * The words say by when (…前, 截止, 底前, 旬, 月底, 节前, N个工作日内, 年底前, 周三前, 下周), not the day or the
   * days something takes place (6月12日召开, 6月1日至5日, 6月份).
   */
  deadline: boolean;
  /** Each date in the words written with its weekday. */
  weekdays?: WrittenWeekday[];
  /** Its written year lies before the plan's time (学习2019年6月16日事故通报 in a 2020 plan): cited, not planned. */
  cited?: boolean;
  /** The words as written. */
  text: string;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** The year for a month and day written without one. */
export function resolveYear(month: number, day: number, ctx: Pick<TimeContext, 'year' | 'period'>): number {
  const p = ctx.period;
  if (!p) return ctx.year;
  const y1 = Number(p.start.slice(0, 4));
  const y2 = Number(p.end.slice(0, 4));
  // How far a date of year y lies outside the period (0 inside it); the 28th stands for the 29th–31st of any month.
  const distance = (y: number) => {
    const d = Date.parse(ymd(y, month, Math.min(day, 28)));
    return Math.max(0, Date.parse(p.start) - d, d - Date.parse(p.end));
  };
  // A period across two years: the year that puts the date inside it, or nearest to it.
  if (y1 !== y2) return distance(y2) < distance(y1) ? y2 : y1;
  // Within one year, the period's year — unless the date lies just before or after it across New Year
  // (a December campaign's 1月10日前 summary): the next or previous year, when that is within a season.
  const near = [y1 - 1, y1 + 1].filter((y) => distance(y) < distance(y1) && distance(y) <= SEASON);
  return near[0] ?? y1;
}

/** How far before or after a one-year period a date may lie and still be read in the neighbouring year. */
const SEASON = 92 * 86_400_000;

function date(y: string | undefined, m: string, d: string, ctx: TimeContext): IsoDate | undefined {
  const month = Number(m);
  const day = Number(d);
  const year = y ? Number(y) : resolveYear(month, day, ctx);
  const iso = ymd(year, month, day);
  return isRealDate(iso) ? iso : undefined;
}

const Y = '(?:(\\d{4})\\s*年\\s*)?';
/** The words for the year after the plan's: 次年1月10日前, 12月1日至次年2月28日. */
const NEXT = '(?:次年|翌年|明年|来年)';
const NEXT_WORD = new RegExp(NEXT);
/** A range's end: its year written, or the next year's word (12月至次年2月), or neither. */
const Y_END = `(?:(\\d{4})\\s*年\\s*|${NEXT}\\s*)?`;
const MD = '(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]';
// The weekday after a date, bracketed or not: 6月10日（星期三）, 6月10日星期三, 6月10日 周 三 (not the space after it).
const WEEKDAY = '(?:\\s*[（(]?\\s*(?:星期|周|礼拜)\\s*[一二三四五六日天](?:\\s*[）)])?)?';
/** A date and the weekday written after it, with both captured: year, month, day, 星期/周/礼拜, the weekday. */
const DATE_WEEKDAY = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[（(]?\s*(星期|周|礼拜)\s*([一二三四五六日天])(?:\s*[）)])?/g;
const HOUR = '(?:\\s*(?:上午|下午|中午|晚上)?\\s*(?:\\d{1,2}\\s*(?:[:：]\\s*\\d{2}|时|点)(?:\\s*\\d{1,2}\\s*分)?|下班))?';
/** 截止6月20日（周六）17时，已排查…: a count as of a day, not a deadline (right after the date, whatever weekday or hour follows). */
const AS_OF = `(?!${WEEKDAY}${HOUR}\\s*[，,]?\\s*(?:已|共|累计|全[镇乡县市区村]?共))`;
const DASH = '\\s*(?:[—–\\-~～]+|至|到)\\s*';

const PATTERNS: { kind: TimeKind; form?: 'bare'; re: RegExp }[] = [
  // 6月1日—6月5日, 6月1日至5日, 2023年11月1日至2024年4月30日
  { kind: 'range', re: new RegExp(`${Y}${MD}${WEEKDAY}${DASH}${Y_END}(?:(\\d{1,2})\\s*月\\s*)?(\\d{1,2})\\s*[日号]${WEEKDAY}`, 'g') },
  // 6月20日前, 6月20日12时前, 6月20日（星期五）之前
  // 6月20日截止; not 6月20日前后 (about that day)
  { kind: 'before', re: new RegExp(`${Y}${MD}${WEEKDAY}${HOUR}\\s*(?:(?:前|之前|以前)(?!后)|截止)`, 'g') },
  // 截止6月20日, 截止时间：6月20日, 截止到6月20日 — not 截止6月20日，已排查… (a count as of that day)
  { kind: 'before', re: new RegExp(`(?:(?:截止|截至)(?:时间|日期|时限)\\s*(?:为|是|[:：])?|截止\\s*(?:到|至)?)\\s*${Y}${MD}${AS_OF}${WEEKDAY}${HOUR}`, 'g') },
  // 6月底前, 6月末, 6月底
  { kind: 'month-end', re: new RegExp(`${Y}(\\d{1,2})\\s*月\\s*(?:底|末)(?:\\s*(?:前|之前|以前))?`, 'g') },
  // 月底前, 本月底, 月末 without a month: the month the text is about (not 下月底, 每月底)
  { kind: 'month-end', form: 'bare', re: /(?<![\d月下上次每个])月\s{0,2}(?:底|末)(?:\s{0,2}(?:前|之前|以前))?/g },
  // 6月上旬, 下旬
  // 6月上旬, 6月中下旬 (the later of the two)
  { kind: 'xun', re: new RegExp(`${Y}(\\d{1,2})\\s*月\\s*(?:上|中|下)?(上|中|下)旬`, 'g') },
  // 活动结束后5个工作日内, 防火期结束后五个工作日内
  // 活动结束后5个工作日内; 结束后一周内 / 10日内 (calendar days)
  { kind: 'after-period', re: /(?:活动|防火期|汛期|整治|行动|宣传月|宣传周|集中整治)?\s{0,2}结束后\s{0,2}(\d{1,2}|[一二三四五六七八九十两]+)\s{0,2}(个工作日|个?星期|周|日|天)(?:内|之内)?/g },
  // “五一”节后一周内, 国庆节后3个工作日内: counted from the break's last day
  { kind: 'after-holiday', re: /(国庆|[“"]?十一[”"]?|春节|元旦|劳动节|[“"]?五一[”"]?|端午|中秋|清明)节?(?:假期|长假)?(?:结束)?后\s{0,2}(\d{1,2}|[一二三四五六七八九十两]+)\s{0,2}(个工作日|个?星期|周|日|天)(?:内|之内)/g },
  // 7月初: its first ten days, as 上旬
  { kind: 'xun', re: new RegExp(`${Y}(\\d{1,2})\\s*月\\s*()初(?!\\s*\\d)`, 'g') },
  // 9月至12月, 2024年9月—12月底: whole months
  // 7—8月: the first month without its 月
  { kind: 'month-range', re: new RegExp(`${Y}(\\d{1,2})\\s*(?:[—–~～]+|至|到)\\s*()(\\d{1,2})\\s*月(?!\\s*\\d)(?:份|底|末)?(\\s*(?:前|之前|以前))?`, 'g') },
  // 9月至12月, 5月至6月底前 — the latter a deadline (month-end) with its start
  { kind: 'month-range', re: new RegExp(`${Y}(\\d{1,2})\\s*月(?:份)?(?!\\s*\\d)${DASH}${Y_END}(\\d{1,2})\\s*月(?!\\s*\\d)(?:份|底|末)?(\\s*(?:前|之前|以前))?`, 'g') },
  // 6月份
  { kind: 'month', re: new RegExp(`${Y}(\\d{1,2})\\s*月份`, 'g') },
  // 年底前, 年内, 上半年, 第一季度末, 一季度: a part of the plan's year
  { kind: 'year-part', re: /(?:(\d{4})\s{0,2}年?\s{0,2})?(年底|年末|年内|上半年|下半年|(?:第)?[一二三四1-4]\s{0,2}季度(?:末|底)?)(?:\s{0,2}(?:前|之前|以前|内))?/g },
  // 国庆节前, “五一”前, 春节前
  { kind: 'holiday', re: /(国庆节?|(?<![一二三四五六七八九十百第])[“"]?十一[”"]?|春节|农历新年|元旦|劳动节|[“"]?五一[”"]?(?:国际)?(?:劳动节)?|端午节?|中秋节?|清明节?)\s*(?:前|之前|以前|放假前|假期前)/g },
  // 周三前, 下周五前 (not 每周三前): the weekday on or after the day the words were written, or in the next week
  { kind: 'weekday', re: /(?<![每上])(本|这|下一?|下个?)?(?:星期|周|礼拜)([一二三四五六日天])\s{0,2}(?:前|之前|以前)/g },
  // 明天, 本周, 下周, 本月, 下月: from the day the words were written, to the end of that day, week or month
  { kind: 'relative', re: /明天|明日|次日|后天|本周|这周|本星期|下周|下一?周|下个?星期|下一?阶段的?第一周|本月|这个月|下个?月|下一个?月/g },
  // 全年, 长期, 长期坚持, 常态化
  { kind: 'open', re: /全年|长期坚持|长期|常态化开展/g },
  // a single date: the day something happens
  { kind: 'on', re: new RegExp(`${Y}${MD}${WEEKDAY}`, 'g') },
];

/**
 * Every time expression in a text, in order; overlapping ones keep the longest (a range over its dates).
 * The one reader of dates in text: the importer's tasks, phases, periods and reports, the rules that read
 * dates from a plan's words (date/text-due, date/weekday, date/holiday, date/consultation-day) and the next
 * steps of a summary all call it.
 */
export function readDates(text: string, ctx: TimeContext): TimeHit[] {
  // Most texts of a plan name no time: each pattern below needs one of these.
  // Stryker disable next-line ConditionalExpression: a shortcut; without it every pattern runs and finds nothing
  if (!MAY_HAVE_TIME.test(text)) return [];
  const hits: TimeHit[] = [];
  for (const { kind, form, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const hit = toHit(kind, form, m, ctx);
      if (hit) hits.push(nextYear({ ...hit, deadline: isDeadline(hit) }, text, ctx));
    }
  }
  // Stryker disable next-line ArithmeticOperator: at one place the earlier pattern's reading is the longer (a range before its first date), and the sort is stable, so the longest comes first either way
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: TimeHit[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.index < end) continue;
    out.push(h);
    end = h.index + h.text.length;
  }
  return withWeekdays(out, text).map((h) => (citedBefore(h, ctx) ? { ...h, cited: true } : h));
}

const MAY_HAVE_TIME = /\d|季度|年|节|国庆|十一|五一|元旦|端午|中秋|清明|全年|长期|常态化|月[底末初]|周|星期|礼拜|明天|明日|次日|后天|本月|下个?月|下一个?月|这个月|结束后/;

/** Whether the words of a hit set a time by which something is done. */
function isDeadline(hit: Omit<TimeHit, 'deadline'>): boolean {
  switch (hit.kind) {
    case 'before': case 'month-end': case 'xun': case 'after-period': case 'after-holiday': case 'holiday': case 'weekday': case 'relative':
      return true;
    case 'year-part':
      // 年底前, 年内, 第一季度末 — not 上半年 or 一季度, which are spans.
      return /[前内底末]/.test(hit.text);
    default:
      return false;
  }
}

/**
 * The weekday written after each date of each hit. Every date a weekday follows is in a hit (the single date's
 * pattern reads the same weekday), unless it is no date (6月31日（周三）), which has no weekday to check.
 */
function withWeekdays(hits: TimeHit[], text: string): TimeHit[] {
  const out = [...hits];
  // Hits are in order and apart, and so are the weekdays: one walk over both, not a search per weekday.
  let at = 0;
  for (const m of text.matchAll(DATE_WEEKDAY)) {
    while (at < out.length && out[at]!.index + out[at]!.text.length < m.index + m[0].length) at++;
    const hit = out[at];
    if (!hit || hit.index > m.index) continue;
    // A hit's first date is its start, when it has one, and any other its due: their years are the hit's
    // (12月28日至1月3日, 次年1月10日).
    const date = hit.start && m.index === hit.index + hit.text.search(A_DATE) ? hit.start : hit.due!;
    const weekday: WrittenWeekday = { text: m[0], date, written: m[5] === '天' ? '日' : m[5]!, prefix: m[4]! };
    out[at] = { ...hit, weekdays: [...(hit.weekdays ?? []), weekday] };
  }
  return out;
}

/** A date, for finding a hit's first. */
const A_DATE = /(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]/;

/** A hit whose written year ends before the plan's time begins. */
function citedBefore(hit: TimeHit, ctx: TimeContext): boolean {
  // A written year (the grammar's are four digits).
  if (!hit.due || !/\d\s*年/.test(hit.text)) return false;
  const first = ctx.period ? Math.min(Number(ctx.period.start.slice(0, 4)), ctx.year) : ctx.year;
  return Number(hit.due.slice(0, 4)) < first;
}

/**
 * "次年1月10日前" / "明年1月": a yearless date of the year after the plan's — after the year its period starts
 * in, so that a winter plan's 次年 (11月1日至次年3月31日) is the New Year it runs into.
 */
function nextYear(hit: TimeHit, text: string, ctx: TimeContext): TimeHit {
  const before = text.slice(Math.max(0, hit.index - 2), hit.index);
  if (!NEXT_WORD.test(before) || /^\d{4}/.test(hit.text)) return hit;
  const year = (ctx.period ? Number(ctx.period.start.slice(0, 4)) : ctx.year) + 1;
  const move = (d: IsoDate | null | undefined) => (d ? (withYear(d, year + (d.slice(0, 4) > (hit.start ?? d).slice(0, 4) ? 1 : 0)) as IsoDate) : d);
  return { ...hit, ...(hit.start ? { start: move(hit.start)! } : {}), due: move(hit.due) ?? null, text: `${before}${hit.text}`, index: hit.index - 2 };
}

/** N working days, days or weeks after a day. */
function after(day: IsoDate, n: number, unit: string, ctx: TimeContext): IsoDate {
  if (unit === '个工作日') return addWorkingDays(day, n, ctx.isWorkday);
  return addDays(day, /周|星期/.test(unit) ? 7 * n : n);
}

type Hit = Omit<TimeHit, 'deadline'>;

function toHit(kind: TimeKind, form: 'bare' | undefined, m: RegExpMatchArray, ctx: TimeContext): Hit | undefined {
  const base = { kind, text: m[0], index: m.index! };
  if (form === 'bare') return bareMonthEnd(base, ctx);
  switch (kind) {
    case 'range': {
      const start = date(m[1], m[2]!, m[3]!, ctx);
      // The end's month defaults to the start's; its year to the start's, or the next when its month comes
      // first (12月28日至1月3日) or the words say so (至次年2月28日). A range written backwards within a
      // month (6月5日至6月1日) is no range.
      const month = m[5] ?? m[2]!;
      const next = start && !m[4] ? String(Number(start.slice(0, 4)) + 1) : undefined;
      let end = date(NEXT_WORD.test(m[0]) ? next : (m[4] ?? m[1] ?? start?.slice(0, 4)), month, m[6]!, ctx);
      if (start && end && end < start && !m[4] && Number(month) < Number(m[2])) end = date(next, month, m[6]!, ctx);
      return start && end && end >= start ? { ...base, start, due: end } : undefined;
    }
    case 'before':
    case 'on': {
      const due = date(m[1], m[2]!, m[3]!, ctx);
      return due ? { ...base, due } : undefined;
    }
    case 'month-end':
    case 'month': {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return undefined;
      const year = m[1] ? Number(m[1]) : resolveYear(month, 15, ctx);
      const due = lastDayOfMonth(year, month);
      return kind === 'month' ? { ...base, start: ymd(year, month, 1), due } : { ...base, due };
    }
    case 'xun': {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return undefined;
      const year = m[1] ? Number(m[1]) : resolveYear(month, 15, ctx);
      // 上旬 the 1st–10th, 中旬 the 11th–20th, 下旬 the 21st to the month's end; 中下旬 from the 11th; 月初 as 上旬.
      const first = /[上中下]/.exec(m[0])?.[0] ?? '上';
      const start = ymd(year, month, first === '上' ? 1 : first === '中' ? 11 : 21);
      const due = m[3] === '上' || m[3] === '' ? ymd(year, month, 10) : m[3] === '中' ? ymd(year, month, 20) : lastDayOfMonth(year, month);
      return { ...base, start, due };
    }
    case 'after-period': {
      const n = chineseNumber(m[1]!);
      if (!n || !ctx.period) return undefined;
      return { ...base, due: after(ctx.period.end, n, m[2]!, ctx) };
    }
    case 'after-holiday': {
      const n = chineseNumber(m[2]!);
      const key = HOLIDAY_WORDS.find(([re]) => re.test(m[1]!))?.[1];
      const first = key && ctx.holidayStart?.(key, ctx.period?.start ?? `${ctx.year}-01-01`);
      if (!n || !first) return undefined;
      // The break runs on while the days are not working days (the holiday and the weekend joined to it).
      let last = first;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: the bound only stops a calendar with no working day for 15 days; none has one
      for (let k = 0; k < 15 && !ctx.isWorkday(addDays(last, 1)); k++) last = addDays(last, 1);
      return { ...base, due: after(last, n, m[3]!, ctx) };
    }
    case 'open':
      return { ...base, due: null };
    case 'month-range': {
      const [m1, m2] = [Number(m[2]), Number(m[4])];
      if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return undefined;
      const y1 = m[1] ? Number(m[1]) : resolveYear(m1, 15, ctx);
      const y2 = m[3] ? Number(m[3]) : m2 >= m1 && !NEXT_WORD.test(m[0]) ? y1 : y1 + 1;
      return { ...base, ...(m[5] ? { kind: 'month-end' as const } : {}), start: ymd(y1, m1, 1), due: lastDayOfMonth(y2, m2) };
    }
    case 'year-part': {
      // 一年内, 两年内: a length, not the year's end; 第二十一季度 no quarter.
      if (!m[1] && /[一二三两半几十\d]$/.test(m.input?.slice(0, m.index) ?? '')) return undefined;
      const part = m[2]!;
      // The month it ends in; a yearless one takes the year that puts it in the period (年底 of a winter plan is its first December).
      const month = /年底|年末|年内|下半年/.test(part) ? 12 : part === '上半年' ? 6 : chineseNumber(/[一二三四1-4]/.exec(part)![0])! * 3;
      const year = m[1] ? Number(m[1]) : resolveYear(month, 28, ctx);
      return { ...base, due: lastDayOfMonth(year, month) };
    }
    case 'holiday': {
      const word = m[1]!;
      const key = HOLIDAY_WORDS.find(([re]) => re.test(word))?.[1];
      if (!key || !ctx.holidayStart) return undefined;
      // The break the plan's time runs into: the first one from the period's start (the plan's year without one).
      const first = ctx.holidayStart(key, ctx.period?.start ?? `${ctx.year}-01-01`);
      return first ? { ...base, due: addDays(first, -1) } : undefined;
    }
    case 'weekday': {
      if (!ctx.written) return undefined;
      const wanted = WEEKDAYS.indexOf(m[2] === '天' ? '日' : m[2]!);
      // The first such weekday from the day written on; 下周三 the Wednesday of the week after (weeks from Monday).
      const from = m[1]?.startsWith('下') ? addDays(ctx.written, 7 - ((dayOfWeek(ctx.written) + 6) % 7)) : ctx.written;
      return { ...base, due: addDays(from, (wanted - dayOfWeek(from) + 7) % 7) };
    }
    case 'relative': {
      if (!ctx.written) return undefined;
      const rule = RELATIVE.find(([re]) => re.test(m[0]));
      return rule ? { ...base, due: rule[1](ctx.written) } : undefined;
    }
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Words that set a time from the day they were written: how many days, weeks or months on, to the end of it. */
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

/** 月底前 without a month: the last day of the month the text is about (ctx.month), or the period's, when it is one month. */
function bareMonthEnd(base: { kind: TimeKind; text: string; index: number }, ctx: TimeContext): Hit | undefined {
  const p = ctx.period;
  const at = ctx.month ?? (ctx.written ? Number(ctx.written.slice(5, 7)) : undefined)
    ?? (p && p.start.slice(0, 7) === p.end.slice(0, 7) ? Number(p.start.slice(5, 7)) : undefined);
  if (!at) return undefined;
  return { ...base, due: lastDayOfMonth(resolveYear(at, 15, ctx), at) };
}

/** A date written as 2023年2月29日 or 6月31日, whether or not it exists: the grammar's dates before they are read. */
export interface WrittenDate { text: string; index: number; year?: number; month: number; day: number }

const WRITTEN = /(?<!\d)(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

/** Every month-and-day date in a text, with its year when one is written. */
const NONE: readonly WrittenDate[] = Object.freeze([]);

export function writtenDates(text: string): readonly WrittenDate[] {
  // Most texts have no date: this runs for every text of the plan, for two rules.
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; without it WRITTEN finds no date in a text without 月 either
  if (!text.includes('月')) return NONE;
  return [...text.matchAll(WRITTEN)].map((m) => ({
    text: m[0], index: m.index!, ...(m[1] ? { year: Number(m[1]) } : {}), month: Number(m[2]), day: Number(m[3]),
  }));
}
