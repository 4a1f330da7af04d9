// A cell holds at most 32,767 characters (Excel's limit; longer text makes the file unreadable to it).
// Longer plan text is cut, with a visible marker and the whole length in a note.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';

export const CELL_LIMIT = 32_767;

export interface CellText { text: string; /** Set when the text was cut: what the cell's note says. */ note?: string }

export function fitCell(text: string, lang: Lang): CellText {
  if (text.length <= CELL_LIMIT) return { text };
  const marker = label(lang, 'cellCut');
  let end = CELL_LIMIT - marker.length;
  // Never between the two halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  const note = label(lang, 'cellCutNote').replace('{n}', String(text.length)).replace('{limit}', String(CELL_LIMIT));
  return { text: text.slice(0, end) + marker, note };
}
