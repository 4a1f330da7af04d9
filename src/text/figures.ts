// Numbers as clerks and units type them, read one way by every command that takes one (update's
// --progress, --actual and --target; collect's 进度 and 完成值 cells): decimal digits, full-width or not
// (６０), a thousands comma (1,200), a percent sign for progress (60%), a unit of measure after a figure
// (40处), and -0 as 0 (a spreadsheet's -0 is 0). Nothing a programmer would type: 0x10, 0b11, 1e1, +5 and
// Infinity are no count of anything.

/**
 * The largest figure (目标值, 完成值) a plan holds: a trillion. A county's counts (份, 人次, 处, even 元) stay
 * far below it, and the units' figures of a task add up exactly (2^53 is 9,007 times it), never to
 * Infinity. The plan schema's `maximum` for targets and actual values is this number.
 */
export const FIGURE_LIMIT = 1e12;

/** Full-width digits and letters as ASCII, spaces gone: what was typed, as written. */
const plain = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').replace(/[。．.]$/, '').toLowerCase();

/** Progress typed as text: 60, 60.5, 60%, ６０％ → a number 0–100 (one decimal); undefined for anything else. */
export function progressText(text: string): number | undefined {
  const m = /^(-?\d{1,3}(?:\.\d+)?)%?$/.exec(plain(text));
  return m ? progressNumber(Number(m[1])) : undefined;
}

/** A progress number 0–100, rounded to one decimal (-0 is 0); undefined outside. */
export function progressNumber(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return Math.round(n * 10) / 10 + 0;
}

/**
 * What a figure typed as text is: a number ≥ 0 (１２, 12.5, 1,200, 40处), `{ over }` past FIGURE_LIMIT, or
 * undefined when it is not a number.
 */
export function figureText(text: string): FigureRead {
  const m = /^(-?\d+(?:\.\d+)?)[\u4e00-\u9fff]{0,3}$/.exec(plain(text).replace(/,(?=\d{3}(?!\d))/g, ''));
  return m ? figureNumber(Number(m[1])) : undefined;
}

export type FigureRead = number | { over: number } | undefined;

/** A figure held as a number (a spreadsheet's cell): ≥ 0 and finite, `{ over }` past FIGURE_LIMIT. -0 is 0. */
export function figureNumber(n: number): FigureRead {
  if (Number.isNaN(n) || n < 0) return undefined;
  return n > FIGURE_LIMIT ? { over: n } : n + 0;
}
