// What `-f json` prints, as types: a report on each plan is a list of per-plan objects whatever the number
// of plans; a report over many plans at once is one object. Every object a script reads first carries the
// `schemaVersion` of its shape. schemas/output/<kind>.schema.json are generated from these types
// (scripts/output-schemas.mjs) and a test checks they still agree.
import type { AgendaReport } from './agenda.js';
import type { ExportReport } from './export.js';
import type { ReportKind } from './kind.js';
import type { RollupReport } from './rollup.js';
import type { StatusReport } from './status.js';
import type { WeeklyReport } from './weekly.js';
import type { ProgressReport } from './progress-report.js';

export interface Versioned {
  /** The version of this output's shape: the `const` of `schemaVersion` in its schema; raised on every change to the shape. */
  schemaVersion: number;
}

export interface OfPlan extends Versioned {
  /** The plan's file as named on the command line ("-" for standard input): the key to join outputs on. */
  file: string;
}

export interface StatusEntry extends OfPlan, StatusReport {}
export interface WeeklyEntry extends OfPlan, WeeklyReport {}
export interface ReportEntry extends OfPlan, ProgressReport {}
export interface ExportEntry extends OfPlan, ExportReport {}

/** `campaign status -f json`: one object per plan, in the order the plans were named. */
export type StatusJson = StatusEntry[];
/** `campaign weekly -f json`: one object per plan, in the order the plans were named. */
export type WeeklyJson = WeeklyEntry[];
/** `campaign report -f json`: one object per plan, in the order the plans were named. */
export type ReportJson = ReportEntry[];
/** `campaign export -f json`: one object per plan, in the order the plans were named. */
export type ExportJson = ExportEntry[];
/** `campaign rollup -f json`: one object over every plan read. */
export interface RollupJson extends Versioned, RollupReport {}
/** `campaign agenda -f json`: one object over every plan read. */
export interface AgendaJson extends Versioned, AgendaReport {}

/** What `-f json` prints for a kind, from what it built: per plan (file and data), or the one report of the run. */
export function jsonOutput(kind: Pick<ReportKind, 'input' | 'schemaVersion'>, built: readonly { file: string; data: unknown }[]): Versioned[] | Versioned {
  const { schemaVersion } = kind;
  if (kind.input === 'plan') return built.map(({ file, data }): OfPlan => ({ schemaVersion, file, ...(data as object) }));
  return { schemaVersion, ...(built[0]!.data as object) };
}
