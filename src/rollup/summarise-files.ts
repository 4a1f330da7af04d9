// Summarising one plan: its text read on the pool's thread (I/O at the edge), its summary made on a
// worker thread (pure, apart from loading the schema and the holiday calendar). A file that cannot be
// read, or a plan that fails in any way, becomes a row with its reason.
import { decodeText, readBytes } from '../io/read.js';
import { planValidator } from '../io/schemas.js';
import { loadCalendar } from '../io/holidays.js';
import { installUserData, type UserDataFile } from '../io/user-data.js';
import { cacheKey } from '../io/cache.js';
import { UserError } from '../errors.js';
import { formatMessage, formatProblem, type Lang } from '../messages/index.js';
import { summarisePlan, type PlanSummary } from './summary.js';
import type { PlanSettings } from '../config/types.js';
import type { IsoDate } from '../calendar/dates.js';

/** `settings`: each file's, from its configuration (by position in `files`); kept on the pool's thread, each sent with its plan. */
export interface SummariseJob {
  files: string[]; asOf: IsoDate; lang: Lang; cache?: string; settings?: readonly PlanSettings[];
  /** The user's data files of the run (src/io/user-data.ts), put over the built-in data in each worker too. */
  data?: readonly UserDataFile[];
}

/** The part of a cache key that the user's data files make: the same plan judges otherwise with other data. */
export const dataKey = (job: Pick<SummariseJob, 'data'>): string => (job.data?.length ? JSON.stringify(job.data) : '');

let dataOf: readonly UserDataFile[] | undefined;

/** Puts the job's data files over the built-in data, once per job, in a worker thread. */
function withJobData(job: WorkerJob): void {
  if (dataOf === job.data || (!job.data?.length && !dataOf?.length)) return;
  dataOf = job.data;
  installUserData(job.data ?? []);
}

/** What a worker is told once: the job without its files and their settings. */
export type WorkerJob = Omit<SummariseJob, 'files' | 'settings'>;

/** The settings as part of a cache key: the same settings, the same key. */
export const settingsKey = (settings: PlanSettings | undefined): string => JSON.stringify(settings ?? {});

/** The row of a plan that could not be summarised, with why. */
export function failedRow(file: string, failure: string, failedOn: 'io' | 'plan'): PlanSummary {
  return {
    file, organizer: null, title: null, period: null, lastUpdate: null, errors: 1, warnings: 0, units: [],
    counts: { done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: 0, completion: null },
    failure, failedOn,
  };
}

/** Why a plan failed, as its row: a refusal we explain, or a bug met on this plan (every other plan is still summarised). */
function rowFor(file: string, err: unknown, lang: Lang): PlanSummary {
  if (err instanceof UserError) return failedRow(file, formatMessage(err.messageId, err.data, lang), err.outcome === 'findings' ? 'plan' : 'io');
  return failedRow(file, formatMessage('cli/internal', { message: (err as Error)?.message ?? String(err) }, lang), 'plan');
}

/** A plan file's text (and its cache key when results are cached), or the row saying why it cannot be read. */
export type PlanText = { file: string; text: string; key?: string } | { file: string; row: PlanSummary };

export async function readPlanText(file: string, job: WorkerJob, settings?: PlanSettings): Promise<PlanText> {
  try {
    const bytes = await readBytes(file, 'plan');
    return { file, text: decodeText(bytes, file), key: job.cache ? cacheKey(bytes, job.asOf, job.lang, file, settingsKey(settings), dataKey(job)) : undefined };
  } catch (err) {
    return { file, row: rowFor(file, err, job.lang) };
  }
}

/** A summary, and whether it may be cached (a row for a bug met on the plan is not: the next build may not have it). */
export interface Summarised { summary: PlanSummary; cacheable: boolean }

export function summariseText(file: string, text: string, job: WorkerJob, settings?: PlanSettings): Summarised {
  try {
    withJobData(job);
    const summary = summarisePlan(file, text, {
      asOf: job.asOf, schema: planValidator(), calendar: loadCalendar(),
      describe: (problem) => formatProblem(problem, job.lang), settings,
    });
    return { summary, cacheable: true };
  } catch (err) {
    return { summary: rowFor(file, err, job.lang), cacheable: false };
  }
}
