// Tests of src/text/ that kill the mutants the date grammar's table (test/date-grammar.test.ts) and the phone
// tests let live: each word of each wording (以前, 礼拜, 防火期, 农历新年 …), each optional part made required or
// dropped (节, 假期, 之内, 的), each bound (month 12 and 13, 31 days, the thirds of a month, a range of one day,
// the season across New Year), the as-of counts against deadlines, and the words that need the day they were
// written. Each case asserts the exact reading: kind, words, where they stand, start, due, deadline, weekdays.
import { describe, expect, it } from 'vitest';
import { holidayStarts } from '../src/calendar/china.js';
import { loadCalendar } from '../src/io/holidays.js';
import { chineseNumber } from '../src/text/numerals.js';
import { labelledPhoneProblems, phoneProblems } from '../src/text/phone.js';
import { readDates, resolveYear, type TimeContext, type TimeHit, writtenDates } from '../src/text/time.js';
import { titleYear } from '../src/text/title-year.js';
import { visibleLines, visibleName } from '../src/text/visible.js';

const calendar = loadCalendar();
const plain: TimeContext = { year: 2025, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar) };
const june: TimeContext = { ...plain, period: { start: '2025-06-01', end: '2025-06-30' } };
const december: TimeContext = { ...plain, period: { start: '2025-12-01', end: '2025-12-31' } };
/** A campaign over two winters. */
const twoWinters: TimeContext = { ...plain, period: { start: '2024-11-01', end: '2026-04-30' } };
/** Written on Wednesday 11 June 2025. */
const written: TimeContext = { ...plain, written: '2025-06-11' };

/** A reading in one line: kind, words@index, start..due, D for a deadline, the weekdays, cited. */
const line = (h: TimeHit): string =>
  `${h.kind} ${h.text}@${h.index} ${h.start ? `${h.start}..` : ''}${h.due}${h.deadline ? ' D' : ''}${
    h.weekdays ? ` W[${h.weekdays.map((w) => `${w.date} ${w.prefix}${w.written} ${w.text}`).join('|')}]` : ''
  }${h.cited ? ' cited' : ''}`;
const read = (text: string, ctx: TimeContext = plain): string[] => readDates(text, ctx).map(line);

