// A returned sheet against the plan as it is now: every filled cell checked, and each valid row turned into
// a progress entry for the task. Pure: the command reads the files and writes the plan.
import { label } from '../messages/labels.js';
import type { ToolMessageData } from '../messages/tool-messages.js';
import type { IsoDate, Plan, Status, Task, Update } from '../model/types.js';
import { STATUSES } from '../model/types.js';
import { unitStateAsOf } from '../model/status-at.js';
import { SHEET_FORMAT, taskFingerprint, type SheetColumn } from './layout.js';
import type { FoundCell, FoundRow, ReturnedSheet } from './read.js';
import { progressOf, statusOf, writtenIso } from './values.js';
import { earlierOf, isRealDate, laterOf } from '../calendar/dates.js';

type SheetMessage = Extract<keyof ToolMessageData, `sheet/${string}`>;

export interface SheetFinding<K extends SheetMessage = SheetMessage> {
  file: string;
  /** The cell, as a spreadsheet names it (填报!G7); empty for the file as a whole. */
  cell: string;
  row: number;
  id: K;
  data: ToolMessageData[K];
}

/** A progress entry as collect writes it: always by the unit whose sheet it came from. */
export type CollectedEntry = Omit<Update, 'path' | 'by'> & { by: string };

export interface CollectedRow { file: string; row: number; task: Task; entry: CollectedEntry }

export interface SheetResult { findings: SheetFinding[]; rows: CollectedRow[]; /** Rows with something filled in. */ filled: number }

/** The columns a unit fills in: a row with none of them filled says nothing this week. */
const FILLED: readonly SheetColumn[] = ['note', 'newStatus', 'newProgress', 'problems', 'next', 'date', 'person'];

const rowNumberOf = (ref: string): number => Number(/(\d+)$/.exec(ref)?.[1] ?? 0);

export function checkSheet(plan: Plan, sheet: ReturnedSheet, opts: { today: IsoDate }): SheetResult {
  const findings: SheetFinding[] = [];
  const add = <K extends SheetMessage>(id: K, data: ToolMessageData[K], cell?: FoundCell, row = 0) => {
    findings.push({ file: sheet.file, cell: cell?.ref ?? '', row: cell ? rowNumberOf(cell.ref) : row, id, data } as SheetFinding);
  };
  const meta = sheet.meta;
  if (sheet.unreadable || !meta) {
    add('sheet/not-a-sheet', { file: sheet.file, reason: sheet.unreadable ?? '' });
    return { findings, rows: [], filled: 0 };
  }
  if (meta.format !== SHEET_FORMAT) {
    add('sheet/format', { file: sheet.file, format: meta.format, expected: SHEET_FORMAT });
    return { findings, rows: [], filled: 0 };
  }
  if (meta.planTitle !== (plan.title ?? '')) {
    add('sheet/other-plan', { file: sheet.file, sheetPlan: meta.planTitle, plan: plan.title ?? '' });
    return { findings, rows: [], filled: 0 };
  }
  const unit = plan.units.find((u) => u.id === meta.unit);
  if (!unit) {
    add('sheet/unit', { file: sheet.file, unit: meta.unit, unitName: meta.unitName });
    return { findings, rows: [], filled: 0 };
  }
  const labels = Object.fromEntries(STATUSES.map((s) => [s, label(meta.lang, s)])) as Record<Status, string>;
  const leaves = new Map(plan.allTasks.filter((t) => t.tasks.length === 0).map((t) => [t.id, t]));
  const rows: CollectedRow[] = [];
  let filled = 0;

  sheet.rows.forEach((found: FoundRow, i) => {
    const c = found.cells;
    if (!FILLED.some((k) => c[k]?.text)) return;
    filled++;
    const before = findings.length;
    const expected = meta.tasks[i];
    const id = c.id?.text ?? '';
    const task = leaves.get(id);
    // The sheet's own rows, in its own order: a row it was not made with, or an id typed over, is not the unit's.
    if (!expected) add('sheet/not-assigned', { task: id, unit: unit.name }, c.id, found.row);
    else if (id !== expected.id) add('sheet/edited', { column: label(meta.lang, 'id'), was: expected.id, now: id }, c.id, found.row);
    else if (!task) add('sheet/stale', { task: id, title: '' }, c.id, found.row);
    else if (taskFingerprint(task) !== expected.fingerprint) add('sheet/stale', { task: id, title: task.title }, c.task ?? c.id, found.row);
    else if ((c.task?.text ?? '') !== task.title.trim()) add('sheet/edited', { column: label(meta.lang, 'task'), was: task.title, now: c.task?.text ?? '' }, c.task, found.row);
    else if (!task.lead.includes(unit.id) && !task.support.includes(unit.id)) add('sheet/not-assigned', { task: id, unit: unit.name }, c.id, found.row);

    let status: Status | undefined;
    if (c.newStatus?.text) {
      status = statusOf(c.newStatus.text, labels);
      if (!status) add('sheet/status', { value: c.newStatus.text, allowed: STATUSES.map((s) => labels[s]) }, c.newStatus);
    }
    let progress: number | undefined;
    if (c.newProgress?.text) {
      progress = progressOf(c.newProgress);
      if (progress === undefined || progress < 0 || progress > 100) {
        add('sheet/progress', { value: c.newProgress.text }, c.newProgress);
        progress = undefined;
      }
    }
    let date: IsoDate | undefined;
    if (c.date?.text) {
      const written = c.date.date ?? writtenIso(c.date.text);
      if (!written || !isRealDate(written)) add('sheet/date', { value: c.date.text }, c.date);
      else if (written < meta.from || written > meta.to) add('sheet/date-week', { value: written, from: meta.from, to: meta.to }, c.date);
      else date = written;
    }
    // Without a date: the week's last day, or today while the week is still running.
    date ??= earlierOf(laterOf(opts.today, meta.from), meta.to);
    if (status === 'done' && progress === undefined) progress = 100;
    const note = c.note?.text || undefined;
    if (task && progress !== undefined && !note) {
      const was = unitStateAsOf(task, unit.id, date).progress;
      if (progress < was) add('sheet/progress-down', { task: task.id, was, now: progress }, c.newProgress);
    }
    if (findings.length > before || !task) return;
    const entry: CollectedEntry = {
      date,
      ...(status ? { status } : {}),
      ...(progress !== undefined ? { progress } : {}),
      ...(note ? { note } : {}),
      ...(c.problems?.text ? { problems: c.problems.text } : {}),
      ...(c.next?.text ? { next: c.next.text } : {}),
      by: unit.id,
    };
    rows.push({ file: sheet.file, row: found.row, task, entry });
  });
  return { findings, rows, filled };
}

/** Whether the task's log already has this entry (collecting the same sheet twice adds nothing). */
export function alreadyLogged(task: Task, e: CollectedEntry): boolean {
  return task.updates.some((u) => u.date === e.date && u.by === e.by && u.status === e.status && u.progress === e.progress
    && u.note === e.note && u.problems === e.problems && u.next === e.next);
}
