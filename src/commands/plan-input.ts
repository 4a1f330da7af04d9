// Reading a plan for the report commands: the model even when validation finds errors (then one line
// on stderr names them, and the outcome says so), a clear refusal when the YAML cannot be read at all.
import type { CliIO } from '../io/cli-io.js';
import { readSource } from '../io/read.js';
import { planValidator } from '../io/schemas.js';
import { loadCalendar } from '../io/holidays.js';
import { UserError } from '../errors.js';
import { lint } from '../lint.js';
import { formatProblem, type Lang } from '../messages/index.js';
import type { Plan } from '../model/types.js';
import { parseSource } from '../source/parse.js';
import type { PlanSettings } from '../config/types.js';

export interface LoadedPlan {
  name: string;
  plan: Plan;
  /** Error findings by rule id: figures drawn from a plan with errors may be wrong. */
  errors: { count: number; rules: string[] };
}

/** `settings`: the plan's configuration's (rule severities, reporting settings over the plan's own). */
export async function loadPlan(file: string, asOf: string, lang: Lang, io: CliIO, settings: PlanSettings = {}): Promise<LoadedPlan> {
  const source = await readSource(file, io.stdin);
  const { problems, plan } = lint(parseSource(source.text), { asOf, schema: planValidator(), calendar: loadCalendar(), ...settings });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!plan) {
    const first = errors[0]!;
    throw new UserError('plan/unreadable', {
      file: source.name, line: first.line, column: first.column, message: formatProblem(first, lang),
    }, 'findings');
  }
  return { name: source.name, plan, errors: { count: errors.length, rules: [...new Set(errors.map((p) => p.rule))] } };
}
