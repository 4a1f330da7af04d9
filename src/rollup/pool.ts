// Summarising many plans on every core, each plan on its own: the files are handed one at a time to
// worker threads, and a plan that crashes its worker, runs it out of memory or takes longer than the
// per-plan limit becomes a row with that reason — the worker is replaced and every other plan still
// appears. Results come back in the files' order.
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { formatMessage } from '../messages/index.js';
import { isPlanSummary, type PlanSummary } from './summary.js';
import { cacheGet, cacheKey } from '../io/cache.js';
import { maxPlanBytes, readBytes } from '../io/read.js';
import { failedRow, type SummariseJob } from './summarise-files.js';

export interface PoolLimits {
  /** How long one plan may take (CAMPAIGN_PLAN_TIMEOUT_MS; default 60 s). */
  timeoutMs: number;
  /** Heap of each worker, in MB: a plan too big for it fails alone. */
  workerHeapMb: number;
}

export const defaultLimits = (env: Readonly<Record<string, string | undefined>>, threads: number): PoolLimits => ({
  timeoutMs: Number(env.CAMPAIGN_PLAN_TIMEOUT_MS) || 60_000,
  workerHeapMb: Math.max(256, Math.floor(getHeapStatistics().heap_size_limit / 1_000_000 / Math.max(1, threads))),
});

// The built worker (bundled, as the CLI is), from the bundle and from src/rollup alike (tests run the sources;
// workers run JavaScript).
const WORKER = new URL('../../dist/bundle/worker.js', import.meta.url);

/** Files per thread below which another thread costs more (start-up) than it saves. */
const FILES_PER_THREAD = 16;

export function threadsFor(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_THREAD)));
}

type Outcome = { summary: PlanSummary } | { failure: 'timeout' | 'crash'; reason: string };

/**
 * The summaries the cache already holds, looked up here rather than in workers: a roll-up of plans that
 * did not change starts no thread at all. A file that cannot be read is left to the workers, which say why.
 */
async function cachedSummaries(job: SummariseJob): Promise<(PlanSummary | undefined)[]> {
  const found: (PlanSummary | undefined)[] = new Array(job.files.length);
  if (!job.cache) return found;
  const cache = job.cache;
  for (let at = 0; at < job.files.length; at += CACHE_BATCH) {
    await Promise.all(job.files.slice(at, at + CACHE_BATCH).map(async (file, k) => {
      try {
        const bytes = await readBytes(file, maxPlanBytes());
        found[at + k] = cacheGet(cache, cacheKey(bytes, job.asOf, job.lang, file), isPlanSummary);
      } catch {
        found[at + k] = undefined;
      }
    }));
  }
  return found;
}
/** Files read at once while looking in the cache: well below any limit on open files. */
const CACHE_BATCH = 32;
/** Files handed to a thread at once. */
const BATCH = 8;

export async function summariseAll(job: SummariseJob, limits: PoolLimits, onProgress?: (done: number) => void, worker: URL = WORKER): Promise<PlanSummary[]> {
  const { files: all, ...rest } = job;
  const results: PlanSummary[] = await cachedSummaries(job) as PlanSummary[];
  const todo = all.map((_, i) => i).filter((i) => results[i] === undefined);
  const files = todo.map((i) => all[i]!);
  let done = all.length - files.length;
  if (done) onProgress?.(done);
  if (files.length === 0) return results;
  // What is left to hand out, by position in `files`: plans behind one that failed come back to the front.
  const queue = files.map((_, n) => n);
  const start = () => new Worker(worker, { workerData: rest, resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb } });

  /** The thread's next answer: a summary, or why there will be none (the per-plan time limit, a crash). */
  const receive = (thread: Worker) => new Promise<Outcome>((resolve) => {
    const finish = (o: Outcome) => {
      clearTimeout(timer);
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(o);
    };
    const onMessage = (summary: PlanSummary) => finish({ summary });
    const onError = (err: Error) => finish({ failure: 'crash', reason: err.message });
    const onExit = (code: number) => finish({ failure: 'crash', reason: `exit ${code}` });
    const timer = setTimeout(() => finish({ failure: 'timeout', reason: '' }), limits.timeoutMs);
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
  });

  // A few files at a time to each thread, answered one by one: the thread goes from one plan to the next
  // without waiting for this thread to hand it over, and each plan still has its own time limit.
  const lane = async () => {
    let thread = start();
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, BATCH);
        thread.postMessage(batch.map((n) => files[n]!));
        for (let k = 0; k < batch.length; k++) {
          const n = batch[k]!;
          const o = await receive(thread);
          if ('summary' in o) results[todo[n]!] = o.summary;
          else {
            const messageId = o.failure === 'timeout' ? 'rollup/plan-timeout' : 'rollup/plan-crashed';
            results[todo[n]!] = failedRow(files[n]!, formatMessage(messageId, { seconds: Math.round(limits.timeoutMs / 1000), reason: o.reason }, job.lang), 'plan');
            void thread.terminate();
            thread = start();
            // The plans after it in the batch were never summarised: they go to the front of the queue.
            queue.unshift(...batch.slice(k + 1));
            onProgress?.(++done);
            break;
          }
          onProgress?.(++done);
        }
      }
    } finally {
      await thread.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threadsFor(files.length), files.length) }, lane));
  return results;
}
