// Report duties: what is sent to a named recipient, by whom and when — 报送 / 上报 / 报 / 报送至 + the
// recipient; several duties in one sentence (各单位6月30日前报送乡应急办，乡应急办汇总后于7月5日前报送县安委会
// 办公室 is two, with their own senders); 每周五（12时）前 → weekly, 每月N日前 / 次月N日前 → monthly,
// 活动结束后N个工作日内 → a computed date. A duty without a recipient (及时报告) is not one.
import { isTimeOfDay } from '../calendar/dates.js';
import { readDates, type TimeContext } from '../text/time.js';
import { chineseNumber } from '../text/numerals.js';
import type { Line } from './outline.js';
import { isUnit, leadingUnits, unitName } from './units.js';

export interface DraftDuty {
  title: string;
  to: string;
  by?: string;
  due?: string | null;
  every?: string;
  day?: number;
  time?: string;
  line: number;
  words: string;
  /** The words of a computed date (活动结束后3个工作日内). */
  dueWords?: string;
}

const WEEKDAY: Record<string, string> = { 一: 'monday', 二: 'tuesday', 三: 'wednesday', 四: 'thursday', 五: 'friday', 六: 'saturday', 日: 'sunday', 天: 'sunday' };

/** 报送 / 上报 / 报 + a recipient: the recipient's words (a unit's name: it must end like one). */
/** A recipient's name: words that end as an office's name does. */
const OFFICE = String.raw`([\u4e00-\u9fff（）()]{2,24}?(?:办公室|委员会|指挥部|领导小组|政府|中心|大队|中队|支队|分局|局|办|委|站|所|队|组|院|部))`;
/** A recipient after its verb: its name, then what may come after it. */
const RECIPIENT = `${OFFICE}(?=[，,。；;、备审汇存（(]|$|前|后|并|进行|作|供|以|邮箱|信箱|电子邮箱|QQ|微信|平台|系统|指定)`;
const SEND = new RegExp(String.raw`(?:报送至|报送到|报送给|报送|上报至|上报到|上报给|上报|报告至|报告给|(?<![举预汇通情简电日周月年海警公捷喜画申填])报告|(?<![举预汇通情简电日周月年海警公捷喜画申填])报至|(?<![举预汇通情简电日周月年海警公捷喜画申填])报给|(?<![举预汇通情简电日周月年海警公捷喜画申填])报(?!告|名|道|表|刊|纸|警|批|销|备|案))\s*` + RECIPIENT, 'g');

/** The first recipient a clause sends to: its first 报送/上报/报告/报 + a unit's name. */
function sendIn(clause: string, organizer: string): { to: string; at: number } | undefined {
  for (const re of [SEND, SEND_WHAT_TO, SEND_TO_FIRST]) {
    for (const m of clause.matchAll(re)) {
      const to = unitName(m[1]!, organizer);
      if (isUnit(to)) return { to, at: m.index! };
    }
  }
  return undefined;
}

/** 向镇应急办报告 / 向县应急局书面报送: the recipient before the verb. */
const SEND_TO_FIRST = new RegExp(String.raw`向\s*${OFFICE}\s*(?:书面)?(?:报告|报送|上报|汇报|报备)`, 'g');

/** 报送排查情况至镇应急办 / 上报总结到县应急局: what is sent between the verb and its recipient. */
const SEND_WHAT_TO = new RegExp(String.raw`(?:报送|上报)[^，,。；;至到给]{1,24}(?:至|到|给)\s*` + RECIPIENT, 'g');

/** Time words before a clause's subject: 汛期, 活动期间, 每月, 6月30日前, 活动结束后 … */
const LEADING_TIME = /^(?:(?:上午|下午|中午|晚上|主汛期|汛期|防火期|活动期间|整治期间|行动期间|宣传月期间|[^，,]{0,6}?期间|[^，,]{0,6}?结束后|每周[一二三四五六日天]?|每月|每个月|每季度|每半月|每旬|\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:前|之前)?|\d{1,2}\s*月(?:底|末|上旬|中旬|下旬)?(?:前|之前)?)\s*[，,]?\s*)+/;

/** A duty that names no recipient ("…，活动结束后5个工作日内报送活动总结") goes where the sentence's last one went. */
const SEND_ONLY = /报送|上报/;

function hourOf(text: string): string | undefined {
  const m = /(上午|下午|中午)?\s*(\d{1,2})\s*(?:[:：]\s*(\d{2})|时|点)/.exec(text);
  if (!m) return undefined;
  let h = Number(m[2]);
  if (m[1] === '下午' && h < 12) h += 12;
  // 25时 or 12:75 is no time of day: the duty is kept without one rather than given one validate refuses.
  const time = `${String(h).padStart(2, '0')}:${m[3] ?? '00'}`;
  return isTimeOfDay(time) ? time : undefined;
}

