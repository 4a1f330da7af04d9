// How a cell reads in text formats (terminal, Markdown, HTML, CSV): localised labels, percentages.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Cell, ColumnKind, Table } from './doc.js';
import { NOT_APPLICABLE, percentText, shownPercent } from './percent.js';

/** The statuses, and done_late: a table's way of saying 逾期完成 (done, after the due date). */
const STATUS_KEYS = ['planned', 'in_progress', 'done', 'blocked', 'cancelled', 'done_late'] as const;

export function cellText(value: Cell, kind: ColumnKind | undefined, lang: Lang): string {
  if (value === null || value === undefined) return kind === 'percent' ? NOT_APPLICABLE : '';
  switch (kind) {
    case 'percent':
      return typeof value === 'number' ? percentText(shownPercent(value, 'fraction')) : String(value);
    case 'progress':
      return typeof value === 'number' ? percentText(shownPercent(value, 'percent')) : String(value);
    case 'status':
      return (STATUS_KEYS as readonly string[]).includes(String(value)) ? label(lang, value as (typeof STATUS_KEYS)[number]) : String(value);
    case 'light':
      return value === 'red' || value === 'yellow' || value === 'green' ? label(lang, value) : String(value);
    case 'bool':
      return value ? label(lang, 'yes') : label(lang, 'no_');
    case 'list':
      return Array.isArray(value) ? value.join(lang === 'zh' ? '、' : ', ') : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** True for kinds that read best right-aligned. */
export const numeric = (kind: ColumnKind | undefined): boolean => kind === 'int' || kind === 'percent' || kind === 'progress';

/**
 * Every cell as text, and which columns have anything in them: readers' formats (terminal, HTML) leave
 * out a column that would only take room (no plan unreadable, no problems this week).
 */
export function tableTexts(table: Table, lang: Lang): { texts: string[][]; shown: number[] } {
  const texts = table.rows.map((r) => r.map((v, i) => cellText(v, table.columns[i]!.kind, lang)));
  const shown = table.columns.map((_, i) => i).filter((i) => texts.some((r) => r[i] !== '' && r[i] !== NOT_APPLICABLE));
  return { texts, shown };
}
