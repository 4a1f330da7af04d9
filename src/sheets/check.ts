// A returned sheet against the plan as it is now: which unit, week and plan it is of (its match lines, or
// for a sheet a spreadsheet saved as CSV, its header lines and its tasks), every filled cell checked, and
// each valid row turned into a progress entry of that unit. Pure: the command reads the files and writes.
import { xmlSafe } from '../text/xml-safe.js';
import { label } from '../messages/labels.js';
import type { ToolMessageData } from '../messages/tool-messages.js';
import type { Plan, Status, Task, Update } from '../model/types.js';
import { STATUSES } from '../model/types.js';
import { unitStateAsOf } from '../model/status-at.js';
import { unitByWord } from '../model/units.js';
import { READABLE_FORMATS, SHEET_FORMAT, taskFingerprint, type SheetColumn } from './layout.js';
import type { FoundCell, FoundRow, ReturnedSheet } from './read.js';
import { dateOf, figureOf, progressOf, statusOf, statusSuggestion } from './values.js';
import { FIGURE_LIMIT } from '../text/figures.js';
import { weekLabel } from '../reports/weekly.js';
import { reportWindowEnd, weeklyDeadlineFor } from '../tracking/weeks.js';
import { daysBetween, type IsoDate } from '../calendar/dates.js';
import type { Lang } from '../messages/types.js';

type SheetMessage = Extract<keyof ToolMessageData, `sheet/${string}`>;

export interface SheetFinding<K extends SheetMessage = SheetMessage> {
  file: string;
  /** The cell, as a spreadsheet names it (填报!G7); empty for the file as a whole. */
  cell: string;
  row: number;
  id: K;
  data: ToolMessageData[K];
  /** An error keeps the sheet's rows out (unless --partial); a warning is told and the rows are taken. */
  severity: 'error' | 'warning';
}

/** A progress entry as collect writes it: always by the unit whose sheet it came from. */
export type CollectedEntry = Omit<Update, 'path' | 'by' | 'solved' | 'actual'> & { by: string; actual?: Record<string, number> };

export interface CollectedRow { file: string; row: number; task: Task; entry: CollectedEntry }

/** Which unit's sheet of which week a file is, and how sure: from its match lines, or only from its header lines. */
export interface SheetIdentity {
  unit: string;
  unitName: string;
  from: IsoDate;
  to: IsoDate;
  /** The sheet's format version; none for a sheet matched by its header lines. */
  format?: string;
  /** The tasks the sheet was made with, in order, with their fingerprints (none when matched by header lines). */
  tasks?: { id: string; fingerprint: string }[];
  lang: Lang;
}

export interface SheetResult {
  findings: SheetFinding[];
  rows: CollectedRow[];
  /** Rows with something filled in. */
  filled: number;
  /** The task id each row with something filled in names, by its row number. */
  filledRows: Map<number, string>;
  /** The rows with an error, in order (also those of the findings only counted in a sheet/more). */
  errorRows: number[];
  identity?: SheetIdentity;
  /** The latest 填报日期 filled in: of two copies of a unit's sheet, the later is taken. */
  latest?: IsoDate;
}

/** The columns that say something: a row with none of them filled (a date or a name alone) says nothing. */
const FILLED: readonly SheetColumn[] = ['note', 'newStatus', 'newProgress', 'problems', 'next'];

// Stryker disable next-line OptionalChaining: every cell's reference (填报!G7, CSV!C7) ends in its row number
const rowNumberOf = (ref: string): number => Number(/(\d+)$/.exec(ref)?.[1] ?? 0);
/**
 * Whether a cell still holds the plan's text: spaces aside, and the plan's text as the sheet was written
 * with it (a vertical tab as a line break, U+FFFE as U+FFFD: xmlSafe), so that an untouched row is untouched.
 */
// Stryker disable next-line Regex: /\s/g removes every space as /\s+/g does, one at a time
const same = (cell: string, plan: string): boolean => cell.replace(/\s+/g, '') === xmlSafe(plan).replace(/\s+/g, '');

type Add = <K extends SheetMessage>(id: K, data: ToolMessageData[K], cell?: FoundCell, row?: number, severity?: 'error' | 'warning') => void;

/**
 * Findings of one kind a sheet gives one by one before the rest are counted: a sheet with 100,000 wrong rows
 * below its table is 20 lines and "and 99,980 more like this", not 100,000 lines (nor their memory).
 */
export const FINDINGS_PER_KIND = 20;

