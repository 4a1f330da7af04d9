// Who said what: a task's state as of a date, derived from its progress log, where each entry is somebody's
// statement — one unit's (`by`), or the office's own (no `by`). The task's status, progress and open problems
// are its lead units' (docs/tracking.md is the contract):
// - one lead: its latest entry; several: done when every lead has reported done, progress the mean of the
//   leads' latest (a lead with no entry counts 0), blocked when any lead's latest entry is blocked;
// - an entry of another unit (a supporter's) is its contribution and changes none of them;
// - the office's entry speaks for the whole task: it stands, for each lead, until that lead reports after it;
// - a problem stays open until the one who raised it reports again without one, or reports it `solved`
//   (the office's `solved` closes every one); problems of different units are separate;
// - an entry of figures alone (`actual`) changes nothing else.
// A task with no lead unit is spoken for by every entry.
import type { Status, Task, Update } from './types.js';
import type { IsoDate } from '../calendar/dates.js';

export interface TaskState { status: Status; progress: number }

/** A problem still open: who raised it (null: the office), when, and the entry that says so. */
export interface OpenProblem { unit: string | null; date: IsoDate; problems: string; update: Update }

export interface TaskStory extends TaskState {
  /** The first day the task was done (every lead done), if it was by the date. */
  doneOn?: IsoDate;
  /** The latest entry that speaks for the task (a lead's or the office's). */
  lastUpdate?: Update;
  /** The latest such entry with a note: what 最近进展 shows. */
  lastNote?: Update;
  /** Open problems, oldest first; none once the task is done or cancelled. */
  openProblems: OpenProblem[];
  /** The latest entry of each unit that does not lead the task, oldest first. */
  contributions: Update[];
}

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

/** Whether an entry reports anything besides figures: figures alone change no status, progress, note or problem. */
export const reports = (u: Update): boolean =>
  u.status !== undefined || u.progress !== undefined || u.note !== undefined || u.problems !== undefined || u.next !== undefined || u.solved === true;

/** What one lead (or the task, when it has none) has said so far. */
interface Party { status?: Status; progress?: number; seen: boolean }

function partyState(p: Party): TaskState {
  const status = p.status ?? (p.seen ? 'in_progress' : 'planned');
  return { status, progress: status === 'done' ? 100 : (p.progress ?? 0) };
}

/** The task's state from its leads' states. */
function combine(parties: readonly Party[]): TaskState {
  if (parties.length === 1) return partyState(parties[0]!);
  let active = 0;
  let done = 0;
  let sum = 0;
  let started = false;
  let blocked = false;
  for (const p of parties) {
    const s = partyState(p);
    if (s.status === 'cancelled') continue;
    active++;
    sum += s.progress;
    if (s.status === 'done') done++;
    if (s.status === 'blocked') blocked = true;
    else if (s.status === 'in_progress' || s.status === 'done') started = true;
  }
  if (active === 0) return { status: 'cancelled', progress: 0 };
  if (done === active) return { status: 'done', progress: 100 };
  const progress = sum / active;
  return { status: blocked ? 'blocked' : started ? 'in_progress' : 'planned', progress };
}

/** The units whose entries speak for the task: its leads, each once (none: every entry speaks). */
const leadsOf = (task: Task): readonly string[] => (task.lead.length < 2 ? task.lead : [...new Set(task.lead)]);

/** Whether an entry speaks for the task: the office's, a lead's, or anyone's when the task has no lead. */
export const speaksFor = (leads: readonly string[], u: { readonly by?: string | null }): boolean =>
  u.by === undefined || u.by === null || leads.length === 0 || leads.includes(u.by);

const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Whether the leads' states leave the task done: every lead not cancelled is done, and one is. */
function allDone(parties: readonly Party[]): boolean {
  let done = 0;
  for (const p of parties) {
    const s = p.status ?? (p.seen ? 'in_progress' : 'planned');
    if (s === 'done') done++;
    else if (s !== 'cancelled') return false;
  }
  return done > 0;
}