describe('holidays: every name a document gives one (2025 calendar)', () => {
  it('国庆 and 十一, with or without 节 and quotes — not 十一 inside a number', () => {
    expect(read('国庆节前、国庆前、“十一”前、"十一"前、十一前')).toEqual([
      'holiday 国庆节前@0 2025-09-30 D', 'holiday 国庆前@5 2025-09-30 D', 'holiday “十一”前@9 2025-09-30 D',
      'holiday "十一"前@15 2025-09-30 D', 'holiday 十一前@21 2025-09-30 D',
    ]);
    expect(read('第十一前；二十一前')).toEqual([]);
  });

  it('春节, 农历新年, 元旦, 劳动节 and 五一 in its forms', () => {
    expect(read('春节前；农历新年前；元旦前；劳动节前；五一前；“五一”前；五一劳动节前；五一国际劳动节前')).toEqual([
      'holiday 春节前@0 2025-01-27 D', 'holiday 农历新年前@4 2025-01-27 D', 'holiday 元旦前@10 2024-12-31 D',
      'holiday 劳动节前@14 2025-04-30 D', 'holiday 五一前@19 2025-04-30 D', 'holiday “五一”前@23 2025-04-30 D',
      'holiday 五一劳动节前@29 2025-04-30 D', 'holiday 五一国际劳动节前@36 2025-04-30 D',
    ]);
  });

  it('端午, 中秋 and 清明 with and without 节', () => {
    expect(read('端午前；端午节前；中秋前；中秋节前；清明前；清明节前')).toEqual([
      'holiday 端午前@0 2025-05-30 D', 'holiday 端午节前@4 2025-05-30 D', 'holiday 中秋前@9 2025-09-30 D',
      'holiday 中秋节前@13 2025-09-30 D', 'holiday 清明前@18 2025-04-03 D', 'holiday 清明节前@22 2025-04-03 D',
    ]);
  });

  it('each holiday alone, with a space before 前', () => {
    expect(read('元旦 前')).toEqual(['holiday 元旦 前@0 2024-12-31 D']);
    expect(read('春节前')).toEqual(['holiday 春节前@0 2025-01-27 D']);
    expect(read('清明节前')).toEqual(['holiday 清明节前@0 2025-04-03 D']);
  });

  it('a holiday word no holiday has (五一国际) sets no date', () => {
    expect(read('五一国际前')).toEqual([]);
  });

  it('N days after a holiday: every name, 节, 假期 / 长假, 结束, spaces, numbers in figures and words', () => {
    expect(read('国庆后3个工作日内；“十一”后3个工作日内；十一后3个工作日内；春节后3个工作日内；元旦后2天内')).toEqual([
      'after-holiday 国庆后3个工作日内@0 2025-10-11 D', 'after-holiday “十一”后3个工作日内@10 2025-10-11 D',
      'after-holiday 十一后3个工作日内@22 2025-10-11 D', 'after-holiday 春节后3个工作日内@32 2025-02-07 D',
      'after-holiday 元旦后2天内@42 2025-01-03 D',
    ]);
    expect(read('劳动节后一周内；五一节后一周内；“五一”后一周内；端午节后两天内；中秋节假期结束后5个工作日内；清明节后10日之内')).toEqual([
      'after-holiday 劳动节后一周内@0 2025-05-12 D', 'after-holiday 五一节后一周内@8 2025-05-12 D',
      'after-holiday “五一”后一周内@16 2025-05-12 D', 'after-holiday 端午节后两天内@25 2025-06-04 D',
      'after-holiday 中秋节假期结束后5个工作日内@33 2025-10-14 D', 'after-holiday 清明节后10日之内@48 2025-04-16 D',
    ]);
    expect(read('国庆长假后 3 个工作日内；国庆结束后12天内；国庆后十二天内；国庆后1个星期内；国庆后2星期内')).toEqual([
      'after-holiday 国庆长假后 3 个工作日内@0 2025-10-11 D', 'after-holiday 国庆结束后12天内@14 2025-10-20 D',
      'after-holiday 国庆后十二天内@24 2025-10-20 D', 'after-holiday 国庆后1个星期内@32 2025-10-15 D',
      'after-holiday 国庆后2星期内@41 2025-10-22 D',
    ]);
  });
});

describe('after the period: 结束后 N 个工作日 / 天 / 周', () => {
  it('each activity word, spaces, and each unit', () => {
    expect(read('活动结束后5个工作日内；防火期结束后五个工作日内；汛期结束后 3 天；整治结束后两周内', june)).toEqual([
      'after-period 活动结束后5个工作日内@0 2025-07-07 D', 'after-period 防火期结束后五个工作日内@12 2025-07-07 D',
      'after-period 汛期结束后 3 天@25 2025-07-03 D', 'after-period 整治结束后两周内@35 2025-07-14 D',
    ]);
    expect(read('行动结束后1个星期内；宣传月结束后2星期内；宣传周结束后10日内；集中整治结束后十二天之内；结束后  12 天内', june)).toEqual([
      'after-period 行动结束后1个星期内@0 2025-07-07 D', 'after-period 宣传月结束后2星期内@11 2025-07-14 D',
      'after-period 宣传周结束后10日内@22 2025-07-10 D', 'after-period 集中整治结束后十二天之内@33 2025-07-12 D',
      'after-period 结束后  12 天内@46 2025-07-12 D',
    ]);
  });

  it('a space before 结束后 is part of the words', () => {
    expect(read('活动 结束后3天内', june)).toEqual(['after-period 活动 结束后3天内@0 2025-07-03 D']);
  });
});

