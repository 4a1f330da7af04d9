// Turns `campaign update` options into edits of the plan, after checking every id, unit, status,
// number and date against the plan. Pure: the command does the reading and writing.
import { RequestError } from './errors.js';
import { normaliseStatus } from '../model/build.js';
import { nearest } from '../model/nearest.js';
import { unitByWord } from '../model/units.js';
import { STATUSES, STATUS_ALIASES, type Plan, type RawTarget, type Task, type Update } from '../model/types.js';
import { figureOf, stateAsOf } from '../model/status-at.js';
import { laterOf, type IsoDate } from '../calendar/dates.js';
import { FIGURE_LIMIT, figureText, progressText } from '../text/figures.js';
import type { EditOp } from './apply.js';

export interface TaskUpdateRequest {
  task: string;
  date: IsoDate;
  status?: string;
  progress?: string;
  note?: string;
  problems?: string;
  next?: string;
  by?: string;
  /** "METRIC=N": set the actual value of a target (one of the task's, or one added with `target`). */
  actual?: string[];
  /** "METRIC=N": add a target the task does not have yet (given once: a list, to say so when it is not). */
  target?: string[];
  /** The unit of measure of the target added, e.g. 场. */
  unit?: string;
  /** Reports the open problems solved: the unit's own with `by`, else every one of the task. */
  solved?: boolean;
  /** Whether the date was given (-d), or is today's. */
  dateGiven?: boolean;
}

/**
 * "宣讲场次=8" as a metric and a number ≥ 0 read as collect reads a 完成值 (８, 1,200, 8场; never 0x10 or 1e1),
 * or undefined; a number past FIGURE_LIMIT is refused with its own message.
 */
function metricValue(text: string, option: '--actual' | '--target'): { metric: string; value: number } | undefined {
  const m = /^(.+?)=(.+)$/.exec(text);
  if (!m || !m[1]!.trim()) return undefined;
  const value = figureText(m[2]!);
  if (typeof value === 'object') throw new RequestError('update/figure-limit', { option, value: text, limit: FIGURE_LIMIT });
  return value === undefined ? undefined : { metric: m[1]!.trim(), value };
}

/** The target `--target` adds, with `--unit`: one a command (so that the unit is its own), never a second of a metric. */
function newTarget(task: Task, req: TaskUpdateRequest): RawTarget | undefined {
  const unit = req.unit?.trim();
  if (req.unit !== undefined && !req.target?.length) throw new RequestError('update/unit-alone');
  if (req.unit !== undefined && !unit) throw new RequestError('update/unit-empty');
  if (!req.target?.length) return undefined;
  if (req.target.length > 1) throw new RequestError('update/one-target', { values: req.target });
  const t = metricValue(req.target[0]!, '--target');
  if (!t) throw new RequestError('update/target-format', { value: req.target[0]! });
  const had = task.targets.find((x) => x.metric === t.metric);
  if (had) throw new RequestError('update/target-exists', { task: task.id, metric: t.metric, target: had.target, unit: had.unit });
  return { metric: t.metric, ...(unit ? { unit } : {}), target: t.value };
}

export interface ReportUpdateRequest { report: string; submitted: IsoDate }

function findTask(plan: Plan, id: string): Task {
  const task = plan.allTasks.find((t) => t.id === id);
  if (!task) throw new RequestError('update/unknown-task', { id, suggestion: nearest(id, plan.allTasks.map((t) => t.id)) });
  if (task.tasks.length) throw new RequestError('update/parent-task', { id, children: task.tasks.map((t) => t.id) });
  return task;
}

function unitId(plan: Plan, value: string): string {
  const unit = unitByWord(plan, value);
  if (unit) return unit.id;
  const suggestion = nearest(value, plan.units.map((u) => u.id));
  throw new RequestError('update/unknown-unit', { value, suggestion, suggestionName: plan.units.find((u) => u.id === suggestion)?.name });
}

