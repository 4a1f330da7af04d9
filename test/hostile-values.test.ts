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
