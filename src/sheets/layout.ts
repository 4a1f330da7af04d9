// The fill-in sheet a unit gets each week and sends back (campaign sheets / campaign collect): its columns,
// which of them the unit fills in, and what the hidden sheet carries to match a returned sheet to its plan,
// unit and week. Shared by the writer and the reader so that the two never disagree.
import { createHash } from 'node:crypto';
import type { Lang } from '../messages/types.js';
import type { Task } from '../model/types.js';

/** Bumped when the columns or the hidden sheet change; collect refuses sheets of another version. */
export const SHEET_FORMAT = 'campaign-sheet/1';

/** The fill-in sheet's name, and the hidden one's. */
export const SHEET_NAME = { zh: '填报', en: 'Fill in' } as const;
export const META_SHEET = '_campaign';

export type SheetColumn =
  | 'id' | 'task' | 'role' | 'due' | 'status' | 'progress' | 'lastNote'
  | 'note' | 'newStatus' | 'newProgress' | 'problems' | 'next' | 'date' | 'person';

export interface ColumnSpec {
  key: SheetColumn;
  /** The unit fills it in; the others are read-only (shaded, protected). */
  fill: boolean;
  label: Record<Lang, string>;
  /** Width in the sheet's units. */
  width: number;
}

export const COLUMNS: readonly ColumnSpec[] = [
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

/** A task as the sheet shows it: id and title (what the unit sees and must not edit). */
export const taskFingerprint = (t: Pick<Task, 'id' | 'title'>): string => hash(JSON.stringify([t.id, t.title]));

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
  const get = (key: string) => rows.find((r) => r[0] === key)?.[1];
  const format = get('format');
  if (!format?.startsWith('campaign-sheet/')) return undefined;
  const lang = get('lang') === 'en' ? 'en' : 'zh';
  return {
    format, planTitle: get('planTitle') ?? '', planFingerprint: get('planFingerprint') ?? '', unit: get('unit') ?? '',
    unitName: get('unitName') ?? '', week: get('week') ?? '', from: get('from') ?? '', to: get('to') ?? '', lang,
    tasks: rows.filter((r) => r[0] === 'task').map((r) => ({ id: r[1] ?? '', fingerprint: r[2] ?? '' })),
  };
}

/** 2020-W25-派出所.xlsx: the week, then the unit's name (characters a file name cannot hold replaced). */
export const sheetFileName = (week: string, unitName: string, ext: 'xlsx' | 'csv'): string =>
  `${week}-${[...unitName].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('')}.${ext}`;

/** The column letter of the n-th column (0-based): A, B, … Z, AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
