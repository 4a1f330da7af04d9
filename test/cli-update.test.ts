// campaign update end to end: the diff is exactly the intended lines, and every refusal leaves the
// file's bytes as they were.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli.js';
import type { CliIO } from '../src/io/cli-io.js';
import { STACK } from './helpers/run.js';
import { cli } from './helpers/in-process.js';
import { changedLines } from './helpers/diff.js';
import { onePlan } from './helpers/json.js';

const FIXTURE = 'test/fixtures/edit/commented.yaml';

function copy(): { dir: string; file: string; before: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-update-'));
  const file = join(dir, 'plan.yaml');
  copyFileSync(FIXTURE, file);
  return { dir, file, before: readFileSync(file) };
}

describe('campaign update', () => {
  it('records progress: the diff is exactly the new entry and the changed fields', async () => {
    const { file, before } = copy();
    const r = await cli(['update', file, '1.1', '--status', 'done', '--note', '全部完成', '--by', 'police', '--date', '2020-06-11', '--actual', '宣讲场次=11']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('1.1 主题宣讲进企业');
    expect(changedLines(before.toString(), readFileSync(file, 'utf8'))).toEqual({
      removed: ['          - {metric: 宣讲场次, unit: 场, target: 10, actual: 4}   # updated weekly'],
      added: [
        '          - {metric: 宣讲场次, unit: 场, target: 10, actual: 11}   # updated weekly',
        '          - {date: 2020-06-11, status: done, progress: 100, note: 全部完成, by: police, actual: {宣讲场次: 11}}',
        '        status: done',
        '        progress: 100',
      ],
    });
    // And the plan is still valid, with the update counted.
    const status = onePlan((await cli(['status', file, '--as-of', '2020-06-12', '--format', 'json'])).stdout);
    expect(status.overall.done).toBe(1);
  });

  it('takes a unit by its name and a Chinese status', async () => {
    const { file, before } = copy();
    expect((await cli(['update', file, '3', '-s', '进行中', '-p', '30', '--by', '教育站', '-d', '2020-06-20'])).code).toBe(0);
    expect(changedLines(before.toString(), readFileSync(file, 'utf8')).added).toEqual([
      '    updates:',
      '      - {date: 2020-06-20, status: 进行中, progress: 30, by: edu}',
      '    status: 进行中',
      '    progress: 30',
    ]);
  });

  it('an entry dated before the latest one is logged without changing the current status', async () => {
    const { file, before } = copy();
    expect((await cli(['update', file, '1.1', '-s', 'blocked', '-d', '2020-06-01'])).code).toBe(0);
    expect(changedLines(before.toString(), readFileSync(file, 'utf8')).added).toEqual(['          - {date: 2020-06-01, status: blocked}']);
  });

  it('marks a report submitted', async () => {
    const { file, before } = copy();
    expect((await cli(['update', file, '--report', 'summary', '--submitted', '2020-07-03'])).code).toBe(0);
    expect(changedLines(before.toString(), readFileSync(file, 'utf8')).added).toEqual([
      '  - {id: summary, title: 活动总结, to: police, due: 2020-07-05, submitted: 2020-07-03}',
    ]);
  });

  it('adds a date to the list of a recurring duty', async () => {
    const { file } = copy();
    const text = readFileSync(file, 'utf8').replace('reports:\n', 'reports:\n  - {id: weekly, title: 周报, to: police, every: friday, submitted: [2020-06-05]}\n');
    writeFileSync(file, text);
    expect((await cli(['update', file, '--report', 'weekly', '--submitted', '2020-06-12'])).code).toBe(0);
    expect(changedLines(text, readFileSync(file, 'utf8'))).toEqual({
      removed: ['  - {id: weekly, title: 周报, to: police, every: friday, submitted: [2020-06-05]}'],
      added: ['  - {id: weekly, title: 周报, to: police, every: friday, submitted: [2020-06-05, 2020-06-12]}'],
    });
    const fresh = text.replace(', submitted: [2020-06-05]}', '}');
    writeFileSync(file, fresh);
    expect((await cli(['update', file, '--report', 'weekly', '--submitted', '2020-06-05'])).code).toBe(0);
    expect(changedLines(fresh, readFileSync(file, 'utf8')).added).toEqual(['  - {id: weekly, title: 周报, to: police, every: friday, submitted: [2020-06-05]}']);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const { file, before } = copy();
    const r = await cli(['update', file, '1.2', '-s', 'done', '-d', '2020-06-18', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+          - date: 2020-06-18');
    expect(r.stdout).toContain('-        status: in_progress');
    expect(readFileSync(file)).toEqual(before);
  });

  it('keeps the file mode and a UTF-8 BOM', async () => {
    const { file } = copy();
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    chmodSync(file, 0o640);
    expect((await cli(['update', file, '3', '-n', '起草中', '-d', '2020-06-20'])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('updates a plan that repeats one anchor more times than eemeli/yaml allows by default, as validate reads it', async () => {
    // validate reads up to 1000 aliases (a "billion laughs" guard); the editor stopped at eemeli/yaml's 100
    // and update said "internal error: Excessive alias count".
    const { dir } = copy();
    const file = join(dir, 'aliases.yaml');
    const tasks = Array.from({ length: 150 }, (_, i) => `  - id: "${i + 1}"\n    title: 任务${i + 1}\n    lead: ${i ? '*p' : '&p [police]'}\n`);
    writeFileSync(file, `version: 1\ntitle: 别名\norganizer: 铜钟乡\nyear: 2020\nperiod: {start: 2020-06-01, end: 2020-06-30}\nunits:\n  - {id: police, name: 派出所}\ntasks:\n${tasks.join('')}`);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['update', file, '150', '-p', '50', '-d', '2020-06-10']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(changedLines(before, readFileSync(file, 'utf8')).added).toEqual(['    updates:', '      - {date: 2020-06-10, progress: 50}', '    status: in_progress', '    progress: 50']);
  });

  describe('who reports, figures, problems solved', () => {
    const weekly = async (file: string, asOf: string) => onePlan((await cli(['weekly', file, '--as-of', asOf, '-f', 'json'])).stdout);
    const task = (r: { updatedThisWeek: { id: string }[]; unresolved: { id: string }[] }, id: string) =>
      [...r.updatedThisWeek, ...r.unresolved].find((t) => t.id === id) as unknown as Record<string, unknown> | undefined;

    it('--actual alone joins the unit\'s entry of the day, and keeps status, progress, note and the open problem', async () => {
      const { file, before } = copy();
      expect((await cli(['update', file, '1.1', '-p', '60', '-n', '宣讲6场', '--problems', '2家企业未安排', '--by', 'police', '-d', '2020-06-08'])).code).toBe(0);
      const once = readFileSync(file, 'utf8');
      // The same day, the same unit: the figure goes into its entry.
      expect((await cli(['update', file, '1.1', '--actual', '宣讲场次=6', '--by', 'police', '-d', '2020-06-08'])).code).toBe(0);
      expect(changedLines(once, readFileSync(file, 'utf8'))).toEqual({
        removed: ['          - {metric: 宣讲场次, unit: 场, target: 10, actual: 4}   # updated weekly', '          - {date: 2020-06-08, progress: 60, note: 宣讲6场, problems: 2家企业未安排, by: police}'],
        added: ['          - {metric: 宣讲场次, unit: 场, target: 10, actual: 6}   # updated weekly', '          - {date: 2020-06-08, progress: 60, note: 宣讲6场, problems: 2家企业未安排, by: police, actual: {宣讲场次: 6}}'],
      });
      // Another day: an entry of figures alone, which changes nothing else.
      expect((await cli(['update', file, '1.1', '--actual', '宣讲场次=8', '--by', 'police', '-d', '2020-06-10'])).code).toBe(0);
      expect(changedLines(before.toString(), readFileSync(file, 'utf8')).added).toContain('          - {date: 2020-06-10, by: police, actual: {宣讲场次: 8}}');
      const t = task(await weekly(file, '2020-06-10'), '1.1')!;
      expect([t.status, t.progress, t.note, t.openProblem]).toEqual(['in_progress', 60, '宣讲6场', { date: '2020-06-08', problems: '2家企业未安排' }]);
    });

    it('--actual alone outside the period asks for -d rather than dating the entry today', async () => {
      const { file, before } = copy();
      const r = await cli(['update', file, '1.1', '--actual', '宣讲场次=11', '--lang', 'zh'], { today: '2020-07-02' });
      expect([r.code, r.stderr]).toEqual([2, 'campaign: 今天（2020-07-02）不在活动时间（2020-06-01 至 2020-06-30）内：请用 -d YYYY-MM-DD 写明这些完成值是哪一天的\n']);
      expect(readFileSync(file)).toEqual(before);
      expect((await cli(['update', file, '1.1', '--actual', '宣讲场次=11', '-d', '2020-06-30'], { today: '2020-07-02' })).code).toBe(0);
    });

    it('--solved closes the open problems: the unit\'s own with --by, every one without', async () => {
      const { file } = copy();
      await cli(['update', file, '3', '-p', '20', '--problems', '资料未收齐', '--by', 'edu', '-d', '2020-06-15']);
      await cli(['update', file, '3', '-n', '已催收', '-d', '2020-06-16']);
      // The office's note does not speak for the unit's problem.
      expect(task(await weekly(file, '2020-06-16'), '3')!.openProblem).toEqual({ date: '2020-06-15', problems: '资料未收齐' });
      const r = await cli(['update', file, '3', '--solved', '-d', '2020-06-17']);
      expect(r.code).toBe(0);
      expect(readFileSync(file, 'utf8')).toContain('      - {date: 2020-06-17, solved: true}');
      expect(task(await weekly(file, '2020-06-17'), '3')!.openProblem).toBeNull();
    });
  });

  // -0 (update -p -0, --actual X=-0, a sheet's <v>-0</v>) once failed with "the change could not be written
  // safely": the edit writes 0, which reads back as 0, not -0. It is 0, wherever it comes from.
  it('takes -p -0 and --actual METRIC=-0 as 0', async () => {
    const { file, before } = copy();
    for (const p of ['-0', '-0.0']) {
      const r = await cli(['update', file, '3', `--progress=${p}`, '--by', 'edu', '-d', '2020-06-15', '--dry-run']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('+      - {date: 2020-06-15, progress: 0, by: edu}');
    }
    const r = await cli(['update', file, '1.1', '-p', '-0', '--actual', '宣讲场次=-0', '--by', 'police', '-d', '2020-06-08']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('progress 0');
    expect(changedLines(before.toString(), readFileSync(file, 'utf8')).added).toContain('          - {date: 2020-06-08, progress: 0, by: police, actual: {宣讲场次: 0}}');
    // validate reads a -0 written in the plan as that 0: the same findings, and update goes on from it.
    const findings = async () => (await cli(['validate', file, '--format', 'json', '--as-of', '2020-06-30'])).stdout;
    const had = await findings();
    writeFileSync(file, readFileSync(file, 'utf8').replace('progress: 0, by: police, actual: {宣讲场次: 0}', 'progress: -0, by: police, actual: {宣讲场次: -0}'));
    expect(await findings()).toBe(had);
    expect((await cli(['update', file, '1.1', '-n', '继续', '--by', 'police', '-d', '2020-06-09'])).code).toBe(0);
  });

  describe('a task written on one line', () => {
    const FLOW_TASK = '  - {id: "2", title: 隐患排查, lead: [police], due: 2020-06-18}   # a flow task';
    /** The lines of a text apart from a run of them, for saying that nothing else changed. */
    const outside = (text: string, first: string, count: number) => {
      const lines = text.split('\n');
      const at = lines.indexOf(first);
      return [...lines.slice(0, at), ...lines.slice(at + count)];
    };

    it('is written in block style with its first update one line beneath it; nothing else changes', async () => {
      const { file, before } = copy();
      const r = await cli(['update', file, '2', '-s', 'in_progress', '-p', '60', '-n', '排查企业12家', '--problems', '个别企业整改不及时', '--next', '督促整改, 复查', '--by', '派出所', '-d', '2020-06-17']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const after = readFileSync(file, 'utf8');
      const task = [
        '  - id: "2"   # a flow task',
        '    title: 隐患排查',
        '    lead: [police]',
        '    due: 2020-06-18',
        '    updates:',
        '      - {date: 2020-06-17, status: in_progress, progress: 60, note: 排查企业12家, problems: 个别企业整改不及时, next: "督促整改, 复查", by: police}',
        '    status: in_progress',
        '    progress: 60',
      ];
      expect(after).toContain(`\n${task.join('\n')}\n`);
      expect(outside(after, task[0]!, task.length)).toEqual(outside(before.toString(), FLOW_TASK, 1));
      // The entry reads back with its problems and next steps.
      const plan = parse(after);
      expect(plan.tasks[1].updates).toEqual([
        { date: '2020-06-17', status: 'in_progress', progress: 60, note: '排查企业12家', problems: '个别企业整改不及时', next: '督促整改, 复查', by: 'police' },
      ]);
      // Its next update is one more line, and nothing else changes.
      expect((await cli(['update', file, '2', '-p', '80', '-d', '2020-06-24'])).code).toBe(0);
      expect(changedLines(after, readFileSync(file, 'utf8'))).toEqual({
        removed: ['    progress: 60'],
        added: ['      - {date: 2020-06-24, progress: 80}', '    progress: 80'],
      });
    });

    it('reads back as the same plan: it validates with the same findings, plus the update counted', async () => {
      const { file, before } = copy();
      const findings = async () => JSON.parse((await cli(['validate', file, '--format', 'json', '--as-of', '2020-06-30'])).stdout).findings.map((f: { rule: string; path: string }) => `${f.rule} ${f.path}`);
      const had = await findings();
      expect(had).toContain('status/overdue $.tasks[1].due');
      expect((await cli(['update', file, '2', '-s', 'done', '-d', '2020-06-18', '--problems', '无'])).code).toBe(0);
      expect(readFileSync(file)).not.toEqual(before);
      // Task 2 was overdue and is done now: that finding, and only that one, is gone.
      expect(await findings()).toEqual(had.filter((f: string) => f !== 'status/overdue $.tasks[1].due'));
    });

    it('--dry-run shows the rewrite as a diff and writes nothing', async () => {
      const { file, before } = copy();
      const r = await cli(['update', file, '2', '-n', '排查', '-d', '2020-06-17', '--dry-run']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`\n-${FLOW_TASK}\n+  - id: "2"   # a flow task\n+    title: 隐患排查\n+    lead: [police]\n+    due: 2020-06-18\n+    updates:\n+      - {date: 2020-06-17, note: 排查}\n`);
      expect(readFileSync(file)).toEqual(before);
    });

    it('in a CRLF file, with CRLF lines', async () => {
      const { file } = copy();
      const crlf = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(file, crlf);
      expect((await cli(['update', file, '2', '--next', '复查', '-d', '2020-06-17'])).code).toBe(0);
      const after = readFileSync(file, 'utf8');
      expect(after.replace(/\r\n/g, '')).not.toContain('\n');
      expect(changedLines(crlf, after)).toEqual({
        removed: [FLOW_TASK],
        // An entry of the task's makes it begun: its status follows the log.
        added: ['  - id: "2"   # a flow task', '    title: 隐患排查', '    lead: [police]', '    due: 2020-06-18', '    updates:', '      - {date: 2020-06-17, next: 复查}', '    status: in_progress'],
      });
    });

    // YAML 1.2 counts a lone CR as a line break; update once said there was no such task, and validate that
    // the file was empty. Now both read the old Mac file's lines, and update writes its lines with lone CRs.
    it('in an old Mac file (lone CR line ends), with lone-CR lines; a mixed file with the most common line end', async () => {
      const { file } = copy();
      const lf = readFileSync(file, 'utf8');
      const added = ['  - id: "2"   # a flow task', '    title: 隐患排查', '    lead: [police]', '    due: 2020-06-18', '    updates:', '      - {date: 2020-06-17, next: 复查}', '    status: in_progress'];
      const cr = lf.replace(/\n/g, '\r');
      writeFileSync(file, cr);
      const r = await cli(['update', file, '2', '--next', '复查', '-d', '2020-06-17']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const after = readFileSync(file, 'utf8');
      expect(after).not.toContain('\n');
      expect(changedLines(lf, after.replace(/\r/g, '\n'))).toEqual({ removed: [FLOW_TASK], added });
      // validate reads it as the LF plan with the same entry.
      const lfEdited = copy();
      expect((await cli(['update', lfEdited.file, '2', '--next', '复查', '-d', '2020-06-17'])).code).toBe(0);
      const findings = async (f: string) => (await cli(['validate', f, '--format', 'json', '--as-of', '2020-06-30'])).stdout.replaceAll(f, 'PLAN');
      expect(await findings(file)).toBe(await findings(lfEdited.file));
      // Mostly lone CRs, some LF: new lines end with a lone CR, and every old line end stays.
      const mixed = lf.replace(/\n/g, (_, at: number) => (at % 4 === 0 ? '\n' : '\r'));
      writeFileSync(file, mixed);
      expect((await cli(['update', file, '2', '--next', '复查', '-d', '2020-06-17'])).code).toBe(0);
      const mixedAfter = readFileSync(file, 'utf8');
      expect(mixedAfter.split('\n').length).toBe(mixed.split('\n').length);
      expect(changedLines(lf, mixedAfter.replace(/\r/g, '\n'))).toEqual({ removed: [FLOW_TASK], added });
    });

    it('--dry-run of an old Mac file shows its lines', async () => {
      const { file } = copy();
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r'));
      const r = await cli(['update', file, '2', '-n', '排查', '-d', '2020-06-17', '--dry-run']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`\n-${FLOW_TASK}\n+  - id: "2"   # a flow task\n+    title: 隐患排查\n`);
    });
  });

  describe('--target adds a target the task has none of', () => {
    it('to a block task, with its unit of measure (and an --actual for it goes with it)', async () => {
      const { file, before } = copy();
      const r = await cli(['update', file, '3', '--target', '总结报告=1', '--unit', '份', '--actual', '总结报告=0', '-n', '起草中', '-d', '2020-06-20']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('3 活动总结: added target 总结报告 1 份, actual 0\n');
      expect(changedLines(before.toString(), readFileSync(file, 'utf8'))).toEqual({
        removed: [],
        added: ['    targets:', '      - {metric: 总结报告, unit: 份, target: 1, actual: 0}', '    updates:', '      - {date: 2020-06-20, note: 起草中, actual: {总结报告: 0}}', '    status: in_progress'],
      });
    });

    it('alone, without an entry in the log; to a flow task, written in block style', async () => {
      const { file, before } = copy();
      const r = await cli(['update', file, '2', '--target', '排查企业=20', '--unit', '家']);
      expect([r.code, r.stdout]).toEqual([0, `${file}: 2 隐患排查: added target 排查企业 20 家\n`]);
      expect(changedLines(before.toString(), readFileSync(file, 'utf8')).added).toEqual([
        '  - id: "2"   # a flow task', '    title: 隐患排查', '    lead: [police]', '    due: 2020-06-18', '    targets:', '      - {metric: 排查企业, unit: 家, target: 20}',
      ]);
      // The plan keeps validating, and the new target is counted.
      const status = onePlan((await cli(['status', file, '--as-of', '2020-06-12', '--format', 'json'])).stdout);
      expect(JSON.stringify(status)).toContain('排查企业');
    });

    it('to a task that ends with a log of block entries: the entry joins the log, the target follows it', async () => {
      const { file, before } = copy();
      expect((await cli(['update', file, '1.2', '--target', '进校园=5', '--unit', '所', '--actual', '进校园=3', '-p', '60', '-d', '2020-06-16'])).code).toBe(0);
      expect(changedLines(before.toString(), readFileSync(file, 'utf8'))).toEqual({
        removed: ['        progress: 50'],
        added: ['        progress: 60', '          - date: 2020-06-16', '            progress: 60', '            actual: {进校园: 3}', '        targets:', '          - {metric: 进校园, unit: 所, target: 5, actual: 3}'],
      });
    });

    it('beside targets it has, a line of its own', async () => {
      const { file, before } = copy();
      expect((await cli(['update', file, '1.1', '--target', '参加人数=200', '--unit', '人次', '-d', '2020-06-11'])).code).toBe(0);
      expect(changedLines(before.toString(), readFileSync(file, 'utf8'))).toEqual({
        removed: [],
        added: ['          - {metric: 参加人数, unit: 人次, target: 200}'],
      });
    });
  });

  describe('refusals leave the file byte for byte unchanged', () => {
    it.each([
      [['1.5', '-s', 'done'], 2, /there is no task "1\.5"; did you mean "1\.1"\?/],
      [['1', '-s', 'done'], 2, /task "1" has subtasks \(1\.1, 1\.2\)/],
      [['1.1', '-s', 'finished'], 2, /--status "finished" is not a status/],
      [['1.1', '-p', '120'], 2, /--progress "120" must be a number from 0 to 100/],
      [['1.1', '-p', 'abc'], 2, /--progress "abc"/],
      [['1.1', '-s', 'done', '-d', '2020-02-30'], 2, /--date "2020-02-30" is not a real calendar date/],
      [['1.1', '-s', 'done', '-d', '2025-06-31'], 2, /--date "2025-06-31" is not a real calendar date/],
      [['1.1', '-s', 'done', '-d', '20250630'], 2, /--date "20250630" is not a date written YYYY-MM-DD/],
      [['1.1', '-s', 'done', '--by', 'polise'], 2, /no unit "polise"; did you mean "police" \(派出所\)\?/],
      [['1.1', '--actual', '宣讲次数=3'], 2, /no target "宣讲次数"; did you mean "宣讲场次"\?/],
      [['1.1', '--actual', '宣讲场次'], 2, /METRIC=NUMBER/],
      [['1.1'], 2, /nothing to record/],
      [[], 2, /which task\?/],
      [['--report', 'sumary', '--submitted', '2020-07-03'], 2, /no report "sumary"; did you mean "summary"\?/],
      [['--report', 'summary'], 2, /give --report ID and --submitted DATE/],
      [['1.1', '--target', '宣讲场次=12'], 2, /task 1\.1 already has a target "宣讲场次" \(10 场\); set its actual value with --actual 宣讲场次=N/],
      [['1.1', '--target', '宣讲场次'], 2, /--target "宣讲场次" must be written METRIC=NUMBER/],
      [['1.1', '--target', '参加人数=-3'], 2, /--target "参加人数=-3" must be written METRIC=NUMBER/],
      [['1.1', '--target', 'a=1', '--target', 'b=2'], 2, /give one --target at a time \(got a=1, b=2\)/],
      [['1.1', '-n', 'x', '--unit', '场'], 2, /--unit is the unit of measure of the target --target adds/],
      [['1.1', '--target', 'a=1', '--unit', ' '], 2, /--unit must not be empty/],
      [['3', '--actual', '总结报告=1'], 2, /task 3 has no target "总结报告" \(it has no targets\)/],
      [['2', '--target', '排查企业=20', '--lang', 'zh', '--unit', ''], 2, /--unit 不能为空/],
    ])('%j', async (args, code, message) => {
      const { file, before } = copy();
      const r = await cli(['update', file, ...(args as string[])]);
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(readFileSync(file)).toEqual(before);
    });

    it('a plan with a YAML syntax error (exit 1, with its position)', async () => {
      const { file } = copy();
      writeFileSync(file, readFileSync(file, 'utf8').replace('lead: [edu]\n        status', 'lead: [edu\n        status'));
      const before = readFileSync(file);
      const r = await cli(['update', file, '1.1', '-s', 'done']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: YAML syntax error: .* the file was not changed/);
      expect(readFileSync(file)).toEqual(before);
    });

    it.each([
      ['a bracket left open', (t: string) => t.replace('lead: [edu]\n        status', 'lead: [edu\n        status')],
      ['a tag', (t: string) => t.replace(/^title: /m, 'title: !!binary ')],
      ['a YAML 1.1 directive', (t: string) => `%YAML 1.1\n---\n${t}`],
    ])('%s: update says it in the words validate uses, in the clerk\'s language, at the same place', async (_, breakIt) => {
      const { file } = copy();
      writeFileSync(file, breakIt(readFileSync(file, 'utf8')));
      for (const lang of ['zh', 'en']) {
        const [f] = JSON.parse((await cli(['validate', file, '-f', 'json', '--lang', lang])).stdout).findings;
        const r = await cli(['update', file, '1.1', '-s', 'done', '--lang', lang]);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe(lang === 'zh'
          ? `campaign: ${file}:${f.line}:${f.column}：${f.message}；请先修正（campaign validate ${file}）；文件未改动\n`
          : `campaign: ${file}:${f.line}:${f.column}: ${f.message}; fix it first (campaign validate ${file}), the file was not changed\n`);
      }
    });

    it('a missing file, and standard input', async () => {
      expect((await cli(['update', 'nope.yaml', '1', '-s', 'done'])).stderr).toBe('campaign: nope.yaml: no such file\n');
      expect((await cli(['update', '-', '1', '-s', 'done'])).code).toBe(2);
    });

    it('a file changed on disk between reading and writing', async () => {
      const { file } = copy();
      const other = readFileSync(file, 'utf8').replace('# no updates yet', '# edited by someone else');
      const out: string[] = [];
      // today() is asked after the plan was read and before it is written: change the file there.
      const io: CliIO = {
        stdout: (t) => out.push(t), stdoutBytes: () => undefined, stderr: (t) => out.push(t),
        env: { LANG: 'C' }, stdoutIsTTY: false, stderrIsTTY: false, stdin: process.stdin,
        today: () => { writeFileSync(file, other); return '2020-06-20'; },
      };
      const code = await main(['update', file, '3', '-s', 'in_progress'], io);
      expect(code).toBe(2);
      expect(out.join('')).toMatch(/changed on disk while it was being updated; nothing was written/);
      expect(readFileSync(file, 'utf8')).toBe(other);
    });
  });
});
