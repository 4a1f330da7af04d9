// What `campaign report` builds: the progress report as data (what `-f json` prints, in
// schemas/output/report.schema.json), from which both its tables (progress.ts) and its Word draft, the
// 活动总结 (summary.ts), are made.
import type { IsoDate } from '../calendar/dates.js';
import type { Counts } from '../tracking/counts.js';
import type { DeadlineRow, PlanHeader, TargetRow, TaskSummary, UnitRow } from './common.js';
import type { SummaryFacts } from './summary-facts.js';

export interface SectionRow extends Counts { id: string; title: string }
export interface TimelineRow extends TaskSummary {
  depth: number;
  /** A parent's bar spans its subtasks: from the earliest start (or due) to the latest due. */
  span: { start: IsoDate; end: IsoDate } | null;
}

export interface ProgressReport {
  asOf: IsoDate;
  plan: PlanHeader;
  /** The documents the plan is based on (根据《…》). */
  basis: string[];
  overall: Counts;
  units: UnitRow[];
  sections: SectionRow[];
  targets: TargetRow[];
  overdue: TaskSummary[];
  /** Leaves done after their due date (逾期完成). */
  completedLate: TaskSummary[];
  reports: DeadlineRow[];
  timeline: TimelineRow[];
  /** What the 活动总结 says, as data: what the Word draft is written from. */
  summary: SummaryFacts;
}