describe('deadlines by a date', () => {
  it('前, 之前, 以前, 截止 after a date; 前后 is about the day', () => {
    expect(read('6月20日前；6月20日之前；6月20日以前；6月20日前后；6月20日截止；2024年 6 月 20 号 12时 前')).toEqual([
      'before 6月20日前@0 2025-06-20 D', 'before 6月20日之前@7 2025-06-20 D', 'before 6月20日以前@15 2025-06-20 D',
      'on 6月20日@23 2025-06-20', 'before 6月20日截止@31 2025-06-20 D', 'before 2024年 6 月 20 号 12时 前@39 2024-06-20 D cited',
    ]);
  });

  it('a weekday and an hour between the date and 前: 星期, 周, 礼拜, 下午 5点30分, 下班, 18：00', () => {
    expect(read('6月20日（星期五）之前；6月20日(周五)下午5点30分前；6月20日 礼拜五 下班前；6月20日晚上18：00以前')).toEqual([
      'before 6月20日（星期五）之前@0 2025-06-20 D W[2025-06-20 星期五 6月20日（星期五）]',
      'before 6月20日(周五)下午5点30分前@13 2025-06-20 D W[2025-06-20 周五 6月20日(周五)]',
      'before 6月20日 礼拜五 下班前@31 2025-06-20 D W[2025-06-20 礼拜五 6月20日 礼拜五]',
      'before 6月20日晚上18：00以前@45 2025-06-20 D',
    ]);
  });

  it('截止 / 截至 before a date, with 到, 至, 时间, 日期, 时限, 为, 是 and a colon', () => {
    expect(read('截止6月20日；截止到6月20日；截止至6月20日；截至时间：6月20日；截止日期为6月20日；截止时限是6月20日')).toEqual([
      'before 截止6月20日@0 2025-06-20 D', 'before 截止到6月20日@8 2025-06-20 D', 'before 截止至6月20日@17 2025-06-20 D',
      'before 截至时间：6月20日@26 2025-06-20 D', 'before 截止日期为6月20日@37 2025-06-20 D', 'before 截止时限是6月20日@48 2025-06-20 D',
    ]);
  });

  it('截止 a date followed by a count (已, 共, 累计, 全镇共, 全共) is as of that day, not a deadline', () => {
    expect(read('截止6月20日，已排查12处；截止6月20日（周五）17时，共排查；截止6月20日累计；截止6月20日全镇共')).toEqual([
      'on 6月20日@2 2025-06-20', 'on 6月20日（周五）@17 2025-06-20 W[2025-06-20 周五 6月20日（周五）]', 'on 6月20日@36 2025-06-20', 'on 6月20日@46 2025-06-20',
    ]);
    expect(read('截止6月20日全共；截至日期：6月20日 已完成')).toEqual(['on 6月20日@2 2025-06-20', 'on 6月20日@15 2025-06-20']);
  });
});

describe('the end of a month', () => {
  it('6月底 / 末 with 前, 之前, 以前 and spaces; February of a leap year; no month 13 or 0', () => {
    expect(read('6月底前；6月底；6月末；6月底之前；6 月 末 以前；2024年2月底；13月底前；0月底')).toEqual([
      'month-end 6月底前@0 2025-06-30 D', 'month-end 6月底@5 2025-06-30 D', 'month-end 6月末@9 2025-06-30 D',
      'month-end 6月底之前@13 2025-06-30 D', 'month-end 6 月 末 以前@19 2025-06-30 D', 'month-end 2024年2月底@28 2024-02-29 D cited',
    ]);
    expect(read('12月底前')).toEqual(['month-end 12月底前@0 2025-12-31 D']);
  });

  it('月底 without a month: the period’s month — not 下月底, 每月底, 上月末, 次月底, 每个月底', () => {
    expect(read('月底前；本月底；月末之前；月 底 以前；下月底；每月底前；6月底；上月末；次月底；每个月底', june)).toEqual([
      'month-end 月底前@0 2025-06-30 D', 'month-end 月底@5 2025-06-30 D', 'month-end 月末之前@8 2025-06-30 D',
      'month-end 月 底 以前@13 2025-06-30 D', 'month-end 6月底@29 2025-06-30 D',
    ]);
    expect(read('月末前', june)).toEqual(['month-end 月末前@0 2025-06-30 D']);
    expect(read('月底 前', june)).toEqual(['month-end 月底 前@0 2025-06-30 D']);
  });

  it('月底 without a month needs a month: the period’s, the written day’s — none in a plain year', () => {
    expect(read('月底前')).toEqual([]);
    expect(read('月底前', written)).toEqual(['month-end 月底前@0 2025-06-30 D']);
    expect(read('月底前', december)).toEqual(['month-end 月底前@0 2025-12-31 D']);
  });
});

