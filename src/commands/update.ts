// `campaign update PLAN TASK-ID …`: records progress in the plan file itself, changing only the lines
// it must (comments, layout and quoting stay), atomically, and never over someone else's change.
import { visible } from '../text/visible.js';
import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import type { EditOp } from '../edit/apply.js';
import { reportUpdateOps, taskUpdateOps } from '../edit/progress-update.js';
import { RequestError } from '../edit/errors.js';
import type { MessageData, ToolMessageKey } from '../messages/types.js';
import { formatMessage } from '../messages/index.js';
import { STATUSES, type Plan } from '../model/types.js';
import { checkDate, collect, offers } from './options.js';
import { runConfig, withConfigOptions, type ConfigOptions } from './config-input.js';
import { helpText, type HelpKey } from '../messages/help.js';
import { LocalCommand } from './program.js';
import type { CommandContext } from './context.js';
import { diffOf, editedText, editLocked, refuseUneditable, writeIfUnchanged } from './plan-edit.js';

interface UpdateOptions extends ConfigOptions {
  status?: string; progress?: string; note?: string; problems?: string; next?: string; by?: string; date?: string;
  actual?: string[]; target?: string[]; unit?: string; solved?: boolean;
  report?: string; submitted?: string; dryRun?: boolean;
}

export default function updateCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  const cmd = new LocalCommand('update', ctx.lang)
    .description(t('cmd.update'))
    .argument('<plan>', t('arg.plan'))
    .argument('[task]', t('arg.task'))
    .addOption(offers(new Option('-s, --status <status>', t('opt.status')), STATUSES))
    .option('-p, --progress <n>', t('opt.progress'))
    .option('-n, --note <text>', t('opt.note'))
    .option('--problems <text>', t('opt.problems'))
    .option('--next <text>', t('opt.next'))
    .option('--by <unit>', t('opt.by'))
    .option('--solved', t('opt.solved'))
    .option('-d, --date <date>', t('opt.date'))
    .option('--actual <metric=n>', t('opt.actual'), collect, [])
    .option('--target <metric=n>', t('opt.target'), collect, [])
    .option('--unit <unit>', t('opt.measure'))
    .option('--report <id>', t('opt.report'))
    .option('--submitted <date>', t('opt.submitted'))
    .option('--dry-run', t('opt.dryRun'));
  return withConfigOptions(cmd, ctx.lang)
    .action(async (file: string, taskId: string | undefined, opts: UpdateOptions) => {
      // Its configuration gives only the language of what update says (it checks no rules).
      runConfig([file], opts, ctx);
      await refuseUneditable(file);
      await editLocked(file, async ({ source, plan }) => {
        const { ops, done } = changes(plan, file, taskId, opts, ctx);
        const text = editedText(source, ops);
        if (opts.dryRun) {
          ctx.io.stdout(visible(diffOf(source, text)));
          return;
        }
        await writeIfUnchanged(source, text);
        ctx.io.stdout(`${visible(done)}\n`);
      });
    });
}

/** The edits the options ask for, and the line that says what was recorded. */
function changes(plan: Plan, file: string, taskId: string | undefined, opts: UpdateOptions, ctx: CommandContext): { ops: EditOp[]; done: string } {
  try {
    if (opts.report !== undefined || opts.submitted !== undefined) {
      if (taskId !== undefined || opts.report === undefined || opts.submitted === undefined) throw new UserError('update/report-usage');
      const ops = reportUpdateOps(plan, { report: opts.report, submitted: checkDate(opts.submitted, '--submitted') });
      return { ops, done: formatMessage('update/report-done', { id: opts.report, date: opts.submitted, file }, ctx.lang) };
    }
    if (taskId === undefined) throw new UserError('update/no-task');
    const date = opts.date === undefined ? ctx.io.today() : checkDate(opts.date, '--date');
    const r = taskUpdateOps(plan, {
      task: taskId, date, status: opts.status, progress: opts.progress, note: opts.note, problems: opts.problems, next: opts.next,
      by: opts.by, actual: opts.actual, target: opts.target, unit: opts.unit, solved: opts.solved, dateGiven: opts.date !== undefined,
    });
    const { id, title } = r.task;
    const done = [
      ...(r.target ? [formatMessage('update/target-added', { file, id, title, metric: r.target.metric, target: r.target.target, unit: r.target.unit, actual: r.target.actual }, ctx.lang)] : []),
      ...(r.entry ? [formatMessage('update/done', { id, title, entry: r.entry, file }, ctx.lang)] : []),
    ];
    return { ops: r.ops, done: done.join('\n') };
  } catch (err) {
    // The edit layer says what it cannot do; here that becomes a usage error (exit 2).
    // Same message, same data: only the error's type changes.
    if (err instanceof RequestError) throw new UserError<ToolMessageKey>(err.messageId, err.data as MessageData[ToolMessageKey]);
    throw err;
  }
}
