// Reading and summarising a list of plan files (in the main thread or a worker): I/O at the edge,
// the summary itself pure. Unreadable files become rows with their reason.
import { readBytes, decodeText } from '../io/read.js';
import { planValidator } from '../io/schemas.js';
import { loadCalendar } from '../io/holidays.js';
import { cacheGet, cacheKey, cachePut } from '../io/cache.js';
import { UserError } from '../errors.js';
import { formatMessage, formatProblem, type Lang } from '../messages/index.js';
import type { IsoDate } from '../model/types.js';
import type { Problem } from '../rules/types.js';
import { summarisePlan, type PlanSummary } from './summary.js';

export interface SummariseJob { files: string[]; asOf: IsoDate; lang: Lang; cache?: string }

export async function summariseFiles(job: SummariseJob): Promise<PlanSummary[]> {
  const opts = {
    asOf: job.asOf, schema: planValidator(), calendar: loadCalendar(),
    describe: (problem: Problem) => formatProblem(problem, job.lang),
  };
  const out: PlanSummary[] = [];
  for (const file of job.files) {
    try {
      const bytes = await readBytes(file);
      const key = job.cache ? cacheKey(bytes, job.asOf, job.lang, file) : '';
      const cached = job.cache ? cacheGet<PlanSummary>(job.cache, key) : undefined;
      if (cached) {
        out.push(cached);
        continue;
      }
      const summary = summarisePlan(file, decodeText(bytes, file), opts);
      if (job.cache) cachePut(job.cache, key, summary);
      out.push(summary);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.push({
        file, organizer: null, title: null, period: null, lastUpdate: null, errors: 1, warnings: 0, units: [],
        counts: { done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: 0, completion: 0 },
        failure: formatMessage(err.messageId, err.data, job.lang), failedOn: err.outcome === 'findings' ? 'plan' : 'io',
      });
    }
  }
  return out;
}