describe('the thirds of a month and 月初', () => {
  it('上 1–10, 中 11–20, 下 21–end, two thirds, February; no month 13 or 0', () => {
    expect(read('6月上旬；6月中旬；6月下旬；6月中下旬；2月下旬；2024年2月下旬；6月上中旬；13月上旬；0月中旬')).toEqual([
      'xun 6月上旬@0 2025-06-01..2025-06-10 D', 'xun 6月中旬@5 2025-06-11..2025-06-20 D', 'xun 6月下旬@10 2025-06-21..2025-06-30 D',
      'xun 6月中下旬@15 2025-06-11..2025-06-30 D', 'xun 2月下旬@21 2025-02-21..2025-02-28 D',
      'xun 2024年2月下旬@26 2024-02-21..2024-02-29 D cited', 'xun 6月上中旬@36 2025-06-01..2025-06-20 D',
    ]);
    expect(read('12月下旬')).toEqual(['xun 12月下旬@0 2025-12-21..2025-12-31 D']);
  });

  it('7月初 as 上旬; not 7月初5 (a date) nor month 13', () => {
    expect(read('7月初；12月初；7月初5；13月初')).toEqual(['xun 7月初@0 2025-07-01..2025-07-10 D', 'xun 12月初@4 2025-12-01..2025-12-10 D']);
  });
});

describe('months and spans of months', () => {
  it('月至月, 7—8月, 到, ～, 份, 底, 前: a span, or a deadline with 前; across New Year; month 12 and 1 as bounds', () => {
    expect(read('9月至12月；7—8月；5月至6月底前；11月到1月；12月至2月底；6月至6月；2024年9月—12月底；5月份至6月份；7~8月份')).toEqual([
      'month-range 9月至12月@0 2025-09-01..2025-12-31', 'month-range 7—8月@7 2025-07-01..2025-08-31',
      'month-end 5月至6月底前@12 2025-05-01..2025-06-30 D', 'month-range 11月到1月@20 2025-11-01..2026-01-31',
      'month-range 12月至2月底@27 2025-12-01..2026-02-28', 'month-range 6月至6月@35 2025-06-01..2025-06-30',
      'month-range 2024年9月—12月底@41 2024-09-01..2024-12-31 cited', 'month-range 5月份至6月份@54 2025-05-01..2025-06-30',
      'month-range 7~8月份@62 2025-07-01..2025-08-31',
    ]);
    expect(read('12月～1月；1月至12月末之前；13月至14月；6 月 至 7 月 以前；0月至3月；3月至13月')).toEqual([
      'month-range 12月～1月@0 2025-12-01..2026-01-31', 'month-end 1月至12月末之前@7 2025-01-01..2025-12-31 D',
      'month-end 6 月 至 7 月 以前@25 2025-06-01..2025-07-31 D',
    ]);
    expect(read('12—1月')).toEqual(['month-range 12—1月@0 2025-12-01..2026-01-31']);
    expect(read('12月至12月')).toEqual(['month-range 12月至12月@0 2025-12-01..2025-12-31']);
  });

  it('6月份, with a year and a space; no month 13', () => {
    expect(read('6月份；2024年6月份；13月份；6 月份')).toEqual([
      'month 6月份@0 2025-06-01..2025-06-30', 'month 2024年6月份@4 2024-06-01..2024-06-30 cited', 'month 6 月份@18 2025-06-01..2025-06-30',
    ]);
  });
});

