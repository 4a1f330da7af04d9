// Builds the plan model from parsed YAML data. Tolerant on purpose: the schema reports malformed
// fields, and the model simply leaves them out, so the semantic rules still run on the rest.
import type { Calendar } from '../calendar/china.js';
import { WEEKENDS_ONLY } from '../calendar/china.js';
import { isRealDate, isTimeOfDay } from '../calendar/dates.js';
import { expandDeadlines } from './deadlines.js';
import { figureOf } from './status-at.js';
import { unitResolver, type UnitOf } from './units.js';
import { STATUSES, STATUS_ALIASES, WEEKDAYS, WEEKDAY_ALIASES, type Weekday, type Recurrence, type Phase, type Plan, type Report, type Requirement, type Status, type Target, type Task, type Theme, type Unit, type Update } from './types.js';
import type { Path } from '../source/path.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const date = (v: unknown): string | undefined => (typeof v === 'string' && isRealDate(v) ? v : undefined);
const timeOfDay = (v: unknown): string | undefined => (typeof v === 'string' && isTimeOfDay(v) ? v : undefined);
/** No list at all, shared: most tasks have no targets and no subtasks, and large plans have many tasks. */
const NONE: never[] = Object.freeze([]) as unknown as never[];
/** The strings of a list — the list itself when it holds nothing else (no copy for the usual case). */
const strings = (v: unknown): string[] =>
  !Array.isArray(v) || v.length === 0 ? NONE : v.every((x) => typeof x === 'string') ? (v as string[]) : v.filter((x): x is string => typeof x === 'string');
/** The units' ids for a list of words — the list itself when it already holds ids (the usual case). */
function unitIds(words: string[], unit: UnitOf): string[] {
  for (let i = 0; i < words.length; i++) if (unit(words[i]) !== words[i]) return words.map(unit);
  return words;
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function normaliseStatus(v: unknown): Status | undefined {
  if (typeof v !== 'string') return undefined;
  if ((STATUSES as readonly string[]).includes(v)) return v as Status;
  // Own properties only: a status called "constructor" is no status.
  return Object.hasOwn(STATUS_ALIASES, v) ? STATUS_ALIASES[v] : undefined;
}

/** Something with a path: a task, whose path is itself put together only when asked for. */
interface Placed { readonly path: Path }

/** Where an entry of a task's list is; its path is put together only when asked for (findings are rare). */
class Entry {
  constructor(private readonly owner: Placed, private readonly key: string, private readonly index: number) {}
  get path(): Path {
    return [...this.owner.path, this.key, this.index];
  }
}

class UpdateEntry extends Entry implements Update {
  constructor(owner: Placed, index: number, readonly date: string, readonly status: Update['status'], readonly progress: number | undefined,
    readonly note: string | undefined, readonly problems: string | undefined, readonly next: string | undefined, readonly by: string | undefined,
    readonly solved: boolean | undefined, readonly actual: Readonly<Record<string, number>> | undefined) {
    super(owner, 'updates', index);
  }
}

/** The figures of an entry: its metrics with a number ≥ 0 (own keys only). */
function figures(v: unknown): Record<string, number> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, number> = Object.create(null);
  let any = false;
  for (const [k, n] of Object.entries(v)) {
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) {
      out[k] = n;
      any = true;
    }
  }
  return any ? out : undefined;
}

class TargetEntry extends Entry implements Target {
  constructor(owner: Placed, index: number, readonly metric: string, readonly unit: string | undefined, readonly target: number, readonly actual: number | undefined) {
    super(owner, 'targets', index);
  }
}

function buildUpdate(raw: unknown, owner: Placed, index: number, unit: UnitOf): Update | undefined {
  if (!isObj(raw)) return undefined;
  const d = date(raw.date);
  if (!d) return undefined;
  return new UpdateEntry(owner, index, d, normaliseStatus(raw.status), num(raw.progress), str(raw.note), str(raw.problems), str(raw.next), unit(str(raw.by)),
    raw.solved === true ? true : undefined, raw.actual === undefined ? undefined : figures(raw.actual));
}

