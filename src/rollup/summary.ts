// One plan's line in the county roll-up: what validation found, and the counts as of a date. Pure.
import type { Calendar } from '../calendar/china.js';
import { canonicalUnitName } from '../data/units.js';
import { lint, tally } from '../lint.js';
import type { Problem } from '../rules/types.js';
import type { SchemaValidator } from '../schema/validator.js';
import { parseSource } from '../source/parse.js';
import { countLeaves, type Counts } from '../tracking/counts.js';
import { viewTasks, type TaskView } from '../tracking/task-view.js';
import type { PlanSettings } from '../config/types.js';
import type { IsoDate } from '../calendar/dates.js';

export interface UnitCounts extends Counts { name: string }

export interface PlanSummary {
  file: string;
  organizer: string | null;
  title: string | null;
  period: { start: IsoDate; end: IsoDate } | null;
  counts: Counts;
  lastUpdate: IsoDate | null;
  errors: number;
  warnings: number;
  /** Per unit, by the unit's usual name (市场监管所 counts as 市场所). */
  units: UnitCounts[];
  /** Set when the plan could not be read at all. */
  failure?: string;
  /** Why: the file could not be read (io), or its YAML could not (plan). */
  failedOn?: 'io' | 'plan';
}

/** `settings`: the plan's configuration's (rule severities, reporting settings over the plan's own). */
export interface SummaryOptions { asOf: IsoDate; schema: SchemaValidator; calendar: Calendar; describe: (problem: Problem) => string; settings?: PlanSettings }

export function summarisePlan(file: string, text: string, opts: SummaryOptions): PlanSummary {
  // Only counted: no problem is located (nor any position recorded), unless the plan cannot be read and
  // its first error is the row's reason.
  const source = parseSource(text, { positions: false });
  const lintOpts = { asOf: opts.asOf, schema: opts.schema, calendar: opts.calendar, ...opts.settings };
  const { errors, warnings, plan } = tally(source, lintOpts);
  const empty = countLeaves([]);
  if (!plan) {
    const first = lint(source, lintOpts).problems.find((p) => p.severity === 'error')!;
    return {
      file, organizer: null, title: null, period: null, counts: empty, lastUpdate: null, errors, warnings, units: [],
      failure: `${first.line}:${first.column} ${opts.describe(first)}`, failedOn: 'plan',
    };
  }
  const leaves = viewTasks(plan, opts.asOf).filter((v) => v.leaf);
  let lastUpdate: IsoDate | null = null;
  for (const v of leaves) if (v.lastUpdate && (!lastUpdate || v.lastUpdate.date > lastUpdate)) lastUpdate = v.lastUpdate.date;
  // Each unit's leaves, in one pass (a task that names its lead twice counts once).
  const led = new Map<string, TaskView[]>();
  for (const v of leaves) {
    for (const id of v.task.lead) {
      const list = led.get(id);
      if (!list) led.set(id, [v]);
      else if (list[list.length - 1] !== v) list.push(v);
    }
  }
  const units = plan.units
    .map((u) => ({ name: canonicalUnitName(u.name), ...countLeaves(led.get(u.id) ?? []) }))
    .filter((u) => u.tasks > 0);
  return {
    file, organizer: plan.organizer ?? null, title: plan.title ?? null, period: plan.period ?? null,
    counts: countLeaves(leaves), lastUpdate, errors, warnings, units,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isCounts = (c: unknown): boolean =>
  isObj(c) && ['done', 'in_progress', 'planned', 'blocked', 'cancelled', 'overdue', 'tasks'].every((k) => isInt(c[k]))
  && (c.completion === null || (typeof c.completion === 'number' && c.completion >= 0 && c.completion <= 1));
const isTextOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** Whether a value (read back from the cache) has the shape of a summary: anything else is ignored. */
export function isPlanSummary(v: unknown): v is PlanSummary {
  return isObj(v) && typeof v.file === 'string' && isTextOrNull(v.organizer) && isTextOrNull(v.title) && isTextOrNull(v.lastUpdate)
    && (v.period === null || (isObj(v.period) && typeof v.period.start === 'string' && typeof v.period.end === 'string'))
    && isCounts(v.counts) && isInt(v.errors) && isInt(v.warnings)
    && Array.isArray(v.units) && v.units.every((u) => isObj(u) && typeof u.name === 'string' && isCounts(u))
    && (v.failure === undefined || typeof v.failure === 'string');
}