describe('parts of a year', () => {
  it('年底, 年末, 年内, halves and quarters, with 前 / 以前 and a year', () => {
    expect(read('年底前；年末；年内；上半年；下半年；第一季度末；一季度；第二季度底前；3季度；4 季度末以前；2024年年底；2026 年底前')).toEqual([
      'year-part 年底前@0 2025-12-31 D', 'year-part 年末@4 2025-12-31 D', 'year-part 年内@7 2025-12-31 D', 'year-part 上半年@10 2025-06-30',
      'year-part 下半年@14 2025-12-31', 'year-part 第一季度末@18 2025-03-31 D', 'year-part 一季度@24 2025-03-31',
      'year-part 第二季度底前@28 2025-06-30 D', 'year-part 3季度@35 2025-09-30', 'year-part 4 季度末以前@39 2025-12-31 D',
      'year-part 2024年年底@47 2024-12-31 D cited', 'year-part 2026 年底前@55 2026-12-31 D',
    ]);
    expect(read('2024年 年底；年底 前')).toEqual(['year-part 2024年 年底@0 2024-12-31 D cited', 'year-part 年底 前@9 2025-12-31 D']);
  });

  it('a length (一年内, 两年内, 半年内, 3年内) or 二十一季度 is no part of a year', () => {
    expect(read('一年内；两年内完成；半年内；3年内；二十一季度')).toEqual([]);
  });
});

describe('a weekday and words from the day they were written (Wednesday 2025-06-11)', () => {
  it('周三前 is that day; 下周 the next week; 本 / 这; not 每周 or 上周; no 周八', () => {
    expect(read('周三前；周三之前；星期五前；礼拜天以前；周日前；周四 前；下周三前；下一周三前；下个周一前；本周五前；这周二前；每周三前；上周三前；周八前', written)).toEqual([
      'weekday 周三前@0 2025-06-11 D', 'weekday 周三之前@4 2025-06-11 D', 'weekday 星期五前@9 2025-06-13 D',
      'weekday 礼拜天以前@14 2025-06-15 D', 'weekday 周日前@20 2025-06-15 D', 'weekday 周四 前@24 2025-06-12 D',
      'weekday 下周三前@29 2025-06-18 D', 'weekday 下一周三前@34 2025-06-18 D', 'weekday 下个周一前@40 2025-06-16 D',
      'weekday 本周五前@46 2025-06-13 D', 'weekday 这周二前@51 2025-06-17 D',
    ]);
    expect(read('周一前', written)).toEqual(['weekday 周一前@0 2025-06-16 D']);
    expect(read('周六前', written)).toEqual(['weekday 周六前@0 2025-06-14 D']);
  });

  it('明天, 后天, this and next week and month, each wording', () => {
    expect(read('明天；明日；次日；后天；本周；这周；本星期；下周；下一周；下个星期；下星期；下一阶段第一周；下阶段的第一周；本月；这个月；下月；下个月；下一个月；下一月', written)).toEqual([
      'relative 明天@0 2025-06-12 D', 'relative 明日@3 2025-06-12 D', 'relative 次日@6 2025-06-12 D', 'relative 后天@9 2025-06-13 D',
      'relative 本周@12 2025-06-15 D', 'relative 这周@15 2025-06-15 D', 'relative 本星期@18 2025-06-15 D', 'relative 下周@22 2025-06-22 D',
      'relative 下一周@25 2025-06-22 D', 'relative 下个星期@29 2025-06-22 D', 'relative 下星期@34 2025-06-22 D',
      'relative 下一阶段第一周@38 2025-06-22 D', 'relative 下阶段的第一周@46 2025-06-22 D', 'relative 本月@54 2025-06-30 D',
      'relative 这个月@57 2025-06-30 D', 'relative 下月@61 2025-07-31 D', 'relative 下个月@64 2025-07-31 D',
      'relative 下一个月@68 2025-07-31 D', 'relative 下一月@73 2025-07-31 D',
    ]);
  });

  it('each word alone (the quick look for a time finds it)', () => {
    expect(read('下月', written)).toEqual(['relative 下月@0 2025-07-31 D']);
    expect(read('下一月', written)).toEqual(['relative 下一月@0 2025-07-31 D']);
    expect(read('后天', written)).toEqual(['relative 后天@0 2025-06-13 D']);
    expect(read('这个月', written)).toEqual(['relative 这个月@0 2025-06-30 D']);
  });

  it('without the written day none of them is read', () => {
    expect(read('周三前；明天；本月；下周')).toEqual([]);
  });
});

