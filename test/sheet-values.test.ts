// What units type into their sheets, read as they mean it: dates in every common form, status words offices
// use, progress with or without a percent sign, figures; and CSV text in whatever encoding it was saved.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/messages/labels.js';
import { STATUSES, type Status } from '../src/model/types.js';
import { decodeSheetText } from '../src/sheets/read.js';
import { dateOf, figureOf, progressOf, statusOf, statusSuggestion } from '../src/sheets/values.js';

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

  it('says what is no date, and leaves an empty cell empty', () => {
    for (const text of ['下周一', '2026-06-31', '6月31日', '13/5', 'x']) expect(date({ text }), text).toEqual({ bad: true });
    expect(date({ text: '12', number: 12 })).toEqual({ bad: true });
    expect(date({ text: '1e20', number: 1e20 })).toEqual({ bad: true });
    expect(date({ text: '' })).toBeUndefined();
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

  it('suggests the nearest for anything else, or nothing when nothing is near', () => {
    expect(statusOf('差不多了', labels)).toBeUndefined();
    expect(statusSuggestion('进展', labels)).toBe('进行中');
    expect(statusSuggestion('已完', labels)).toBe('已完成');
    expect(statusSuggestion('差不多了', labels)).toBeUndefined();
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
    for (const text of ['120', '-5', '一半', '20 %s']) expect(progressOf({ text }), text).toBeUndefined();
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
  });
});

describe('CSV text in the encoding it was saved in', () => {
  const text = '填报单位：派出所\r\n编号,本周进展\r\n1.1,宣讲3场\r\n';
  it('UTF-8 with and without a BOM, UTF-16 with a BOM, GBK and GB18030', () => {
    expect(decodeSheetText(Buffer.from(`\uFEFF${text}`))).toBe(text);
    expect(decodeSheetText(Buffer.from(text))).toBe(text);
    expect(decodeSheetText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toBe(text);
    expect(decodeSheetText(iconv.encode(text, 'gbk'))).toBe(text);
    expect(decodeSheetText(iconv.encode(`${text}𠀀\r\n`, 'gb18030'))).toBe(`${text}𠀀\r\n`);
  });

  it('a UTF-8 file with a BOM whose typed lines were saved as GBK: each line in its own encoding', () => {
    const mixed = Buffer.concat([Buffer.from('\uFEFF填报单位：派出所\r\n编号,本周进展\r\n'), iconv.encode('1.1,宣讲3场，检查企业5家\r\n', 'gbk')]);
    expect(decodeSheetText(mixed)).toBe('填报单位：派出所\r\n编号,本周进展\r\n1.1,宣讲3场，检查企业5家\r\n');
    expect(decodeSheetText(mixed)).not.toContain('\uFFFD');
  });
});
