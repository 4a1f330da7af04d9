// What a report kind is: how it builds its data from the plan(s) and the as-of date, how that data
// becomes a document, which formats it offers, and (for calendars) which dated events it has. The
// generic runner (src/commands/report-command.ts) does everything else: inputs, options, output, outcome.
import type { FormatName } from '../formats/index.js';
import type { Lang } from '../messages/types.js';
import type { Plan, Weekday } from '../model/types.js';
import type { PlanSummary } from '../rollup/summary.js';
import type { Doc } from '../formats/doc.js';
import type { Calendar } from '../formats/types.js';
import type { Calendar as Holidays } from '../calendar/china.js';
import type { IsoDate } from '../calendar/dates.js';

/** Options the runner knows how to read and check; a kind lists those it takes. */
export type SharedOption = 'week' | 'weekStart' | 'cache' | 'days' | 'unit';

export interface KindSettings {
  asOf: IsoDate;
  lang: Lang;
  /** `--week-start`: overrides the plan's `reporting.weekStarts`. */
  weekStarts?: Weekday;
  /** `--days N`: how far ahead to look. */
  days?: number;
  /** `--unit`: the units asked about, as written (an id, a name or an alias), each naming a unit of some plan. */
  units?: readonly string[];
  /** The time of day (HH:MM), when the report is as of now: on report day, before the deadline, weekly shows the week just ended. */
  time?: string;
  /** Working days and public holidays (src/io/holidays.ts), for reading dates written in words (端午节前). */
  holidays?: Holidays;
}

interface KindBase<D> {
  /** The command's name, e.g. `weekly`. */
  name: string;
  /** The formats it offers; the first is the default. */
  formats: readonly FormatName[];
  /** What it reads when no plan is named (agenda: the plans below the current folder); else plans are required. */
  defaultInputs?: readonly string[];
  options?: readonly SharedOption[];
  doc(data: D, lang: Lang): Doc;
  /**
   * Another document for some formats: the Word draft of a progress report is written as prose in the
   * order a 活动总结 has, not as the tables on screen.
   */
  docIn?(format: FormatName, data: D, lang: Lang): Doc | undefined;
  /**
   * The version of what `-f json` prints (schemas/output/<name>.schema.json, whose `schemaVersion` is this
   * constant): raised by one on every change to that shape, so a script can tell it was not written for it.
   */
  schemaVersion: number;
  /** The dated events of the data, for kinds that offer `ics`. */
  calendar?(data: D, lang: Lang): Calendar;
}

/** A report on one plan: given several, the runner builds one per plan. */
export interface PlanKind<D> extends KindBase<D> {
  input: 'plan';
  build(plan: Plan, settings: KindSettings): D;
}

/** A report over many plans at once, from their summaries (the county roll-up). */
export interface SummaryKind<D> extends KindBase<D> {
  input: 'summaries';
  build(summaries: readonly PlanSummary[], settings: KindSettings): D;
}

/** One report across many plans, read whole (the agenda of what is due, from every plan). */
export interface PlansKind<D> extends KindBase<D> {
  input: 'plans';
  build(plans: readonly { file: string; plan: Plan }[], settings: KindSettings): D;
}

export type ReportKind<D = unknown> = PlanKind<D> | SummaryKind<D> | PlansKind<D>;

/** Typed in the kind's own file, stored untyped in the registry. */
export const defineKind = <D>(kind: ReportKind<D>): ReportKind<D> => kind;
