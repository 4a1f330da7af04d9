// Counting leaf tasks by status: the numbers every table and roll-up shows.
import type { TaskView } from './task-view.js';

export interface Counts {
  done: number;
  in_progress: number;
  planned: number;
  blocked: number;
  cancelled: number;
  overdue: number;
  /** Leaf tasks, cancelled ones included. */
  tasks: number;
  /** done / (tasks − cancelled), weighted by `weight`; 0..1; null when nothing counts (not applicable). */
  completion: number | null;
}

export function countLeaves(leaves: readonly TaskView[]): Counts {
  const c: Counts = { done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: leaves.length, completion: null };
  let weight = 0;
  let doneWeight = 0;
  for (const v of leaves) {
    c[v.status]++;
    if (v.overdue) c.overdue++;
    if (v.status === 'cancelled') continue;
    weight += v.task.weight;
    if (v.status === 'done') doneWeight += v.task.weight;
  }
  c.completion = weight > 0 ? round(doneWeight / weight) : null;
  return c;
}

/** Fractions are rounded to 4 places so that JSON output is stable and readable. */
export const round = (x: number, places = 4): number => Math.round(x * 10 ** places) / 10 ** places;
