// Every word the command line prints goes through a catalogue: under a Chinese locale the help,
// commander's own errors, the findings summary, the rules list and the report headings read Chinese.
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';
import { run } from './helpers/run.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const COMMANDS = ['validate', 'rules', 'schema', 'status', 'weekly', 'report', 'export', 'rollup', 'update', 'init', 'import'];
const CJK = /[\u4e00-\u9fff]/;

describe('in Chinese under a Chinese locale', () => {
  it('campaign --help: headings and every command description', async () => {
    const r = await cli(['--help'], { env: ZH });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：/);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`\\n  ${name} .*${CJK.source}`));
  });

  it('every command\'s --help: each argument and option described in Chinese', async () => {
    for (const name of COMMANDS) {
      const r = await cli([name, '--help'], { env: { ...ZH, COLUMNS: '300' } });
      expect(r.code, name).toBe(0);
      const items = r.stdout.split('\n').filter((l) => /^ {2}\S/.test(l));
      expect(items.length, name).toBeGreaterThan(0);
      for (const item of items) expect(item, `${name}: ${item}`).toMatch(CJK);
      expect(r.stdout, name).not.toMatch(/\bdefault:|\bdisplay help|\boutput:/);
    }
  });

  it.each([
    [['frobnicate'], '没有命令“frobnicate”（campaign --help 可列出全部命令）'],
    [['statu'], '没有命令“statu”，是否应为“status”？（campaign --help 可列出全部命令）'],
    [['status', '--as-off', '2020-06-01', 'x.yaml'], '没有选项“--as-off”，是否应为“--as-of”？（campaign status --help 可列出其选项）'],
    [['validate'], '缺少必需的参数“files”（campaign validate --help 可列出其选项）'],
    [['status', HISTORY, '--as-of'], '选项“--as-of <date>”需要一个值（campaign status --help 可列出其选项）'],
    [['update', 'a.yaml', '1', 'extra'], 'update 的参数过多：应为 2 个，实际 3 个（campaign update --help 可列出其选项）'],
  ])('commander\'s error %j', async (args, message) => {
    const r = await cli(args, { env: ZH });
    expect([r.code, r.stderr]).toEqual([2, `campaign: ${message}\n`]);
  });

  it('the same errors in English otherwise', async () => {
    expect((await cli(['statu'])).stderr).toBe("campaign: unknown command 'statu'; did you mean 'status'? (campaign --help lists the commands)\n");
    expect((await cli(['validate'])).stderr).toBe("campaign: missing required argument 'files' (campaign validate --help lists its options)\n");
  });

  it('severity words, the findings summary, empty tables', async () => {
    const rules = await cli(['rules'], { env: ZH });
    expect(rules.stdout).toMatch(/^date\/period-year\s+错误\s+活动时间不在方案年度内$/m);
    expect(rules.stdout).toMatch(/^date\/calendar-coverage\s+提示\s/m);
    const v = await cli(['validate', 'examples/tongzhong-2020.yaml'], { env: ZH });
    expect(v.stdout).toContain('✖ 共 4 个问题（1 个错误，3 个警告）');
    expect(v.stdout).toMatch(/ 警告 {2}/);
    const clean = await cli(['validate', 'examples/shifan-2025.yaml'], { env: ZH });
    expect(clean.stdout).toBe('✔ 已检查 1 个文件，未发现问题\n');
    const md = await cli(['status', HISTORY, '--as-of', '2020-06-01', '-f', 'md'], { env: ZH });
    expect(md.stdout).toContain('## 逾期任务\n\n（无）');
  });

  it('the roll-up and the calendar', async () => {
    const r = await cli(['rollup', HISTORY, '--as-of', '2020-06-21', '--no-cache'], { env: ZH });
    expect(r.stdout).toContain('全县汇总（截至 2020-06-21）');
    expect(r.stdout).toMatch(/各乡镇完成情况[\s\S]*合计[\s\S]*各类单位汇总/);
    const ics = await cli(['export', HISTORY, '-f', 'ics', '--as-of', '2020-06-21'], { env: ZH });
    expect(ics.stdout).toContain('SUMMARY:【完成时限】1.1 主题宣讲进企业');
    expect(ics.stdout).toContain('CATEGORIES:报送事项');
    const en = await cli(['export', HISTORY, '-f', 'ics', '--as-of', '2020-06-21']);
    expect(en.stdout).toContain('SUMMARY:【Due】1.1 主题宣讲进企业');
  });

  it('a spawned process reads the locale from its environment', () => {
    const r = run(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：/);
    expect(run(['--help']).stdout).toMatch(/^Usage:/);
  });
});
