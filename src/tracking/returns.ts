// Who has not reported on a week: the units with tasks that week (leading or supporting a task not yet
// done or cancelled when the week began, and begun by its end) that have no entry dated in the week on any
// of them — their own, or the office's on a task they lead. The plan's own office — its contact unit, or a unit marked `self: true` — and external units are
// never asked to report to it; a plan whose log never names a reporting unit (the office keeps it alone)
// asks nobody. Pure.
import type { Plan, Task, Unit } from '../model/types.js';
import { addDays, type IsoDate } from '../calendar/dates.js';
import { stateAsOf, unitStateAsOf } from '../model/status-at.js';
import { contactUnit } from '../model/units.js';

export interface NotReturned {
  unit: Unit;
  /** The unit's tasks of the week, in plan order: those it leads, then those it supports. */
  tasks: Task[];
}

/** The units that collect the reports: the contact unit and any marked `self`. */
export function ownOffice(plan: Plan): Set<string> {
  const own = new Set(plan.units.filter((u) => u.self).map((u) => u.id));
  const contact = contactUnit(plan);
  if (contact) own.add(contact.id);
  return own;
}

/**
 * The units that owe an entry for the week `from`–`to`, as of `asOf` (entries after it are not seen).
 * A week that has not begun owes nothing.
 */
export function notReturned(plan: Plan, from: IsoDate, to: IsoDate, asOf: IsoDate): NotReturned[] {
  // A plan whose log names no reporting unit is kept by the office alone: nobody owes it a sheet.
  if (asOf < from || !plan.allTasks.some((t) => t.updates.some((u) => u.by !== undefined))) return [];
  const seenTo = asOf < to ? asOf : to;
  const before = addDays(from, -1);
  const own = ownOffice(plan);
  const open = plan.allTasks.filter((t) => {
    if (t.tasks.length) return false;
    const begins = t.start ?? plan.period?.start;
    if (begins && begins > to) return false;
    const { status } = stateAsOf(t, before);
    return status !== 'done' && status !== 'cancelled';
  });
  const out: NotReturned[] = [];
  for (const unit of plan.units) {
    if (unit.external || own.has(unit.id)) continue;
    // A unit whose own part of a task is done (or cancelled) before the week owes no more on it.
    const owes = (t: Task) => {
      const own = unitStateAsOf(t, unit.id, before).status;
      return own !== 'done' && own !== 'cancelled';
    };
    const led = open.filter((t) => t.lead.includes(unit.id) && owes(t));
    const tasks = [...led, ...open.filter((t) => !led.includes(t) && t.support.includes(unit.id) && owes(t))];
    if (tasks.length === 0) continue;
    // The office's entry on a task the unit leads says what the unit told it: that counts too.
    const reported = plan.allTasks.some((t) => t.updates.some((u) =>
      u.date >= from && u.date <= seenTo && (u.by === unit.id || (u.by === undefined && t.lead.includes(unit.id)))));
    if (!reported) out.push({ unit, tasks });
  }
  return out;
}