export function taskUpdateOps(plan: Plan, req: TaskUpdateRequest): { ops: EditOp[]; task: Task; entry: Record<string, unknown> | undefined; target: RawTarget | undefined } {
  const task = findTask(plan, req.task);
  let status: string | undefined;
  if (req.status !== undefined) {
    if (!normaliseStatus(req.status)) throw new RequestError('update/status', { value: req.status, allowed: [...STATUSES, ...Object.keys(STATUS_ALIASES)] });
    status = req.status;
  }
  let progress: number | undefined;
  if (req.progress !== undefined) {
    // Read as collect reads a sheet's 进度 cell: ６０ and 60% are 60; 0x10, 0b11 and 1e1 are no progress.
    progress = progressText(req.progress);
    if (progress === undefined) throw new RequestError('update/progress', { value: req.progress });
  }
  // Done means 100: say so in the log rather than leave the status/progress rule to complain.
  if (status !== undefined && normaliseStatus(status) === 'done' && progress === undefined) progress = 100;
  const by = req.by === undefined ? undefined : unitId(plan, req.by);
  const target = newTarget(task, req);
  const actuals = (req.actual ?? []).map((a) => {
    const m = metricValue(a, '--actual');
    if (!m) throw new RequestError('update/actual-format', { value: a });
    const index = task.targets.findIndex((t) => t.metric === m.metric);
    const added = target?.metric === m.metric ? target : undefined;
    if (index < 0 && !added) {
      const known = [...task.targets, ...(target ? [target] : [])].map((t) => t.metric);
      throw new RequestError('update/unknown-metric', { task: task.id, metric: m.metric, suggestion: nearest(m.metric, known), known });
    }
    // A target added in the same command takes its actual value with it.
    if (added) added.actual = m.value;
    return { metric: m.metric, value: m.value };
  });
  const reporting = status !== undefined || progress !== undefined || req.note !== undefined || req.problems !== undefined || req.next !== undefined || !!req.solved;
  if (!reporting && actuals.length === 0 && !target) throw new RequestError('update/nothing');
  const figures: Record<string, number> | undefined = actuals.length ? Object.fromEntries(actuals.map((a) => [a.metric, a.value])) : undefined;

  // A task written on one line is written out in block style first, so that its log can grow beneath
  // it an entry a line, and so is a log (or a list of targets) written as one flow list.
  const ops: EditOp[] = [{ kind: 'block', path: task.path }];
  if (target) ops.push({ kind: 'block', path: [...task.path, 'targets'] }, { kind: 'append', path: [...task.path, 'targets'], value: target });
  if (!reporting && !figures) return { ops, task, entry: undefined, target };

  // Figures alone join the reporter's entry of the day when there is one; else they are an entry of their
  // own, which changes no status, progress, note or problem (docs/tracking.md) — dated outside the period
  // only when -d says so.
  if (!reporting) {
    const own = [...task.updates].reverse().find((u) => u.date === req.date && u.by === by);
    if (own) {
      const raw = own as unknown as { actual?: Readonly<Record<string, number>> };
      if (raw.actual) for (const [metric, value] of Object.entries(figures!)) ops.push({ kind: 'set', path: [...own.path, 'actual', metric], value });
      else ops.push({ kind: 'set', path: [...own.path, 'actual'], value: figures });
      const updates = task.updates.map((u) => (u === own ? { ...u, path: u.path, actual: { ...u.actual, ...figures } } : u));
      return { ops: [...ops, ...followOps(task, updates, Object.keys(figures!))], task, entry: { date: req.date, ...(by ? { by } : {}), actual: figures }, target };
    }
    const period = plan.period;
    if (!req.dateGiven && period && (req.date < period.start || req.date > period.end)) {
      throw new RequestError('update/date-outside', { date: req.date, start: period.start, end: period.end });
    }
  }
  const entry: LogEntry = { date: req.date };
  if (status !== undefined) entry.status = status;
  if (progress !== undefined) entry.progress = progress;
  if (req.note !== undefined) entry.note = req.note;
  if (req.problems !== undefined) entry.problems = req.problems;
  if (req.next !== undefined) entry.next = req.next;
  if (req.solved) entry.solved = true;
  if (by !== undefined) entry.by = by;
  if (figures) entry.actual = figures;
  ops.push(...logOps([{ task, entry }]).filter((op) => !(op.kind === 'block' && op.path === task.path)));
  return { ops, task, entry: { ...entry }, target };
}

/** An entry as written into a log: the plan's words for status, a unit's id in `by`. */
export type LogEntry = { date: IsoDate; status?: string; progress?: number; note?: string; problems?: string; next?: string; by?: string; solved?: boolean; actual?: Record<string, number> };