describe('no date, a single date, and ranges', () => {
  it('全年, 长期坚持, 长期, 常态化开展', () => {
    expect(read('全年；长期坚持；长期；常态化开展')).toEqual(['open 全年@0 null', 'open 长期坚持@3 null', 'open 长期@8 null', 'open 常态化开展@11 null']);
  });

  it('a date with its weekday: 星期, 周, 礼拜, brackets or none, spaced, 天 as 日; no 6月31日', () => {
    expect(read('6月16日；2024年6月16日；6月31日；6 月 16 号；6月10日（周三）；6月10日星期三；6月10日 周 三；6月14日礼拜天；6月14日(星期日)')).toEqual([
      'on 6月16日@0 2025-06-16', 'on 2024年6月16日@6 2024-06-16 cited', 'on 6 月 16 号@23 2025-06-16',
      'on 6月10日（周三）@32 2025-06-10 W[2025-06-10 周三 6月10日（周三）]', 'on 6月10日星期三@42 2025-06-10 W[2025-06-10 星期三 6月10日星期三]',
      'on 6月10日 周 三@51 2025-06-10 W[2025-06-10 周三 6月10日 周 三]', 'on 6月14日礼拜天@61 2025-06-14 W[2025-06-14 礼拜日 6月14日礼拜天]',
      'on 6月14日(星期日)@70 2025-06-14 W[2025-06-14 星期日 6月14日(星期日)]',
    ]);
  });

  it('a weekday after no date (6月31日) goes to no other hit', () => {
    expect(read('6月31日（周三）检查，6月20日前完成')).toEqual(['before 6月20日前@12 2025-06-20 D']);
  });

  it('ranges by each dash, 至 and 到; one day; backwards is two dates', () => {
    expect(read('6月1日—6月5日；6月1日至5日；6月1日到6月5日；6月1日-5日；6月1日~5日；6月1日～5日；6月1日–5日；6月5日至6月1日；6月5日至6月5日')).toEqual([
      'range 6月1日—6月5日@0 2025-06-01..2025-06-05', 'range 6月1日至5日@10 2025-06-01..2025-06-05', 'range 6月1日到6月5日@18 2025-06-01..2025-06-05',
      'range 6月1日-5日@28 2025-06-01..2025-06-05', 'range 6月1日~5日@36 2025-06-01..2025-06-05', 'range 6月1日～5日@44 2025-06-01..2025-06-05',
      'range 6月1日–5日@52 2025-06-01..2025-06-05', 'on 6月5日@60 2025-06-05', 'on 6月1日@65 2025-06-01', 'range 6月5日至6月5日@70 2025-06-05..2025-06-05',
    ]);
  });

  it('ranges with years, across New Year, with weekdays at both ends; a range with no real end is no range', () => {
    expect(read('2024年11月1日至2025年4月30日；12月28日至1月3日；6月10日（周二）至6月12日（周四）；6月31日至7月2日；6月29日至31日；6 月 1 日 至 6 月 5 号')).toEqual([
      'range 2024年11月1日至2025年4月30日@0 2024-11-01..2025-04-30', 'range 12月28日至1月3日@22 2025-12-28..2026-01-03',
      'range 6月10日（周二）至6月12日（周四）@34 2025-06-10..2025-06-12 W[2025-06-10 周二 6月10日（周二）|2025-06-12 周四 6月12日（周四）]',
      'on 7月2日@60 2025-07-02', 'on 6月29日@65 2025-06-29', 'range 6 月 1 日 至 6 月 5 号@75 2025-06-01..2025-06-05',
    ]);
    expect(read('2024年12月28日至1月3日')).toEqual(['range 2024年12月28日至1月3日@0 2024-12-28..2025-01-03']);
    expect(read('6月31日至5月2日')).toEqual(['on 5月2日@6 2025-05-02']);
  });

  it('a range across New Year in a campaign over two winters ends a few days after it starts, not a year later', () => {
    expect(read('12月28日至1月3日', twoWinters)).toEqual(['range 12月28日至1月3日@0 2024-12-28..2025-01-03']);
  });
});

