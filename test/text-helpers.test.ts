// The small pure helpers of src/text/ that every output and the importer lean on: what a terminal is shown
// (visible), what goes into XML (xml-safe), how section numbers and years are read (numerals, title-year).
import { describe, expect, it } from 'vitest';
import { isUtf16, isUtf32 } from '../src/text/byte-order.js';
import { chineseNumber } from '../src/text/numerals.js';
import { titleYear } from '../src/text/title-year.js';
import { escapeChar, visible, visibleLines, visibleName } from '../src/text/visible.js';
import { xmlSafe, xmlSafeDeep } from '../src/text/xml-safe.js';

describe('visible: text for a terminal', () => {
  it.each([
    ['\u0000', '\\x00'], ['\u0008', '\\x08'], ['\u000b', '\\x0b'], ['\u000c', '\\x0c'], ['\r', '\\x0d'], ['\u001b', '\\x1b'], ['\u001f', '\\x1f'],
    ['\u007f', '\\x7f'], ['\u0085', '\\x85'], ['\u009f', '\\x9f'],
    ['\u061c', '\\u061c'], ['\u200e', '\\u200e'], ['\u200f', '\\u200f'], ['\u202a', '\\u202a'], ['\u202e', '\\u202e'], ['\u2066', '\\u2066'], ['\u2069', '\\u2069'],
  ])('shows %j as %s', (c, shown) => {
    expect(visible(`甲${c}乙`)).toBe(`甲${shown}乙`);
  });

  it.each([
    ['tab and line feed', '第一行\t列\n第二行'],
    ['the printable neighbours of the controls', ' ~\u00a0\u00ff\u200d\u2029\u202f\u2065\u206a'],
    ['Chinese and an emoji', '安全生产月“宣传”😀'],
  ])('leaves %s as they are', (_, text) => {
    expect(visible(text)).toBe(text);
  });

  it('escapes every control of a text, not only the first', () => {
    expect(visible('\u001b[31m红\u001b[0m')).toBe('\\x1b[31m红\\x1b[0m');
  });

  it('escapeChar writes a character by its code point: two, four or more hex digits', () => {
    expect(escapeChar('\u0001')).toBe('\\x01');
    expect(escapeChar('\u00ff')).toBe('\\xff');
    expect(escapeChar('\u0100')).toBe('\\u0100');
    expect(escapeChar('\u202e')).toBe('\\u202e');
    expect(escapeChar('\uffff')).toBe('\\uffff');
    expect(escapeChar('😀')).toBe('\\u{1f600}');
  });

  it('visibleLines keeps the CR LF line ends of CSV and iCalendar, and escapes a CR alone', () => {
    expect(visibleLines('a,b\r\n\u001b,c\r\nd\re')).toBe('a,b\r\n\\x1b,c\r\nd\\x0de');
  });

  it('visibleName puts a file name on one line: a line break shown as \\n, controls escaped', () => {
    expect(visibleName('周报\n伪造的一行\u001b.xlsx')).toBe('周报\\n伪造的一行\\x1b.xlsx');
    expect(visibleName('a\nb\nc')).toBe('a\\nb\\nc');
    expect(visibleName('青石镇周报.xlsx')).toBe('青石镇周报.xlsx');
  });
});

describe('xmlSafe: text XML 1.0 allows', () => {
  it.each([
    ['\u0000', '\ufffd'], ['\u0008', '\ufffd'], ['\u000b', '\n'], ['\u000c', '\n'], ['\u000e', '\ufffd'], ['\u001f', '\ufffd'],
    ['\ufffe', '\ufffd'], ['\uffff', '\ufffd'], ['\ud800', '\ufffd'], ['\udbff', '\ufffd'], ['\udc00', '\ufffd'], ['\udfff', '\ufffd'],
  ])('replaces %j by %j', (c, by) => {
    expect(xmlSafe(`甲${c}乙`)).toBe(`甲${by}乙`);
  });

  it('keeps what XML allows: tab, line feed, carriage return, the neighbours of the forbidden, a surrogate pair', () => {
    const text = '\t\n\r \u007f\ufffd\ufffc\ud7ff\ue000😀\ud83d\ude00';
    expect(xmlSafe(text)).toBe(text);
  });

  it('a high surrogate at the end and a low one at the start are alone', () => {
    expect(xmlSafe('\udc00甲\ud800')).toBe('\ufffd甲\ufffd');
    expect(xmlSafe('\ud800\ud800\udc00')).toBe('\ufffd\ud800\udc00');
  });

  it('xmlSafeDeep cleans every string of arrays and plain objects, and leaves other values as they are', () => {
    const when = new Date('2026-06-01T00:00:00Z');
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { note: 'x\vy' });
    const out = xmlSafeDeep({ title: 'a\vb', rows: [['c\u0001', 3, null, true], { k: 'd\uffff' }], when, bare, n: 5, none: null, missing: undefined });
    expect(out).toEqual({ title: 'a\nb', rows: [['c\ufffd', 3, null, true], { k: 'd\ufffd' }], when, bare: { note: 'x\ny' }, n: 5, none: null, missing: undefined });
    expect(out.when).toBe(when);
    expect(xmlSafeDeep('e\f')).toBe('e\n');
  });

  it('leaves a class instance whole, even one holding a forbidden character', () => {
    class Cell {
      constructor(readonly text: string) {}
    }
    const cell = new Cell('a\vb');
    expect(xmlSafeDeep([cell])[0]).toBe(cell);
    expect(cell.text).toBe('a\vb');
  });
});

