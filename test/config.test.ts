// The configuration file (.campaignrc.yaml) end to end: found from each plan's folder upwards, the nearest
// winning whole; --config and --no-config; each setting taking effect, with the command line over it and it
// over the plan; a broken one refused with its positions (exit 2); folder scans never reading it as a plan.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/io/config.js';
import { UserError } from '../src/errors.js';
import { cli } from './helpers/in-process.js';
import { STACK } from './helpers/run.js';

const SEED = 'examples/tongzhong-2020.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-config-'));

/** The seed plan's findings, as "line rule severity". */
async function findings(args: string[], opts: Parameters<typeof cli>[1] = {}): Promise<string[]> {
  // As of the last day of the seed's log: no entry lies after it (status/future-entry).
  const r = await cli(['validate', '-f', 'json', '--as-of', '2020-06-30', ...args], opts);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).findings.map((f: { line: number; rule: string; severity: string }) => `${f.line} ${f.rule} ${f.severity}`);
}

const ALL = ['16 theme/national-year warning', '20 date/period-year error', '87 text/repeated warning', '122 numbering/gap warning'];

/**
 * root/.campaignrc.yaml             text/repeated off
 * root/plan.yaml
 * root/county/.campaignrc.yaml      numbering/gap error (nearest: the root's does not add to it)
 * root/county/town/plan.yaml
 */
function tree(): { root: string; top: string; nested: string } {
  const root = tmp();
  mkdirSync(join(root, 'county', 'town'), { recursive: true });
  writeFileSync(join(root, '.campaignrc.yaml'), 'rules:\n  text/repeated: off\n');
  writeFileSync(join(root, 'county', '.campaignrc.yaml'), 'rules:\n  numbering/gap: error\n');
  const top = join(root, 'plan.yaml');
  const nested = join(root, 'county', 'town', 'plan.yaml');
  copyFileSync(SEED, top);
  copyFileSync(SEED, nested);
  return { root, top, nested };
}

describe('finding the configuration', () => {
  it('takes the nearest .campaignrc.yaml above each plan, whole (no merging with the ones further up)', async () => {
    const { top, nested } = tree();
    expect(await findings([top])).toEqual(['16 theme/national-year warning', '20 date/period-year error', '122 numbering/gap warning']);
    expect(await findings([nested])).toEqual(['16 theme/national-year warning', '20 date/period-year error', '87 text/repeated warning', '122 numbering/gap error']);
    // In one run, each plan by its own configuration.
    expect((await findings([top, nested])).length).toBe(7);
  });

  it('without one anywhere above, the defaults', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    expect(await findings([join(dir, 'plan.yaml')])).toEqual(ALL);
  });

  it('--config FILE: that file for every plan, no search', async () => {
    const { root, nested } = tree();
    expect(await findings([nested, '--config', join(root, '.campaignrc.yaml')])).toEqual(['16 theme/national-year warning', '20 date/period-year error', '122 numbering/gap warning']);
    // A file of any name.
    const other = join(root, 'strict.yaml');
    writeFileSync(other, 'rules: {theme/national-year: error}\n');
    expect(await findings([nested, '--config', other])).toContain('16 theme/national-year error');
  });

  it('--no-config: none at all', async () => {
    const { top, nested } = tree();
    expect(await findings([top, '--no-config'])).toEqual(ALL);
    expect(await findings([nested, '--no-config'])).toEqual(ALL);
  });

  it('.campaignrc.yml too; .campaignrc.yaml first when a folder has both', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, '.campaignrc.yml'), 'rules: {numbering/gap: off}\n');
    expect(await findings([join(dir, 'plan.yaml')])).not.toContain('122 numbering/gap warning');
    writeFileSync(join(dir, '.campaignrc.yaml'), 'rules: {text/repeated: off}\n');
    expect(await findings([join(dir, 'plan.yaml')])).toEqual(['16 theme/national-year warning', '20 date/period-year error', '122 numbering/gap warning']);
  });

  it('an empty configuration sets nothing, and still stops the search', async () => {
    const { root, nested } = tree();
    writeFileSync(join(root, 'county', '.campaignrc.yaml'), '# nothing set here\n');
    expect(await findings([nested])).toEqual(ALL);
  });

  it('standard input takes the working folder\'s configuration', async () => {
    const { root } = tree();
    const r = await cli(['validate', '-', '-f', 'json', '--as-of', '2020-06-20'], { cwd: root, input: await import('node:fs').then((fs) => fs.readFileSync(SEED)) });
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).not.toContain('text/repeated');
  });
});