function buildTarget(raw: unknown, owner: Placed, index: number, updates: readonly Update[]): Target | undefined {
  if (!isObj(raw) || typeof raw.metric !== 'string') return undefined;
  // The units' figures in the log, when they report this metric, are the actual value; else the field.
  return new TargetEntry(owner, index, raw.metric, str(raw.unit), num(raw.target) ?? 0, figureOf(updates, raw.metric) ?? num(raw.actual));
}

function buildList<T>(v: unknown, make: (raw: unknown, index: number) => T | undefined): T[] {
  if (!Array.isArray(v) || v.length === 0) return NONE;
  // Mapped at its exact size (a list grown by push keeps spare room, and a large plan has many lists).
  const out = v.map(make);
  return out.includes(undefined) ? out.filter((x): x is T => x !== undefined) : (out as T[]);
}

/**
 * A task of the model. Its path (["tasks", 1, "tasks", 0]) is put together the first time it is asked
 * for — by a finding, mostly — rather than for each of a large plan's tasks.
 */
class TaskNode implements Task {
  readonly id: string;
  readonly title: string;
  readonly text: string | undefined;
  readonly theme: string | undefined;
  readonly lead: string[];
  readonly support: string[];
  readonly phase: string | undefined;
  readonly start: string | undefined;
  readonly due: string | undefined;
  readonly status: Task['status'];
  readonly progress: number | undefined;
  readonly weight: number;
  readonly targets: Target[];
  readonly updates: Update[];
  tasks: Task[] = NONE;
  private placed: Path | undefined;

  constructor(raw: Obj, private readonly index: number, readonly depth: number, readonly parent: Task | undefined, unit: UnitOf) {
    // A number here (an unquoted 1.10 reads as 1.1) is a schema error; its written form is unknown.
    this.id = typeof raw.id === 'string' ? raw.id : '';
    this.title = str(raw.title) ?? '';
    this.text = str(raw.text);
    this.theme = str(raw.theme);
    this.lead = unitIds(strings(raw.lead), unit);
    this.support = unitIds(strings(raw.support), unit);
    this.phase = str(raw.phase) ?? parent?.phase;
    this.start = date(raw.start);
    this.due = date(raw.due);
    this.status = normaliseStatus(raw.status);
    this.progress = num(raw.progress);
    this.weight = num(raw.weight) ?? 1;
    this.updates = buildList(raw.updates, (u, i) => buildUpdate(u, this, i, unit));
    this.targets = buildList(raw.targets, (t, i) => buildTarget(t, this, i, this.updates));
  }

  get path(): Path {
    this.placed ??= this.parent ? [...this.parent.path, 'tasks', this.index] : ['tasks', this.index];
    return this.placed;
  }
}

function buildTask(raw: unknown, index: number, depth: number, parent: Task | undefined, all: Task[], unit: UnitOf): Task | undefined {
  if (!isObj(raw)) return undefined;
  const task = new TaskNode(raw, index, depth, parent, unit);
  all.push(task);
  task.tasks = buildList(raw.tasks, (t, i) => buildTask(t, i, depth + 1, task, all, unit));
  return task;
}

function collect<T>(v: unknown, key: string, make: (o: Obj, path: Path) => T | undefined): T[] {
  const out: T[] = [];
  list(v).forEach((item, i) => {
    if (!isObj(item)) return;
    const built = make(item, [key, i]);
    if (built) out.push(built);
  });
  return out;
}

/** friday, or 周五: a weekday in either spelling. */
export function weekday(v: unknown): Weekday | undefined {
  if (typeof v !== 'string') return undefined;
  if ((WEEKDAYS as readonly string[]).includes(v)) return v as Weekday;
  return Object.hasOwn(WEEKDAY_ALIASES, v) ? WEEKDAY_ALIASES[v] : undefined;
}

