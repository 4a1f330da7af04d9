// The one date grammar, one table of cases (test/fixtures/date-grammar.yaml) read three ways: by readDates
// itself, by the importer (the task it makes of an item that says the words), and by the rules that read
// dates in a plan's words (the findings on a task that says them). The importer and the rules must read
// every case alike; a case the grammar reads differently fails all three.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { holidayStarts } from '../src/calendar/china.js';
import { leavesOf } from '../src/importer/division.js';
import { extractPlan } from '../src/importer/extract.js';
import { loadCalendar } from '../src/io/holidays.js';
import { readDates, type TimeContext, type TimeHit } from '../src/text/time.js';
import { lintText } from './helpers/lint.js';

interface Reading { kind: string; due: string | null; start?: string; deadline: boolean; weekdays?: [string, string][]; cited?: boolean }
interface Case {
  text: string;
  year: number;
  period?: [string, string];
  written?: string;
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
  holidayStart: holidayStarts(calendar),
  ...(c.written ? { written: c.written } : {}),
});

/** A reading as the table writes it. */
const shown = (h: TimeHit): Reading => ({
  kind: h.kind,
  due: h.due,
  ...(h.start ? { start: h.start } : {}),
  deadline: h.deadline,
  ...(h.weekdays ? { weekdays: h.weekdays.map((w) => [w.date, w.written] as [string, string]) } : {}),
  ...(h.cited ? { cited: true } : {}),
});

const label = (c: Case) => `${c.text} (${c.period ? c.period.join('…') : c.year}${c.written ? `, written ${c.written}` : ''})`;

describe('the date grammar reads', () => {
  it('a table of at least 30 cases, each with its reading', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const c of CASES) expect(Array.isArray(c.read), c.text).toBe(true);
  });
  it.each(CASES.map((c) => [label(c), c] as const))('%s', (_, c) => {
    expect(readDates(c.text, context(c)).map(shown)).toEqual(c.read);
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
