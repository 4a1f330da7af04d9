// A week's folder of returned sheets, as one collection: each sheet checked; a unit's sheet that came more than
// once (a re-sent "(1).xlsx", the same file in two folders, two clerks each filling part of it) taken once — the
// copy filled in latest (else the newer file) for every task it fills in, an older copy only for the tasks the
// later ones leave blank; a sheet of an earlier week than the folder's told as such; and the rows to record —
// none that the log already has or that another sheet of the run gave already — in date order. Pure: collect
// reads the files and writes.
import type { Plan, Weekday } from '../model/types.js';
import { alreadyLogged, checkSheet, identifySheet, type CheckContext, type CollectedRow, type SheetFinding, type SheetIdentity, type SheetResult } from './check.js';
import type { ReturnedSheet } from './read.js';
import { weekLabel } from '../reports/weekly.js';
import { reportingWeek } from '../tracking/weeks.js';
import type { Lang } from '../messages/types.js';
import type { IsoDate } from '../calendar/dates.js';

export interface ReturnedFile { sheet: ReturnedSheet; /** When the file was last changed (ms since 1970). */ modified: number }

export interface GatheredFile {
  file: string;
  findings: SheetFinding[];
  /** Rows recorded now. */
  taken: CollectedRow[];
  /** Right rows the log has already. */
  again: CollectedRow[];
  /** Right rows held back because the sheet has errors (without --partial). */
  held: CollectedRow[];
  /** Rows with something filled in. */
  filled: number;
  /** Rows not taken for their errors, in order. */
  errorRows: number[];
}

export interface Gathered { files: GatheredFile[]; taken: CollectedRow[] }

export interface GatherContext {
  asOf: IsoDate;
  lang: Lang;
  partial: boolean;
  /** The week `weekly` would show as of the date: the folder's week when its sheets do not say. */
  reported: { from: IsoDate; to: IsoDate; weekNo: number | null };
  weekStarts: Weekday;
}

const errorsIn = (findings: readonly SheetFinding[]): boolean => findings.some((f) => f.severity === 'error');
const keyOf = (id: SheetIdentity): string => `${id.unit}\u0000${id.from}`;

/**
 * The week the folder is of: the week most of its sheets are of (the later of two as common), else the week
 * being reported — so that a folder collected after its week (or on report day) calls none of its own sheets
 * earlier, and last week's sheet among this week's is told as such.
 */
function folderWeek(plan: Plan, identities: readonly SheetIdentity[], ctx: GatherContext): CheckContext['current'] {
  const count = new Map<IsoDate, { n: number; to: IsoDate }>();
  for (const id of identities) count.set(id.from, { n: (count.get(id.from)?.n ?? 0) + 1, to: id.to });
  const [from, { to }] = [...count].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? 1 : -1))[0] ?? [ctx.reported.from, ctx.reported];
  const weekNo = from === ctx.reported.from ? ctx.reported.weekNo : reportingWeek(from, ctx.weekStarts, plan.period).weekNo;
  return { from, to, weekNo, label: weekLabel(weekNo, from, to, ctx.lang) };
}