describe('a broken configuration', () => {
  const broken = async (text: string, name = '.campaignrc.yaml') => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, name), text);
    const r = await cli(['validate', 'plan.yaml'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK);
    return r;
  };

  it('an unknown rule id: exit 2, at the key, with the nearest id', async () => {
    const r = await broken('rules:\n  date/weekday: off\n  date/weekdy: off\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('campaign: .campaignrc.yaml:3:3: configuration: there is no rule "date/weekdy"; did you mean "date/weekday"? (campaign rules lists them)\n');
  });

  it('every problem, in file order, each at its position', async () => {
    const r = await broken('weekStart: friday\nlang: fr\nrules: {numbering/gap: warn}\n');
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.map((l) => /\.campaignrc\.yaml:(\d+:\d+)/.exec(l)?.[1])).toEqual(['1:1', '2:7', '3:24']);
    expect(lines[0]).toContain('unknown key "weekStart"; did you mean "weekStarts"?');
    expect(lines[1]).toContain('"lang": "fr" is not allowed; use one of "zh", "en"');
    expect(lines[2]).toContain('"numbering/gap": "warn" is not allowed; use one of "off", "info", "warning", "error"');
  });

  it('YAML that does not parse, a duplicate key, a list instead of a mapping', async () => {
    expect((await broken('rules:\n\tdate/weekday: off\n')).stderr).toMatch(/^campaign: \.campaignrc\.yaml:2:1: configuration: /);
    const dup = await broken('lang: zh\nlang: en\n');
    expect([dup.code, dup.stderr]).toEqual([2, expect.stringMatching(/^campaign: \.campaignrc\.yaml:2:1: configuration: .*"lang"/)]);
    const list = await broken('- rules\n');
    expect([list.code, list.stderr]).toEqual([2, 'campaign: .campaignrc.yaml:1:1: configuration: a configuration must be a YAML mapping of keys (rules: …, lang: zh …), not a list\n']);
  });

  it('a data file that is not there, or is a folder, at its entry', async () => {
    const r = await broken('data:\n  - units.yaml\n  - .\n');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').map((l) => l.replace(/\(.*\)/, '(…)'))).toEqual([
      'campaign: .campaignrc.yaml:2:5: configuration: the data file "units.yaml" does not exist (…); paths are relative to the configuration file\'s folder',
      '.campaignrc.yaml:3:5: configuration: the data file "." is a folder (…); name a file',
    ]);
  });

  it('in Chinese under a Chinese locale', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, '.campaignrc.yaml'), 'rules:\n  text/repeat: off\n');
    const r = await cli(['validate', 'plan.yaml'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect([r.code, r.stderr]).toEqual([2, 'campaign: .campaignrc.yaml:2:3：配置文件有误：没有规则“text/repeat”，是否应为“text/repeated”？（campaign rules 可列出全部规则）\n']);
  });

  it('--config naming no file: exit 2', async () => {
    const r = await cli(['validate', SEED, '--config', 'no-such.yaml']);
    expect([r.code, r.stderr]).toEqual([2, 'campaign: no-such.yaml: no such file\n']);
  });

  it('stops every command that reads plans, before any output', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, '.campaignrc.yaml'), 'lang: fr\n');
    for (const args of [['status', 'plan.yaml'], ['weekly', 'plan.yaml'], ['report', 'plan.yaml'], ['export', 'plan.yaml'], ['rollup', '.'], ['agenda'],
      ['update', 'plan.yaml', '1.1', '-p', '50'], ['sheets', 'plan.yaml', '-o', 'out'], ['collect', 'plan.yaml', 'x.csv']]) {
      const r = await cli(args, { cwd: dir });
      expect([args[0], r.code, r.stdout, r.stderr]).toEqual([args[0], 2, '', expect.stringMatching(/^campaign: \.campaignrc\.yaml:1:7: configuration: "lang": "fr"/)]);
    }
    // --no-config reads none.
    expect((await cli(['status', 'plan.yaml', '--no-config', '--as-of', '2020-06-20'], { cwd: dir })).code).toBe(1);
  });
});

