// `campaign weekly PLAN`: the weekly status table for the county office.
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { parseWeek } from '../tracking/dates.js';
import { buildWeekly, weeklyDoc } from '../reports/weekly.js';
import { asOfOption, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import { loadPlan } from './plan-input.js';
import { emit } from './output.js';
import type { CommandContext } from './context.js';

export default function weeklyCommand(ctx: CommandContext): Command {
  return new Command('weekly')
    .description('the weekly status table: units, this week, overdue, next week (周报表)')
    .argument('<plan>', 'plan file (YAML); - reads standard input')
    .option('-w, --week <week>', 'ISO week such as 2020-W25, judged as of its Sunday')
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'table, md, csv, json, html or xlsx (default: table)'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark')
    .addOption(langOption())
    .action(async (file: string, opts: { week?: string; asOf?: string; format?: string; output?: string; bom: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const format = resolveFormat(opts.format, ['table', 'md', 'csv', 'json', 'html', 'xlsx'] as const, 'table');
      if (opts.week && opts.asOf) throw new UserError('cli/week-and-as-of');
      let asOf: string;
      if (opts.week) {
        const week = parseWeek(opts.week);
        if (!week) throw new UserError('cli/week', { value: opts.week });
        asOf = week.to;
      } else {
        asOf = resolveAsOf(opts.asOf, ctx.io);
      }
      const { plan } = await loadPlan(file, asOf, lang, ctx);
      const report = buildWeekly(plan, asOf, lang);
      await emit(weeklyDoc(report, lang), report, { format, output: opts.output, input: file, lang, bom: opts.bom }, ctx);
    });
}
