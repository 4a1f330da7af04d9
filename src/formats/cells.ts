// How a cell reads in text formats (terminal, Markdown, HTML, CSV): localised labels, percentages.
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import type { Cell, ColumnKind } from '../reports/doc.js';

const STATUS_KEYS = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'] as const;

export function cellText(value: Cell, kind: ColumnKind | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'percent':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'progress':
      return typeof value === 'number' ? `${Number.isInteger(value) ? value : value.toFixed(1)}%` : String(value);
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
