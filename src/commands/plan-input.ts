// Reading a plan for the tracking commands: the model even when validation finds errors (with a
// note on stderr), a clear refusal when the YAML cannot be read at all.
import type { CliIO } from '../io/cli-io.js';
import { readSource } from '../io/read.js';
import { planValidator } from '../io/schemas.js';
import { loadCalendar } from '../io/holidays.js';
import { UserError } from '../errors.js';
import { lint } from '../lint.js';
import { formatMessage, type Lang } from '../messages/index.js';
import type { Plan } from '../model/types.js';
import { parseSource } from '../source/parse.js';
import type { CommandContext } from './context.js';

export interface LoadedPlan { name: string; plan: Plan; errors: number; warnings: number }

export async function loadPlan(file: string, asOf: string, lang: Lang, ctx: CommandContext, io: CliIO = ctx.io): Promise<LoadedPlan> {
  const source = await readSource(file, io.stdin);
  const parsed = parseSource(source.text);
  const { problems, plan } = lint(parsed, { asOf, schema: planValidator(), calendar: loadCalendar() });
  if (!plan) {
    const first = problems.find((p) => p.severity === 'error')!;
    throw new UserError('plan/unreadable', {
      file: source.name, line: first.line, column: first.column, message: formatMessage(first.messageId, first.data, lang),
    }, 1);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  // Only errors that leave parts of the plan out of the model can make the figures wrong.
  const dropping = problems.filter((p) => p.severity === 'error' && (p.rule === 'schema' || p.rule === 'yaml/duplicate-key')).length;
  if (dropping) ctx.reportError(new UserError('plan/has-errors', { file: source.name, errors: dropping }));
  return { name: source.name, plan, errors, warnings: problems.filter((p) => p.severity === 'warning').length };
}
