import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { schemaFileUrl } from '../src/io/schemas.js';
import { changedLines } from './helpers/diff.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-init-'));

describe('campaign init', () => {
  it.each(['safety-month', 'blank'])('the %s template validates with only its placeholder theme to replace, and clean once it is', async (template) => {
    const dir = tmp();
    const r = await cli(['init', 'plan.yaml', '--template', template, '--year', '2026', '--organizer', '铜钟乡'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/campaign\.schema\.json$/);
    expect(text).toContain('organizer: 铜钟乡');
    // Judged before the campaign ends: nothing is overdue yet. 2026's national theme is not in the data, so the
    // theme is init's placeholder, reported until the clerk writes this year's.
    const v = await cli(['validate', '--format', 'json', '--as-of', '2026-01-02', 'plan.yaml'], { cwd: dir });
    const findings = JSON.parse(v.stdout).findings as { rule: string; path: string }[];
    expect([v.code, findings.map((f) => [f.rule, f.path])]).toEqual([0, [['theme/placeholder', '$.themes[0].title']]]);
    const placeholder = template === 'blank' ? '活动主题' : '全国“安全生产月”活动主题';
    expect(text).toContain(`title: ${placeholder}`);
    writeFileSync(join(dir, 'plan.yaml'), text.replace(`title: ${placeholder}`, 'title: 守牢安全底线，建设平安乡村'));
    const again = await cli(['validate', '--format', 'json', '--as-of', '2026-01-02', 'plan.yaml'], { cwd: dir });
    expect([again.code, JSON.parse(again.stdout).findings]).toEqual([0, []]);
  });

  it('the schema line is the installed schema\'s file: URL, which still names it after the plan is moved', async () => {
    const dir = tmp();
    await cli(['init', 'p.yaml'], { cwd: dir });
    const ref = /\$schema=(\S+)/.exec(readFileSync(join(dir, 'p.yaml'), 'utf8'))![1]!;
    expect(ref).toBe(new URL('../schemas/campaign.schema.json', import.meta.url).href);
    mkdirSync(join(dir, '归档 2026'));
    renameSync(join(dir, 'p.yaml'), join(dir, '归档 2026', 'p.yaml'));
    expect(/\$schema=(\S+)/.exec(readFileSync(join(dir, '归档 2026', 'p.yaml'), 'utf8'))![1]).toBe(ref);
    expect(existsSync(fileURLToPath(ref))).toBe(true);
  });

  it('the URL escapes what would end or break the modeline, on Linux and on Windows paths alike', () => {
    expect(schemaFileUrl('/home/张 三/lib/node_modules/@zhenban/campaign/schemas/campaign.schema.json', false))
      .toBe('file:///home/%E5%BC%A0%20%E4%B8%89/lib/node_modules/@zhenban/campaign/schemas/campaign.schema.json');
    expect(schemaFileUrl('C:\\Users\\张 三\\AppData\\Roaming\\npm\\node_modules\\@zhenban\\campaign\\schemas\\campaign.schema.json', true))
      .toBe('file:///C:/Users/%E5%BC%A0%20%E4%B8%89/AppData/Roaming/npm/node_modules/@zhenban/campaign/schemas/campaign.schema.json');
    expect(schemaFileUrl('/srv/方案#1/campaign.schema.json', false)).toBe('file:///srv/%E6%96%B9%E6%A1%88%231/campaign.schema.json');
  });

  it('puts due dates on working days: June 19 was 端午 in 2026, so the school task is due the 18th', async () => {
    const dir = tmp();
    await cli(['init', 'p.yaml', '-y', '2026'], { cwd: dir });
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    expect(text).toContain('\n      - id: "1.3"\n        title: 安全知识进校园\n        theme: main\n        lead: [school]\n        due: 2026-06-18\n');
    // The consultation day stays on June 16 itself, and the summary's July 5 (a Sunday) moves to Friday the 3rd.
    expect(text).toContain('\n        title: 参加全国安全生产宣传咨询日活动\n        theme: main\n        lead: [safety]\n        support: [police, market]\n        due: 2026-06-16\n');
    expect(text).toContain('{id: summary, title: 活动总结, to: county-office, due: 2026-07-03}');
  });

  // Years whose national theme the data lists (禁毒: not 2020, which is unconfirmed).
  it.each([
    ['safety-month', [2020, 2024, 2025], '消除事故隐患，筑牢安全防线'],
    ['fire-month', [2020, 2024, 2025], '关注消防、生命至上'],
    ['disaster-week', [2020, 2024, 2025], '提升基层应急能力，筑牢防灾减灾救灾的人民防线'],
    ['anti-drug-month', [2021, 2024, 2025], '防范新型毒品对青少年危害'],
  ] as const)('%s validates clean in %j, with that year\'s national theme', async (template, years, first) => {
    const dir = tmp();
    for (const year of years) {
      expect((await cli(['init', `${year}.yaml`, '-t', template, '-y', String(year)], { cwd: dir })).code).toBe(0);
      const v = await cli(['validate', '--format', 'json', '--as-of', `${year}-01-02`, `${year}.yaml`], { cwd: dir });
      expect([template, year, JSON.parse(v.stdout).findings]).toEqual([template, year, []]);
    }
    expect(readFileSync(join(dir, `${years[0]}.yaml`), 'utf8')).toContain(`title: ${first}   # ${years[0]}年全国主题`);
  });

  it.each(['fire-month', 'disaster-week', 'anti-drug-month'])('%s writes a placeholder theme in a year the data does not list, which validate reports', async (template) => {
    const dir = tmp();
    expect((await cli(['init', 'p.yaml', '-t', template, '-y', '2026'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toMatch(/title: .*主题 {3}# 改为当年的主题\n/);
    const v = await cli(['validate', '--format', 'json', '--as-of', '2026-01-02', 'p.yaml'], { cwd: dir });
    expect(JSON.parse(v.stdout).findings.map((f: { rule: string; path: string }) => [f.rule, f.path])).toEqual([['theme/placeholder', '$.themes[0].title']]);
  });

  it.each(['safety-month', 'fire-month', 'disaster-week', 'anti-drug-month', 'blank'])('%s writes its tasks in block style, so that an update adds one line', async (template) => {
    const dir = tmp();
    expect((await cli(['init', 'p.yaml', '-t', template, '-y', '2026'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const tasks = text.slice(text.indexOf('\ntasks:\n'), text.search(/\n(requirements:|$)/));
    expect(tasks).toMatch(/- id: "1"\n/);
    expect(tasks).not.toMatch(/- \{/);
    const leaf = template === 'blank' ? '1' : '1.1';
    const r = await cli(['update', 'p.yaml', leaf, '-s', 'in_progress', '-n', '已部署', '-d', '2026-06-02'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(changedLines(text, readFileSync(join(dir, 'p.yaml'), 'utf8')).added).toEqual([
      expect.stringMatching(/^ +updates:$/),
      expect.stringMatching(/^ +- \{date: 2026-06-02, status: in_progress, note: 已部署\}$/),
      expect.stringMatching(/^ +status: in_progress$/),
    ]);
  });

  it('never overwrites without --force', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.yaml'), 'mine\n');
    const r = await cli(['init'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, 'campaign: plan.yaml already exists; choose another name or add --force to overwrite it\n']);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('mine\n');
    expect((await cli(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toContain('version: 1');
  });

  it.each([
    [['--template', 'fire'], /--template "fire": use one of safety-month, fire-month, disaster-week, anti-drug-month, blank/],
    [['--year', '20x6'], /--year "20x6" is not a year/],
    [['--organizer', ' '], /--organizer must not be empty/],
  ])('%j is a usage error', async (args, message) => {
    const r = await cli(['init', 'x.yaml', ...(args as string[])], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