describe('years: 次年 and the season across New Year', () => {
  it('次年, 明年, 来年, 翌年 before a yearless date; a written year stays', () => {
    expect(read('次年1月10日前；明年2月底；来年3月；翌年1月上旬；2026年1月10日前', december)).toEqual([
      'before 次年1月10日前@0 2026-01-10 D', 'month-end 明年2月底@9 2026-02-28 D', 'xun 翌年1月上旬@20 2026-01-01..2026-01-10 D',
      'before 2026年1月10日前@27 2026-01-10 D',
    ]);
    expect(read('次年第一季度末')).toEqual(['year-part 次年第一季度末@0 2026-03-31 D']);
    expect(read('次年12月28日至2027年1月3日')).toEqual(['range 次年12月28日至2027年1月3日@0 2026-12-28..2027-01-03']);
  });

  it('a winter plan’s 次年 is the year it runs into, not the year after its end; 至次年 ends a range or months there', () => {
    const winter: TimeContext = { ...plain, period: { start: '2025-11-01', end: '2026-02-28' } };
    expect(read('次年1月10日前；12月中旬至次年1月上旬', winter)).toEqual([
      'before 次年1月10日前@0 2026-01-10 D', 'xun 12月中旬@9 2025-12-11..2025-12-20 D', 'xun 次年1月上旬@15 2026-01-01..2026-01-10 D',
    ]);
    expect(read('12月至次年2月开展冬季攻坚；11月1日至次年3月31日；12月1日至翌年2月28日（星期六）', winter)).toEqual([
      'month-range 12月至次年2月@0 2025-12-01..2026-02-28', 'range 11月1日至次年3月31日@15 2025-11-01..2026-03-31',
      'range 12月1日至翌年2月28日（星期六）@29 2025-12-01..2026-02-28 W[2026-02-28 星期六 2月28日（星期六）]',
    ]);
    // The word moves the end to the next year even where its month comes later than the start's.
    expect(read('2025年3月1日至次年3月31日；3月份至明年4月份')).toEqual(['range 2025年3月1日至次年3月31日@0 2025-03-01..2026-03-31', 'month-range 3月份至明年4月份@18 2025-03-01..2026-04-30']);
    expect(read('12月1日至2月28日', winter)).toEqual(['range 12月1日至2月28日@0 2025-12-01..2026-02-28']);
  });

  it('a date just after a one-month period is next year’s, one far from it this year’s', () => {
    expect(read('1月10日前', december)).toEqual(['before 1月10日前@0 2026-01-10 D']);
    expect(read('1月10日前', june)).toEqual(['before 1月10日前@0 2025-01-10 D']);
    expect(resolveYear(1, 10, december)).toBe(2026);
    expect(resolveYear(3, 20, december)).toBe(2026);
    expect(resolveYear(4, 10, december)).toBe(2025);
    expect(resolveYear(11, 1, { year: 2025, period: { start: '2025-01-01', end: '2025-01-31' } })).toBe(2024);
  });
});

describe('writtenDates: the dates as written, real or not', () => {
  it('reads year, month and day, spaced, 日 or 号; not the digits of a longer number', () => {
    expect(writtenDates('2024 年 6 月 31 号，12月1日、 6月 5日；126月3日')).toEqual([
      { text: '2024 年 6 月 31 号', index: 0, year: 2024, month: 6, day: 31 },
      { text: '12月1日', index: 16, month: 12, day: 1 },
      { text: '6月 5日', index: 23, month: 6, day: 5 },
    ]);
    expect(writtenDates('2023年2月29日')).toEqual([{ text: '2023年2月29日', index: 0, year: 2023, month: 2, day: 29 }]);
    expect(writtenDates('6月30 日')).toEqual([{ text: '6月30 日', index: 0, month: 6, day: 30 }]);
    expect(writtenDates('6月30天')).toEqual([]);
    expect(writtenDates('没有日期')).toEqual([]);
  });
});