interface Finder {
  add: Add;
  /** Errors found so far, those only counted included. */
  errors: () => number;
  /** The rows with an error, those only counted included. */
  errorRows: Set<number>;
  /** The count of each kind past FINDINGS_PER_KIND, as one finding (sheet/more) each. */
  close: () => void;
}

function finder(file: string, findings: SheetFinding[]): Finder {
  const counts = new Map<SheetMessage, number>();
  const more = new Map<SheetMessage, { count: number; severity: 'error' | 'warning' }>();
  let errors = 0;
  const errorRows = new Set<number>();
  const add: Add = (id, data, cell, row = 0, severity = 'error') => {
    const at = cell ? rowNumberOf(cell.ref) : row;
    if (severity === 'error') {
      errors++;
      if (at > 0) errorRows.add(at);
    }
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    if (n > FINDINGS_PER_KIND) {
      const m = more.get(id) ?? { count: 0, severity };
      m.count++;
      if (severity === 'error') m.severity = 'error';
      more.set(id, m);
      return;
    }
    findings.push({ file, cell: cell?.ref ?? '', row: at, id, data, severity } as SheetFinding);
  };
  const close = () => {
    for (const [rule, m] of more) findings.push({ file, cell: '', row: 0, id: 'sheet/more', data: { rule, count: m.count }, severity: m.severity });
    more.clear();
  };
  return { add, errors: () => errors, errorRows, close };
}

/** 第3周（6月15日—6月21日） or week 3 (2020-06-15 to 2020-06-21): its days, in the year nearest the plan's period. */
function weekOfLabel(text: string, plan: Plan): { from: IsoDate; to: IsoDate } | undefined {
  const iso = /(\d{4}-\d{2}-\d{2})\s*(?:to|至|—|-|~)\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso) return { from: iso[1]!, to: iso[2]! };
  const m = /(\d{1,2})月(\d{1,2})日\s*[—–\-~至]+\s*(\d{1,2})月(\d{1,2})日/.exec(text);
  if (!m) return undefined;
  const near = plan.period ?? (plan.year ? { start: `${plan.year}-01-01`, end: `${plan.year}-12-31` } : undefined);
  if (!near) return undefined;
  const from = dateOf({ text: `${m[1]}月${m[2]}日` }, { from: near.start, to: near.end });
  const to = dateOf({ text: `${m[3]}月${m[4]}日` }, { from: near.start, to: near.end });
  // Stryker disable next-line LogicalOperator: dateOf gives a day's text an object always, and one with no date compares false with any day; the checks before the comparison are there for the types
  return from && 'date' in from && to && 'date' in to && from.date <= to.date ? { from: from.date, to: to.date } : undefined;
}

/** A header field's value: “填报单位：派出所” → 派出所 (other fields may share its line: up to the next). */
function headerValue(header: readonly string[], names: readonly string[]): string | undefined {
  for (const line of header) {
    for (const name of names) {
      const m = new RegExp(`(?:^|\\s)${name}\\s*[：:]\\s*(.+?)(?=\\s+[^\\s：:]+[：:]|$)`).exec(line);
      if (m) return m[1]!.trim();
    }
  }
  return undefined;
}

/**
 * Which sheet a file is: its match lines, when it has them, else its header lines (填报单位, 周次, 方案) — a
 * sheet a spreadsheet saved as CSV. Undefined, with the finding that says why, when it is no sheet of this plan.
 */