describe('chineseNumber: section numbers as documents write them', () => {
  it.each([
    ['一', 1], ['两', 2], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['九十九', 99],
    ['一百', 100], ['百', 100], ['一百零五', 105], ['一百一十', 110], ['三百二十一', 321], ['〇五', 5],
    ['5', 5], ['12', 12], ['007', 7],
  ])('%s is %i', (s, n) => {
    expect(chineseNumber(s)).toBe(n);
  });

  it.each(['', '零', '〇', '十a', '第一', '1二', '12a', 'a12', '千'])('%j is no number', (s) => {
    expect(chineseNumber(s)).toBeUndefined();
  });
});

describe('titleYear: the year a title states', () => {
  it.each([
    ['青石镇2020年安全生产月活动方案', { year: 2020, text: '2020', index: 3 }],
    ['2023—2024年度森林防火工作方案', { year: 2023, text: '2023', index: 0 }],
    ['关于2023-24年冬春火灾防控的方案', { year: 2023, text: '2023', index: 2 }],
    ['2023至2024年冬春防火方案', { year: 2023, text: '2023', index: 0 }],
    ['1998 年防汛方案', { year: 1998, text: '1998', index: 0 }],
    ['安全生产月 2021 方案', { year: 2021, text: '2021', index: 6 }],
    ['第12号文件2022年整治方案', { year: 2022, text: '2022', index: 6 }],
  ])('%s: %o', (title, found) => {
    expect(titleYear(title)).toEqual(found);
  });

  it('reads the year with 年 before a lone number written earlier', () => {
    expect(titleYear('编号2019 青石镇2020年方案')).toEqual({ year: 2020, text: '2020', index: 10 });
  });

  it.each(['安全生产月活动方案', '12020年方案', '1850年旧档', '第20201号', '编号320211', '2100年规划'])('%s states no year', (title) => {
    expect(titleYear(title)).toBeUndefined();
  });
});

describe('byte order marks: UTF-32 before UTF-16, whose little-endian mark begins UTF-32\'s', () => {
  const b = (...bytes: number[]) => new Uint8Array(bytes);
  it.each<[string, Uint8Array, boolean, boolean]>([
    ['UTF-32LE', b(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0), true, true],
    ['UTF-32BE', b(0, 0, 0xfe, 0xff, 0, 0, 0, 0x41), true, false],
    ['UTF-16LE', b(0xff, 0xfe, 0x41, 0), false, true],
    ['UTF-16BE', b(0xfe, 0xff, 0, 0x41), false, true],
    ['UTF-16LE of a character ending in a zero byte, then a NUL', b(0xff, 0xfe, 0, 0x4e, 0, 0), false, true],
    ['UTF-16LE whose first character is U+0000 … (FF FE 00 01)', b(0xff, 0xfe, 0, 1), false, true],
    ['three bytes of a UTF-32LE mark', b(0xff, 0xfe, 0), false, true],
    ['FF FE 00 00 at offset 1', b(0x41, 0xff, 0xfe, 0, 0), false, false],
    ['the UTF-32BE mark less its last byte', b(0, 0, 0xfe), false, false],
    ['00 00 FF FE (the marks crossed)', b(0, 0, 0xff, 0xfe), false, false],
    ['00 01 FE FF', b(0, 1, 0xfe, 0xff), false, false],
    ['01 00 FE FF', b(1, 0, 0xfe, 0xff), false, false],
    ['FF FF 00 00', b(0xff, 0xff, 0, 0), false, false],
    ['41 FE 00 00', b(0x41, 0xfe, 0, 0), false, false],
    ['00 00 00 FF', b(0, 0, 0, 0xff), false, false],
    ['FE FE', b(0xfe, 0xfe), false, false],
    ['FF FF', b(0xff, 0xff), false, false],
    ['FF alone', b(0xff), false, false],
    ['UTF-8 with its mark', b(0xef, 0xbb, 0xbf, 0x41), false, false],
    ['nothing', b(), false, false],
  ])('%s', (_, bytes, utf32, utf16) => {
    expect([isUtf32(bytes), isUtf16(bytes)]).toEqual([utf32, utf16]);
  });
});
