// `campaign report PLAN`: the progress report (Markdown, self-contained HTML, JSON).
import { Command, Option } from 'commander';
import { buildProgress, progressDoc } from '../reports/progress.js';
import { asOfOption, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import { loadPlan } from './plan-input.js';
import { emit } from './output.js';
import type { CommandContext } from './context.js';

export default function reportCommand(ctx: CommandContext): Command {
  return new Command('report')
    .description('the progress report, with a chart and a timeline in HTML (活动进展报告)')
    .argument('<plan>', 'plan file (YAML); - reads standard input')
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'md, html, json or table (default: md)'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addOption(langOption())
    .action(async (file: string, opts: { asOf?: string; format?: string; output?: string; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const format = resolveFormat(opts.format, ['md', 'html', 'json', 'table'] as const, 'md');
      const asOf = resolveAsOf(opts.asOf, ctx.io);
      const { plan } = await loadPlan(file, asOf, lang, ctx);
      const report = buildProgress(plan, asOf, lang);
      await emit(progressDoc(report, lang), report, { format, output: opts.output, input: file, lang }, ctx);
    });
}