/** The recurring timing of a clause (每周五12时前, 每月5日前, 次月3日前, 每季度末, 每季度末月25日前) and where it stands. */
function recurring(text: string): (Pick<DraftDuty, 'every' | 'day' | 'time'> & { at: number }) | undefined {
  // 每周五12时前, 每周一上午报送: the weekday, and the hour before 前 when there is one.
  const week = /(?:每周|每星期)([一二三四五六日天])(?:([^，,。；;]*?)前)?/.exec(text);
  if (week) {
    const time = week[2] !== undefined ? hourOf(week[2]) : undefined;
    return { every: WEEKDAY[week[1]!]!, ...(time ? { time } : {}), at: week.index };
  }
  const half = /每半(?:个)?月|半月报/.exec(text);
  if (half) return { every: 'half-month', at: half.index };
  const xun = /每旬|旬报/.exec(text);
  if (xun) return { every: 'ten-days', at: xun.index };
  // 每季度第一个月5日前 / 每季度结束后10日内: after the quarter, which every: quarter cannot say — left undated for
  // the clerk (the words stay in the comment) rather than scheduled in the wrong month.
  const after = /(?:每(?:个)?|按)季度(?:第一个月|首月|结束后|后)/.exec(text);
  if (after) return { every: 'unsaid', at: after.index };
  // 每季度末, 每季度末月28日前: in the quarter's last month.
  const quarter = /(?:每(?:个)?|按)季度(?:末月|最后一个月|末)?\s*(?:(\d{1,2}|[一二三四五六七八九十]+)\s*[日号])?/.exec(text);
  if (quarter) {
    const day = quarter[1] ? chineseNumber(quarter[1]) : undefined;
    return { every: 'quarter', ...(day && day >= 1 && day <= 31 ? { day } : {}), at: quarter.index };
  }
  const month = /(?:每月|次月|每个月)\s*(\d{1,2}|[一二三四五六七八九十]+)\s*[日号]/.exec(text);
  if (month) {
    const day = chineseNumber(month[1]!);
    if (day && day >= 1 && day <= 31) return { every: 'month', day, at: month.index };
  }
  // 按月报送, 每月报送: monthly, the day not said (the month's first by the format's default).
  const monthly = /按月|每月(?=报|上报|报送|将|底|末|最后)/.exec(text);
  if (monthly) return { every: 'month', ...(/每月(?:底|末|最后一(?:个工作)?日|最后一天)/.test(text) ? { day: 31 } : {}), at: monthly.index };
  return undefined;
}


/** What is sent: the object of 将…报 ("将活动总结报…" → 活动总结). */
function titleOf(clause: string): string {
  const m = /将(.+?)(?:报送|上报|报)/.exec(clause);
  const what = (m?.[1] ?? '').replace(/^(?:相关|有关)/, '').replace(/[（(][^）)]*[）)]/g, '').replace(/^(?:本单位|本村|本周|上周|上月|全[镇乡]|各自)/, '').trim();
  const trimmed = what.replace(/(?:集中后|汇总后|整理后|审核后|及时|按时|统一|一并)+$/, '');
  if (trimmed.length >= 2 && trimmed.length <= 24) return trimmed;
  return /总结/.test(clause) ? '活动总结' : /方案/.test(clause) ? '活动方案' : '工作开展情况';
}

export function reportDuties(lines: readonly Line[], organizer: string, ctx: TimeContext): DraftDuty[] {
  const out: DraftDuty[] = [];
  for (const line of lines) {
    for (const sentence of line.text.split(/。/)) {
      let sender: string | undefined;
      let lastTo: string | undefined;
      const clauses = sentence.split(/[；;，,]/);
      for (let i = 0; i < clauses.length; i++) {
        const clause = clauses[i]!;
        const units = leadingUnits(clause.trim().replace(LEADING_TIME, ''), organizer);
        if (units && units.length === 1) sender = units[0];
        const send = sendIn(clause, organizer);
        let to = send?.to;
        if (!to && lastTo && SEND_ONLY.test(clause)) to = lastTo;
        if (!to) continue;
        lastTo = to;
        // The timing is in this clause, or the ones before it that belong to no other duty.
        let scope = clause;
        for (let j = i - 1; j >= 0 && !sendIn(clauses[j]!, organizer); j--) scope = `${clauses[j]}，${scope}`;
        const verb = scope.length - clause.length + (send?.at ?? /报送|上报/.exec(clause)?.index ?? clause.length);
        const times = readDates(scope, ctx).filter((t) => t.kind !== 'open');
        // The date nearest before the verb is this duty's ("…6月20日前自查，汇总后于7月31日前报…" is 7月31日);
        // else the first after it.
        const before = times.filter((t) => t.index < verb);
        const when = times.find((t) => t.kind === 'after-period') ?? before.at(-1) ?? times.find((t) => t.index >= verb);
        // A recurring phrase makes the duty recurring only when no written date stands between it and the verb.
        const repeat = recurring(scope);
        // 每日17时前报告 (daily) and 每季度第一个月5日前 repeat in ways the plan format does not: the duty is kept
        // without a date, its words in the comment, for the clerk to settle.
        const undated = /每日|每天/.test(scope.slice(0, verb)) || repeat?.every === 'unsaid';
        const every = !undated && repeat && !(when?.due && when.kind !== 'after-period' && when.index > repeat.at && when.index < verb && !/^(?:每|次)/.test(scope.slice(Math.max(0, when.index - 2), when.index))) ? repeat : undefined;
        out.push({
          title: titleOf(clause),
          to,
          ...(sender && sender !== to ? { by: sender } : {}),
          ...(every ? { every: every.every, ...(every.day ? { day: every.day } : {}), ...(every.time ? { time: every.time } : {}) } : { due: undated ? null : (when?.due ?? null) }),
          ...(when?.kind === 'after-period' ? { dueWords: when.text } : {}),
          line: line.no,
          words: clause,
        });
      }
    }
  }
  return out;
}
