// `campaign status PLAN`: completion, counts by status, per-unit table, overdue tasks, targets.
import { Command, Option } from 'commander';
import { buildStatus, statusDoc, type StatusReport } from '../reports/status.js';
import { UserError } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import { asOfOption, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import { loadPlan } from './plan-input.js';
import { emit } from './output.js';
import type { CommandContext } from './context.js';

export default function statusCommand(ctx: CommandContext): Command {
  return new Command('status')
    .description('where the plan stands: completion, units, overdue tasks, targets (进展情况)')
    .argument('<plans...>', 'plan files, folders (every *.yaml below) or globs; - reads standard input')
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'table, md, csv, json or html (default: table)'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark')
    .addOption(langOption())
    .action(async (args: string[], opts: { asOf?: string; format?: string; output?: string; bom: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const format = resolveFormat(opts.format, ['table', 'md', 'csv', 'json', 'html'] as const, 'table');
      const asOf = resolveAsOf(opts.asOf, ctx.io);
      const files = expandInputs(args);
      const reports: { file: string; report: StatusReport }[] = [];
      for (const file of files) {
        try {
          const { name, plan } = await loadPlan(file, asOf, lang, ctx);
          reports.push({ file: name, report: buildStatus(plan, asOf, lang) });
        } catch (err) {
          // One plan that cannot be read does not stop the others (with one plan, it is the error).
          if (!(err instanceof UserError) || files.length === 1) throw err;
          ctx.reportError(err);
          ctx.exitCode = Math.max(ctx.exitCode, err.exitCode);
        }
      }
      if (files.length === 1) {
        const { report } = reports[0]!;
        await emit(statusDoc(report, lang), report, { format, output: opts.output, input: files[0], lang, bom: opts.bom }, ctx);
        return;
      }
      // Several plans: each plan's tables under its own heading (JSON: a list of reports).
      const doc = {
        meta: [],
        sections: reports.flatMap(({ file, report }) => [{ heading: `${report.plan.title}（${file}）` }, ...statusDoc(report, lang).sections]),
      };
      await emit(doc, reports.map(({ file, report }) => ({ file, ...report })), { format, output: opts.output, lang, bom: opts.bom }, ctx);
    });
}
