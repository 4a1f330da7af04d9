// Values from other hands (round 4 of the outside tester: cases 31, 30, 10, 33, 03): a time of day in
// other digits, years before 1000, absurd figures in a returned sheet, numbers update reads unlike
// collect, and an entry dated before the ones already logged.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { applyEdits, EditError } from '../src/edit/apply.js';
import { logOps } from '../src/edit/progress-update.js';
import { buildPlan } from '../src/model/build.js';
import { figureOf, progressOf } from '../src/sheets/values.js';
import { parseSource } from '../src/source/parse.js';
import { FIGURE_LIMIT, figureText, progressText } from '../src/text/figures.js';
import { holidayStarts } from '../src/calendar/china.js';
import { extractPlan } from '../src/importer/extract.js';
import { loadCalendar } from '../src/io/holidays.js';
import { cli } from './helpers/in-process.js';

const EXAMPLE = new URL('../examples/shifan-2025.yaml', import.meta.url).pathname;
const dir = () => mkdtempSync(join(tmpdir(), 'campaign-values-'));
const SUMMARY = '{id: summary, title: 活动总结, to: county-office, due: 2025-07-04, submitted: 2025-07-03}';

/** The example, its 活动总结 due at `time` (written as given, quoted). */
function planWithTime(time: string): string {
  const text = readFileSync(EXAMPLE, 'utf8');
  expect(text).toContain(SUMMARY);
  const plan = join(dir(), 'plan.yaml');
  writeFileSync(plan, text.replace(SUMMARY, `{id: summary, title: 活动总结, to: county-office, due: 2025-07-04, time: "${time}"}`));
  return plan;
}

describe('a report time that is not HH:MM in ASCII digits (case 31)', () => {
  for (const time of ['１２:００', '٣:00', '24:00', '१२:००', '12:00:00', '9:00']) {
    it(`"${time}": validate says it is not a time; the calendar exports run and exit 1 with that finding`, async () => {
      const plan = planWithTime(time);
      const v = await cli(['validate', plan, '--as-of', '2025-07-01', '-f', 'json']);
      expect(v.code).toBe(1);
      const found = (JSON.parse(v.stdout) as { findings: { ruleId: string; messageId: string; data: unknown }[] }).findings.filter((f) => f.ruleId === 'schema');
      expect(found.map((f) => [f.messageId, f.data])).toEqual([['time', { field: 'time', value: time }]]);
      for (const command of ['export', 'weekly']) {
        const r = await cli([command, plan, '-f', 'ics', '--as-of', '2025-07-01', '--lang', 'zh']);
        expect(r.stderr).not.toContain('内部错误');
        expect(r.code).toBe(1);
        // Without a time it can trust, the deadline is an all-day entry.
        if (command === 'export') expect(r.stdout).toMatch(/^DTSTART;VALUE=DATE:20250704\r$/m);
      }
    });
  }
});

describe('import writes only a time validate takes', () => {
  it('每周五12时前 is 12:00; 每周五25时前 and 12:75 keep the duty without a time', () => {
    const calendar = loadCalendar();
    const times = (when: string) => extractPlan(['龙门乡2025年有限空间整治方案', '一、整治时间', '2025年4月1日至10月31日', '二、工作要求', `（一）各村于${when}前向乡应急办报告巡查情况。`].join('\n'),
      { fallbackYear: 2025, isWorkday: calendar.isWorkday, holidayStart: holidayStarts(calendar) }).reports.map((r) => [r.every ?? null, r.time ?? null]);
    expect(times('每周五12时')).toEqual([['friday', '12:00']]);
    expect(times('每周五下午5点')).toEqual([['friday', '17:00']]);
    expect(times('每周五25时')).toEqual([['friday', null]]);
    expect(times('每周五12:75')).toEqual([['friday', null]]);
  });
});

