// `campaign rollup FILES|DIRS`: the county table — every township's plan in one row, lowest completion first.
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import { cacheDir } from '../io/cache.js';
import { buildRollup, rollupDoc } from '../reports/rollup.js';
import { summariseAll } from '../rollup/pool.js';
import { asOfOption, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import { emit } from './output.js';
import type { CommandContext } from './context.js';

export default function rollupCommand(ctx: CommandContext): Command {
  return new Command('rollup')
    .description("every township's plan in one county table, lowest completion first (全县汇总)")
    .argument('<plans...>', 'plan files, folders (every *.yaml below) or globs')
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'table, md, csv, json, xlsx or html (default: table)'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark')
    .option('--no-cache', 'read every plan again (results are cached by content otherwise)')
    .addOption(langOption())
    .action(async (args: string[], opts: { asOf?: string; format?: string; output?: string; bom: boolean; cache: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const format = resolveFormat(opts.format, ['table', 'md', 'csv', 'json', 'xlsx', 'html'] as const, 'table');
      const asOf = resolveAsOf(opts.asOf, ctx.io);
      const files = expandInputs(args).filter((f) => f !== '-');
      if (files.length === 0) throw new UserError('rollup/no-plans', { args });
      // A progress bar on a terminal while more than a handful of files are read.
      const bar = ctx.io.stderrIsTTY && files.length > 5;
      const progress = (done: number) => {
        const width = 30;
        const filled = Math.round((done / files.length) * width);
        ctx.io.stderr(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${files.length}`);
      };
      const summaries = await summariseAll({ files, asOf, lang, cache: opts.cache ? cacheDir(ctx.io.env) : undefined }, bar ? progress : undefined);
      if (bar) ctx.io.stderr('\r\u001b[K');
      const report = buildRollup(summaries, asOf);
      await emit(rollupDoc(report, lang), report, { format, output: opts.output, lang, bom: opts.bom }, ctx);
      if (report.totals.unreadable) ctx.exitCode = 1;
    });
}