export function gather(plan: Plan, returned: readonly ReturnedFile[], ctx: GatherContext): Gathered {
  const identified = returned.map((r) => identifySheet(plan, r.sheet));
  const identities = identified.flatMap((i) => (i.identity ? [i.identity] : []));
  const check: CheckContext = { current: folderWeek(plan, identities, ctx), asOf: ctx.asOf, lang: ctx.lang };
  const checked = returned.map((r, i) => ({ ...r, result: checkSheet(plan, r.sheet, check, identified[i]) }));

  // A unit's copies of one week, latest first: each takes the tasks the copies before it leave blank.
  const copies = new Map<string, (typeof checked)[number][]>();
  for (const c of checked) {
    if (!c.result.identity) continue;
    const list = copies.get(keyOf(c.result.identity)) ?? [];
    list.push(c);
    copies.set(keyOf(c.result.identity), list);
  }
  const covered = new Map<(typeof checked)[number], Set<string>>();
  for (const list of copies.values()) {
    list.sort((a, b) => (later(a, b) ? -1 : 1));
    const seen = new Set<string>();
    for (const c of list) {
      covered.set(c, new Set(seen));
      for (const task of c.result.filledRows.values()) seen.add(task);
    }
  }

  const files: GatheredFile[] = [];
  const taken: CollectedRow[] = [];
  const takenKeys = new Set<string>();
  for (const c of checked) {
    const id = c.result.identity;
    const before = covered.get(c) ?? new Set<string>();
    const list = id ? copies.get(keyOf(id))! : [c];
    // Rows of tasks a later copy fills in are that copy's; so are their findings, and a copy's file-level warnings.
    const dropped = [...c.result.filledRows].filter(([, task]) => before.has(task)).map(([row]) => row);
    const droppedRows = new Set(dropped);
    const findings = list[0] === c ? [...c.result.findings] : c.result.findings.filter((f) => f.row > 0 && !droppedRows.has(f.row));
    if (list[0] !== c && id) {
      findings.push({
        file: c.sheet.file, cell: '', row: 0, id: 'sheet/duplicate', severity: 'warning',
        data: { file: c.sheet.file, kept: list[0]!.sheet.file, unit: id.unitName, week: weekLabel(null, id.from, id.to, ctx.lang), rows: dropped },
      });
    }
    const own = c.result.rows.filter((r) => !before.has(r.task.id));
    const usable = !errorsIn(findings) || ctx.partial ? own : [];
    // Each row looked up, not searched for: a sheet of many rows costs its rows, not their square.
    const logged = (r: CollectedRow) => alreadyLogged(r.task, r.entry) || takenKeys.has(entryKey(r));
    const fresh = usable.filter((r) => !logged(r));
    const isFresh = new Set(fresh);
    const isUsable = new Set(usable);
    taken.push(...fresh);
    for (const r of fresh) takenKeys.add(entryKey(r));
    files.push({
      file: c.sheet.file, findings, taken: fresh, again: own.filter((r) => !isFresh.has(r) && logged(r)),
      held: own.filter((r) => !isUsable.has(r) && !logged(r)), filled: c.result.filled,
      errorRows: list[0] === c ? c.result.errorRows : c.result.errorRows.filter((r) => !droppedRows.has(r)),
    });
  }
  // Entries go into each log in date order, a day's entries in the order of the files and rows.
  const fileOrder = new Map<string, number>();
  returned.forEach((x, i) => {
    if (!fileOrder.has(x.sheet.file)) fileOrder.set(x.sheet.file, i);
  });
  const order = (r: CollectedRow) => fileOrder.get(r.file) ?? -1;
  taken.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : order(a) - order(b) || a.row - b.row));
  return { files, taken };
}

/** The number a re-sent copy's name ends with, as a mail client or Windows names it: 派出所(1).xlsx, 派出所（2）.csv. */
const copyNumber = (file: string): number => Number(/[(（](\d{1,3})[)）]\.\w+$/.exec(file)?.[1] ?? 0);

/** Whether sheet `a` is the later of two of a unit's week: filled in later, else changed later, else the later copy by name. */
function later(a: { result: Pick<SheetResult, 'latest'>; modified: number; sheet: ReturnedSheet }, b: typeof a): boolean {
  const la = a.result.latest ?? '';
  const lb = b.result.latest ?? '';
  if (la !== lb) return la > lb;
  if (a.modified !== b.modified) return a.modified > b.modified;
  const ca = copyNumber(a.sheet.file);
  const cb = copyNumber(b.sheet.file);
  return ca !== cb ? ca > cb : a.sheet.file > b.sheet.file;
}

/** A row's task and entry as one key: two rows of one key give the same entry (the first is taken). */
const entryKey = (r: CollectedRow): string => `${r.task.id}\u0000${JSON.stringify(r.entry)}`;
