// The fill-in sheet a unit gets each week and sends back (campaign sheets / campaign collect): its columns,
// which of them the unit fills in, and what the hidden sheet carries to match a returned sheet to its plan,
// unit and week. Shared by the writer and the reader so that the two never disagree.
import { fileNamePart } from '../text/file-name.js';
import { createHash } from 'node:crypto';
import type { Lang } from '../messages/types.js';
import type { Task } from '../model/types.js';
import { toIsoOrUndefined } from './values.js';

/**
 * Bumped when the columns or the hidden sheet change. Version 2 adds a 完成值 column per target metric and
 * fingerprints a task's units and due date too; collect still reads version 1 sheets, and refuses others.
 */
export const SHEET_FORMAT = 'campaign-sheet/2';
export const READABLE_FORMATS: readonly string[] = ['campaign-sheet/1', SHEET_FORMAT];

/** The fill-in sheet's name, and the hidden one's. */
export const SHEET_NAME = { zh: '填报', en: 'Fill in' } as const;
export const META_SHEET = '_campaign';

export type FixedColumn =
  | 'id' | 'task' | 'role' | 'due' | 'status' | 'progress' | 'lastNote'
  | 'note' | 'newStatus' | 'newProgress' | 'problems' | 'next' | 'date' | 'person';
/** A fixed column, or the 完成值 of one target metric (`actual:宣讲场次`). */
export type SheetColumn = FixedColumn | `actual:${string}`;

export interface ColumnSpec {
  key: SheetColumn;
  /** The unit fills it in; the others are read-only (shaded, protected). */
  fill: boolean;
  label: Record<Lang, string>;
  /** Width in the sheet's units. */
  width: number;
}

export const COLUMNS: readonly (ColumnSpec & { key: FixedColumn })[] = [
  { key: 'id', fill: false, label: { zh: '编号', en: 'Id' }, width: 7 },
  { key: 'task', fill: false, label: { zh: '任务', en: 'Task' }, width: 34 },
  { key: 'role', fill: false, label: { zh: '牵头/配合', en: 'Role' }, width: 8 },
  { key: 'due', fill: false, label: { zh: '完成时限', en: 'Due' }, width: 12 },
  { key: 'status', fill: false, label: { zh: '当前状态', en: 'Status now' }, width: 8 },
  { key: 'progress', fill: false, label: { zh: '当前进度', en: 'Progress now' }, width: 7 },
  { key: 'lastNote', fill: false, label: { zh: '最近进展', en: 'Last note' }, width: 20 },
  { key: 'note', fill: true, label: { zh: '本周进展', en: 'Work done this week' }, width: 26 },
  { key: 'newStatus', fill: true, label: { zh: '状态', en: 'Status' }, width: 8 },
  { key: 'newProgress', fill: true, label: { zh: '进度%', en: 'Progress %' }, width: 7 },
  { key: 'problems', fill: true, label: { zh: '存在问题', en: 'Problems' }, width: 18 },
  { key: 'next', fill: true, label: { zh: '下步计划', en: 'Next steps' }, width: 18 },
  { key: 'date', fill: true, label: { zh: '填报日期', en: 'Date' }, width: 12 },
  { key: 'person', fill: true, label: { zh: '填报人', en: 'Filled in by' }, width: 8 },
];

const ACTUAL_LABEL: Record<Lang, string> = { zh: '完成值：', en: 'Actual: ' };

/** The 完成值 column of a metric, after the fixed ones: 完成值：宣讲场次（场）. */
export function actualColumn(metric: string, unit: string | undefined): ColumnSpec {
  const label = (l: Lang) => `${ACTUAL_LABEL[l]}${metric}${unit ? (l === 'zh' ? `（${unit}）` : ` (${unit})`) : ''}`;
  return { key: `actual:${metric}`, fill: true, label: { zh: label('zh'), en: label('en') }, width: 10 };
}

/** The sheet's columns: the fixed ones, then a 完成值 per target metric of the unit's tasks. */
export const columnsOf = (metrics: readonly { metric: string; unit?: string }[]): ColumnSpec[] =>
  [...COLUMNS, ...metrics.map((m) => actualColumn(m.metric, m.unit))];

const FIXED_LABELS = new Map<string, FixedColumn>(COLUMNS.flatMap((c) => [[c.label.zh, c.key], [c.label.en, c.key]] as [string, FixedColumn][]));

/**
 * The column a header cell names, in either language: 编号 → id, 完成值：宣讲场次（场） → actual:宣讲场次（场） (the
 * metric with its unit of measure, as the header wrote it: the check matches it with the task's targets).
 */
