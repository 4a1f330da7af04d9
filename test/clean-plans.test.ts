// The false-alarm guard: thirteen correct, realistic plans (test/fixtures/clean-plans/, its README says what
// each covers — winter plans across two years, 调休 deadlines, declared aliases, reduplication, every campaign
// kind) on which validate must report nothing above info, each judged as of its own `# as-of:` date.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { lintText } from './helpers/lint.js';
import { onePlan } from './helpers/json.js';

const DIR = new URL('./fixtures/clean-plans/', import.meta.url).pathname;
const PLANS = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const asOfOf = (text: string) => /^# as-of: (\S+)/m.exec(text)![1]!;

describe('clean plans', () => {
  it('are at least eight, of every campaign kind', () => {
    expect(PLANS.length).toBeGreaterThanOrEqual(8);
    const titles = PLANS.map((f) => /^title: (.*)$/m.exec(readFileSync(join(DIR, f), 'utf8'))![1]!).join('\n');
    for (const kind of ['安全生产月', '消防宣传月', '禁毒宣传月', '防灾减灾', '森林防火', '防汛']) expect(titles).toContain(kind);
  });

  it.each(PLANS)('%s: nothing above info', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const found = lintText(text, { asOf: asOfOf(text) }).filter((p) => p.severity !== 'info');
    expect(found.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule} ${JSON.stringify(p.data)}`)).toEqual([]);
  });

  it('count a task led by a declared alias under its unit in status (市场监管所 is market)', async () => {
    const file = join(DIR, 'qingshi-2019-safety-month.yaml');
    const r = await cli(['status', file, '--as-of', '2019-06-19', '-f', 'json']);
    expect(r.code).toBe(0);
    const status = onePlan<{ overall: { tasks: number }; units: { id: string; tasks: number }[] }>(r.stdout);
    expect(status.units.find((u) => u.id === 'market')!.tasks).toBe(1); // task 2.3, `lead: [市场监管所]`
    expect(status.units.reduce((n, u) => n + u.tasks, 0)).toBe(19);
  });
});

describe('date/holiday on a weekend activity', () => {
  it('is a note for a task held on its own dated weekend day, a warning for a deadline', () => {
    const text = readFileSync(new URL('./fixtures/rules/date/holiday/invalid-weekend-activity.yaml', import.meta.url), 'utf8');
    const found = lintText(text).filter((p) => p.rule === 'date/holiday').map((p) => `${p.line} ${p.severity}`);
    expect(found).toEqual(['16 info', '22 warning', '28 warning']);
  });
});