describe('a pattern\'s failure is said as what the field is', () => {
  it('a data file\'s week written 5-12 is not an MM-DD month and day (not "a valid id")', async () => {
    const d = dir();
    const data = join(d, 'week.yaml');
    writeFileSync(data, 'themes:\n  - { campaign: disaster-week, year: 2026, theme: 测试主题, week: [5-12, "05-18"] }\n');
    const r = await cli(['validate', '--lang', 'en', 'test/fixtures/data/plan-2026.yaml', '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`campaign: ${data}:2:64: data file: "week[0]": "5-12" is not a month and day written MM-DD (e.g. "05-12")\n`);
  });
});

describe('years before 1000 (case 30)', () => {
  it('export -f ics writes every date and date-time with a four-digit year, which ical.js reads back', async () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('reports:\n', 'reports:\n'
      + '  - {id: old, title: 旧报送, to: county-office, due: 0999-06-01, time: "12:00"}\n'
      + '  - {id: old2, title: 旧报送2, to: county-office, due: 0099-06-02}\n'
      + '  - {id: weekly, title: 每周进展, to: county-office, every: monday, time: "12:00", from: 0001-01-01, until: 0001-01-31}\n');
    const plan = join(dir(), 'plan.yaml');
    writeFileSync(plan, text);
    const r = await cli(['export', plan, '-f', 'ics', '--as-of', '0009-06-20']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    const dates = lines.filter((l) => /^(DTSTART|DTEND|DTSTAMP)[;:]/.test(l) && !l.includes(':2025') && !l.includes(':1970'));
    expect(dates).toContain('DTSTART;TZID=Asia/Shanghai:09990601T120000');
    expect(dates).toContain('DTEND;TZID=Asia/Shanghai:09990601T123000');
    expect(dates).toContain('DTSTART;VALUE=DATE:00990602');
    expect(dates).toContain('DTEND;VALUE=DATE:00990603');
    expect(dates).toContain('DTSTART;TZID=Asia/Shanghai:00010101T120000');
    // Every value: eight digits of date, then the time if any.
    for (const l of lines.filter((x) => /^(DTSTART|DTEND|DTSTAMP)[;:]/.test(x))) expect(l).toMatch(/:\d{8}(T\d{6}Z?)?$/);
    expect(lines).toContain('DTSTAMP:00090620T000000Z');
    const ICAL = (await import('ical.js')).default;
    const events = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent');
    const old = events.find((e) => String(e.getFirstPropertyValue('uid')).startsWith('report-old-'))!;
    expect(String(old.getFirstPropertyValue('dtstart'))).toBe('999-06-01T12:00:00');
  });

  it('date/calendar-coverage lists the years in order as runs, and its example date has a four-digit year', async () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('reports:\n', 'reports:\n'
      + '  - {id: weekly, title: 每周进展, to: county-office, every: monday, from: 0001-01-01, until: 0020-12-31}\n'
      + '  - {id: old, title: 旧报送, to: county-office, due: 0999-06-01}\n');
    const plan = join(dir(), 'plan.yaml');
    writeFileSync(plan, text);
    const v = await cli(['validate', plan, '--as-of', '2025-06-20', '-f', 'json', '--lang', 'zh']);
    const found = (JSON.parse(v.stdout) as { findings: { ruleId: string; message: string; data: { years: number[] } }[] }).findings
      .filter((f) => f.ruleId === 'date/calendar-coverage');
    expect(found).toHaveLength(1);
    expect(found[0]!.data.years).toEqual([...Array.from({ length: 20 }, (_, i) => i + 1), 999]);
    expect(found[0]!.message).toMatch(/^1–20、999 年的日期未作节假日检查/);
    expect(found[0]!.message).toContain('from: 0001-01-01 }');
  });
});

/** The week-3 .xlsx sheet of `unit`, its row 6 (task 1.1) set: `cells` maps a column letter to an XML cell body. */
async function filledSheet(sheets: string, unit: string, to: string, cells: Record<string, string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(join(sheets, `2025-W24-${unit}.xlsx`)));
  let xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  for (const [col, body] of Object.entries(cells)) {
    const next = xml.replace(new RegExp(`<c r="${col}6"[^>]*?(/>|>.*?</c>)`), `<c r="${col}6"${body}</c>`);
    expect(next, col).not.toBe(xml);
    xml = next;
  }
  zip.file('xl/worksheets/sheet1.xml', xml);
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('figures past FIGURE_LIMIT (case 10)', () => {
  it('one number reader: figures and progress as typed, a figure past the limit as { over }', () => {
    expect(['12', '１２', '1,200', '40处', '12.5', '0'].map(figureText)).toEqual([12, 12, 1200, 40, 12.5, 0]);
    expect(['0x10', '0b11', '1e1', '+5', '-1', 'Infinity', '', '1,20'].map(figureText)).toEqual(Array(8).fill(undefined));
    expect([figureText('1000000000000'), figureText('1000000000001'), figureText('9'.repeat(400))])
      .toEqual([FIGURE_LIMIT, { over: 1000000000001 }, { over: Number.POSITIVE_INFINITY }]);
    expect([figureOf({ text: '1.7E+308', number: 1.7e308 }), figureOf({ text: '', number: Number.POSITIVE_INFINITY }), figureOf({ text: '', number: Number.NaN })])
      .toEqual([{ over: 1.7e308 }, { over: Number.POSITIVE_INFINITY }, undefined]);
    expect(['60', '６０', '60%', '６０％', '33.35'].map(progressText)).toEqual([60, 60, 60, 60, 33.4]);
    expect(['0x10', '0b11', '1e1', '+5', '-1', '101', ' ', 'Infinity'].map(progressText)).toEqual(Array(8).fill(undefined));
    expect([progressText('-0'), figureText('-0')]).toEqual([0, 0]);
    expect(progressOf({ text: '0x10' })).toBeUndefined();
  });

  it('the plan schema bounds targets and actual values with the same limit', () => {
    const schema = JSON.parse(readFileSync(new URL('../schemas/task.schema.json', import.meta.url), 'utf8')) as {
      $defs: { target: { properties: Record<string, { maximum?: number }> }; update: { properties: { actual: { additionalProperties: { maximum?: number } } } } };
    };
    const t = schema.$defs.target.properties;
    expect([t.target!.maximum, t.actual!.maximum, schema.$defs.update.properties.actual.additionalProperties.maximum]).toEqual([FIGURE_LIMIT, FIGURE_LIMIT, FIGURE_LIMIT]);
  });

  it('collect: 1.7e308 in a 完成值 cell is a sheet/figure-limit finding; the other sheet\'s row is taken, exit 1', async () => {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE));
    const sheets = join(d, 'sheets');
    expect((await cli(['sheets', plan, '--week', '3', '-o', sheets])).code).toBe(0);
    const back = join(d, 'back');
    mkdirSync(back);
    // I: status, J: progress, O: 发放宣传资料 (task 1.1's target).
    await filledSheet(sheets, '市场所', join(back, 'm.xlsx'), { I: ' t="inlineStr"><is><t>进行中</t></is>', J: '><v>50</v>', O: '><v>1.7e308</v>' });
    await filledSheet(sheets, '派出所', join(back, 'p.xlsx'), { I: ' t="inlineStr"><is><t>进行中</t></is>', J: '><v>50</v>', O: '><v>300</v>' });
    const before = readFileSync(plan, 'utf8');
    const r = await cli(['collect', plan, back, '--as-of', '2025-06-16', '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; data: Record<string, unknown> }[]; taken: { task: string; file: string }[] };
    expect(out.findings.map((f) => [f.ruleId, f.data])).toEqual([['sheet/figure-limit', { value: '1.7e+308', metric: '发放宣传资料', limit: FIGURE_LIMIT }]]);
    expect(out.taken.map((t) => [t.task, t.file.endsWith('p.xlsx')])).toEqual([['1.1', true]]);
    const after = readFileSync(plan, 'utf8');
    expect(after).not.toBe(before);
    expect(after).not.toContain('e+308');
    expect(after).toContain('发放宣传资料: 300');
  });
});

describe('update reads numbers as collect does (case 33)', () => {
  const planCopy = () => {
    const plan = join(dir(), 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE));
    return plan;
  };
  const update = (plan: string, ...args: string[]) => cli(['update', plan, '1.1', ...args, '-n', 'x', '-d', '2025-06-15', '--by', 'safety', '--dry-run', '--lang', 'en']);

  it('-p ６０ and -p 60% are 60, as in a sheet', async () => {
    const plan = planCopy();
    for (const p of ['６０', '60%', '６０％']) {
      const r = await update(plan, '-p', p);
      expect(r.code, p).toBe(0);
      expect(r.stdout, p).toContain('+          - {date: 2025-06-15, progress: 60, note: x, by: safety}\n');
    }
  });

  it('-p 0x10, 0b11, 1e1, +5, Infinity are refused with update/progress, exit 2', async () => {
    const plan = planCopy();
    for (const p of ['0x10', '0b11', '1e1', '+5', 'Infinity', '0o7']) {
      const r = await update(plan, '-p', p);
      expect(r.code, p).toBe(2);
      expect(r.stderr, p).toBe(`campaign: --progress "${p}" must be a number from 0 to 100\n`);
    }
  });

  it('--actual reads as a 完成值 cell: １,２００ taken; 0x10 refused; past the limit, update/figure-limit', async () => {
    const plan = planCopy();
    const ok = await update(plan, '--actual', '发放宣传资料=１,２００');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('+          - {date: 2025-06-15, note: x, by: safety, actual: {发放宣传资料: 1200}}\n');
    const hex = await update(plan, '--actual', '发放宣传资料=0x10');
    expect([hex.code, hex.stderr]).toEqual([2, 'campaign: --actual "发放宣传资料=0x10" must be written METRIC=NUMBER, e.g. 宣讲场次=8\n']);
    for (const [option, value] of [['--actual', '发放宣传资料=1000000000001'], ['--target', '巡查次数=99999999999999999999']]) {
      const r = await update(plan, option!, value!);
      expect(r.code, value).toBe(2);
      expect(r.stderr, value).toBe(`campaign: ${option} "${value}": the number is over the limit of 1000000000000 (a trillion), which is no real count; check it and type it again\n`);
    }
  });
});

