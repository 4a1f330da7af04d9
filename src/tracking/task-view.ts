// Every task as of a date: status, progress, overdue, done late, supervision light. Leaves come from
// their progress logs; parents roll up from their children (the semantics in docs/tracking.md).
import { doneOn, stateAsOf, updatesUpTo } from '../model/status-at.js';
import type { IsoDate, Plan, Status, Task, Update } from '../model/types.js';
import { addDays } from '../calendar/dates.js';

export type Light = 'red' | 'yellow' | 'green';

export interface TaskView {
  task: Task;
  leaf: boolean;
  status: Status;
  progress: number;
  overdue: boolean;
  doneLate: boolean;
  /** Date of the first update that marked it done (leaves). */
  doneOn?: IsoDate;
  light: Light;
  /** The latest update on or before the as-of date (leaves). */
  lastUpdate?: Update;
  /**
   * That update, when it records a problem and the task is neither done nor cancelled: a problem stays
   * open until the task is closed or a later update records none (leaves).
   */
  openProblem?: Update;
  /** Leaves under this task (itself for a leaf). */
  leaves: TaskView[];
}

/** Days ahead within which an open task's light turns yellow. */
export const YELLOW_DAYS = 3;

const closed = (s: Status) => s === 'done' || s === 'cancelled';

/** `soon` is the last day of the yellow window: the as-of date plus YELLOW_DAYS. */
function light(status: Status, due: IsoDate | undefined, overdue: boolean, asOf: IsoDate, soon: IsoDate): Light {
  if (overdue) return 'red';
  if (status === 'blocked') return 'yellow';
  if (!closed(status) && due && due >= asOf && due <= soon) return 'yellow';
  return 'green';
}

const problemOf = (last: Update | undefined, status: Status): Update | undefined =>
  last?.problems?.trim() && !closed(status) ? last : undefined;

/** A parent's state from its leaves, in one pass (a roll-up of hundreds of plans views every task). */
function rollUp(leaves: TaskView[]): { status: Status; progress: number } {
  let open = 0;
  let done = 0;
  let started = false;
  let blocked = false;
  let weight = 0;
  let weighted = 0;
  for (const l of leaves) {
    if (l.status === 'cancelled') continue;
    open++;
    weight += l.task.weight;
    weighted += l.task.weight * l.progress;
    if (l.status === 'done') done++;
    if (l.status === 'in_progress' || l.status === 'done') started = true;
    else if (l.status === 'blocked') blocked = true;
  }
  if (open === 0) return { status: 'cancelled', progress: 0 };
  const progress = weight > 0 ? weighted / weight : 0;
  if (done === open) return { status: 'done', progress: 100 };
  if (started) return { status: 'in_progress', progress };
  if (blocked) return { status: 'blocked', progress };
  return { status: 'planned', progress };
}

function view(task: Task, asOf: IsoDate, soon: IsoDate, out: Map<Task, TaskView>): TaskView {
  const children = task.tasks.map((t) => view(t, asOf, soon, out));
  const leaf = children.length === 0;
  const leaves = leaf ? [] : children.flatMap((c) => c.leaves);
  const { status, progress } = leaf ? stateAsOf(task, asOf) : rollUp(leaves);
  const overdue = !!task.due && task.due < asOf && !closed(status);
  const finished = leaf ? doneOn(task, asOf) : undefined;
  const seen = leaf ? updatesUpTo(task, asOf) : [];
  const v: TaskView = {
    task, leaf, status, progress, overdue,
    doneLate: leaf ? !!(finished && task.due && finished > task.due) : children.some((c) => c.doneLate),
    doneOn: finished,
    light: light(status, task.due, overdue, asOf, soon),
    lastUpdate: seen[seen.length - 1],
    openProblem: problemOf(seen[seen.length - 1], status),
    leaves,
  };
  if (leaf) leaves.push(v);
  out.set(task, v);
  return v;
}

/** Views of all tasks, in document order (parents before their children). */
export function viewTasks(plan: Plan, asOf: IsoDate): TaskView[] {
  const byTask = new Map<Task, TaskView>();
  const soon = addDays(asOf, YELLOW_DAYS);
  for (const t of plan.tasks) view(t, asOf, soon, byTask);
  return plan.allTasks.map((t) => byTask.get(t)!);
}
