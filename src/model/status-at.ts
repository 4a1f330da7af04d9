// A task's status and progress as of a date, read from its progress log (the semantics in docs/format.md).
import type { IsoDate, Status, Task, Update } from './types.js';

export interface TaskState { status: Status; progress: number }

/** The task's updates dated on or before `asOf`, oldest first (stable for entries of the same day). */
export function updatesUpTo(task: Task, asOf: IsoDate): Update[] {
  const u = task.updates;
  // Logs are kept oldest first: then a prefix is the answer, with no sorting.
  let ordered = true;
  for (let i = 1; i < u.length && ordered; i++) ordered = u[i - 1]!.date <= u[i]!.date;
  if (ordered) {
    let n = 0;
    while (n < u.length && u[n]!.date <= asOf) n++;
    return n === u.length ? u : u.slice(0, n);
  }
  return task.updates
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => u.date <= asOf)
    .sort((a, b) => (a.u.date < b.u.date ? -1 : a.u.date > b.u.date ? 1 : a.i - b.i))
    .map(({ u }) => u);
}

/**
 * Status as of D: the status of the last update dated on or before D; with no updates at all, the
 * task's own `status` field (planned when absent); when every update is dated after D, planned.
 * An update that records only progress keeps the status before it (in_progress if none).
 */
export function stateAsOf(task: Task, asOf: IsoDate): TaskState {
  if (task.updates.length === 0) {
    const status = task.status ?? 'planned';
    return { status, progress: status === 'done' ? 100 : (task.progress ?? 0) };
  }
  const seen = updatesUpTo(task, asOf);
  if (seen.length === 0) return { status: 'planned', progress: 0 };
  let status: Status | undefined;
  let progress: number | undefined;
  for (const u of seen) {
    if (u.status) status = u.status;
    if (u.progress !== undefined) progress = u.progress;
  }
  const s = status ?? 'in_progress';
  return { status: s, progress: s === 'done' ? 100 : (progress ?? 0) };
}

/** The date of the first update on or before `asOf` that marks the task done, if any: nothing later has happened yet. */
export function doneOn(task: Task, asOf: IsoDate): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const u of task.updates) if (u.status === 'done' && u.date <= asOf && (!first || u.date < first)) first = u.date;
  return first;
}