/** The task's story as of `asOf`: state, the day it was done, latest entries, open problems, contributions. */
export function taskStory(task: Task, asOf: IsoDate): TaskStory {
  const leads = leadsOf(task);
  const seen = updatesUpTo(task, asOf);
  const parties: Party[] = leads.length < 2 ? [{ seen: false }] : leads.map(() => ({ seen: false }));
  let open: Map<string | null, Update> | undefined;
  let others: Map<string, Update> | undefined;
  let doneOn: IsoDate | undefined;
  let lastUpdate: Update | undefined;
  let lastNote: Update | undefined;
  let statusChanged = false;
  // One pass: each lead's state, the latest entries, the open problems, the supporters' latest entries.
  for (let i = 0; i < seen.length; i++) {
    const u = seen[i]!;
    if (!speaksFor(leads, u)) {
      // A unit that does not lead the task: its latest entry is its contribution.
      others ??= new Map();
      others.delete(u.by!);
      others.set(u.by!, u);
    } else {
      lastUpdate = u;
      if (u.note) lastNote = u;
      if (reports(u)) {
        // The office's entry (or any, with fewer than two leads) speaks for every lead; a lead's for itself.
        const own = u.by === undefined || leads.length < 2 ? -1 : leads.indexOf(u.by);
        for (let k = 0; k < parties.length; k++) {
          if (own >= 0 && k !== own) continue;
          const p = parties[k]!;
          if (u.status !== undefined) p.status = u.status;
          if (u.progress !== undefined) p.progress = u.progress;
          p.seen = true;
        }
        if (u.status !== undefined) statusChanged = true;
        // A problem stays open until its raiser reports again without one, or reports it solved (the office's
        // `solved` closes every one); a new problem of the same raiser replaces its last.
        const who = u.by ?? null;
        if (u.solved && who === null) open?.clear();
        if (u.problems?.trim()) {
          open ??= new Map();
          open.delete(who);
          open.set(who, u);
        } else {
          open?.delete(who);
        }
      }
    }
    // The task is done on the first day its leads' entries of that day leave it done.
    const dayEnds = i + 1 === seen.length || seen[i + 1]!.date !== u.date;
    if (dayEnds && statusChanged) {
      statusChanged = false;
      if (doneOn === undefined && allDone(parties)) doneOn = u.date;
    }
  }
  const contributions = others ? [...others.values()] : NONE;
  // A log in which no lead (nor the office) ever spoke: the task's own fields say where it stands.
  const state = lastUpdate || task.updates.some((u) => speaksFor(leads, u))
    ? combine(parties)
    : { status: task.status ?? 'planned', progress: task.status === 'done' ? 100 : (task.progress ?? 0) };
  const closed = state.status === 'done' || state.status === 'cancelled';
  const openProblems = closed || !open?.size ? NONE : [...open].map(([unit, u]) => ({ unit, date: u.date, problems: u.problems!.trim(), update: u }));
  return { status: state.status, progress: state.progress, doneOn, lastUpdate, lastNote, openProblems, contributions };
}

/**
 * Status and progress as of D (see taskStory): the rules ask this of every task, so the usual case — a log in
 * date order, at most one lead — is read in one pass that keeps nothing.
 */
export function stateAsOf(task: Task, asOf: IsoDate): TaskState {
  const lead = task.lead;
  const log = task.updates;
  if (lead.length < 2) {
    let status: Status | undefined;
    let progress: number | undefined;
    let seen = false;
    let spoke = false;
    let ordered = true;
    for (let i = 0; i < log.length; i++) {
      const u = log[i]!;
      if (i > 0 && u.date < log[i - 1]!.date) {
        ordered = false;
        break;
      }
      if (u.by !== undefined && lead.length === 1 && u.by !== lead[0]) continue;
      spoke = true;
      if (u.date > asOf || !reports(u)) continue;
      if (u.status !== undefined) status = u.status;
      if (u.progress !== undefined) progress = u.progress;
      seen = true;
    }
    if (ordered) {
      if (!spoke) {
        const own = task.status ?? 'planned';
        return { status: own, progress: own === 'done' ? 100 : (task.progress ?? 0) };
      }
      const s = status ?? (seen ? 'in_progress' : 'planned');
      return { status: s, progress: s === 'done' ? 100 : (progress ?? 0) };
    }
  }
  const { status, progress } = taskStory(task, asOf);
  return { status, progress };
}

/**
 * What one unit has said of a task as of D: its own latest status and progress (a lead's include the
 * office's entries, which speak for it), for checking a progress it reports against its last.
 */
export function unitStateAsOf(task: Task, unit: string, asOf: IsoDate): TaskState {
  const lead = leadsOf(task).includes(unit);
  const p: Party = { seen: false };
  for (const u of updatesUpTo(task, asOf)) {
    if (!reports(u) || !(u.by === unit || (lead && u.by === undefined))) continue;
    if (u.status !== undefined) p.status = u.status;
    if (u.progress !== undefined) p.progress = u.progress;
    p.seen = true;
  }
  return partyState(p);
}

/**
 * The task's actual value of a metric from the figures in its log, whatever their dates: each unit's latest
 * figure added up; a figure recorded with no unit (the office's) is the whole task's until a unit reports
 * one after it. Undefined when no entry reports the metric.
 */
export function figureOf(updates: readonly Update[], metric: string): number | undefined {
  let any = false;
  for (const u of updates) if (u.actual?.[metric] !== undefined) any = true;
  if (!any) return undefined;
  const ordered = updates.map((u, i) => ({ u, i })).sort((a, b) => (a.u.date < b.u.date ? -1 : a.u.date > b.u.date ? 1 : a.i - b.i));
  const byUnit = new Map<string, number>();
  let office: number | undefined;
  let officeLast = false;
  for (const { u } of ordered) {
    const v = u.actual?.[metric];
    if (v === undefined) continue;
    if (u.by === undefined) {
      office = v;
      officeLast = true;
    } else {
      byUnit.set(u.by, v);
      officeLast = false;
    }
  }
  if (officeLast) return office;
  let sum = 0;
  for (const v of byUnit.values()) sum += v;
  return sum;
}
