// Reading a plan for the tracking commands: the model even when validation finds errors (with a
// note on stderr), a clear refusal when the YAML cannot be read at all.
import type { CliIO } from '../io/cli-io.js';
import { readSource } from '../io/read.js';
import { planValidator } from '../io/schemas.js';
import { loadCalendar } from '../io/holidays.js';
import { UserError } from '../errors.js';
import { lint } from '../lint.js';
import { RULES } from '../rules/index.js';
import { formatProblem, type Lang } from '../messages/index.js';
import type { Plan } from '../model/types.js';
import { parseSource } from '../source/parse.js';
import type { CommandContext } from './context.js';

export interface LoadedPlan { name: string; plan: Plan }

// Reports need the model, and a word when the schema left parts of it out — not the semantic rules
// (that is what validate is for): only the YAML and schema checks run here.
const READ_RULES = RULES.filter((r) => r.stage === 'source');

export async function loadPlan(file: string, asOf: string, lang: Lang, ctx: CommandContext, io: CliIO = ctx.io): Promise<LoadedPlan> {
  const source = await readSource(file, io.stdin);
  const parsed = parseSource(source.text);
  const { problems, plan } = lint(parsed, { asOf, schema: planValidator(), calendar: loadCalendar(), rules: READ_RULES });
  if (!plan) {
    const first = problems.find((p) => p.severity === 'error')!;
    throw new UserError('plan/unreadable', {
      file: source.name, line: first.line, column: first.column, message: formatProblem(first, lang),
    }, 1);
  }
  // Only errors that leave parts of the plan out of the model can make the figures wrong.
  const dropping = problems.filter((p) => p.severity === 'error' && (p.rule === 'schema' || p.rule === 'yaml/duplicate-key')).length;
  if (dropping) ctx.reportError(new UserError('plan/has-errors', { file: source.name, errors: dropping }));
  return { name: source.name, plan };
}
