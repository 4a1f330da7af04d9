// `campaign help CMD` is `campaign CMD --help`, in either language; an unknown CMD is a usage error
// (exit 2) with a did-you-mean, as an unknown command is.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/cli.js';
import { cli } from './helpers/in-process.js';

const ZH = { LANG: 'zh_CN.UTF-8' };

describe('campaign help CMD', () => {
  it.each(['zh', 'en'])('prints, for every command, exactly what CMD --help prints (--lang %s)', async (lang) => {
    expect(COMMAND_NAMES).toContain('validate');
    for (const name of COMMAND_NAMES) {
      const viaHelp = await cli(['help', name, '--lang', lang]);
      const viaOption = await cli([name, '--help', '--lang', lang]);
      expect([name, viaHelp.code, viaHelp.stderr]).toEqual([name, 0, '']);
      expect(viaHelp.stdout, name).toBe(viaOption.stdout);
      expect(viaHelp.stdout, name).toMatch(lang === 'zh' ? `用法： campaign ${name} ` : `Usage: campaign ${name} `);
    }
  });

  it('follows the locale as CMD --help does', async () => {
    const r = await cli(['help', 'status'], { env: ZH });
    expect(r.stdout).toBe((await cli(['status', '--help'], { env: ZH })).stdout);
    expect(r.stdout).toMatch(/^用法： campaign status/);
  });

  it('without CMD (or with help) prints the program\'s help, which lists the help command', async () => {
    const program = await cli(['--help'], { env: ZH });
    expect(await cli(['help'], { env: ZH })).toMatchObject({ code: 0, stdout: program.stdout, stderr: '' });
    expect((await cli(['help', 'help'], { env: ZH })).stdout).toBe(program.stdout);
    expect(program.stdout).toMatch(/\n {2}help \[command\] +显示某个命令的帮助/);
    expect((await cli(['--help'])).stdout).toMatch(/\n {2}help \[command\] +print the help of a command/);
  });

  it.each([
    [['help', 'statu'], ZH, '没有命令“statu”，是否应为“status”？（campaign --help 可列出全部命令）'],
    [['help', 'frobnicate'], ZH, '没有命令“frobnicate”（campaign --help 可列出全部命令）'],
    [['help', 'valdate'], {}, "unknown command 'valdate'; did you mean 'validate'? (campaign --help lists the commands)"],
  ])('an unknown command: %j exits 2 with one line', async (args, env, message) => {
    const r = await cli(args, { env });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `campaign: ${message}\n`]);
  });
});