function identify(plan: Plan, sheet: ReturnedSheet, add: Add): SheetIdentity | undefined {
  const meta = sheet.meta;
  if (sheet.refused) {
    add('sheet/refused', { file: sheet.file, why: sheet.refused.why, limit: sheet.refused.limit, ...(sheet.refused.size !== undefined ? { size: sheet.refused.size } : {}) });
    return undefined;
  }
  if (sheet.csvDamage) {
    const d = sheet.csvDamage;
    add(d.why === 'encoding' ? 'sheet/file-encoding' : 'sheet/csv-quote', d.why === 'encoding' ? { file: sheet.file, encoding: d.encoding } : { file: sheet.file, line: d.line });
    return undefined;
  }
  if (sheet.damaged !== undefined) {
    add('sheet/unreadable', { file: sheet.file, reason: sheet.damaged });
    return undefined;
  }
  if (sheet.unreadable && !meta) {
    add('sheet/not-a-sheet', { file: sheet.file, reason: sheet.unreadable });
    return undefined;
  }
  if (meta) {
    if (!READABLE_FORMATS.includes(meta.format)) {
      add('sheet/format', { file: sheet.file, format: meta.format, expected: SHEET_FORMAT });
      return undefined;
    }
    if (!same(meta.planTitle, plan.title ?? '')) {
      add('sheet/other-plan', { file: sheet.file, sheetPlan: meta.planTitle, plan: plan.title ?? '' });
      return undefined;
    }
    const unit = plan.units.find((u) => u.id === meta.unit);
    if (!unit) {
      add('sheet/unit', { file: sheet.file, unit: meta.unit, unitName: meta.unitName });
      return undefined;
    }
    if (sheet.unreadable) {
      add('sheet/not-a-sheet', { file: sheet.file, reason: sheet.unreadable });
      return undefined;
    }
    return { unit: unit.id, unitName: unit.name, from: meta.from, to: meta.to, format: meta.format, tasks: meta.tasks, lang: meta.lang };
  }
  // No match lines: the header lines say whose and which week, the tasks are checked against the plan.
  const l = (key: 'fillUnit' | 'week' | 'plan') => [label('zh', key), label('en', key)];
  const unitName = headerValue(sheet.header, l('fillUnit'));
  const weekText = headerValue(sheet.header, l('week'));
  const planTitle = headerValue(sheet.header, l('plan'));
  const missing = [...(unitName ? [] : ['unit' as const]), ...(weekText ? [] : ['week' as const]), ...(planTitle ? [] : ['plan' as const])];
  if (missing.length) {
    add('sheet/unidentified', { file: sheet.file, missing });
    return undefined;
  }
  if (!same(planTitle!, plan.title ?? '')) {
    add('sheet/other-plan', { file: sheet.file, sheetPlan: planTitle!, plan: plan.title ?? '' });
    return undefined;
  }
  const unit = unitByWord(plan, unitName!);
  if (!unit) {
    add('sheet/unit', { file: sheet.file, unit: unitName!, unitName: unitName! });
    return undefined;
  }
  const week = weekOfLabel(weekText!, plan);
  if (!week) {
    add('sheet/unidentified', { file: sheet.file, missing: ['week'] });
    return undefined;
  }
  add('sheet/unverified', { file: sheet.file }, undefined, 0, 'warning');
  return { unit: unit.id, unitName: unit.name, ...week, lang: /[\u4e00-\u9fff]/.test(weekText!) ? 'zh' : 'en' };
}

export interface CheckContext {
  /** The week being reported (本周): a sheet of an earlier week is told as such, and may carry dates up to its end. */
  current: { from: IsoDate; to: IsoDate; label: string; weekNo: number | null };
  /** Nothing dated after it is taken. */
  asOf: IsoDate;
  lang: Lang;
}

const hasBadCharacter = (text: string): boolean => text.includes('\uFFFD');

/** A sheet identified (see identify), with the findings that say why when it is not one of this plan's. */
export interface Identified { identity?: SheetIdentity; findings: readonly SheetFinding[] }

export function identifySheet(plan: Plan, sheet: ReturnedSheet): Identified {
  const findings: SheetFinding[] = [];
  const identity = identify(plan, sheet, finder(sheet.file, findings).add);
  return { ...(identity ? { identity } : {}), findings };
}