export function columnOfLabel(text: string): SheetColumn | undefined {
  const t = text.trim();
  const fixed = FIXED_LABELS.get(t);
  if (fixed) return fixed;
  const m = /^(?:完成值[：:]|Actual:\s*)(.+)$/.exec(t);
  return m ? `actual:${m[1]!.trim()}` : undefined;
}

/** What the hidden sheet says about the sheet: enough to match it back, and to tell it is stale. */
export interface SheetMeta {
  format: string;
  planTitle: string;
  /** Changes whenever any task's id, title, units or due date changes. */
  planFingerprint: string;
  unit: string;
  unitName: string;
  /** ISO week (2020-W25) and its first and last day. */
  week: string;
  from: string;
  to: string;
  lang: Lang;
  /** The tasks on the sheet, in order, each with the fingerprint of its id and title when the sheet was made. */
  tasks: { id: string; fingerprint: string }[];
}

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/**
 * A task as the sheet depends on it: its id, title, units and due date (version 1: id and title), so that
 * a row for a task changed since is told apart. A letter first, so that no spreadsheet reads it as a number.
 */
export const taskFingerprint = (t: Pick<Task, 'id' | 'title' | 'lead' | 'support' | 'due'>, format: string = SHEET_FORMAT): string =>
  format === 'campaign-sheet/1' ? hash(JSON.stringify([t.id, t.title])) : `t${hash(JSON.stringify([t.id, t.title, t.lead, t.support, t.due ?? null]))}`;

/** Every leaf task's id, title, units and due date: the plan's tasks as a sheet depends on them. */
export const planFingerprint = (tasks: readonly Task[]): string =>
  hash(JSON.stringify(tasks.filter((t) => t.tasks.length === 0).map((t) => [t.id, t.title, t.lead, t.support, t.due ?? null])));

/** The meta sheet's rows: key, value (tasks as `task` rows: id, fingerprint). */
export function metaRows(meta: SheetMeta): string[][] {
  return [
    ['format', meta.format], ['planTitle', meta.planTitle], ['planFingerprint', meta.planFingerprint], ['unit', meta.unit],
    ['unitName', meta.unitName], ['week', meta.week], ['from', meta.from], ['to', meta.to], ['lang', meta.lang],
    ...meta.tasks.map((t) => ['task', t.id, t.fingerprint]),
  ];
}

/** The meta sheet read back; undefined when it is not one campaign wrote. */
export function readMeta(rows: readonly (readonly string[])[]): SheetMeta | undefined {
  const get = (key: string) => rows.find((r) => r[0]?.trim() === key)?.[1]?.trim();
  const format = get('format');
  if (!format?.startsWith('campaign-sheet/')) return undefined;
  // A spreadsheet that saved the CSV may have rewritten the week's days (2020/6/15).
  const from = toIsoOrUndefined(get('from') ?? '');
  const to = toIsoOrUndefined(get('to') ?? '');
  if (!from || !to) return undefined;
  const lang = get('lang') === 'en' ? 'en' : 'zh';
  return {
    format, planTitle: get('planTitle') ?? '', planFingerprint: get('planFingerprint') ?? '', unit: get('unit') ?? '',
    unitName: get('unitName') ?? '', week: get('week') ?? '', from, to, lang,
    tasks: rows.filter((r) => r[0]?.trim() === 'task').map((r) => ({ id: r[1]?.trim() ?? '', fingerprint: r[2]?.trim() ?? '' })),
  };
}

/**
 * The files of a week's sheets, one per unit, in order: 2020-W25-派出所.xlsx — the week, then the unit's name
 * as a file's name may hold it (src/text/file-name.ts; its id when nothing of the name is left). Each is its
 * own file, compared as Windows and macOS compare names (case and composition aside): a name that would be
 * another unit's gets the unit's id (2020-W25-A_B-ab.xlsx), then a number (-2, -3 …).
 */
export function sheetFileNames(week: string, units: readonly { id: string; name: string }[], ext: 'xlsx' | 'csv'): string[] {
  const taken = new Set<string>();
  return units.map(({ id, name }) => {
    const base = `${week}-${fileNamePart(name) || fileNamePart(id) || '_'}`;
    const tries = [base, `${base}-${fileNamePart(id)}`];
    let file = tries.find((t) => !taken.has(t.toLowerCase()));
    for (let n = 2; !file; n++) if (!taken.has(`${tries[1]}-${n}`.toLowerCase())) file = `${tries[1]}-${n}`;
    taken.add(file.toLowerCase());
    return `${file}.${ext}`;
  });
}

/** The column letter of the n-th column (0-based): A, B, … Z, AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
