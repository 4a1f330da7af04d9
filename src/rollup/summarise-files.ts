// Reading and summarising one plan file (in a worker thread): I/O at the edge, the summary itself pure.
// A file that cannot be read, or a plan that fails in any way, becomes a row with its reason.
import { decodeText, maxPlanBytes, readBytesSync } from '../io/read.js';
import { planValidator } from '../io/schemas.js';
import { loadCalendar } from '../io/holidays.js';
import { cacheGet, cacheKey, cachePut } from '../io/cache.js';
import { UserError } from '../errors.js';
import { formatMessage, formatProblem, type Lang } from '../messages/index.js';
import type { IsoDate } from '../model/types.js';
import { isPlanSummary, summarisePlan, type PlanSummary } from './summary.js';

export interface SummariseJob { files: string[]; asOf: IsoDate; lang: Lang; cache?: string }

/** The row of a plan that could not be summarised, with why. */
export function failedRow(file: string, failure: string, failedOn: 'io' | 'plan'): PlanSummary {
  return {
    file, organizer: null, title: null, period: null, lastUpdate: null, errors: 1, warnings: 0, units: [],
    counts: { done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: 0, completion: null },
    failure, failedOn,
  };
}

export function summariseFile(file: string, job: Omit<SummariseJob, 'files'>): PlanSummary {
  try {
    const bytes = readBytesSync(file, maxPlanBytes());
    const key = job.cache ? cacheKey(bytes, job.asOf, job.lang, file) : '';
    // A cache entry that is not a summary (damaged, or written by something else) is ignored and replaced.
    const cached = job.cache ? cacheGet(job.cache, key, isPlanSummary) : undefined;
    if (cached) return cached;
    const summary = summarisePlan(file, decodeText(bytes, file), {
      asOf: job.asOf, schema: planValidator(), calendar: loadCalendar(),
      describe: (problem) => formatProblem(problem, job.lang),
    });
    if (job.cache) cachePut(job.cache, key, summary);
    return summary;
  } catch (err) {
    if (err instanceof UserError) return failedRow(file, formatMessage(err.messageId, err.data, job.lang), err.outcome === 'findings' ? 'plan' : 'io');
    // A bug met on this plan: its row says so, and every other plan is still summarised.
    return failedRow(file, formatMessage('cli/internal', { message: (err as Error)?.message ?? String(err) }, job.lang), 'plan');
  }
}
