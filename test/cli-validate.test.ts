// validate end to end, in process (same code path as bin/): exit codes, stdout and stderr.
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, STACK } from './helpers/run.js';
import { cli } from './helpers/in-process.js';
import { changedLines } from './helpers/diff.js';

const SEED = 'examples/tongzhong-2020.yaml';
const CLEAN = 'examples/shifan-2025.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-cli-'));

const WARNING_ONLY = `version: 1
title: 测试乡2020年“安全生产月”活动方案
organizer: 测试乡
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}
units: [{id: police, name: 派出所}]
tasks:
  - {id: "1", title: 宣讲, lead: [police], status: done}
  - {id: "3", title: 培训, lead: [police], status: done}
`;

describe('campaign validate', () => {
  it('reports the seed plan\'s 2019 theme and period, doubled word and numbering gap, and nothing else (stylish, no colour)', async () => {
    const r = await cli(['validate', SEED]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(SEED);
    expect(lines[1]).toMatch(/^ {2}16:12 {3}warning {2}"防风险、除隐患、遏事故" is the national theme of 2019 .*"消除事故隐患，筑牢安全防线"\s+theme\/national-year$/);
    expect(lines[2]).toMatch(/^ {2}20:17 {3}error {4}the activity period 2019-06-01 – 2019-06-30 .*2020-06-01 – 2020-06-30\?\s+date\/period-year$/);
    expect(lines[3]).toMatch(/^ {2}87:33 {3}warning {2}"活动" is written twice \("活动活动"\).*\s+text\/repeated$/);
    expect(lines[4]).toMatch(/^ {2}122:13 {2}warning {2}numbering skips "2\.2".*\s+numbering\/gap$/);
    expect(lines.at(-1)).toBe('✖ 4 problems (1 error, 3 warnings)');
    // The rule column is aligned.
    expect(lines[2]!.indexOf('date/period-year')).toBe(lines[4]!.indexOf('numbering/gap'));
  });

  it('prints the JSON contract, findings ordered by file, line, column', async () => {
    const r = await cli(['validate', '--format', 'json', SEED, CLEAN]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['schemaVersion', 'findings', 'errors', 'warnings']);
    expect(out.errors).toBe(1);
    expect(out.warnings).toBe(3);
    // ESLint's fields (ruleId, messageId, data, endLine, endColumn, fix) beside this tool's own (file, rule, path).
    const at = (ruleId: string, line: number, column: number, endLine: number, endColumn: number) => ({ file: SEED, line, column, endLine, endColumn, ruleId, rule: ruleId });
    expect(out.findings).toEqual([
      {
        ...at('theme/national-year', 16, 12, 16, 23), messageId: 'theme', severity: 'warning', message: expect.stringContaining('2019'), path: '$.themes[0].title',
        data: { theme: '防风险、除隐患、遏事故', themeYear: 2019, themeEdition: 18, year: 2020, currentTheme: '消除事故隐患，筑牢安全防线' },
      },
      {
        ...at('date/period-year', 20, 17, 20, 27), messageId: 'other-year', severity: 'error', message: expect.stringContaining('2019'), path: '$.period.start',
        data: { start: '2019-06-01', end: '2019-06-30', year: 2020, periodYear: 2019, fixedStart: '2020-06-01', fixedEnd: '2020-06-30' },
        fix: { range: [950, 977], text: '2020-06-01, end: 2020-06-30' },
      },
      {
        ...at('text/repeated', 87, 33, 87, 37), messageId: 'repeated', severity: 'warning', message: expect.stringContaining('活动活动'), path: '$.tasks[0].tasks[2].title',
        data: { text: '活动活动', word: '活动' },
      },
      {
        ...at('numbering/gap', 122, 13, 122, 18), messageId: 'gap', severity: 'warning', message: expect.stringContaining('2.2'), path: '$.tasks[1].tasks[1].id',
        data: { id: '2.3', missing: ['2.2'], previous: '2.1' },
      },
    ]);
    // The keys in a stable order, as scripts diff them.
    expect(Object.keys(out.findings[1])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'rule', 'messageId', 'severity', 'message', 'data', 'path', 'fix']);
  });

  it('exits 0 on a clean plan', async () => {
    const r = await cli(['validate', CLEAN]);
    expect([r.code, r.stdout]).toEqual([0, '✔ 1 file checked, no problems\n']);
  });

  it('--strict fails on warnings; --rule changes severities', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), WARNING_ONLY);
    expect((await cli(['validate', 'p.yaml'], { cwd: dir })).code).toBe(0);
    expect((await cli(['validate', '--strict', 'p.yaml'], { cwd: dir })).code).toBe(1);
    expect((await cli(['validate', '--rule', 'numbering/gap=error', 'p.yaml'], { cwd: dir })).code).toBe(1);
    const off = await cli(['validate', '--strict', '--rule', 'numbering/gap=off', '--format', 'json', 'p.yaml'], { cwd: dir });
    expect([off.code, JSON.parse(off.stdout).findings]).toEqual([0, []]);
    expect((await cli(['validate', '--rule', 'date/period-year=off', SEED])).code).toBe(0);
  });

  it('reads standard input with -', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], { input: WARNING_ONLY });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number }) => [f.file, f.line])).toEqual([['<stdin>', 9]]);
  });

  it('a YAML syntax error is a finding (exit 1), not a crash', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], { input: 'version: 1\ntitle: [unclosed\nyear: 2020\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ file: '<stdin>', rule: 'yaml/syntax', severity: 'error' });
  });

  it('speaks Chinese with --lang zh or a Chinese locale', async () => {
    expect((await cli(['validate', '--lang', 'zh', SEED])).stdout).toContain('活动时间 2019-06-01 至 2019-06-30 在 2019 年');
    const r = await cli(['validate', SEED], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout).toContain('编号跳号');
    expect(r.stdout).toContain('✖ 共 4 个问题（1 个错误，3 个警告）');
    expect((await cli(['validate', SEED], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } })).stdout).toContain('numbering skips');
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR wins', async () => {
    expect((await cli(['validate', SEED], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await cli(['validate', SEED], { env: { NO_COLOR: undefined } })).stdout).not.toMatch(ANSI);
    expect((await cli(['validate', SEED], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  describe('usage and I/O problems exit 2 with one clear line', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'folder.yaml'));
    it.each([
      [['validate', 'missing.yaml'], /^campaign: missing\.yaml: no such file\n$/],
      [['validate', 'folder.yaml'], /^campaign: folder\.yaml: is a folder with no plan files \(\*\.yaml, \*\.yml\) in it\n$/],
      [['validate', '--as-of', '2020-02-30', SEED], /--as-of "2020-02-30" is not a real calendar date/],
      [['validate', '--as-of', '2020-2-3', SEED], /--as-of "2020-2-3" is not a date written YYYY-MM-DD/],
      [['validate', '--rule', 'numbering/gaps=off', SEED], /no rule "numbering\/gaps"; did you mean "numbering\/gap"\?/],
      [['validate', '--rule', 'numbering/gap', SEED], /must be written ID=off\|info\|warning\|error/],
      [['validate', '--format', 'xml', SEED], /--format "xml": use one of stylish, json/],
      [['validate', '--lang', 'fr', SEED], /--lang "fr": use zh or en/],
      [['validate'], /missing required argument/],
      [['frobnicate'], /unknown command/],
    ])('%j', async (args, message) => {
      const r = await cli(args as string[], { cwd: args.includes(SEED) ? undefined : dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
    });
  });

  it('checks the readable files when one is missing, and exits 2', async () => {
    const r = await cli(['validate', '--format', 'json', 'missing.yaml', SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.yaml: no such file');
    expect(JSON.parse(r.stdout).findings).toHaveLength(4);
  });
});

describe('campaign rules, schema, --version', () => {
  it('lists every rule with its severity', async () => {
    const r = await cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^date\/period-year\s+error\s+The activity period/m);
    const json = JSON.parse((await cli(['rules', '--format', 'json', '--lang', 'zh'])).stdout);
    expect(json.find((x: { id: string }) => x.id === 'numbering/gap')).toEqual({ id: 'numbering/gap', severity: 'warning', description: '同级任务编号跳号，或子任务编号未延续上级编号' });
  });

  it('prints the bundled schema', async () => {
    const schema = JSON.parse((await cli(['schema'])).stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['task', 'unit', 'theme', 'report', 'dates']));
  });

  it('prints its version', async () => {
    const r = await cli(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, process.env.npm_package_version ?? expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
  });
});

describe('campaign validate --fix', () => {
  it('moves the seed\'s period into 2020, changing only that line, and reports what is left', async () => {
    const dir = tmp();
    const file = join(dir, 'seed.yaml');
    const before = readFileSync(SEED, 'utf8');
    writeFileSync(file, before);
    const r = await cli(['validate', '--fix', '--format', 'json', 'seed.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('seed.yaml: fixed 1 problem\n');
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['theme/national-year', 'text/repeated', 'numbering/gap']);
    expect(changedLines(before, readFileSync(file, 'utf8'))).toEqual({
      removed: ['period: {start: 2019-06-01, end: 2019-06-30}'],
      added: ['period: {start: 2020-06-01, end: 2020-06-30}'],
    });
  });

  it('quotes numeric ids as written and corrects the title year', async () => {
    const dir = tmp();
    const text = `version: 1
title: 测试乡2019年“安全生产月”活动方案   # keep this comment
organizer: 测试乡
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}
units: [{id: p, name: 派出所}]
tasks:
  - id: "1"
    title: 宣讲
    status: done
    tasks:
      - {id: "1.9", title: 九, lead: [p], status: done}
      - {id: 1.10, title: 十, lead: [p], status: done}
`.replace('- {id: "1.9"', Array.from({ length: 8 }, (_, i) => `- {id: "1.${i + 1}", title: x, lead: [p], status: done}\n      `).join('') + '- {id: "1.9"');
    writeFileSync(join(dir, 'p.yaml'), text);
    const r = await cli(['validate', '--fix', 'p.yaml'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, 'p.yaml: fixed 2 problems\n']);
    expect(changedLines(text, readFileSync(join(dir, 'p.yaml'), 'utf8'))).toEqual({
      removed: ['title: 测试乡2019年“安全生产月”活动方案   # keep this comment', '      - {id: 1.10, title: 十, lead: [p], status: done}'],
      added: ['title: 测试乡2020年“安全生产月”活动方案   # keep this comment', '      - {id: "1.10", title: 十, lead: [p], status: done}'],
    });
  });

  it('cannot fix standard input', async () => {
    const r = await cli(['validate', '--fix', '-'], { input: 'version: 1\n' });
    expect([r.code, r.stderr]).toEqual([2, 'campaign: --fix edits files in place; it cannot fix standard input\n']);
  });
});
