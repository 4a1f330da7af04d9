// `campaign status PLAN`: completion, counts by status, per-unit table, overdue tasks, targets.
import { Command, Option } from 'commander';
import { buildStatus, statusDoc } from '../reports/status.js';
import { asOfOption, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import { loadPlan } from './plan-input.js';
import { emit } from './output.js';
import type { CommandContext } from './context.js';

export default function statusCommand(ctx: CommandContext): Command {
  return new Command('status')
    .description('where the plan stands: completion, units, overdue tasks, targets (进展情况)')
    .argument('<plan>', 'plan file (YAML); - reads standard input')
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'table, md, csv, json or html (default: table)'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark')
    .addOption(langOption())
    .action(async (file: string, opts: { asOf?: string; format?: string; output?: string; bom: boolean; lang?: string }) => {
      const lang = (ctx.lang = resolveLang(opts.lang, ctx.io));
      const format = resolveFormat(opts.format, ['table', 'md', 'csv', 'json', 'html'] as const, 'table');
      const asOf = resolveAsOf(opts.asOf, ctx.io);
      const { plan } = await loadPlan(file, asOf, lang, ctx);
      const report = buildStatus(plan, asOf, lang);
      await emit(statusDoc(report, lang), report, { format, output: opts.output, input: file, lang, bom: opts.bom }, ctx);
    });
}
