// Turns `campaign update` options into edits of the plan, after checking every id, unit, status,
// number and date against the plan. Pure: the command does the reading and writing.
import { RequestError } from './errors.js';
import { normaliseStatus } from '../model/build.js';
import { nearest } from '../model/nearest.js';
import { unitByWord } from '../model/units.js';
import { STATUSES, STATUS_ALIASES, type IsoDate, type Plan, type RawTarget, type Task } from '../model/types.js';
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
}

/** "宣讲场次=8" as a metric and a number ≥ 0, or undefined. */
function metricValue(text: string): { metric: string; value: number } | undefined {
  const m = /^(.+?)=(.+)$/.exec(text);
  const value = m ? Number(m[2]) : NaN;
  if (!m || !m[1]!.trim() || m[2]!.trim() === '' || !Number.isFinite(value) || value < 0) return undefined;
  return { metric: m[1]!.trim(), value };
}

/** The target `--target` adds, with `--unit`: one a command (so that the unit is its own), never a second of a metric. */
function newTarget(task: Task, req: TaskUpdateRequest): RawTarget | undefined {
  const unit = req.unit?.trim();
  if (req.unit !== undefined && !req.target?.length) throw new RequestError('update/unit-alone');
  if (req.unit !== undefined && !unit) throw new RequestError('update/unit-empty');
  if (!req.target?.length) return undefined;
  if (req.target.length > 1) throw new RequestError('update/one-target', { values: req.target });
  const t = metricValue(req.target[0]!);
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
    progress = Number(req.progress);
    if (req.progress.trim() === '' || !Number.isFinite(progress) || progress < 0 || progress > 100) throw new RequestError('update/progress', { value: req.progress });
  }
  // Done means 100: say so in the log rather than leave the status/progress rule to complain.
  if (status !== undefined && normaliseStatus(status) === 'done' && progress === undefined) progress = 100;
  const by = req.by === undefined ? undefined : unitId(plan, req.by);
  const target = newTarget(task, req);
  const actuals = (req.actual ?? []).map((a) => {
    const m = metricValue(a);
    if (!m) throw new RequestError('update/actual-format', { value: a });
    const index = task.targets.findIndex((t) => t.metric === m.metric);
    const added = target?.metric === m.metric ? target : undefined;
    if (index < 0 && !added) {
      const known = [...task.targets, ...(target ? [target] : [])].map((t) => t.metric);
      throw new RequestError('update/unknown-metric', { task: task.id, metric: m.metric, suggestion: nearest(m.metric, known), known });
    }
    // A target added in the same command takes its actual value with it.
    if (added) added.actual = m.value;
    return { index, value: m.value };
  });
  const logged = status !== undefined || progress !== undefined || req.note !== undefined || req.problems !== undefined || req.next !== undefined || actuals.length > 0;
  if (!logged && !target) throw new RequestError('update/nothing');

  // A task written on one line is written out in block style first, so that its log can grow beneath
  // it an entry a line, and so is a log (or a list of targets) written as one flow list.
  const ops: EditOp[] = [{ kind: 'block', path: task.path }];
  if (target) ops.push({ kind: 'block', path: [...task.path, 'targets'] }, { kind: 'append', path: [...task.path, 'targets'], value: target });
  let entry: Record<string, unknown> | undefined;
  if (logged) {
    entry = { date: req.date };
    if (status !== undefined) entry.status = status;
    if (progress !== undefined) entry.progress = progress;
    if (req.note !== undefined) entry.note = req.note;
    if (req.problems !== undefined) entry.problems = req.problems;
    if (req.next !== undefined) entry.next = req.next;
    if (by !== undefined) entry.by = by;
    ops.push({ kind: 'block', path: [...task.path, 'updates'] }, { kind: 'append', path: [...task.path, 'updates'], value: entry });
  }
  // The task's own fields show its latest state: set them only when this entry is the latest.
  const latest = task.updates.every((u) => u.date <= req.date);
  if (latest && status !== undefined) ops.push({ kind: 'set', path: [...task.path, 'status'], value: status });
  if (latest && progress !== undefined) ops.push({ kind: 'set', path: [...task.path, 'progress'], value: progress });
  for (const { index, value } of actuals) if (index >= 0) ops.push({ kind: 'set', path: [...task.path, 'targets', index, 'actual'], value });
  return { ops, task, entry, target };
}

export function reportUpdateOps(plan: Plan, req: ReportUpdateRequest): EditOp[] {
  const report = plan.reports.find((r) => r.id === req.report);
  if (!report) throw new RequestError('update/unknown-report', { id: req.report, suggestion: nearest(req.report, plan.reports.map((r) => r.id)) });
  // A recurring duty keeps a list of the dates it was sent: add this one to it.
  if (report.every) return [{ kind: 'append', path: [...report.path, 'submitted'], value: req.submitted }];
  return [{ kind: 'set', path: [...report.path, 'submitted'], value: req.submitted }];
}
