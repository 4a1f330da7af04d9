// A week's folder of returned sheets, as one collection: each sheet checked, a unit's sheet sent twice taken
// once (the later 填报日期, else the newer file), and the rows to record — none that the log already has or
// that another sheet of the run gave already — in date order. Pure: collect reads the files and writes.
import type { Plan } from '../model/types.js';
import { alreadyLogged, checkSheet, type CheckContext, type CollectedRow, type SheetFinding } from './check.js';
import type { ReturnedSheet } from './read.js';
import { weekLabel } from '../reports/weekly.js';

export interface ReturnedFile { sheet: ReturnedSheet; /** When the file was last changed (ms since 1970). */ modified: number }

export interface GatheredFile {
  file: string;
  findings: SheetFinding[];
  /** Rows recorded now. */
  taken: CollectedRow[];
  /** Right rows the log has already. */
  again: CollectedRow[];
  /** Right rows held back because the sheet has errors (without --partial), or it is a copy of another. */
  held: CollectedRow[];
  /** Rows with something filled in. */
  filled: number;
}

export interface Gathered { files: GatheredFile[]; taken: CollectedRow[] }

const errorsIn = (findings: readonly SheetFinding[]): boolean => findings.some((f) => f.severity === 'error');

export function gather(plan: Plan, returned: readonly ReturnedFile[], ctx: CheckContext & { partial: boolean }): Gathered {
  const checked = returned.map((r) => ({ ...r, result: checkSheet(plan, r.sheet, ctx) }));
  // Of a unit's sheets of one week, the one filled in latest (else the newest file, else the last named) is taken.
  const kept = new Map<string, (typeof checked)[number]>();
  for (const c of checked) {
    const id = c.result.identity;
    if (!id) continue;
    const key = `${id.unit}\u0000${id.from}`;
    const other = kept.get(key);
    if (!other || later(c, other)) kept.set(key, c);
  }
  const files: GatheredFile[] = [];
  const taken: CollectedRow[] = [];
  for (const c of checked) {
    const id = c.result.identity;
    const findings = [...c.result.findings];
    const winner = id ? kept.get(`${id.unit}\u0000${id.from}`)! : c;
    if (winner !== c && id) {
      findings.push({
        file: c.sheet.file, cell: '', row: 0, id: 'sheet/duplicate', severity: 'warning',
        data: { file: c.sheet.file, kept: winner.sheet.file, unit: id.unitName, week: weekLabel(null, id.from, id.to, ctx.lang) },
      });
    }
    const usable = winner === c && (!errorsIn(c.result.findings) || ctx.partial) ? c.result.rows : [];
    const fresh = usable.filter((r) => !alreadyLogged(r.task, r.entry) && !taken.some((s) => s.task === r.task && sameEntry(s, r)));
    taken.push(...fresh);
    files.push({
      file: c.sheet.file, findings, taken: fresh, again: usable.filter((r) => !fresh.includes(r)),
      held: c.result.rows.filter((r) => !usable.includes(r)), filled: c.result.filled,
    });
  }
  // Entries go into each log in date order, a day's entries in the order of the files and rows.
  const order = (r: CollectedRow) => returned.findIndex((x) => x.sheet.file === r.file);
  taken.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : order(a) - order(b) || a.row - b.row));
  return { files, taken };
}

/** Whether sheet `a` is the later of two of a unit's week: filled in later, else changed later, else named later. */
function later(a: { result: { latest?: string }; modified: number; sheet: ReturnedSheet }, b: typeof a): boolean {
  const la = a.result.latest ?? '';
  const lb = b.result.latest ?? '';
  if (la !== lb) return la > lb;
  if (a.modified !== b.modified) return a.modified > b.modified;
  return a.sheet.file > b.sheet.file;
}

const sameEntry = (a: CollectedRow, b: CollectedRow): boolean => JSON.stringify(a.entry) === JSON.stringify(b.entry);
