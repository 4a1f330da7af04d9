// The one date grammar, one table of cases (test/fixtures/date-grammar.yaml) read three ways: by readDates
// itself, by the importer (the task it makes of an item that says the words), and by the rules that read
// dates in a plan's words (the findings on a task that says them). The importer and the rules must read
// every case alike; a case the grammar reads differently fails all three.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { holidayStarts } from '../src/calendar/china.js';
import { isRealDate } from '../src/calendar/dates.js';
import { leavesOf } from '../src/importer/division.js';
import { extractPlan } from '../src/importer/extract.js';
import { loadCalendar } from '../src/io/holidays.js';
import { readDates, writtenDates, type TimeContext, type TimeHit } from '../src/text/time.js';
import { lintText } from './helpers/lint.js';

interface Reading { text: string; kind: string; due: string | null; start?: string; deadline: boolean; weekdays?: [string, string, string][]; cited?: boolean }
interface Case {
  text: string;
  year: number;
  period?: [string, string];
  written?: string;
  month?: number;
  holidays?: false;
  read: Reading[];
  importer?: { start?: string; due: string | null };
  rules?: { due: string; findings?: string[] }[];
}

const CASES = parse(readFileSync(new URL('./fixtures/date-grammar.yaml', import.meta.url), 'utf8'), { schema: 'core' }) as Case[];
const calendar = loadCalendar();

/** The rules that read dates in a plan's words. */
const READERS = new Set(['date/text-due', 'date/weekday', 'date/consultation-day', 'date/text-invalid']);

const context = (c: Case): TimeContext => ({
  year: c.year,
  ...(c.period ? { period: { start: c.period[0], end: c.period[1] } } : {}),
  isWorkday: calendar.isWorkday,
  ...(c.holidays === false ? {} : { holidayStart: holidayStarts(calendar) }),
  ...(c.written ? { written: c.written } : {}),
  ...(c.month ? { month: c.month } : {}),
});

/** A reading as the table writes it. */
const shown = (h: TimeHit): Reading => ({
  text: h.text,
  kind: h.kind,
  due: h.due,
  ...(h.start ? { start: h.start } : {}),
  deadline: h.deadline,
  ...(h.weekdays ? { weekdays: h.weekdays.map((w) => [w.date, w.written, w.text] as [string, string, string]) } : {}),
  ...(h.cited ? { cited: true } : {}),
});

const label = (c: Case) =>
  `${c.text} (${c.period ? c.period.join('…') : c.year}${c.written ? `, written ${c.written}` : ''}${c.month ? `, month ${c.month}` : ''}${c.holidays === false ? ', no holidays' : ''})`;

describe('the date grammar reads', () => {
  it('a table of at least 30 cases, each with its reading', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const c of CASES) expect(Array.isArray(c.read), c.text).toBe(true);
  });
  it.each(CASES.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const hits = readDates(c.text, context(c));
    expect(hits.map(shown)).toEqual(c.read);
    // Each hit and each weekday stands where its words are written (a finding points there).
    for (const h of hits) {
      expect(c.text.slice(h.index, h.index + h.text.length)).toBe(h.text);
      for (const w of h.weekdays ?? []) expect(h.text.includes(w.text), w.text).toBe(true);
    }
  });
});

