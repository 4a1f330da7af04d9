// The validation pipeline, pure: parsed source → source rules (YAML, schema) → model → plan rules →
// problems with positions → the plan's inline campaign-disable comments applied (src/disables/), and
// the rules on those comments. No I/O; `asOf` comes in as a parameter.
import { buildPlan } from './model/build.js';
import { applyDisables } from './disables/apply.js';
import { findDirectives, type Directive } from './disables/parse.js';
import { configuredPlan } from './config/types.js';
import type { Plan } from './model/types.js';
import type { Calendar } from './calendar/china.js';
import { RULES } from './rules/index.js';
import { MAX_PER_TEXT, type AnyRuleContext, type Problem, type Rule, type Severity, type SeveritySetting } from './rules/types.js';
import type { SchemaValidator } from './schema/validator.js';
import { positionOf, spanOf } from './source/locate.js';
import { parseSource, type ParsedSource } from './source/parse.js';
import type { IsoDate } from './calendar/dates.js';

export interface LintOptions {
  asOf: IsoDate;
  /** Public holidays and make-up working days (src/io/holidays.ts). */
  calendar: Calendar;
  schema: SchemaValidator;
  /** Per-rule overrides: a config file's `rules`, and --rule ID=off|warning|error over them. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Settings a config file gives over the plan's own `reporting` (week start, the 督办灯's thresholds). */
  reporting?: Readonly<Partial<Plan['reporting']>>;
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

type Enabled = { rule: Rule; severity: Severity }[];

const contextFor = (opts: LintOptions, rule: Rule, severity: Severity, found: (p: Reported, rule: string, severity: Severity) => void): AnyRuleContext => ({
  asOf: opts.asOf,
  calendar: opts.calendar,
  report: (p) => found(p, rule.id, p.note ? 'info' : severity),
});

/** The rules to run, each with the severity the settings give it (none that are off). */
const enabledRules = (opts: LintOptions): Enabled => (opts.rules ?? RULES).flatMap((rule) => {
  const setting = opts.severities?.[rule.id] ?? rule.severity;
  return setting === 'off' ? [] : [{ rule, severity: setting }];
});

/** Runs every enabled rule, handing each problem over with its rule and severity; the model, when one could be built. */
function runRules(source: ParsedSource, opts: LintOptions, enabled: Enabled, found: (p: Reported, rule: string, severity: Severity) => void): Plan | undefined {
  for (const { rule, severity } of enabled) {
    if (rule.stage === 'source') rule.check(source, { ...contextFor(opts, rule, severity, found), schema: opts.schema });
  }
  if (source.data === undefined) return undefined;
  const plan = configuredPlan(buildPlan(source.data, opts.calendar), opts.reporting);
  for (const { rule, severity } of enabled) {
    if (rule.stage === 'plan') rule.check(plan, contextFor(opts, rule, severity, found));
  }
  return plan;
}

/** Looks up the positions of problems not yet located: only now, and only for the nodes that have findings. */
function locate(source: ParsedSource, problems: LocatedProblem[]): void {
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
}

/** Every rule id there is: a directive naming another is a typo. */
const KNOWN_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** The findings the plan's campaign-disable comments leave, and what the lint/* rules say about those comments. */
function silence(source: ParsedSource, opts: LintOptions, enabled: Enabled, directives: readonly Directive[], problems: LocatedProblem[], collect: (into: LocatedProblem[]) => (p: Reported, rule: string, severity: Severity) => void): LocatedProblem[] {
  const known = opts.rules ? new Set([...KNOWN_IDS, ...opts.rules.map((r) => r.id)]) : KNOWN_IDS;
  const { kept, outcome } = applyDisables(problems, directives, known, (offset) => source.position(offset).line);
  const more: LocatedProblem[] = [];
  for (const { rule, severity } of enabled) {
    if (rule.stage === 'directives') rule.check(outcome, contextFor(opts, rule, severity, collect(more)));
  }
  locate(source, more);
  return [...kept, ...more];
}

export function lint(source: ParsedSource, opts: LintOptions): LintResult {
  // Each problem once, written out field by field: one shape for every problem (a spread of each rule's own is several times slower).
  // At most MAX_PER_TEXT findings of one kind in one text: each is looked for in the text when located.
  const perText = new Map<string, number>();
  const collect = (into: LocatedProblem[]) => (p: Reported, rule: string, severity: Severity) => {
    if (p.needle !== undefined) {
      const key = `${rule}\0${p.messageId}\0${p.path.join('\0')}`;
      const n = (perText.get(key) ?? 0) + 1;
      perText.set(key, n);
      if (n > MAX_PER_TEXT) return;
    }
    into.push({
      rule, messageId: p.messageId, data: p.data, path: p.path, key: p.key, needle: p.needle, occurrence: p.occurrence,
      fixes: p.fixes, note: p.note, severity, offset: p.offset ?? -1, end: p.end ?? -1, line: 0, column: 0, endLine: 0, endColumn: 0,
    });
  };
  let problems: LocatedProblem[] = [];
  const enabled = enabledRules(opts);
  const plan = runRules(source, opts, enabled, collect(problems));
  locate(source, problems);
  const directives = findDirectives(source.text, source.data);
  if (directives.length) {
    problems.sort((a, b) => a.offset - b.offset);
    problems = silence(source, opts, enabled, directives, problems, collect);
  }
  problems.sort((a, b) => a.offset - b.offset || byCode(a.rule, b.rule) || byCode(a.messageId, b.messageId));
  return { problems, plan };
}

/** The same checks, only counted (the roll-up's line per plan): no problem is kept or located. */
export function tally(source: ParsedSource, opts: LintOptions): { errors: number; warnings: number; plan?: Plan } {
  // A plan with campaign-disable comments: which findings they silence depends on where each is, so each is
  // located (read again with its node table: looking up thousands of nodes without one takes seconds).
  if (findDirectives(source.text, source.data).length) {
    const { problems, plan } = lint(parseSource(source.text), opts);
    return { errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length, plan };
  }
  let errors = 0;
  let warnings = 0;
  const plan = runRules(source, opts, enabledRules(opts), (_p, _rule, severity) => {
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
  });
  return { errors, warnings, plan };
}
