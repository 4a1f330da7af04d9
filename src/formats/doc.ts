// A report as a renderable document: a title, header fields, and sections of tables (plus charts
// that only the HTML renderer draws). Every format renders the same document.
import type { Light } from '../tracking/task-view.js';
import type { IsoDate } from '../calendar/dates.js';

export type Cell = string | number | boolean | string[] | null | undefined;

/** How a column's values are shown: renderers localise and format by kind. */
export type ColumnKind = 'text' | 'int' | 'percent' | 'progress' | 'date' | 'light' | 'status' | 'bool' | 'list';

export interface Column {
  label: string;
  kind?: ColumnKind;
  /** Wide free text: wrapped in terminal tables. */
  wide?: boolean;
  /**
   * When a narrow terminal cannot show every column, the order in which this one is left out (1 first).
   * Columns without it are always shown.
   */
  omit?: number;
  /**
   * On a printed form (DOCX), where a landscape page has room for ten columns or so and every column takes
   * room: `omit`, a column that only repeats what others say (备注 “更新” beside 进展情况); `under`, set on a
   * line of its own under the text of the column at that index instead of in a column of its own.
   */
  onPaper?: 'omit' | { under: number };
}
export interface Table { columns: Column[]; rows: Cell[][] }

/** A bar per label; a null value is not applicable (a unit that leads no task). */
export interface BarChart { bars: { label: string; value: number | null }[] }
export interface Gantt {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  /** The plan's phases, drawn as bands behind the bars. */
  phases?: { title: string; start: IsoDate; end: IsoDate }[];
  rows: { label: string; start?: IsoDate; end?: IsoDate; status: string; light: Light; depth: number; /** A parent: drawn as a thin bar. */ summary?: boolean }[];
}

export interface Section {
  heading?: string;
  /** On paper: 1 for 一、 headings (黑体), 2 for （一） (楷体). 1 when unset. */
  level?: 1 | 2;
  /** Running text, a paragraph each: a report written as prose (the Word draft of 活动总结). */
  paragraphs?: string[];
  table?: Table;
  chart?: BarChart;
  gantt?: Gantt;
}

export interface Doc {
  title?: string;
  /**
   * The plan it is of, in a run over several plans (the runner sets it, and puts the file first in `meta`):
   * CSV's plan column, the workbook's sheet name.
   */
  plan?: { file: string; title: string };
  /** The header block (填报单位, 填报人, 联系电话, 审核人, 填报日期 …): above the tables, on paper too. */
  meta: [string, string][];
  /** Sentences the reader must see before the figures (the as-of date lies after the period …). */
  notes?: string[];
  sections: Section[];
  /** How it is printed: wide tables go landscape. Portrait when unset. */
  orientation?: 'portrait' | 'landscape';
  /** A form sent upwards ends with places to sign and stamp: the labels of those blanks (填报人, 审核人 …). */
  signature?: string[];
  /** Who issues it and when, written out at the end of a report (落款): 铜钟乡人民政府 / 2020年6月30日. */
  issuer?: { name: string; date: string };
  /**
   * An official document (公文) in prose: its 主送机关 under the title, and its 附件 — listed after the text,
   * each printed after the 落款 on pages of its own. Sentences about the tool's own reading (the date lies
   * after the period …) are never part of it: they go to stderr.
   */
  official?: { recipient?: string; attachments: Attachment[] };
}

/** An attachment of an official document (附件1 …): a title and its tables. */
export interface Attachment { title: string; sections: Section[] }
