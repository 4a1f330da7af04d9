// A date cell of a returned workbook (.xlsx through exceljs, .xls through SheetJS), read the same way by both.
/** Days from the spreadsheets' day zero (1899-12-30) to the first and the last day a date cell can hold. */
const DAY_ZERO = Date.UTC(1899, 11, 30);
const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(9999, 11, 31);

/**
 * A date cell's text and date. One a file holds that no calendar has — a day number of 1e20 (no date at all),
 * or one past 9999 — keeps a text that says what it was (#NUM!, as Excel shows it; else its day number), so
 * that the row gets a finding on that cell rather than a blank date.
 */
export function dateCellOf(d: Date): { text: string; date?: string } {
  const t = d.getTime();
  if (Number.isNaN(t)) return { text: '#NUM!' };
  if (t < FIRST_DAY || t > LAST_DAY) return { text: String(Math.round((t - DAY_ZERO) / 86_400_000)) };
  const date = d.toISOString().slice(0, 10);
  return { text: date, date };
}
