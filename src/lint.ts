// The validation pipeline, pure: parsed source → source rules (YAML, schema) → model → plan rules →
// problems with positions. No I/O; `asOf` comes in as a parameter.
import { buildPlan } from './model/build.js';
import type { IsoDate, Plan } from './model/types.js';
import type { Calendar } from './calendar/china.js';
import { RULES } from './rules/index.js';
import type { AnyRuleContext, Problem, Rule, Severity, SeveritySetting } from './rules/types.js';
import type { SchemaValidator } from './schema/validator.js';
import { positionOf, spanOf } from './source/locate.js';
import type { ParsedSource } from './source/parse.js';

export interface LintOptions {
  asOf: IsoDate;
  /** Public holidays and make-up working days (src/io/holidays.ts). */
  calendar: Calendar;
  schema: SchemaValidator;
  /** Per-rule overrides from --rule ID=off|warning|error. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  rules?: readonly Rule[];
}

export interface LocatedProblem extends Problem {
  severity: Severity;
  line: number;
  column: number;
  offset: number;
  /** Where the offending node (or text) ends: past its last character, as ESLint and SARIF count. */
  end: number;
  endLine: number;
  endColumn: number;
}

export interface LintResult {
  problems: LocatedProblem[];
  /** The model, when the YAML was readable enough to build one. */
  plan?: Plan;
}

/** Ids in code-unit order: the same on every machine, whatever its locale (and quicker than collation). */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Reported = Parameters<AnyRuleContext['report']>[0];

/** Runs every enabled rule, handing each problem over with its rule and severity; the model, when one could be built. */
function runRules(source: ParsedSource, opts: LintOptions, found: (p: Reported, rule: string, severity: Severity) => void): Plan | undefined {
  const rules = opts.rules ?? RULES;
  const contextFor = (rule: Rule, severity: Severity): AnyRuleContext => ({
    asOf: opts.asOf,
    calendar: opts.calendar,
    report: (p) => found(p, rule.id, p.note ? 'info' : severity),
  });
  const enabled = rules.flatMap((rule) => {
    const setting = opts.severities?.[rule.id] ?? rule.severity;
    return setting === 'off' ? [] : [{ rule, severity: setting }];
  });
  for (const { rule, severity } of enabled) {
    if (rule.stage === 'source') rule.check(source, { ...contextFor(rule, severity), schema: opts.schema });
  }
  if (source.data === undefined) return undefined;
  const plan = buildPlan(source.data, opts.calendar);
  for (const { rule, severity } of enabled) {
    if (rule.stage === 'plan') rule.check(plan, contextFor(rule, severity));
  }
  return plan;
}

export function lint(source: ParsedSource, opts: LintOptions): LintResult {
  // Each problem once, written out field by field: one shape for every problem (a spread of each rule's own is several times slower).
  const problems: LocatedProblem[] = [];
  const plan = runRules(source, opts, (p, rule, severity) => {
    problems.push({
      rule, messageId: p.messageId, data: p.data, path: p.path, key: p.key, needle: p.needle, occurrence: p.occurrence,
      fixes: p.fixes, note: p.note, severity, offset: p.offset ?? -1, end: p.end ?? -1, line: 0, column: 0, endLine: 0, endColumn: 0,
    });
  });
  // Positions are looked up only now, and only for the nodes that have findings.
  for (const problem of problems) {
    if (problem.offset < 0) {
      [problem.offset, problem.end] = spanOf(source, problem.path, { key: problem.key, needle: problem.needle, occurrence: problem.occurrence });
    } else if (problem.end < problem.offset) {
      problem.end = problem.offset;
    }
    const { line, column } = positionOf(source, problem.offset);
    problem.line = line;
    problem.column = column;
    const last = problem.end === problem.offset ? { line, column } : positionOf(source, problem.end);
    problem.endLine = last.line;
    problem.endColumn = last.column;
  }
  problems.sort((a, b) => a.offset - b.offset || byCode(a.rule, b.rule) || byCode(a.messageId, b.messageId));
  return { problems, plan };
}

/** The same checks, only counted (the roll-up's line per plan): no problem is kept or located. */
export function tally(source: ParsedSource, opts: LintOptions): { errors: number; warnings: number; plan?: Plan } {
  let errors = 0;
  let warnings = 0;
  const plan = runRules(source, opts, (_p, _rule, severity) => {
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
  });
  return { errors, warnings, plan };
}
