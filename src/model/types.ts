// The plan model: what the YAML becomes once parsed and checked. Raw* types mirror the JSON Schemas
// field for field (test/model-types.test.ts compares their keys with schemas/), the rest is derived.

import type { IsoDate } from '../calendar/dates.js';
import type { Path } from '../source/path.js';

export const STATUSES = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** The Chinese spellings the format accepts for each status. */
export const STATUS_ALIASES: Record<string, Status> = {
  未开始: 'planned',
  进行中: 'in_progress',
  已完成: 'done',
  受阻: 'blocked',
  已取消: 'cancelled',
};

export interface RawPeriod { start: IsoDate; end: IsoDate }
export interface RawTheme { id: string; title: string; focus?: string[] }
export interface RawUnit { id: string; name: string; external?: boolean; aliases?: string[]; self?: boolean }
export interface RawTarget { metric: string; unit?: string; target: number; actual?: number }
export interface RawUpdate {
  date: IsoDate;
  status?: string;
  progress?: number;
  note?: string;
  problems?: string;
  next?: string;
  by?: string;
  solved?: boolean;
  actual?: Record<string, number>;
}
export interface RawTask {
  id: string;
  title: string;
  text?: string;
  theme?: string;
  lead?: string[];
  support?: string[];
  phase?: string;
  start?: IsoDate;
  due?: IsoDate;
  status?: string;
  progress?: number;
  weight?: number;
  targets?: RawTarget[];
  updates?: RawUpdate[];
  tasks?: RawTask[];
}
export interface RawRequirement { id: string; title: string; text?: string }
export interface RawContact { unit?: string; person?: string; phone?: string; reviewer?: string }
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_ALIASES: Record<string, Weekday> = { 周一: 'monday', 周二: 'tuesday', 周三: 'wednesday', 周四: 'thursday', 周五: 'friday', 周六: 'saturday', 周日: 'sunday' };
export interface RawReport {
  id: string;
  title: string;
  to?: string;
  by?: string;
  due?: IsoDate;
  every?: string;
  day?: number;
  time?: string;
  from?: IsoDate;
  until?: IsoDate;
  /** A date; a list of dates for a recurring duty. */
  submitted?: IsoDate | IsoDate[];
}
/** How the plan's units report: the day their reporting week starts (Friday–Thursday in many counties). */
export interface RawReporting { weekStarts?: string; lagThreshold?: number }
export interface RawPhase { id: string; title: string; start: IsoDate; end: IsoDate }
export interface RawMember { role: string; name?: string; post?: string }
export interface RawLeadership { office?: string; members?: RawMember[] }
export interface RawPlan {
  $schema?: string;
  version: 1;
  title: string;
  organizer: string;
  year: number;
  basis?: string[];
  preamble?: string;
  guidance?: string;
  themes?: RawTheme[];
  period: RawPeriod;
  phases?: RawPhase[];
  units: RawUnit[];
  tasks: RawTask[];
  requirements?: RawRequirement[];
  contact?: RawContact;
  leadership?: RawLeadership;
  reports?: RawReport[];
  reporting?: RawReporting;
}

export interface Update {
  date: IsoDate;
  status?: Status;
  progress?: number;
  note?: string;
  problems?: string;
  next?: string;
  /** The unit that reported it (its id); none for the office's own entry, which speaks for the whole task. */
  by?: string;
  /** Reports the problems raised before as solved: the unit's own, or (the office's entry) every one. */
  solved?: boolean;
  /** The unit's running totals as of the day, by metric. */
  actual?: Readonly<Record<string, number>>;
  path: Path;
}

export interface Target { metric: string; unit?: string; target: number; actual?: number; path: Path }

export interface Task {
  id: string;
  title: string;
  text?: string;
  theme?: string;
  lead: string[];
  support: string[];
  /** The phase it belongs to: its own `phase`, else its parent's. */
  phase?: string;
  start?: IsoDate;
  due?: IsoDate;
  /** The status field as written, normalised (未开始 → planned). */
  status?: Status;
  progress?: number;
  weight: number;
  targets: Target[];
  updates: Update[];
  tasks: Task[];
  /** Where the task sits in the YAML, e.g. ["tasks", 1, "tasks", 0]. */
  path: Path;
  parent?: Task;
  depth: number;
}

export interface Theme { id: string; title: string; focus: string[]; path: Path }
export interface Phase { id: string; title: string; start?: IsoDate; end?: IsoDate; path: Path }
export interface Unit {
  id: string;
  name: string;
  external: boolean;
  aliases: string[];
  /** The plan's own office, which collects the sheets (never reminded to report to itself). */
  self: boolean;
  path: Path;
}
export interface Requirement { id: string; title: string; text?: string; path: Path }
/** One dated deadline of a report duty (a recurring duty has many). */
export interface Deadline {
  /** The working day it is due: the scheduled date, or the working day before it. */
  due: IsoDate;
  /** The date the rule gives (every Friday …), before moving off a non-working day. */
  scheduled: IsoDate;
  time?: string;
  /** The submission matched to it, if any. */
  submitted?: IsoDate;
}

/**
 * How a duty repeats: on a weekday, every month (on `day`), every quarter (in its last month, on `day` or its last
 * day), every half month (the 15th and the month's last day) or every 旬 (the 10th, the 20th and the last day).
 */
export type Recurrence = Weekday | 'month' | 'quarter' | 'half-month' | 'ten-days';

export interface Report {
  id: string;
  title: string;
  to?: string;
  /** The unit that sends it. */
  by?: string;
  due?: IsoDate;
  time?: string;
  /** Set for a recurring duty: a weekday, 'month', or 'quarter' (in the last month of each quarter). */
  every?: Recurrence;
  day?: number;
  from?: IsoDate;
  until?: IsoDate;
  /** Every submission date written, oldest first. */
  submitted: IsoDate[];
  deadlines: Deadline[];
  path: Path;
}

export interface Plan {
  title?: string;
  organizer?: string;
  year?: number;
  basis: string[];
  preamble?: string;
  guidance?: string;
  themes: Theme[];
  period?: RawPeriod;
  phases: Phase[];
  units: Unit[];
  /** Top-level tasks; each carries its subtasks. */
  tasks: Task[];
  /** Every task of the tree in document order (parents before their children). */
  allTasks: Task[];
  requirements: Requirement[];
  reports: Report[];
  contact: RawContact;
  /**
   * The reporting week's first day, when the plan sets one (Monday otherwise), and how many points a task's
   * progress may lag its elapsed time before its light turns yellow, when the plan sets it; a configuration
   * file (.campaignrc.yaml) sets either over the plan, and, alone, within how many days of its due date an
   * open task's light turns yellow.
   */
  reporting: { weekStarts?: Weekday; lagThreshold?: number; dueSoonDays?: number };
}
