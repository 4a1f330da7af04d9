// `campaign export PLAN`: one row per task, for Excel/WPS (CSV, XLSX), calendars (ICS) and scripts (JSON).
import { Command, Option } from 'commander';
import { buildExport, exportDoc } from '../reports/export.js';
import { asOfOption, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import { loadPlan } from './plan-input.js';
import { emit } from './output.js';
import type { CommandContext } from './context.js';

export default function exportCommand(ctx: CommandContext): Command {
  return new Command('export')
    .description('every task as CSV, XLSX, iCalendar or JSON (导出任务清单)')
    .argument('<plan>', 'plan file (YAML); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'csv, xlsx, ics or json (default: csv)'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark')
    .addOption(asOfOption())
    .addOption(langOption())
    .action(async (file: string, opts: { asOf?: string; format?: string; output?: string; bom: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const format = resolveFormat(opts.format, ['csv', 'xlsx', 'ics', 'json'] as const, 'csv');
      const asOf = resolveAsOf(opts.asOf, ctx.io);
      const { plan } = await loadPlan(file, asOf, lang, ctx);
      const report = buildExport(plan, asOf);
      await emit(exportDoc(report, lang), format === 'json' ? report.tasks : report, { format, output: opts.output, input: file, lang, bom: opts.bom }, ctx);
    });
}
