// Values from other hands (round 4 of the outside tester: cases 31, 30, 10, 33, 03): a time of day in
// other digits, years before 1000, absurd figures in a returned sheet, numbers update reads unlike
// collect, and an entry dated before the ones already logged.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
