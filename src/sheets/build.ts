// What goes on each unit's fill-in sheet for a week: every leaf task it leads or supports, where each
// stands as of the date, and the header — unit, plan, week, and when to send it back. Pure.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Plan } from '../model/types.js';
import type { Week, IsoDate } from '../calendar/dates.js';
import { viewTasks } from '../tracking/task-view.js';
import { deadlineForWeek } from '../tracking/weeks.js';
import { SHEET_FORMAT, planFingerprint, taskFingerprint, type SheetMeta } from './layout.js';
import { shownPercent } from '../formats/percent.js';
import { weekLabel } from '../reports/weekly.js';

export interface SheetRow {
  id: string;
  task: string;
  role: 'lead' | 'support';
  due: IsoDate | null;
  status: string;
  progress: number;
  lastNote: string;
  /** The task's target metrics: its 完成值 cells to fill in. */
  metrics: string[];
}

export interface UnitSheet {
  meta: SheetMeta;
  title: string;
  /** The header block: 填报单位, 方案, 周次, 报送期限. */
  header: [string, string][];
  rows: SheetRow[];
  /** A 完成值 column per target metric of the unit's tasks, in order of first appearance. */
  metrics: { metric: string; unit?: string }[];
}

export interface SheetRequest {
  week: Week;
  /** The campaign's number for the week (第3周); null outside the period. */
  weekNo: number | null;
  /** The date the sheet shows each task's state as of. */
  asOf: IsoDate;
  lang: Lang;
  /** Only these units (ids); every unit with a task when empty. */
  units: readonly string[];
}


export function buildSheets(plan: Plan, req: SheetRequest): UnitSheet[] {
  const l = (key: Parameters<typeof label>[1]) => label(req.lang, key);
  const names = new Map(plan.units.map((u) => [u.id, u.name]));
  const views = viewTasks(plan, req.asOf).filter((v) => v.leaf && v.status !== 'cancelled');
  const wanted = plan.units.filter((u) => !u.external && (req.units.length === 0 || req.units.includes(u.id)));
  const fingerprint = planFingerprint(plan.allTasks);
  const sheets: UnitSheet[] = [];
  for (const unit of wanted) {
    const mine = views.filter((v) => v.task.lead.includes(unit.id) || v.task.support.includes(unit.id));
    if (mine.length === 0 && req.units.length === 0) continue;
    const rows = mine.map((v): SheetRow => ({
      id: v.task.id,
      task: v.task.title,
      role: v.task.lead.includes(unit.id) ? 'lead' : 'support',
      due: v.task.due ?? null,
      status: l(v.status),
      // Stryker disable next-line StringLiteral: shownPercent reads anything but 'fraction' as a percentage already
      progress: shownPercent(v.progress, 'percent'),
      lastNote: v.lastNote?.note ?? '',
      metrics: v.task.targets.map((t) => t.metric),
    }));
    const metrics = new Map<string, string | undefined>();
    for (const v of mine) for (const t of v.task.targets) if (!metrics.has(t.metric)) metrics.set(t.metric, t.unit);
    const back = deadlineForWeek(plan, unit.id, req.week);
    const header: [string, string][] = [
      [l('fillUnit'), names.get(unit.id) ?? unit.id],
      [l('plan'), plan.title ?? ''],
      [l('week'), weekLabel(req.weekNo, req.week.from, req.week.to, req.lang)],
      ...(back ? [[l('deadline'), `${back.due}${back.time ? ` ${back.time}` : ''}${req.lang === 'zh' ? '前' : ''}`] as [string, string]] : []),
    ];
    sheets.push({
      meta: {
        format: SHEET_FORMAT, planTitle: plan.title ?? '', planFingerprint: fingerprint, unit: unit.id, unitName: unit.name,
        week: req.week.week, from: req.week.from, to: req.week.to, lang: req.lang,
        tasks: mine.map((v) => ({ id: v.task.id, fingerprint: taskFingerprint(v.task) })),
      },
      title: `${plan.title ?? ''} — ${l('sheetTitle')}`,
      header,
      rows,
      metrics: [...metrics].map(([metric, unit]) => (unit ? { metric, unit } : { metric })),
    });
  }
  return sheets;
}