/**
 * Entries added to their tasks' logs in date order (a task on one line written out in block style first, a
 * log an entry a line), each task's own status, progress and targets' actual values following what its log
 * now says. A log is kept oldest first (status/log-order): an entry goes after the last one dated on or
 * before its day — at the end as a rule, before the later ones when it is back-dated.
 */
export function logOps(items: readonly { task: Task; entry: LogEntry }[]): EditOp[] {
  const ops: EditOp[] = [];
  const byTask = new Map<Task, LogEntry[]>();
  for (const { task, entry } of items) {
    let entries = byTask.get(task);
    if (!entries) {
      ops.push({ kind: 'block', path: task.path }, { kind: 'block', path: [...task.path, 'updates'] });
      entries = [];
      byTask.set(task, entries);
    }
    entries.push(entry);
  }
  for (const [task, entries] of byTask) {
    // Oldest first; of one day, in the order given (a stable sort).
    for (const entry of [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
      const before = placeInLog(task.updates, entry.date);
      ops.push({ kind: 'append', path: [...task.path, 'updates'], value: { ...entry }, ...(before === undefined ? {} : { before }) });
    }
  }
  for (const [task, entries] of byTask) {
    const spelling = entries.flatMap((e) => (e.status ? [e.status] : []));
    ops.push(...followOps(task, [...task.updates, ...entries.map(asUpdate)], entries.flatMap((e) => Object.keys(e.actual ?? {})), spelling));
  }
  return ops;
}

/**
 * Where an entry of `date` goes in a log: before the item (its index in the file's list) that follows the
 * last entry dated on or before it, or at the end (undefined) when that is the last.
 */
function placeInLog(log: readonly Update[], date: IsoDate): number | undefined {
  let after = -1;
  log.forEach((u, i) => {
    if (u.date <= date) after = i;
  });
  const next = log[after + 1];
  return next ? Number(next.path[next.path.length - 1]) : undefined;
}

/** An entry about to be written, as the model reads it. */
const asUpdate = (e: LogEntry): Update => ({
  date: e.date, status: normaliseStatus(e.status), progress: e.progress, note: e.note, problems: e.problems, next: e.next,
  by: e.by, solved: e.solved, actual: e.actual, path: [],
});

/**
 * The task's `status` and `progress` set to what its log (`updates`, as it will be) says — the leads' state
 * as of the log's latest day (docs/tracking.md) — when the new entries change it or the file's field says
 * otherwise, and the `actual` of the targets of `metrics` to the units' figures: the fields show the task's
 * state to someone reading the file.
 */
export function followOps(task: Task, updates: readonly Update[], metrics: readonly string[], spelling: readonly string[] = []): EditOp[] {
  const last = updates.reduce((d, u) => laterOf(d, u.date), '');
  const before = stateAsOf(task, last);
  const after = stateAsOf({ ...task, updates: [...updates] }, last);
  const round = (n: number) => Math.round(n * 10) / 10;
  const ops: EditOp[] = [];
  // A field is set when the new entries change what the log says, or when the file's field says otherwise.
  if (after.status !== before.status || (task.status !== undefined && task.status !== after.status)) {
    // In the words the entry used (进行中), when it says the same.
    const word = [...spelling].reverse().find((w) => normaliseStatus(w) === after.status) ?? after.status;
    ops.push({ kind: 'set', path: [...task.path, 'status'], value: word });
  }
  if (round(after.progress) !== round(before.progress) || (task.progress !== undefined && task.progress !== round(after.progress))) {
    ops.push({ kind: 'set', path: [...task.path, 'progress'], value: round(after.progress) });
  }
  task.targets.forEach((t, i) => {
    const value = metrics.includes(t.metric) ? figureOf(updates, t.metric) : undefined;
    if (value !== undefined) ops.push({ kind: 'set', path: [...task.path, 'targets', i, 'actual'], value });
  });
  return ops;
}

export function reportUpdateOps(plan: Plan, req: ReportUpdateRequest): EditOp[] {
  const report = plan.reports.find((r) => r.id === req.report);
  if (!report) throw new RequestError('update/unknown-report', { id: req.report, suggestion: nearest(req.report, plan.reports.map((r) => r.id)) });
  // A recurring duty keeps a list of the dates it was sent: add this one to it.
  if (report.every) return [{ kind: 'append', path: [...report.path, 'submitted'], value: req.submitted }];
  return [{ kind: 'set', path: [...report.path, 'submitted'], value: req.submitted }];
}
