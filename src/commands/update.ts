// `campaign update PLAN TASK-ID …`: records progress in the plan file itself, changing only the lines
// it must (comments, layout and quoting stay), atomically, and never over someone else's change.
import { Command, Option } from 'commander';
import { createPatch } from 'diff';
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { EditOp } from '../edit/apply.js';
import { checkDate, reportUpdateOps, taskUpdateOps } from '../edit/progress-update.js';
import { readPlanFile } from '../io/read.js';
import { withLock } from '../io/lock.js';
import { loadCalendar } from '../io/holidays.js';
import { formatMessage } from '../messages/index.js';
import { buildPlan } from '../model/build.js';
import { parseSource } from '../source/parse.js';
import { positionOf } from '../source/locate.js';
import { collect, langOption, resolveLang } from './options.js';
import type { CommandContext } from './context.js';
import { editedText, writeIfUnchanged } from './plan-edit.js';

interface UpdateOptions {
  status?: string; progress?: string; note?: string; by?: string; date?: string; actual?: string[];
  report?: string; submitted?: string; dryRun?: boolean; lang?: string;
}

export default function updateCommand(ctx: CommandContext): Command {
  return new Command('update')
    .description('record progress in the plan, keeping its comments and layout (记录进展)')
    .argument('<plan>', 'plan file (YAML)')
    .argument('[task]', 'task id, e.g. 1.2')
    .option('-s, --status <status>', 'planned, in_progress, done, blocked, cancelled (or 未开始, 进行中, 已完成, 受阻, 已取消)')
    .option('-p, --progress <n>', 'percent complete, 0 to 100')
    .option('-n, --note <text>', 'what was done (进展情况)')
    .option('--by <unit>', 'the reporting unit (id or name)')
    .option('-d, --date <date>', 'date of the entry, YYYY-MM-DD (default: today)')
    .option('--actual <metric=n>', "set a target's actual value (repeatable)", collect, [])
    .addOption(new Option('--report <id>', 'mark a report as submitted (with --submitted)'))
    .option('--submitted <date>', 'the date the report was submitted')
    .option('--dry-run', 'print the change as a diff instead of writing it')
    .addOption(langOption())
    .action(async (file: string, taskId: string | undefined, opts: UpdateOptions) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      if (file === '-') throw new UserError('update/stdin');
      if (!existsSync(file)) await readPlanFile(file); // the plain "no such file" (or folder) message
      // One writer at a time: the plan is read, changed and written under the lock.
      await withLock(file, async () => {
        const source = await readPlanFile(file);
        const parsed = parseSource(source.text);
        const broken = parsed.issues[0];
        if (broken || parsed.data === undefined) {
          const { line, column } = positionOf(parsed, broken?.offset ?? 0);
          throw new UserError('update/syntax', { file, line, column, message: broken?.message.split('\n')[0] ?? '' }, 1);
        }
        const plan = buildPlan(parsed.data, loadCalendar());

        let ops: EditOp[];
        let done: string;
        if (opts.report !== undefined || opts.submitted !== undefined) {
          if (taskId !== undefined || opts.report === undefined || opts.submitted === undefined) throw new UserError('update/report-usage');
          ops = reportUpdateOps(plan, { report: opts.report, submitted: checkDate(opts.submitted, '--submitted') });
          done = formatMessage('update/report-done', { id: opts.report, date: opts.submitted, file }, lang);
        } else {
          if (taskId === undefined) throw new UserError('update/no-task');
          const date = opts.date === undefined ? ctx.io.today() : checkDate(opts.date, '--date');
          const r = taskUpdateOps(plan, { task: taskId, date, status: opts.status, progress: opts.progress, note: opts.note, by: opts.by, actual: opts.actual });
          ops = r.ops;
          done = formatMessage('update/done', { id: r.task.id, title: r.task.title, entry: r.entry, file }, lang);
        }

        const text = editedText(source, ops);
        if (opts.dryRun) {
          ctx.io.stdout(createPatch(file, source.text, text, '', ''));
          return;
        }
        await writeIfUnchanged(source, text);
        ctx.io.stdout(`${done}\n`);
      });
    });
}
