// Yearly data the user extends (issue #24, item 5): a data file given with --data or the configuration's
// data: adds a year's holidays and themes over the built-in data, with a note for each entry it replaces;
// a broken one is refused at its positions (exit 2); `campaign data` lists where each year comes from.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserData } from '../src/io/user-data.js';
import { BUILTIN_THEMES_FILE } from '../src/data/builtin-themes.js';
import { BUILTIN_HOLIDAYS_FILE, builtinHolidayTable } from '../src/io/holidays.js';
import { createRequire } from 'node:module';
import { NATIONAL_CAMPAIGNS } from '../src/data/national-campaigns.js';
import { fileURLToPath } from 'node:url';
import { cli } from './helpers/in-process.js';

const F = 'test/fixtures/data';

/** Findings as "line:column rule:messageId". */
async function findings(args: string[]): Promise<string[]> {
  const r = await cli(['validate', '-f', 'json', ...args]);
  return JSON.parse(r.stdout).findings.map((f: { line: number; column: number; rule: string; messageId: string }) => `${f.line}:${f.column} ${f.rule}:${f.messageId}`);
}

describe('a user data file', () => {
  it('adds 2027 holidays: date/holiday judges a 2027 plan and calendar-coverage is silent', async () => {
    expect(await findings(['--as-of', '2027-07-01', `${F}/plan-2027.yaml`])).toEqual(['5:17 date/calendar-coverage:uncovered']);
    const r = await cli(['validate', '-f', 'json', '--as-of', '2027-07-01', `${F}/plan-2027.yaml`, '--data', `${F}/holidays-2027.yaml`]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.map((f: { line: number; column: number; rule: string; messageId: string }) => `${f.line}:${f.column} ${f.rule}:${f.messageId}`)).toEqual(['9:47 date/holiday:holiday']);
  });

  it('tells a 2027 plan how to add the holidays, in zh and en', async () => {
    const zh = await cli(['validate', '--lang', 'zh', '--as-of', '2027-07-01', `${F}/plan-2027.yaml`]);
    expect(zh.stdout).toContain('2027 年的日期未作节假日检查');
    expect(zh.stdout).toContain('--data FILE 或配置文件的 data:');
    expect(zh.stdout).toContain('holidays: [{ name: 元旦, from: 2027-01-01 }]');
    const en = await cli(['validate', '--lang', 'en', '--as-of', '2027-07-01', `${F}/plan-2027.yaml`]);
    expect(en.stdout).toContain("--data FILE or the configuration's data: list");
  });

  it("adds a 2026 theme: theme/national-year judges a 2026 plan by it", async () => {
    const r = await cli(['validate', '-f', 'json', '--as-of', '2026-07-01', `${F}/plan-2026.yaml`, '--data', `${F}/theme-2026.yaml`]);
    const [f] = JSON.parse(r.stdout).findings;
    expect(`${f.line}:${f.column} ${f.rule}:${f.messageId}`).toBe('10:12 theme/national-year:theme');
    expect(f.message).toContain('测试主题');
    // Without the file the year is not listed: the copy is still caught, but as an earlier plan's.
    expect(await findings(['--as-of', '2026-07-01', `${F}/plan-2026.yaml`])).toEqual(['10:12 theme/national-year:earlier-theme']);
  });

  it('extends an edition count the built-in data ends: a 2026 anti-drug plan\'s edition is judged', async () => {
    const plan = `${F}/plan-2026-anti-drug.yaml`;
    expect(await findings(['--as-of', '2026-07-01', plan])).toEqual(['8:14 theme/national-year:earlier-edition']);
    expect(await findings(['--as-of', '2026-07-01', plan, '--data', `${F}/editions-2026.yaml`])).toEqual(['8:14 theme/national-year:campaign-edition']);
    // And the next run without the file is back to the built-in count.
    expect(await findings(['--as-of', '2026-07-01', plan])).toEqual(['8:14 theme/national-year:earlier-edition']);
  });

  it('is read from the configuration\'s data: list too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-data-'));
    writeFileSync(join(dir, '.campaignrc.yaml'), `data: [${resolve(F, 'holidays-2027.yaml')}]\n`);
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(`${F}/plan-2027.yaml`, 'utf8'));
    expect(await findings(['--as-of', '2027-07-01', join(dir, 'plan.yaml')])).toEqual(['9:47 date/holiday:holiday']);
  });

  it("reaches the roll-up's worker threads, and its cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-data-'));
    const text = readFileSync(`${F}/plan-2027.yaml`, 'utf8');
    for (let n = 1; n <= 8; n++) writeFileSync(join(dir, `p${n}.yaml`), text);
    const cache = mkdtempSync(join(tmpdir(), 'campaign-cache-'));
    const warnings = async (...more: string[]) => {
      const r = await cli(['rollup', '--as-of', '2027-07-01', '-f', 'json', dir, ...more], { env: { XDG_CACHE_HOME: cache } });
      return JSON.parse(r.stdout).plans.map((p: { warnings: number }) => p.warnings);
    };
    expect(await warnings()).toEqual(Array(8).fill(0));
    expect(await warnings('--data', `${F}/holidays-2027.yaml`)).toEqual(Array(8).fill(1));
    expect(await warnings()).toEqual(Array(8).fill(0));
  });

  it('says on stderr each built-in entry it overrides', async () => {
    const r = await cli(['validate', '--lang', 'en', '--as-of', '2026-07-01', `${F}/plan-2026.yaml`, '--data', `${F}/override-2025.yaml`]);
    expect(r.stderr).toBe(
      `campaign: note: ${F}/override-2025.yaml overrides the built-in holidays 2025\n` +
      `campaign: note: ${F}/override-2025.yaml overrides the built-in theme safety-month 2025\n`,
    );
  });

  it('is refused when broken, with file:line:column (exit 2)', async () => {
    const r = await cli(['validate', '--lang', 'en', `${F}/plan-2027.yaml`, '--data', `${F}/broken.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `campaign: ${F}/broken.yaml:3:5: data file: "holidays[1]" is missing the required key "from"\n` +
      `${F}/broken.yaml:3:17: data file: unknown key "form"; did you mean "from"?\n`,
    );
    const missing = await cli(['validate', `${F}/plan-2027.yaml`, '--data', `${F}/none.yaml`]);
    expect(missing.code).toBe(2);
  });
});

describe('the built-in data files', () => {
  it('is checked by the same schema as a user file, and is what the theme rule reads', () => {
    const data = readUserData(fileURLToPath(BUILTIN_THEMES_FILE), 'en');
    expect(data['safety-month']!.find((t) => t.year === 2025)!.theme).toBe('人人讲安全、个个会应急——查找身边安全隐患');
    for (const c of NATIONAL_CAMPAIGNS) expect(c.themes.map((t) => t.year)).toEqual((data[c.id] ?? []).map((t) => t.year));
    expect(data['fire-month']!.find((t) => t.year === 2019)).toMatchObject({ statedAs: 'fire-month', edition: 28, editionAlsoSeen: [29] });
  });

  it('holidays: data/holidays.json is chinese-days\' table, day for day, and passes the schema', () => {
    const source = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
    const strip = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).map(([d, v]) => [d, v.split(',').slice(0, 2).join(',')]));
    const table = builtinHolidayTable();
    expect(table.holidays).toEqual(strip(source.holidays));
    expect(table.workdays).toEqual(strip(source.workdays));
    expect(Object.keys(table.holidays).length).toBeGreaterThan(600);
    const data = readUserData(fileURLToPath(BUILTIN_HOLIDAYS_FILE), 'en');
    expect(data.holidays!.find((h) => h.from === '2026-02-15')).toEqual({ name: '春节', en: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' });
  });

  it('takes the themes grouped by campaign in a user file too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-data-'));
    writeFileSync(join(dir, 'd.yaml'), "safety-month:\n  - { year: 2026, edition: 25, theme: 人人讲安全、个个会应急——测试主题 }\n");
    expect(await findings(['--as-of', '2026-07-01', `${F}/plan-2026.yaml`, '--data', join(dir, 'd.yaml')])).toEqual(['10:12 theme/national-year:theme']);
  });
});

describe('campaign data', () => {
  it('lists the years each table covers and where each comes from', async () => {
    const r = await cli(['data', '--no-config', '--data', `${F}/holidays-2027.yaml`, '--data', `${F}/theme-2026.yaml`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^table +campaign +years +source$/);
    expect(lines[1]).toMatch(/^holidays +2004–2026 +built-in$/);
    expect(lines[2]).toMatch(new RegExp(`^holidays +2027 +${F}/holidays-2027.yaml$`));
    expect(lines).toContainEqual(expect.stringMatching(/^themes +safety-month +2005–2025 +built-in$/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^themes +safety-month +2026 +${F}/theme-2026.yaml$`)));
    expect(lines).toContainEqual(expect.stringMatching(/^editions +drug-month +2024–2025 +built-in$/));
    const extended = await cli(['data', '--no-config', '--data', `${F}/editions-2026.yaml`]);
    expect(extended.stdout.split('\n')).toContainEqual(expect.stringMatching(new RegExp(`^editions +drug-month +2024–2026 +${F}/editions-2026.yaml$`)));
    expect(extended.stderr).toBe(`campaign: note: ${F}/editions-2026.yaml overrides the built-in editions drug-month (to 2025)\n`);
  });

  it('in Chinese for people', async () => {
    const r = await cli(['data', '--no-config', '--lang', 'zh', '--data', `${F}/holidays-2027.yaml`]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^数据 +活动\/纪念日 +年份 +来源$/);
    expect(lines[1]).toMatch(/^节假日 +2004–2026 +内置$/);
    expect(lines[2]).toMatch(new RegExp(`^节假日 +2027 +${F}/holidays-2027.yaml$`));
    // Each day or month by its Chinese name, then the id a data file names it by.
    expect(lines).toContainEqual(expect.stringMatching(/^主题 +安全生产月 safety-month +2005–2025 +内置$/));
    expect(lines).toContainEqual(expect.stringMatching(/^主题 +全国防灾减灾日 disaster-week +2010–2013, 2015–2025 +内置$/));
    expect(lines).toContainEqual(expect.stringMatching(/^届次 +国际禁毒日 drug-day +1988– +内置$/));
    expect(lines.filter((l) => /^(主题|届次) /.test(l)).every((l) => /^\S+ +\p{Script=Han}/u.test(l))).toBe(true);
  });

  it('-f json', async () => {
    const r = await cli(['data', '--no-config', '-f', 'json', '--data', `${F}/holidays-2027.yaml`]);
    const rows = JSON.parse(r.stdout) as { table: string; campaign?: string; years?: number[]; from?: number; to?: number | null; source: string }[];
    expect(rows.filter((x) => x.table === 'holidays').map((x) => [x.years!.at(0), x.years!.at(-1), x.source])).toEqual([[2004, 2026, 'built-in'], [2027, 2027, `${F}/holidays-2027.yaml`]]);
    expect(rows.find((x) => x.table === 'editions' && x.campaign === 'drug-month')).toEqual({ table: 'editions', campaign: 'drug-month', from: 2024, to: 2025, source: 'built-in' });
    // Without a file: built-in only.
    const plain = JSON.parse((await cli(['data', '--no-config', '-f', 'json'])).stdout) as { source: string }[];
    expect(new Set(plain.map((x) => x.source))).toEqual(new Set(['built-in']));
  });
});