describe('phone numbers: the bounds of each kind', () => {
  const kinds = (text: string) => phoneProblems(text).map((p) => `${p.kind} ${p.text} (${p.digits})`);

  it('a 400 number after +86 must still have 10 digits', () => {
    expect(kinds('+86 400-123-45678')).toEqual(['length +86 400-123-45678 (11)']);
  });

  it('an area code must begin the number', () => {
    expect(kinds('1021-12345678')).toEqual(['length 1021-12345678 (12)']);
    expect(kinds('10739-12350')).toEqual(['length 10739-12350 (10)']);
  });

  it('a 95xxx service number has 5 or 6 digits, no more', () => {
    expect(kinds('955881234')).toEqual(['length 955881234 (9)']);
  });

  it('an ISO date is skipped only when it is all of the number', () => {
    expect(kinds('1998-10-10')).toEqual([]);
    expect(kinds('12020-06-20')).toEqual(['length 12020-06-20 (9)']);
    expect(kinds('2020-06-201')).toEqual(['length 2020-06-201 (9)']);
  });

  it('counts the digits after “+ 86” with its space', () => {
    expect(kinds('+ 86 138l2345678')).toEqual(['letter + 86 138l2345678 (11)']);
  });

  it('an extension after ext / EXT with or without its dot, after 转 with or without a space', () => {
    expect(kinds('0719-8823156 ext 12')).toEqual([]);
    expect(kinds('0719-8823156 EXT 12')).toEqual([]);
    expect(kinds('0719-8823156 EXT. 12')).toEqual([]);
    expect(kinds('0719-8823156x12')).toEqual([]);
    expect(kinds('0719-8823156转  12')).toEqual([]);
    expect(kinds('0719-8823156转12')).toEqual([]);
  });

  it('a 转 earlier in the text is no extension of a later number', () => {
    expect(labelledPhoneProblems('请转告各村，联系电话：138l2345678').map((p) => `${p.kind} ${p.text}`)).toEqual(['letter 138l2345678']);
  });

  it('full-width digits and separators are read as digits', () => {
    expect(kinds('１３８l２３４５６７８')).toEqual(['letter １３８l２３４５６７８ (11)']);
    expect(kinds('0719　8823156')).toEqual([]);
    expect(kinds('oO')).toEqual([]);
  });

  it('labels: 手机 alone, 电话号 / 号码, Tel after a comma — not Tel inside a word', () => {
    const found = (text: string) => labelledPhoneProblems(text).map((p) => `${p.index} ${p.kind} ${p.text}`);
    expect(found('手机：138l2345678')).toEqual(['3 letter 138l2345678']);
    expect(found('联系电话号：138l2345678')).toEqual(['6 letter 138l2345678']);
    expect(found('联系电话号码：138l2345678')).toEqual(['7 letter 138l2345678']);
    expect(found('值班电话 138l2345678')).toEqual(['5 letter 138l2345678']);
    expect(found('张三，Tel：138l2345678')).toEqual(['7 letter 138l2345678']);
    expect(found('Tel: 138l2345678')).toEqual(['5 letter 138l2345678']);
    expect(found('Hotel: 138l2345678')).toEqual([]);
    expect(found('Telephone 138l2345678')).toEqual([]);
  });
});

describe('the other helpers of src/text/', () => {
  it('chineseNumber reads every digit word', () => {
    expect(['零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九'].map(chineseNumber)).toEqual([undefined, undefined, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(chineseNumber('一百零五')).toBe(105);
    expect(chineseNumber('二十〇')).toBe(20);
  });

  it('titleYear takes a year written before 年 with a space, alone or in a span, over an earlier lone year', () => {
    expect(titleYear('依据2019规定，2020 年安全生产月方案')).toEqual({ year: 2020, text: '2020', index: 9 });
    expect(titleYear('依据2019规定，2020—2021 年冬春方案')).toEqual({ year: 2020, text: '2020', index: 9 });
  });

  it('visibleLines and visibleName', () => {
    expect(visibleLines('a\u001b\r\nb')).toBe('a\\x1b\r\nb');
    expect(visibleName('a\nb\u001b')).toBe('a\\nb\\x1b');
  });
});