/** Words of the grammar, and words around them, that any text may string together. */
const WORDS = [
  '6月10日', '12月28日', '1月3日', '6月31日', '5日', '2026年', '次年', '（周三）', '星期五', '礼拜天', ' ', '至', '—', '前', '之前', '截止',
  '截至时间：', '，已', '17时', '下午', '6月', '底', '上旬', '中下旬', '初', '份', '年底', '第一季度', '末', '上半年', '国庆节', '后3个工作日内',
  '活动结束后', '两周', '内', '（', '）', '下周', '本月', '周三前', '全年', '长期', '召开', '，', '7', '—8月',
];
/** A date written with a weekday after it. */
const DATE_AND_WEEKDAY = /(?:\d{4}\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[（(]?\s*(?:星期|周|礼拜)\s*[一二三四五六日天](?:\s*[）)])?/g;

describe('any text of the grammar’s words', () => {
  const ctx: TimeContext = { year: 2026, period: { start: '2026-06-01', end: '2026-06-30' }, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar), written: '2026-06-10' };
  it('reads times in order, apart, each where its words are, and every date written with a weekday in the time that holds it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join('');
        const hits = readDates(text, ctx);
        let end = 0;
        for (const h of hits) {
          expect(h.index, text).toBeGreaterThanOrEqual(end);
          expect(text.slice(h.index, h.index + h.text.length), text).toBe(h.text);
          end = h.index + h.text.length;
        }
        for (const m of text.matchAll(DATE_AND_WEEKDAY)) {
          if (!isRealDate(`2024-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`)) continue; // no date (6月31日, 76月10日), no weekday to check
          const holder = hits.find((h) => h.index <= m.index && m.index + m[0].length <= h.index + h.text.length);
          expect(holder?.weekdays?.map((w) => w.text), text).toContain(m[0]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('writtenDates: every month and day written, real or not, for the rules that check them', () => {
  it.each([
    ['2023年2月29日前完成，6月31日召开，7月1号报送', [
      { text: '2023年2月29日', index: 0, year: 2023, month: 2, day: 29 },
      { text: '6月31日', index: 14, month: 6, day: 31 },
      { text: '7月1号', index: 22, month: 7, day: 1 },
    ]],
    ['2023 年 2 月 29 日', [{ text: '2023 年 2 月 29 日', index: 0, year: 2023, month: 2, day: 29 }]],
    ['第16月1日、116月1日', [{ text: '16月1日', index: 1, month: 16, day: 1 }]],
    ['6月份、2023年、十月一日', []],
  ])('%s', (text, dates) => {
    expect(writtenDates(text)).toEqual(dates);
  });
});

/** A short document whose one work item says the words, with the plan's period written out. */
function documentOf(c: Case): string {
  const [start, end] = c.period ?? [];
  const when = start && end ? `${start.slice(0, 4)}年${Number(start.slice(5, 7))}月${Number(start.slice(8))}日至${end.slice(0, 4)}年${Number(end.slice(5, 7))}月${Number(end.slice(8))}日` : '';
  return [
    `测试镇${c.year}年安全隐患排查整治工作方案`,
    '为切实做好有关工作，特制定本方案。',
    ...(when ? ['一、活动时间', when] : []),
    '二、工作任务',
    `（一）${c.text}。（牵头单位：镇应急办）`,
  ].join('\n');
}

describe('the importer reads a task saying', () => {
  const cases = CASES.filter((c) => c.importer);
  it.each(cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const draft = extractPlan(documentOf(c), { fallbackYear: c.year, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar) });
    if (c.period) expect(draft.period?.value).toEqual({ start: c.period[0], end: c.period[1] });
    const task = leavesOf(draft.tasks).find((t) => `${t.title}${t.text ?? ''}`.replace(/\s/g, '').includes(c.text.replace(/\s/g, '').slice(0, 6)));
    expect(task, draft.tasks.map((t) => t.title).join(' | ')).toBeDefined();
    expect({ start: task!.start, due: task!.due ?? null }).toEqual({ start: c.importer!.start, due: c.importer!.due });
  });
});

/** A plan whose one task says the words and is due on `due`. */
function planOf(c: Case, due: string): string {
  return `version: 1
title: 测试镇${c.year}年安全隐患排查整治工作方案
organizer: 测试镇
year: ${c.year}
${c.period ? `period: {start: ${c.period[0]}, end: ${c.period[1]}}\n` : ''}units:
  - {id: safety, name: 应急办}
tasks:
  - id: "1"
    title: 隐患排查
    text: ${JSON.stringify(c.text)}
    lead: [safety]
    due: ${due}
`;
}

describe('the rules read a task saying', () => {
  const cases = CASES.flatMap((c) => (c.rules ?? []).map((r) => [`${label(c)}, due ${r.due}`, c, r] as const));
  it.each(cases)('%s', (_, c, r) => {
    const problems = lintText(planOf(c, r.due), { asOf: r.due });
    expect(problems.filter((p) => p.rule === 'schema')).toEqual([]);
    const found = problems.filter((p) => READERS.has(p.rule));
    expect(found.map((p) => p.rule).sort(), JSON.stringify(found.map((p) => p.data))).toEqual([...(r.findings ?? [])].sort());
    // Each finding points into the task's text, at the words it is about.
    for (const p of found) expect(p.path.join('.')).toBe('tasks.0.text');
  });
});
