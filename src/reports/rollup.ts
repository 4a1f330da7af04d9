// `campaign rollup`: the county's table — one row per township plan, lowest completion first, with totals
// and per-unit-kind totals across plans (every 派出所 together).
import { bracket, labeller } from '../messages/labels.js';
import { signatureLabels } from './columns.js';
import type { Lang } from '../messages/types.js';
import { round, type Counts } from '../tracking/counts.js';
import type { PlanSummary } from '../rollup/summary.js';
import { completionText } from '../formats/percent.js';
import type { Doc } from '../formats/doc.js';
import { defineKind } from './kind.js';
import type { IsoDate } from '../calendar/dates.js';

export interface RollupPlan {
  file: string;
  organizer: string | null;
  title: string | null;
  period: { start: IsoDate; end: IsoDate } | null;
  tasks: number;
  done: number;
  in_progress: number;
  blocked: number;
  overdue: number;
  completion: number | null;
  lastUpdate: IsoDate | null;
  errors: number;
  warnings: number;
  /** Why the plan could not be read (its row then has no figures). */
  error?: string;
}

export interface RollupUnit extends Counts { name: string; plans: number }

export interface RollupReport {
  asOf: IsoDate;
  plans: RollupPlan[];
  totals: Counts & { plans: number; unreadable: number; errors: number; warnings: number };
  units: RollupUnit[];
}

function add(into: Counts, c: Counts): void {
  for (const k of ['done', 'in_progress', 'planned', 'blocked', 'cancelled', 'overdue', 'tasks'] as const) into[k] += c[k];
}

/** Completion over the sum (each plan's leaves counted once; weights are plan-local, so not carried). */
const completionOf = (c: Counts): number | null => (c.tasks - c.cancelled > 0 ? round(c.done / (c.tasks - c.cancelled)) : null);

/** Lowest first; a plan or unit where completion does not apply (nothing to do) comes before all. */
const byCompletion = (a: number | null, b: number | null): number => (a ?? -1) - (b ?? -1);

export function buildRollup(summaries: readonly PlanSummary[], asOf: IsoDate): RollupReport {
  const zero = (): Counts => ({ done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: 0, completion: null });
  const totals = { ...zero(), plans: summaries.length, unreadable: 0, errors: 0, warnings: 0 };
  const units = new Map<string, RollupUnit>();
  const plans: RollupPlan[] = summaries.map((s) => {
    totals.errors += s.errors;
    totals.warnings += s.warnings;
    if (s.failure) totals.unreadable++;
    add(totals, s.counts);
    for (const u of s.units) {
      const into = units.get(u.name) ?? { name: u.name, plans: 0, ...zero() };
      add(into, u);
      into.plans++;
      units.set(u.name, into);
    }
    return {
      file: s.file, organizer: s.organizer, title: s.title, period: s.period,
      tasks: s.counts.tasks, done: s.counts.done, in_progress: s.counts.in_progress, blocked: s.counts.blocked,
      overdue: s.counts.overdue, completion: s.counts.completion, lastUpdate: s.lastUpdate, errors: s.errors, warnings: s.warnings,
      ...(s.failure ? { error: s.failure } : {}),
    };
  });
  totals.completion = completionOf(totals);
  // Unreadable plans first (they need someone now), then the lowest completion: who is behind.
  plans.sort((a, b) => Number(!a.error) - Number(!b.error) || byCompletion(a.completion, b.completion) || a.file.localeCompare(b.file));
  const unitList = [...units.values()].map((u) => ({ ...u, completion: completionOf(u) })).sort((a, b) => byCompletion(a.completion, b.completion) || a.name.localeCompare(b.name));
  return { asOf, plans, totals, units: unitList };
}

export function rollupDoc(r: RollupReport, lang: Lang): Doc {
  const l = labeller(lang);
  return {
    title: `${l('rollup')}${bracket(lang, `${l('asOf')} ${r.asOf}`)}`,
    meta: [
      [l('asOf'), r.asOf],
      [l('plans'), String(r.totals.plans)],
      [l('completion'), completionText(r.totals.completion)],
      ...(r.totals.unreadable ? [[l('unreadable'), String(r.totals.unreadable)] as [string, string]] : []),
    ],
    sections: [
      {
        heading: l('byPlan'),
        table: {
          // On a narrow terminal: the row number first, then warnings, the period, the last update, blocked
          // and in-progress counts, the plan's title, its file, its errors; the organizer, the tasks, done,
          // overdue, completion and why a plan is unreadable always stay.
          columns: [
            { label: l('no'), kind: 'int', omit: 1 }, { label: l('organizer') }, { label: l('plan'), wide: true, omit: 7 }, { label: l('period'), omit: 3 },
            { label: l('tasks'), kind: 'int' }, { label: l('done'), kind: 'int' }, { label: l('in_progress'), kind: 'int', omit: 6 },
            { label: l('blocked'), kind: 'int', omit: 5 }, { label: l('overdueCount'), kind: 'int' }, { label: l('completion'), kind: 'percent' },
            { label: l('lastUpdate'), kind: 'date', omit: 4 }, { label: l('errors'), kind: 'int', omit: 9 }, { label: l('warnings'), kind: 'int', omit: 2 },
            { label: l('file'), omit: 8 }, { label: l('whyUnreadable'), wide: true },
          ],
          rows: [
            ...r.plans.map((p, i) => [
              i + 1, p.organizer, p.title, p.period ? `${p.period.start} ~ ${p.period.end}` : null,
              p.error ? null : p.tasks, p.error ? null : p.done, p.error ? null : p.in_progress, p.error ? null : p.blocked,
              p.error ? null : p.overdue, p.error ? null : p.completion, p.lastUpdate, p.errors, p.warnings, p.file, p.error ?? null,
            ]),
            [null, l('total'), null, null, r.totals.tasks, r.totals.done, r.totals.in_progress, r.totals.blocked, r.totals.overdue, r.totals.completion, null, r.totals.errors, r.totals.warnings, null, null],
          ],
        },
        chart: { bars: r.plans.filter((p) => !p.error).map((p) => ({ label: p.organizer ?? p.file, value: p.completion })) },
      },
      {
        heading: l('byUnitKind'),
        table: {
          // On a narrow terminal, as in every count table: planned, blocked, in progress, then the number of plans.
          columns: [
            { label: l('unit') }, { label: l('plans'), kind: 'int', omit: 4 }, { label: l('tasks'), kind: 'int' }, { label: l('done'), kind: 'int' },
            { label: l('in_progress'), kind: 'int', omit: 3 }, { label: l('planned'), kind: 'int', omit: 1 }, { label: l('blocked'), kind: 'int', omit: 2 },
            { label: l('overdueCount'), kind: 'int' }, { label: l('completion'), kind: 'percent' },
          ],
          rows: r.units.map((u) => [u.name, u.plans, u.tasks, u.done, u.in_progress, u.planned, u.blocked, u.overdue, u.completion]),
        },
      },
    ],
    orientation: 'landscape',
    signature: signatureLabels(lang),
  };
}

export default defineKind<RollupReport>({
  name: 'rollup',
  schemaVersion: 1,
  input: 'summaries',
  formats: ['table', 'md', 'csv', 'json', 'xlsx', 'html'],
  options: ['cache'],
  build: (summaries, { asOf }) => buildRollup(summaries, asOf),
  doc: rollupDoc,
});
