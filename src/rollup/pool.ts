// Summarising many plans on every core, each plan on its own: the files are handed one at a time to
// worker threads, and a plan that crashes its worker, runs it out of memory or takes longer than the
// per-plan limit becomes a row with that reason — the worker is replaced and every other plan still
// appears. Results come back in the files' order.
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { formatMessage } from '../messages/index.js';
import type { PlanSummary } from './summary.js';
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

// The built worker, from dist/rollup and from src/rollup alike (tests run the sources; workers run JavaScript).
const WORKER = new URL('../../dist/rollup/worker.js', import.meta.url);

/** Files per thread below which another thread costs more (start-up) than it saves. */
const FILES_PER_THREAD = 16;

export function threadsFor(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_THREAD)));
}

type Outcome = { summary: PlanSummary } | { failure: 'timeout' | 'crash'; reason: string };

export async function summariseAll(job: SummariseJob, limits: PoolLimits, onProgress?: (done: number) => void, worker: URL = WORKER): Promise<PlanSummary[]> {
  const { files, ...rest } = job;
  const results: PlanSummary[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const start = () => new Worker(worker, { workerData: rest, resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb } });

  const ask = (thread: Worker, file: string) => new Promise<Outcome>((resolve) => {
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
    thread.postMessage(file);
  });

  const lane = async () => {
    let thread = start();
    try {
      while (next < files.length) {
        const i = next++;
        const file = files[i]!;
        const o = await ask(thread, file);
        if ('summary' in o) results[i] = o.summary;
        else {
          const messageId = o.failure === 'timeout' ? 'rollup/plan-timeout' : 'rollup/plan-crashed';
          results[i] = failedRow(file, formatMessage(messageId, { seconds: Math.round(limits.timeoutMs / 1000), reason: o.reason }, job.lang), 'plan');
          void thread.terminate();
          thread = start();
        }
        onProgress?.(++done);
      }
    } finally {
      await thread.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threadsFor(files.length), files.length) }, lane));
  return results;
}