describe('each setting', () => {
  it('rules: off silences, a severity changes; --rule on the command line over it', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, '.campaignrc.yaml'), 'rules:\n  date/period-year: off\n  text/repeated: error\n');
    const plan = join(dir, 'plan.yaml');
    expect(await findings([plan])).toEqual(['16 theme/national-year warning', '87 text/repeated error', '122 numbering/gap warning']);
    expect(await findings([plan, '--rule', 'text/repeated=info', '--rule', 'date/period-year=warning'])).toEqual([
      '16 theme/national-year warning', '20 date/period-year warning', '87 text/repeated info', '122 numbering/gap warning',
    ]);
    // A report command: the configuration decides what counts as an error (exit 1 and the note on stderr).
    const status = await cli(['status', plan, '--as-of', '2020-06-20', '-f', 'json']);
    expect([status.code, status.stderr]).toEqual([1, expect.stringContaining('1 error (text/repeated)')]);
  });

  it('lang: over the locale; --lang over it', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, '.campaignrc.yaml'), 'lang: zh\n');
    const zh = await cli(['validate', 'plan.yaml', '--as-of', '2020-06-30'], { cwd: dir });
    expect(zh.stdout).toContain('✖ 共 4 个问题（1 个错误，3 个警告）');
    const en = await cli(['validate', 'plan.yaml', '--as-of', '2020-06-30', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('✖ 4 problems (1 error, 3 warnings)');
    const weekly = await cli(['weekly', 'plan.yaml', '--as-of', '2020-06-20'], { cwd: dir });
    expect(weekly.stdout).toContain('进展情况周报（6月15日—6月21日）');
    expect(weekly.stderr).toContain('方案有 1 个错误');
  });

  /** A plan whose own reporting settings the configuration overrides. */
  const LIGHTS = `version: 1
title: 测试乡2020年“安全生产月”活动方案
organizer: 测试乡
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}
units: [{id: police, name: 派出所}]
reporting: {weekStarts: sunday, lagThreshold: 30}
tasks:
  - id: "1"
    title: 宣讲
    lead: [police]
    start: 2020-06-01
    due: 2020-06-20
    updates:
      - {date: 2020-06-10, status: in_progress, progress: 40, by: police}
`;

  const weekly = async (dir: string, ...args: string[]) => {
    const r = await cli(['weekly', 'plan.yaml', '-f', 'json', '--as-of', '2020-06-15', ...args], { cwd: dir });
    expect(r.stderr).toBe('');
    // One plan: the list of one (JSON output: always a list).
    return JSON.parse(r.stdout)[0] as { weekStarts: string; from: string; to: string; dueThisWeek: { id: string; light: string }[] };
  };

  it('weekStarts: over the plan\'s reporting.weekStarts (周五 as the plan takes it too); --week-start over it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.yaml'), LIGHTS);
    expect(await weekly(dir)).toMatchObject({ weekStarts: 'sunday', from: '2020-06-14', to: '2020-06-20' });
    writeFileSync(join(dir, '.campaignrc.yaml'), 'weekStarts: 周五\n');
    expect(await weekly(dir)).toMatchObject({ weekStarts: 'friday', from: '2020-06-12', to: '2020-06-18' });
    expect(await weekly(dir, '--week-start', 'tuesday')).toMatchObject({ weekStarts: 'tuesday', from: '2020-06-09', to: '2020-06-15' });
  });

  it('weekStarts in sheets: the week a unit\'s sheet is for', async () => {
    const dir = tmp();
    copyFileSync('test/fixtures/tracking/history.yaml', join(dir, 'plan.yaml'));
    // Sunday June 14: the last day of a Monday week (2020-W24), the third of a Friday week (ending in 2020-W25).
    const sheets = (out: string) => cli(['sheets', 'plan.yaml', '--as-of', '2020-06-14', '-f', 'csv', '--unit', 'police', '-o', out], { cwd: dir });
    expect((await sheets('monday')).code).toBe(0);
    writeFileSync(join(dir, '.campaignrc.yaml'), 'weekStarts: friday\n');
    expect((await sheets('friday')).code).toBe(0);
    expect([readdirSync(join(dir, 'monday')), readdirSync(join(dir, 'friday'))]).toEqual([['2020-W24-派出所.csv'], ['2020-W25-派出所.csv']]);
  });

  it('lagThreshold and dueSoonDays: the 督办灯 turns yellow as they say', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.yaml'), LIGHTS.replace('weekStarts: sunday, ', ''));
    // As of June 15, 75 % of the task's time is gone and its progress is 40: 35 points behind, over the plan's 30.
    expect((await weekly(dir)).dueThisWeek).toEqual([expect.objectContaining({ id: '1', light: 'yellow' })]);
    writeFileSync(join(dir, '.campaignrc.yaml'), 'lagThreshold: 40\n');
    expect((await weekly(dir)).dueThisWeek).toEqual([expect.objectContaining({ id: '1', light: 'green' })]);
    // Due in five days: yellow once five days count as soon.
    writeFileSync(join(dir, '.campaignrc.yaml'), 'lagThreshold: 40\ndueSoonDays: 5\n');
    expect((await weekly(dir)).dueThisWeek).toEqual([expect.objectContaining({ id: '1', light: 'yellow' })]);
    writeFileSync(join(dir, '.campaignrc.yaml'), 'lagThreshold: 40\ndueSoonDays: 4\n');
    expect((await weekly(dir)).dueThisWeek).toEqual([expect.objectContaining({ id: '1', light: 'green' })]);
  });

  it('data: paths relative to the configuration file, checked and carried as absolute paths', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'units.yaml'), 'units: []\n');
    writeFileSync(join(dir, '.campaignrc.yaml'), 'data:\n  - shared/units.yaml\n');
    expect(readConfig(join(dir, '.campaignrc.yaml'), 'en')).toEqual({ file: join(dir, '.campaignrc.yaml'), rules: {}, data: [resolve(dir, 'shared', 'units.yaml')] });
    writeFileSync(join(dir, '.campaignrc.yaml'), 'data: [shared/nothing.yaml]\n');
    expect(() => readConfig(join(dir, '.campaignrc.yaml'), 'en')).toThrow(UserError);
  });

  it('every setting read, as the resolver gives it', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'rc.yaml'), 'lang: en\nweekStarts: friday\nlagThreshold: 12.5\ndueSoonDays: 0\nrules: {schema: warning}\n');
    expect(readConfig(join(dir, 'rc.yaml'), 'zh')).toEqual({ file: join(dir, 'rc.yaml'), rules: { schema: 'warning' }, lang: 'en', weekStarts: 'friday', lagThreshold: 12.5, dueSoonDays: 0, data: [] });
  });

  it('the roll-up counts by each plan\'s configuration, and its cache tells configurations apart', async () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, 'plan.yaml'));
    const env = { XDG_CACHE_HOME: tmp() };
    const errors = async () => JSON.parse((await cli(['rollup', '.', '-f', 'json', '--as-of', '2020-06-20'], { cwd: dir, env })).stdout).plans[0].errors;
    expect(await errors()).toBe(1);
    writeFileSync(join(dir, '.campaignrc.yaml'), 'rules: {date/period-year: off}\n');
    expect(await errors()).toBe(0);
    writeFileSync(join(dir, '.campaignrc.yaml'), 'rules: {text/repeated: error}\n');
    expect(await errors()).toBe(2);
  });
});

