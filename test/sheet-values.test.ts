// What units type into their sheets, read as they mean it: dates in every common form, status words offices
// use, progress with or without a percent sign, figures; and CSV text in whatever encoding it was saved.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/messages/labels.js';
import { STATUSES, type Status } from '../src/model/types.js';
import { decodeSheetText } from '../src/sheets/read.js';
import { dateOf, figureOf, progressOf, statusOf, statusSuggestion, toIsoOrUndefined } from '../src/sheets/values.js';

const labels = Object.fromEntries(STATUSES.map((s) => [s, LABELS.zh[s]])) as Record<Status, string>;
const WEEK = { from: '2026-06-05', to: '2026-06-11' };
const date = (cell: { text: string; number?: number; date?: string }) => dateOf(cell, WEEK);

describe('dates', () => {
  it('reads a date cell, a day number, and every written form with a year', () => {
    expect(date({ text: '', date: '2026-06-08' })).toEqual({ date: '2026-06-08' });
    expect(date({ text: '46181', number: 46181 })).toEqual({ date: '2026-06-08' }); // Excel's day number
    for (const text of ['2026-06-08', '2026/6/8', '2026.6.8', '2026年6月8日', '2026 年 6 月 8 日', '20260608', '２０２６／６／８']) {
      expect(date({ text }), text).toEqual({ date: '2026-06-08' });
    }
  });

  it('reads a date without a year in the year nearest the week', () => {
    for (const text of ['6月8日', '6月8号', '6/8', '6-8', '6.8']) expect(date({ text }), text).toEqual({ date: '2026-06-08' });
    // The last week of December: 1月2日 is next year's.
    expect(dateOf({ text: '1月2日' }, { from: '2026-12-28', to: '2027-01-03' })).toEqual({ date: '2027-01-02' });
  });

  it('reads 6.4 that a spreadsheet kept as a number, and 6.1 as June 10 when that is the week\'s', () => {
    expect(date({ text: '6.8', number: 6.8 })).toEqual({ date: '2026-06-08' });
    expect(date({ text: '6.1', number: 6.1 })).toEqual({ date: '2026-06-10' });
    expect(dateOf({ text: '6.1', number: 6.1 }, { from: '2026-05-29', to: '2026-06-04' })).toEqual({ date: '2026-06-01' });
  });

  it('a day number within 1000 and 9999-12-31, whole; a date cell that is none is bad', () => {
    expect([1000, 2958465, 43997].map((n) => date({ text: String(n), number: n }))).toEqual([{ date: '1902-09-26' }, { date: '9999-12-31' }, { date: '2020-06-15' }]);
    for (const n of [2958466, 43997.5, 1e20, Number.NaN]) expect(date({ text: String(n), number: n }), String(n)).toEqual({ bad: true });
    expect(date({ text: '', date: '2026-02-30' })).toEqual({ bad: true });
    // The cell's date wins over its text and number.
    expect(date({ text: 'x', number: 5, date: '2026-06-09' })).toEqual({ date: '2026-06-09' });
  });

  it('a number kept by a spreadsheet: month.day, June 1 or 10 whichever is in the week, else the first that exists', () => {
    expect(date({ text: '6.1', number: 6.1 })).toEqual({ date: '2026-06-10' });
    expect(date({ text: '6.11', number: 6.11 })).toEqual({ date: '2026-06-11' });
    expect(dateOf({ text: '6.3', number: 6.3 }, WEEK)).toEqual({ date: '2026-06-03' }); // neither June 3 nor 30 in the week: June 3
    expect(dateOf({ text: '2.3', number: 2.3 }, WEEK)).toEqual({ date: '2026-02-03' }); // February 30 is none
    expect(dateOf({ text: '2.31', number: 2.31 }, WEEK)).toEqual({ bad: true });
    expect(dateOf({ text: '13.1', number: 13.1 }, WEEK)).toEqual({ bad: true });
    expect(dateOf({ text: '0.5', number: 0.5 }, WEEK)).toEqual({ bad: true });
    // June 10 on the week's first or last day is the week's.
    expect(dateOf({ text: '6.1', number: 6.1 }, { from: '2026-06-10', to: '2026-06-16' })).toEqual({ date: '2026-06-10' });
    expect(dateOf({ text: '6.1', number: 6.1 }, { from: '2026-06-04', to: '2026-06-10' })).toEqual({ date: '2026-06-10' });
  });

  it('eight digits are a date with its year, nine none', () => {
    expect([date({ text: '20260608' }), date({ text: '120260608' })]).toEqual([{ date: '2026-06-08' }, { bad: true }]);
  });

  it('in the year nearest the week: of three candidates, the one closest to its middle', () => {
    const jan = { from: '2027-01-04', to: '2027-01-10' };
    expect(['12月30日', '1月8日', '7月1日', '7月10日'].map((text) => dateOf({ text }, jan))).toEqual([
      { date: '2026-12-30' }, { date: '2027-01-08' }, { date: '2027-07-01' }, { date: '2026-07-10' },
    ]);
    // February 29 in the one year of three that has it.
    expect(dateOf({ text: '2月29日' }, { from: '2027-02-22', to: '2027-02-28' })).toEqual({ date: '2028-02-29' });
    expect(dateOf({ text: '2月30日' }, WEEK)).toEqual({ bad: true });
  });

  it('says what is no date, and leaves an empty cell empty', () => {
    for (const text of ['下周一', '2026-06-31', '6月31日', '13/5', 'x']) expect(date({ text }), text).toEqual({ bad: true });
    expect(date({ text: '12', number: 12 })).toEqual({ bad: true });
    expect(date({ text: '1e20', number: 1e20 })).toEqual({ bad: true });
    expect(date({ text: '' })).toBeUndefined();
    expect(date({ text: ' 。' })).toBeUndefined();
    for (const text of ['2026-6-8日', '2026.06.08.', '2026年6月8号', '6月8日．']) expect(date({ text }), text).toEqual({ date: '2026-06-08' });
    for (const text of ['202606080', '2026-06', '26-06-08', '6月8', '6/8/', '106/8', '6-8-', 'a6-8', '2026年6月8日x', 'x2026-06-08']) {
      expect(date({ text }), text).toEqual(text === '6月8' ? { date: '2026-06-08' } : { bad: true });
    }
  });

  it('a written date with its year, as the match lines hold it: real, or none', () => {
    expect(['2020-06-15', '2020/6/15', ' 2020年6月15日 ', '20200615', '２０２０－０６－１５'].map(toIsoOrUndefined)).toEqual(Array(5).fill('2020-06-15'));
    expect(['2020-06-31', '6月15日', '', '2020-06-15x'].map(toIsoOrUndefined)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('statuses', () => {
  it('takes the list\'s words and the words offices use for each status', () => {
    const cases: [string, Status][] = [
      ['已完成', 'done'], ['完成', 'done'], ['已办结', 'done'], ['办结', 'done'], ['全部完成', 'done'], ['Done', 'done'],
      ['进行中', 'in_progress'], ['进展中', 'in_progress'], ['推进中', 'in_progress'], ['正在推进', 'in_progress'], ['基本完成', 'in_progress'],
      ['未开始', 'planned'], ['未启动', 'planned'], ['尚未开始', 'planned'],
      ['受阻', 'blocked'], ['暂缓', 'blocked'], ['停滞', 'blocked'],
      ['已取消', 'cancelled'], ['取消', 'cancelled'], ['in_progress', 'in_progress'], [' 已完成。', 'done'],
    ];
    for (const [text, status] of cases) expect(statusOf(text, labels), text).toBe(status);
  });

  it('reads the sheet\'s own list word for a status, though no office writes it so', () => {
    const own = { ...labels, done: '办妥' };
    expect([statusOf('办妥', own), statusOf('办妥', labels), statusOf('已完成', own)]).toEqual(['done', undefined, 'done']);
  });

  it('suggests the nearest for anything else, or nothing when nothing is near', () => {
    expect(statusOf('差不多了', labels)).toBeUndefined();
    expect(statusSuggestion('进展', labels)).toBe('进行中');
    expect(statusSuggestion('已完', labels)).toBe('已完成');
    expect(statusSuggestion('差不多了', labels)).toBeUndefined();
    // Suggested in the sheet's language.
    const en = Object.fromEntries(STATUSES.map((s) => [s, LABELS.en[s]])) as Record<Status, string>;
    expect([statusSuggestion('finishd', en), statusOf('In Progress', en), statusOf('進行中', labels), statusOf('完成啦', labels)]).toEqual(['Done', 'in_progress', undefined, undefined]);
    // Every word of every status is read as that status.
    for (const [text, status] of [['尚未启动', 'planned'], ['todo', 'planned'], ['有序推进', 'in_progress'], ['ongoing', 'in_progress'], ['已达标', 'done'], ['finished', 'done'], ['搁置', 'blocked'], ['On hold', 'blocked'], ['不再开展', 'cancelled'], ['Canceled', 'cancelled']] as const) {
      expect(statusOf(text, labels), text).toBe(status);
    }
  });
});

describe('progress and figures', () => {
  it('reads 20, "20", "20%", full-width digits, and 0.2 shown as a percentage', () => {
    expect(progressOf({ text: '20', number: 20 })).toBe(20);
    expect(progressOf({ text: '20' })).toBe(20);
    expect(progressOf({ text: '20%' })).toBe(20);
    expect(progressOf({ text: '２０％' })).toBe(20);
    expect(progressOf({ text: '20%', number: 0.2, percent: true })).toBe(20);
    expect(progressOf({ text: '37.5' })).toBe(37.5);
    for (const text of ['120', '-5', '一半', '20 %s', '1000', '.5', '%', '5..']) expect(progressOf({ text }), text).toBeUndefined();
    // 0 and 100 are progress; a tenth is kept, finer is rounded.
    expect(['0', '100', '100%', '33.33', '33.35', '0.05'].map((text) => progressOf({ text }))).toEqual([0, 100, 100, 33.3, 33.4, 0.1]);
    expect([progressOf({ text: '1', number: 1, percent: true }), progressOf({ text: '1.5', number: 1.5, percent: true }), progressOf({ text: 'x', number: -0.01 })]).toEqual([100, undefined, undefined]);
    expect([progressOf({ text: '', number: Number.POSITIVE_INFINITY }), progressOf({ text: '', number: Number.NaN })]).toEqual([undefined, undefined]);
    // A cell <v>-0</v> is 0, not -0 (which no edit writes back: update and collect once failed on it).
    expect(Object.is(progressOf({ text: '-0', number: -0 }), 0)).toBe(true);
    expect(Object.is(progressOf({ text: '-0%', number: -0, percent: true }), 0)).toBe(true);
    expect(Object.is(figureOf({ text: '-0', number: -0 }), 0)).toBe(true);
  });

  it('reads a figure as a number of 0 or more', () => {
    expect(figureOf({ text: '248', number: 248 })).toBe(248);
    expect(figureOf({ text: '1,200' })).toBe(1200);
    expect(figureOf({ text: '１２' })).toBe(12);
    // With its unit of measure, as units write it.
    expect([figureOf({ text: '40处' }), figureOf({ text: '248户' }), figureOf({ text: '12场次' }), figureOf({ text: '1,200 人次' })]).toEqual([40, 248, 12, 1200]);
    expect(figureOf({ text: '十二' })).toBeUndefined();
    expect(figureOf({ text: '-3', number: -3 })).toBeUndefined();
    expect([figureOf({ text: '0', number: 0 }), figureOf({ text: '', number: Number.POSITIVE_INFINITY }), figureOf({ text: '12.5' }), figureOf({ text: '1,234,567' })]).toEqual([0, { over: Number.POSITIVE_INFINITY }, 12.5, 1234567]);
    // A comma that groups no thousands, a unit of four characters, a sign or a word first: no figure.
    for (const text of ['1,20', '12,3456', '5个人次数', '-3', '约40处', '1..', '']) expect(figureOf({ text }), text).toBeUndefined();
  });
});

describe('CSV text in the encoding it was saved in', () => {
  const text = '填报单位：派出所\r\n编号,本周进展\r\n1.1,宣讲3场\r\n';
  it('UTF-8 with and without a BOM, UTF-16 with a BOM, GBK and GB18030', () => {
    expect(decodeSheetText(Buffer.from(`\uFEFF${text}`))).toBe(text);
    expect(decodeSheetText(Buffer.from(text))).toBe(text);
    expect(decodeSheetText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toBe(text);
    expect(decodeSheetText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]))).toBe(text);
    expect(decodeSheetText(new Uint8Array(Buffer.from(`xx\uFEFF${text}`)).subarray(2))).toBe(text);
    expect(decodeSheetText(iconv.encode(text, 'gbk'))).toBe(text);
    expect(decodeSheetText(iconv.encode(`${text}𠀀\r\n`, 'gb18030'))).toBe(`${text}𠀀\r\n`);
  });

  it('a UTF-8 file with a BOM whose typed lines were saved as GBK: each line in its own encoding', () => {
    const mixed = Buffer.concat([Buffer.from('\uFEFF填报单位：派出所\r\n编号,本周进展\r\n'), iconv.encode('1.1,宣讲3场，检查企业5家\r\n', 'gbk')]);
    expect(decodeSheetText(mixed)).toBe('填报单位：派出所\r\n编号,本周进展\r\n1.1,宣讲3场，检查企业5家\r\n');
    expect(decodeSheetText(mixed)).not.toContain('\uFFFD');
    // The last line without a line break, and a byte neither encoding has: U+FFFD, which collect refuses.
    expect(decodeSheetText(Buffer.concat([Buffer.from('a\n'), iconv.encode('宣讲', 'gbk')]))).toBe('a\n宣讲');
    expect(decodeSheetText(Buffer.concat([iconv.encode('宣讲\n', 'gbk'), Buffer.from('b')]))).toBe('宣讲\nb');
    expect(decodeSheetText(Buffer.from([0x61, 0x0a, 0xff, 0x0a]))).toBe('a\n\uFFFD\n');
  });
});