describe('an entry dated before later ones goes in date order (case 03)', () => {
  const LOG = [
    'version: 1', 'title: 测试', 'organizer: 测试乡', 'year: 2020', 'period: {start: 2020-06-01, end: 2020-06-30}',
    'units:', '  - {id: edu, name: 教育办}', '  - {id: police, name: 派出所}', 'tasks:',
    '  - id: "1"', '    title: 宣讲', '    lead: [edu, police]', '    updates:',
    '      - date: 2020-06-10', '        progress: 10', '        by: edu',
    '      # 第三周', '      - date: 2020-06-15', '        progress: 30', '        by: edu', '',
  ].join('\n');
  const dates = (text: string) => ((parseSource(text).data as { tasks: { updates: { date: string }[] }[] }).tasks[0]!.updates).map((u) => u.date);

  it('logOps puts each entry after the last dated on or before it, several at once, one day in the order given', () => {
    const plan = buildPlan(parseSource(LOG).data);
    const task = plan.allTasks[0]!;
    const entry = (date: string, by: string) => ({ task, entry: { date, progress: 20, by } });
    const out = applyEdits(LOG, logOps([entry('2020-06-20', 'edu'), entry('2020-06-12', 'police'), entry('2020-06-05', 'edu'), entry('2020-06-10', 'police'), entry('2020-06-12', 'edu')]));
    expect(dates(out)).toEqual(['2020-06-05', '2020-06-10', '2020-06-10', '2020-06-12', '2020-06-12', '2020-06-15', '2020-06-20']);
    const log = (parseSource(out).data as { tasks: { updates: { by: string }[] }[] }).tasks[0]!.updates.map((u) => u.by);
    expect(log).toEqual(['edu', 'edu', 'police', 'police', 'edu', 'edu', 'edu']);
    // Written as the item it goes before is: a block mapping, at its indentation; the comment stays above 06-15.
    expect(out).toContain('      - date: 2020-06-12\n        progress: 20\n        by: edu\n      # 第三周\n      - date: 2020-06-15\n');
    expect(out.startsWith(LOG.slice(0, LOG.indexOf('      - date: 2020-06-10')) + '      - date: 2020-06-05\n        progress: 20\n        by: edu\n      - date: 2020-06-10\n')).toBe(true);
  });

  it('in a CRLF file the inserted lines end in CRLF', () => {
    const crlf = LOG.replace(/\n/g, '\r\n');
    const task = buildPlan(parseSource(crlf).data).allTasks[0]!;
    const out = applyEdits(crlf, logOps([{ task, entry: { date: '2020-06-11', progress: 20, by: 'police' } }]));
    expect(dates(out)).toEqual(['2020-06-10', '2020-06-11', '2020-06-15']);
    expect(out.split('\r\n').length - 1).toBe(out.split('\n').length - 1);
  });

  it('update -d before the last entry: written before it, and validate then has no status/log-order warning', async () => {
    const plan = join(dir(), 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE));
    const r = await cli(['update', plan, '2.2', '-s', '进行中', '-p', '40', '-n', '测试', '-d', '2025-06-18', '--by', 'market', '--lang', 'en']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(plan, 'utf8')).toContain('        updates:\n          - {date: 2025-06-18, status: 进行中, progress: 40, note: 测试, by: market}\n          - {date: 2025-06-30, status: done');
    const v = await cli(['validate', plan, '--as-of', '2025-07-10', '-f', 'json']);
    expect(v.code).toBe(0);
    expect((JSON.parse(v.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain('status/log-order');
  });

  it('collect of a week-3 sheet into a log with a later entry: in date order', async () => {
    const d = dir();
    const plan = join(d, 'plan.yaml');
    writeFileSync(plan, readFileSync(EXAMPLE));
    const sheets = join(d, 'sheets');
    expect((await cli(['sheets', plan, '--week', '3', '-o', sheets, '-f', 'csv', '--lang', 'en'])).code).toBe(0);
    const market = join(sheets, '2025-W24-市场所.csv');
    const text = readFileSync(market, 'utf8');
    const filled = text.replace(/^(2\.2,[^\n]*?,Planned,0%,),,,,,,,,(.*)$/m, '$1,检查12家,In progress,40,,,2025-06-12,张三,$2');
    expect(filled).not.toBe(text);
    writeFileSync(market, filled);
    const r = await cli(['collect', plan, market, '--as-of', '2025-07-10', '--lang', 'en']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(plan, 'utf8')).toMatch(/\n {10}- \{date: 2025-06-12, [^\n]*by: market\}\n {10}- \{date: 2025-06-30, /);
    const v = await cli(['validate', plan, '--as-of', '2025-07-10', '-f', 'json']);
    expect((JSON.parse(v.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).not.toContain('status/log-order');
  });
});

describe('an entry put in before an item of a list (the editor)', () => {
  const reason = (text: string, before: number, path: (string | number)[] = ['a']) => {
    try {
      applyEdits(text, [{ kind: 'append', path, value: 9, before }]);
      return 'written';
    } catch (err) {
      expect(err).toBeInstanceOf(EditError);
      return `${(err as EditError).reason}: ${(err as Error).message}`;
    }
  };

  it('is refused before an item the list does not have, or one that does not start its line', () => {
    expect(reason('a:\n  - 1\n', 1)).toBe('not-found: no item 1 in the list at a');
    expect(reason('a: 1\n', 0)).toBe('not-found: no item 0 in the list at a');
    expect(reason('a:\n  - - 1\n    - 2\n', 0, ['a', 0])).toBe('unsupported: item 0 of a.0 does not start its line');
  });

  it('goes in a flow list before the item, and in a block list on a line of its own', () => {
    expect(applyEdits('a: [1, 3]\n', [{ kind: 'append', path: ['a'], value: 2, before: 1 }])).toBe('a: [1, 2, 3]\n');
    expect(applyEdits('a:\n  - 1\n  - 3\n', [{ kind: 'append', path: ['a'], value: 2, before: 1 }, { kind: 'append', path: ['a'], value: 4 }]))
      .toBe('a:\n  - 1\n  - 2\n  - 3\n  - 4\n');
  });
});