const every = (v: unknown): Recurrence | undefined => (v === 'month' || v === 'quarter' || v === 'half-month' || v === 'ten-days' ? v : weekday(v));

function buildReport(o: Obj, path: Path, period: { start: string; end: string } | undefined, calendar: Calendar, unit: UnitOf): Report | undefined {
  if (typeof o.id !== 'string') return undefined;
  const submitted = (Array.isArray(o.submitted) ? o.submitted : [o.submitted]).map(date).filter((d): d is string => !!d).sort();
  const r = {
    id: o.id, title: str(o.title) ?? '', to: unit(str(o.to)), by: unit(str(o.by)), due: date(o.due), time: timeOfDay(o.time), every: every(o.every),
    day: Number.isInteger(o.day) && (o.day as number) >= 1 && (o.day as number) <= 31 ? (o.day as number) : undefined, from: date(o.from), until: date(o.until), submitted, path,
  };
  return { ...r, deadlines: expandDeadlines(r, period, calendar) };
}

function reportingOf(v: unknown): Plan['reporting'] {
  if (!isObj(v)) return {};
  const weekStarts = weekday(v.weekStarts);
  const lag = num(v.lagThreshold);
  return { ...(weekStarts ? { weekStarts } : {}), ...(lag !== undefined && lag >= 0 && lag <= 100 ? { lagThreshold: lag } : {}) };
}

/** The model of a plan; `calendar` moves recurring report deadlines off non-working days. */
export function buildPlan(data: unknown, calendar: Calendar = WEEKENDS_ONLY): Plan {
  const root: Obj = isObj(data) ? data : {};
  const units = collect<Unit>(root.units, 'units', (o, path) =>
    typeof o.id === 'string' ? { id: o.id, name: str(o.name) ?? o.id, external: o.external === true, aliases: strings(o.aliases), self: o.self === true, path } : undefined);
  // A unit may be referred to by its id, its name, a declared alias or a built-in variant (工商所 for 市场所):
  // the model holds its id, so every table counts it under its unit. What matches no unit stays as written
  // (ref/unit reports it).
  const unit = unitResolver(units);
  const allTasks: Task[] = [];
  const tasks: Task[] = [];
  list(root.tasks).forEach((t, i) => {
    const task = buildTask(t, i, 0, undefined, allTasks, unit);
    if (task) tasks.push(task);
  });
  const period = isObj(root.period) ? root.period : undefined;
  const contact = isObj(root.contact) ? root.contact : {};
  const start = date(period?.start);
  const end = date(period?.end);
  return {
    title: str(root.title),
    organizer: str(root.organizer),
    year: Number.isInteger(root.year) ? (root.year as number) : undefined,
    basis: strings(root.basis),
    preamble: str(root.preamble),
    guidance: str(root.guidance),
    themes: collect<Theme>(root.themes, 'themes', (o, path) =>
      typeof o.id === 'string' ? { id: o.id, title: str(o.title) ?? '', focus: strings(o.focus), path } : undefined),
    period: start && end ? { start, end } : undefined,
    phases: collect<Phase>(root.phases, 'phases', (o, path) =>
      typeof o.id === 'string' ? { id: o.id, title: str(o.title) ?? o.id, start: date(o.start), end: date(o.end), path } : undefined),
    units,
    tasks,
    allTasks,
    requirements: collect<Requirement>(root.requirements, 'requirements', (o, path) =>
      typeof o.id === 'string' ? { id: o.id, title: str(o.title) ?? '', text: str(o.text), path } : undefined),
    reports: collect<Report>(root.reports, 'reports', (o, path) => buildReport(o, path, start && end ? { start, end } : undefined, calendar, unit)),
    contact: { unit: str(contact.unit), person: str(contact.person), phone: str(contact.phone), reviewer: str(contact.reviewer) },
    reporting: reportingOf(root.reporting),
  };
}

export const isLeaf = (t: Task): boolean => t.tasks.length === 0;
