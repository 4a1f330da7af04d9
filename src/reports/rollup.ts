// `campaign rollup`: the county's table — one row per township plan, lowest completion first, with totals
// and per-unit-kind totals across plans (every 派出所 together).
import type { IsoDate } from '../model/types.js';
import { labeller } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { round, type Counts } from '../tracking/counts.js';
import type { PlanSummary } from '../rollup/summary.js';
import type { Doc } from './doc.js';

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
  completion: number;
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
const completionOf = (c: Counts) => (c.tasks - c.cancelled > 0 ? round(c.done / (c.tasks - c.cancelled)) : 0);

export function buildRollup(summaries: readonly PlanSummary[], asOf: IsoDate): RollupReport {
  const zero = (): Counts => ({ done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: 0, completion: 0 });
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
  plans.sort((a, b) => Number(!a.error) - Number(!b.error) || a.completion - b.completion || a.file.localeCompare(b.file));
  const unitList = [...units.values()].map((u) => ({ ...u, completion: completionOf(u) })).sort((a, b) => a.completion - b.completion || a.name.localeCompare(b.name));
  return { asOf, plans, totals, units: unitList };
}

export function rollupDoc(r: RollupReport, lang: Lang): Doc {
  const l = labeller(lang);
  const zh = lang === 'zh';
  return {
    title: zh ? `全县汇总（截至 ${r.asOf}）` : `County roll-up (as of ${r.asOf})`,
    meta: [
      [l('asOf'), r.asOf],
      [zh ? '方案数' : 'Plans', String(r.totals.plans)],
      [l('completion'), `${(r.totals.completion * 100).toFixed(1)}%`],
      ...(r.totals.unreadable ? [[zh ? '无法读取' : 'Unreadable', String(r.totals.unreadable)] as [string, string]] : []),
    ],
    sections: [
      {
        heading: zh ? '各乡镇完成情况' : 'By plan',
        table: {
          columns: [
            { label: l('no'), kind: 'int' }, { label: l('organizer') }, { label: zh ? '方案' : 'Plan', wide: true }, { label: l('period') },
            { label: l('tasks'), kind: 'int' }, { label: l('done'), kind: 'int' }, { label: l('in_progress'), kind: 'int' },
            { label: l('blocked'), kind: 'int' }, { label: l('overdueCount'), kind: 'int' }, { label: l('completion'), kind: 'percent' },
            { label: l('lastUpdate'), kind: 'date' }, { label: zh ? '错误' : 'Errors', kind: 'int' }, { label: zh ? '警告' : 'Warnings', kind: 'int' },
            { label: zh ? '文件' : 'File' }, { label: zh ? '无法读取的原因' : 'Why unreadable', wide: true },
          ],
          rows: [
            ...r.plans.map((p, i) => [
              i + 1, p.organizer, p.title, p.period ? `${p.period.start} ~ ${p.period.end}` : null,
              p.error ? null : p.tasks, p.error ? null : p.done, p.error ? null : p.in_progress, p.error ? null : p.blocked,
              p.error ? null : p.overdue, p.error ? null : p.completion, p.lastUpdate, p.errors, p.warnings, p.file, p.error ?? null,
            ]),
            [null, zh ? '合计' : 'Total', null, null, r.totals.tasks, r.totals.done, r.totals.in_progress, r.totals.blocked, r.totals.overdue, r.totals.completion, null, r.totals.errors, r.totals.warnings, null, null],
          ],
        },
        chart: { bars: r.plans.filter((p) => !p.error).map((p) => ({ label: p.organizer ?? p.file, value: p.completion })) },
      },
      {
        heading: zh ? '各类单位汇总' : 'By kind of unit',
        table: {
          columns: [
            { label: l('unit') }, { label: zh ? '方案数' : 'Plans', kind: 'int' }, { label: l('tasks'), kind: 'int' }, { label: l('done'), kind: 'int' },
            { label: l('in_progress'), kind: 'int' }, { label: l('planned'), kind: 'int' }, { label: l('blocked'), kind: 'int' },
            { label: l('overdueCount'), kind: 'int' }, { label: l('completion'), kind: 'percent' },
          ],
          rows: r.units.map((u) => [u.name, u.plans, u.tasks, u.done, u.in_progress, u.planned, u.blocked, u.overdue, u.completion]),
        },
      },
    ],
  };
}
