// Every task as of a date: status, progress, overdue, done late, supervision light. Leaves come from
// their progress logs, read as their lead units' statements; parents roll up from their children (the
// semantics in docs/tracking.md).
import { taskStory, type OpenProblem } from '../model/status-at.js';
import type { Plan, Status, Task, Update } from '../model/types.js';
import { addDays, daysBetween, type IsoDate } from '../calendar/dates.js';

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
  /** The latest entry on or before the as-of date that speaks for the task: a lead's or the office's (leaves). */
  lastUpdate?: Update;
  /** The latest such entry with a note: 最近进展 (leaves). */
  lastNote?: Update;
  /**
   * Problems still open, oldest first: each stays open until the unit that raised it (or the office) reports
   * it solved; none once the task is done or cancelled (leaves).
   */
  openProblems: OpenProblem[];
  /** The latest of those problems' entries (leaves). */
  openProblem?: Update;
  /** The latest entry of each unit that does not lead the task — a supporter's contribution (leaves). */
  contributions: Update[];
  /** Leaves under this task (itself for a leaf). */
  leaves: TaskView[];
}

/** Days ahead within which an open task's light turns yellow (a configuration's `dueSoonDays` sets another). */
export const YELLOW_DAYS = 3;

/** Points of progress an open task may lag the share of its time already gone before its light turns yellow. */
export const LAG_THRESHOLD = 30;

const closed = (s: Status) => s === 'done' || s === 'cancelled';

interface LightContext { asOf: IsoDate; soon: IsoDate; periodStart?: IsoDate; lag: number }

/**
 * The share of the task's time gone by the end of the as-of day, in percent: from its start (else the
 * period's) to its due date, both days counted. Undefined without both ends.
 */
export function elapsedShare(task: Pick<Task, 'start' | 'due'>, asOf: IsoDate, periodStart?: IsoDate): number | undefined {
  const from = task.start ?? periodStart;
  if (!from || !task.due || task.due < from) return undefined;
  const gone = daysBetween(from, asOf) + 1;
  if (gone <= 0) return 0;
  return Math.min(100, (gone / (daysBetween(from, task.due) + 1)) * 100);
}

/** Red overdue; yellow blocked, due within the due-soon days, or lagging its time by more than the threshold; else green. */
function light(task: Task, status: Status, progress: number, overdue: boolean, c: LightContext): Light {
  if (overdue) return 'red';
  if (closed(status)) return 'green';
  if (status === 'blocked') return 'yellow';
  if (task.due && task.due >= c.asOf && task.due <= c.soon) return 'yellow';
  const share = elapsedShare(task, c.asOf, c.periodStart);
  if (share !== undefined && share - progress > c.lag) return 'yellow';
  return 'green';
}

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

const NONE: never[] = Object.freeze([]) as unknown as never[];

function view(task: Task, c: LightContext, out: Map<Task, TaskView>): TaskView {
  const children = task.tasks.map((t) => view(t, c, out));
  const leaf = children.length === 0;
  const leaves = leaf ? [] : children.flatMap((v) => v.leaves);
  const story = leaf ? taskStory(task, c.asOf) : undefined;
  const { status, progress } = story ?? rollUp(leaves);
  const overdue = !!task.due && task.due < c.asOf && !closed(status);
  const finished = story?.doneOn;
  const problems = story?.openProblems ?? NONE;
  const v: TaskView = {
    task, leaf, status, progress, overdue,
    doneLate: leaf ? !!(finished && task.due && finished > task.due) : children.some((v) => v.doneLate),
    doneOn: finished,
    light: light(task, status, progress, overdue, c),
    lastUpdate: story?.lastUpdate,
    lastNote: story?.lastNote,
    openProblems: problems,
    openProblem: problems.length ? problems.reduce((a, b) => (b.date >= a.date ? b : a)).update : undefined,
    contributions: story?.contributions ?? NONE,
    leaves,
  };
  if (leaf) leaves.push(v);
  out.set(task, v);
  return v;
}

/** Views of all tasks, in document order (parents before their children). */
export function viewTasks(plan: Plan, asOf: IsoDate): TaskView[] {
  const byTask = new Map<Task, TaskView>();
  const { dueSoonDays = YELLOW_DAYS, lagThreshold = LAG_THRESHOLD } = plan.reporting;
  const c: LightContext = { asOf, soon: addDays(asOf, dueSoonDays), periodStart: plan.period?.start, lag: lagThreshold };
  for (const t of plan.tasks) view(t, c, byTask);
  return plan.allTasks.map((t) => byTask.get(t)!);
}
