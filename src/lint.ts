// The validation pipeline, pure: parsed source → source rules (YAML, schema) → model → plan rules →
// problems with positions. No I/O; `asOf` comes in as a parameter.
import { buildPlan } from './model/build.js';
import type { IsoDate, Plan } from './model/types.js';
import type { Calendar } from './calendar/china.js';
import { RULES } from './rules/index.js';
import type { AnyRuleContext, Problem, Rule, Severity, SeveritySetting } from './rules/types.js';
import type { SchemaValidator } from './schema/validator.js';
import { offsetOf, positionOf } from './source/locate.js';
import type { ParsedSource } from './source/parse.js';

export interface LintOptions {
  asOf: IsoDate;
  /** Public holidays and make-up working days (src/io/holidays.ts). */
  calendar: Calendar;
  schema: SchemaValidator;
  /** Per-rule overrides from --rule ID=off|warning|error. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  rules?: readonly Rule[];
  /**
   * Find each problem's line and column (the default). The roll-up, which only counts problems, says no:
   * then every position is 0, and no node is looked up.
   */
  locate?: boolean;
}

export interface LocatedProblem extends Problem {
  severity: Severity;
  line: number;
  column: number;
  offset: number;
}

export interface LintResult {
  problems: LocatedProblem[];
  /** The model, when the YAML was readable enough to build one. */
  plan?: Plan;
}

/** Ids in code-unit order: the same on every machine, whatever its locale (and quicker than collation). */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function lint(source: ParsedSource, opts: LintOptions): LintResult {
  const rules = opts.rules ?? RULES;
  // Each problem once, with its rule and severity; its offset is -1 until it is looked up.
  const problems: LocatedProblem[] = [];
  const contextFor = (rule: Rule, severity: Severity): AnyRuleContext => ({
    asOf: opts.asOf,
    calendar: opts.calendar,
    // Written out field by field: one shape for every problem (a spread of each rule's own is several times slower).
    report: (p) => {
      problems.push({
        rule: rule.id, messageId: p.messageId, data: p.data, path: p.path, key: p.key, needle: p.needle, occurrence: p.occurrence,
        fixes: p.fixes, note: p.note, severity: p.note ? 'info' : severity, offset: p.offset ?? -1, line: 0, column: 0,
      });
    },
  });
  const enabled = rules.flatMap((rule) => {
    const setting = opts.severities?.[rule.id] ?? rule.severity;
    return setting === 'off' ? [] : [{ rule, severity: setting }];
  });

  for (const { rule, severity } of enabled) {
    if (rule.stage === 'source') rule.check(source, { ...contextFor(rule, severity), schema: opts.schema });
  }
  let plan: Plan | undefined;
  if (source.data !== undefined) {
    plan = buildPlan(source.data, opts.calendar);
    for (const { rule, severity } of enabled) {
      if (rule.stage === 'plan') rule.check(plan, contextFor(rule, severity));
    }
  }

  if (opts.locate === false) {
    for (const problem of problems) problem.offset = 0;
    return { problems, plan };
  }
  // Positions are looked up only now, and only for the nodes that have findings.
  for (const problem of problems) {
    if (problem.offset < 0) problem.offset = offsetOf(source, problem.path, { key: problem.key, needle: problem.needle, occurrence: problem.occurrence });
    const { line, column } = positionOf(source, problem.offset);
    problem.line = line;
    problem.column = column;
  }
  problems.sort((a, b) => a.offset - b.offset || byCode(a.rule, b.rule) || byCode(a.messageId, b.messageId));
  return { problems, plan };
}
