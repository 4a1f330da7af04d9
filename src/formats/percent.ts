// One rounding rule for every percentage any format shows: one decimal place, dropped when it is
// zero (6.7%, 40%). CSV, terminal, Markdown, HTML and XLSX all show the same figure.

/** A fraction (0.0667) or a percentage (6.67) as the percentage to show (6.7). */
export const shownPercent = (value: number, of: 'fraction' | 'percent'): number =>
  Math.round((of === 'fraction' ? value * 100 : value) * 10) / 10;

export const percentText = (pct: number): string => `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`;

/** The Excel number format that shows `pct` as percentText does. */
export const percentFormat = (pct: number): string => (Number.isInteger(pct) ? '0%' : '0.0%');

/** Shown where a percentage does not apply (a unit that leads no task). */
export const NOT_APPLICABLE = '—';

/** A completion fraction as text, or "—" where it does not apply. */
export const completionText = (fraction: number | null): string =>
  fraction === null ? NOT_APPLICABLE : percentText(shownPercent(fraction, 'fraction'));