describe('folder scans', () => {
  it('never take the configuration for a plan: validate, status, rollup, agenda of a folder, and a glob', async () => {
    const { root } = tree();
    // A configuration that would be a broken plan if read as one.
    const v = await cli(['validate', root, '-f', 'json', '--as-of', '2020-06-20']);
    expect(new Set(JSON.parse(v.stdout).findings.map((f: { file: string }) => f.file))).toEqual(new Set([join(root, 'plan.yaml'), join(root, 'county', 'town', 'plan.yaml')]));
    const s = await cli(['status', root, '-f', 'json', '--as-of', '2020-06-20']);
    expect(JSON.parse(s.stdout).map((p: { file: string }) => p.file)).toEqual([join(root, 'county', 'town', 'plan.yaml'), join(root, 'plan.yaml')]);
    const r = await cli(['rollup', root, '-f', 'json', '--as-of', '2020-06-20', '--no-cache']);
    expect(JSON.parse(r.stdout).plans.map((p: { file: string }) => p.file).sort()).toEqual([join(root, 'county', 'town', 'plan.yaml'), join(root, 'plan.yaml')]);
    const a = await cli(['agenda', '-f', 'json', '--as-of', '2020-06-20'], { cwd: root });
    expect(a.stderr).not.toContain('campaignrc');
    const g = await cli(['validate', '{.campaignrc.yaml,plan.yaml}', '-f', 'json', '--as-of', '2020-06-20'], { cwd: root });
    expect(new Set(JSON.parse(g.stdout).findings.map((f: { file: string }) => f.file))).toEqual(new Set(['plan.yaml']));
    const dots = await cli(['validate', '.*.yaml'], { cwd: root });
    expect([dots.code, dots.stderr]).toEqual([2, 'campaign: .*.yaml: no such file\n']);
    expect(readdirSync(root)).toContain('.campaignrc.yaml');
  });
});