/** Checks a sheet identified as a unit's (once, by the caller when it has done so already) and turns its right rows into entries. */
export function checkSheet(plan: Plan, sheet: ReturnedSheet, ctx: CheckContext, identified: Identified = identifySheet(plan, sheet)): SheetResult {
  const findings: SheetFinding[] = [...identified.findings];
  const tally = finder(sheet.file, findings);
  const add = tally.add;
  const id = identified.identity;
  const filledRows = new Map<number, string>();
  if (!id) return { findings, rows: [], filled: 0, filledRows, errorRows: [] };
  const unit = plan.units.find((u) => u.id === id.unit)!;
  const earlier = id.to < ctx.current.from;
  if (earlier) {
    add('sheet/earlier-week', { week: weekLabel(weekNumber(plan, id.from, ctx), id.from, id.to, ctx.lang), current: ctx.current.label }, undefined, 0, 'warning');
  }
  // Dates may lie in the sheet's week, or on its report day after it (recorded as the week's last day) — or, for
  // an earlier week's sheet filled in late, up to this week's end.
  const windowEnd = reportWindowEnd(plan, unit.id, id);
  const lastDay = earlier && ctx.current.to > windowEnd ? ctx.current.to : windowEnd;
  const labels = Object.fromEntries(STATUSES.map((s) => [s, label(id.lang, s)])) as Record<Status, string>;
  const leaves = new Map(plan.allTasks.filter((t) => t.tasks.length === 0).map((t) => [t.id, t]));
  const assigned = (t: Task) => t.lead.includes(unit.id) || t.support.includes(unit.id);
  const expected = id.tasks ?? plan.allTasks.filter((t) => t.tasks.length === 0 && assigned(t)).map((t) => ({ id: t.id, fingerprint: '' }));
  const expectedIds = new Set(expected.map((t) => t.id));
  const written = new Set(sheet.rows.map((r) => r.cells.id?.text ?? ''));
  const rows: CollectedRow[] = [];
  let filled = 0;
  let latest: IsoDate | undefined;
  let position = 0;
  const due = weeklyDeadlineFor(plan, unit.id, id)?.due;
  const blankDate = due && due < id.to ? due : id.to;

  for (const found of sheet.rows as FoundRow[]) {
    const at = found.below ? -1 : position++;
    const c = found.cells;
    const actuals = (Object.keys(c) as SheetColumn[]).filter((k) => k.startsWith('actual:') && c[k]!.text !== '');
    if (!FILLED.some((k) => c[k]?.text) && actuals.length === 0) continue;
    filled++;
    // Counted as they are found (counting the findings of every row for each row was quadratic in the rows).
    const errorsBefore = tally.errors();
    const taskId = c.id?.text ?? '';
    filledRows.set(found.row, taskId);
    let task = leaves.get(taskId);

    for (const [key, cell] of Object.entries(c)) {
      if (cell && hasBadCharacter(cell.text)) add('sheet/encoding', { value: cell.text.slice(0, 20), column: key }, cell);
    }
    const inTable = at >= 0 && at < expected.length;
    if (inTable && expectedIds.has(taskId)) {
      const fingerprint = expected.find((t) => t.id === taskId)!.fingerprint;
      if (!task) add('sheet/stale', { task: taskId, title: '' }, c.id, found.row);
      else if (id.format && taskFingerprint(task, id.format) !== fingerprint) add('sheet/stale', { task: taskId, title: task.title }, c.task ?? c.id, found.row);
      else if (!same(c.task?.text ?? '', task.title)) add('sheet/edited', { column: label(id.lang, 'task'), was: task.title, now: c.task?.text ?? '' }, c.task, found.row);
      else if (!assigned(task)) add('sheet/not-assigned', { task: taskId, unit: unit.name }, c.id, found.row);
    } else if (inTable && !written.has(expected[at]!.id)) {
      // The row the sheet was made with for another task, its id typed over.
      add('sheet/edited', { column: label(id.lang, 'id'), was: expected[at]!.id, now: taskId }, c.id, found.row);
      task = undefined;
    } else if (!taskId) {
      add('sheet/no-task', {}, c.id ?? Object.values(c)[0], found.row);
    } else if (!task || !assigned(task)) {
      add('sheet/not-assigned', { task: taskId, unit: unit.name }, c.id, found.row);
      task = undefined;
    } else if (c.task?.text && !same(c.task.text, task.title)) {
      add('sheet/edited', { column: label(id.lang, 'task'), was: task.title, now: c.task.text }, c.task, found.row);
    } else {
      // A row the unit added below the table, for one of its tasks: taken, and said.
      add('sheet/added-row', { task: taskId }, c.id, found.row, 'warning');
    }

    let status: Status | undefined;
    if (c.newStatus?.text) {
      status = statusOf(c.newStatus.text, labels);
      if (!status) add('sheet/status', { value: c.newStatus.text, allowed: STATUSES.map((s) => labels[s]), suggestion: statusSuggestion(c.newStatus.text, labels) }, c.newStatus);
    }
    let progress: number | undefined;
    if (c.newProgress?.text) {
      progress = progressOf(c.newProgress);
      if (progress === undefined) add('sheet/progress', { value: c.newProgress.text }, c.newProgress);
    }
    let date: IsoDate | undefined;
    let typed: IsoDate | undefined;
    if (c.date?.text || c.date?.number !== undefined) {
      const d = dateOf(c.date, id);
      if (d && 'bad' in d) add('sheet/date', { value: c.date.text }, c.date);
      else if (d && (d.date < id.from || d.date > lastDay)) add('sheet/date-week', { value: d.date, from: id.from, to: id.to }, c.date);
      else if (d) {
        // Dated on report day, after the week: the sheet still speaks of its week.
        date = d.date > id.to && d.date <= windowEnd ? id.to : d.date;
        typed = date;
        if (d.date > ctx.asOf) add('sheet/date-future', { value: d.date, asOf: ctx.asOf }, c.date, found.row, 'warning');
      }
    }
    const actual: Record<string, number> = {};
    for (const key of actuals) {
      const label = key.slice('actual:'.length);
      const cell = c[key]!;
      const n = figureOf(cell);
      // The column names the metric, with its unit of measure when it has one: 培训人数（人次）.
      const target = task?.targets.find((t) => label === t.metric || label === `${t.metric}（${t.unit}）` || label === `${t.metric} (${t.unit})`);
      const metric = target?.metric ?? label.replace(/（[^（）]*）$| \([^()]*\)$/, '');
      if (n === undefined) add('sheet/figure', { value: cell.text, metric }, cell);
      else if (typeof n === 'object') add('sheet/figure-limit', { value: cell.text, metric, limit: FIGURE_LIMIT }, cell);
      else if (task && !target) add('sheet/no-target', { task: task.id, metric }, cell);
      else actual[metric] = n;
    }
    // Without a date: the week's last day, or its report deadline when that comes first (Friday of a Monday
    // week) — never today, so that collecting again on another day adds nothing.
    const blank = !c.date?.text && c.date?.number === undefined;
    date ??= blankDate;
    if (status === 'done' && progress === undefined) progress = 100;
    // 100 % with no status is done; done below 100 %, or 100 % while still under way, is for the unit to settle.
    if (status === undefined && progress === 100) status = 'done';
    else if ((status === 'done' && progress !== undefined && progress < 100) || (progress === 100 && status !== 'done' && status !== 'cancelled' && status !== undefined)) {
      add('sheet/status-progress', { status: c.newStatus!.text, progress: progress! }, c.newProgress ?? c.newStatus);
    }
    if (blank && status === 'done' && task?.due && date > task.due) {
      add('sheet/blank-date-late', { task: task.id, date, due: task.due }, c.date ?? c.newStatus, found.row, 'warning');
    }
    const note = c.note?.text || undefined;
    if (task && progress !== undefined && !note) {
      const was = unitStateAsOf(task, unit.id, date).progress;
      if (progress < was) add('sheet/progress-down', { task: task.id, was, now: progress }, c.newProgress);
    }
    if (tally.errors() > errorsBefore || !task) continue;
    if (blank && date > ctx.asOf) add('sheet/blank-date-future', { date, asOf: ctx.asOf }, c.date ?? c.note ?? c.id, found.row, 'warning');
    // Of two copies, the one with the later date filled in is the later: a blank date says nothing of when.
    if (typed && (!latest || typed > latest)) latest = typed;
    const entry: CollectedEntry = {
      date,
      ...(status ? { status } : {}),
      ...(progress !== undefined ? { progress } : {}),
      ...(note ? { note } : {}),
      ...(c.problems?.text ? { problems: c.problems.text } : {}),
      ...(c.next?.text ? { next: c.next.text } : {}),
      by: unit.id,
      ...(Object.keys(actual).length ? { actual } : {}),
    };
    rows.push({ file: sheet.file, row: found.row, task, entry });
  }
  tally.close();
  const errorRows = [...tally.errorRows].sort((a, b) => a - b);
  return { findings, rows, filled, filledRows, errorRows, identity: id, ...(latest ? { latest } : {}) };
}

/** The campaign's number of the week starting `from` (null outside the period). */
function weekNumber(plan: Plan, from: IsoDate, ctx: CheckContext): number | null {
  if (ctx.current.weekNo === null) return null;
  const n = ctx.current.weekNo - Math.round(daysBetween(from, ctx.current.from) / 7);
  return n >= 1 && plan.period ? n : null;
}

/** Whether the task's log already has this entry (collecting the same sheet twice adds nothing). */
export function alreadyLogged(task: Task, e: CollectedEntry): boolean {
  return task.updates.some((u) => u.date === e.date && u.by === e.by && u.status === e.status && u.progress === e.progress
    && u.note === e.note && u.problems === e.problems && u.next === e.next && sameFigures(u.actual, e.actual));
}

const sameFigures = (a: Readonly<Record<string, number>> | undefined, b: Readonly<Record<string, number>> | undefined): boolean => {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  return ka.length === kb.length && ka.every((k) => a![k] === b?.[k]);
};
