// Reading what people type into a sheet's cells: dates as 2020-06-17, 2020/6/17, 2020.6.17 or 2020年6月17日;
// statuses in Chinese or English; progress as 60 or 60%.
import { isRealDate } from '../calendar/dates.js';
import { normaliseStatus } from '../model/build.js';
import { STATUSES, type Status } from '../model/types.js';

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A written date as YYYY-MM-DD, when it is written as one (whether or not it exists: see isRealDate). */
export function writtenIso(text: string): string | undefined {
  const m = DATE.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

/** A written date that exists, as YYYY-MM-DD. */
export function toIsoOrUndefined(text: string): string | undefined {
  const iso = writtenIso(text);
  return iso && isRealDate(iso) ? iso : undefined;
}

/** A status as picked from the sheet's list (未开始 … 已取消) or written as the plan writes it. */
export function statusOf(text: string, labels: Record<Status, string>): Status | undefined {
  const t = text.trim();
  const byLabel = STATUSES.find((s) => labels[s] === t || labels[s].toLowerCase() === t.toLowerCase());
  return byLabel ?? normaliseStatus(t);
}

/** Progress as a whole percentage 0–100: 60, "60", "60%". Undefined when it is not one. */
export function progressOf(cell: { text: string; number?: number; percent?: boolean }): number | undefined {
  // A spreadsheet turns a typed "60%" into 0.6 shown as a percentage.
  if (cell.number !== undefined && cell.percent) return Number.isInteger(Math.round(cell.number * 1e6) / 1e4) ? Math.round(cell.number * 100) : undefined;
  if (cell.number !== undefined) return Number.isInteger(cell.number) ? cell.number : undefined;
  const m = /^(\d{1,3})\s*[%％]?$/.exec(cell.text.trim());
  return m ? Number(m[1]) : undefined;
}
