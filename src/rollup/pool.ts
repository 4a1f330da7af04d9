// Summarising many plans on worker threads, each plan on its own: this thread reads the files (and the
// cache) and hands their texts a few at a time to the workers, reading the next few while they work; a
// plan that crashes its worker, runs it out of memory or takes longer than the per-plan limit becomes a
// row with that reason — the worker is replaced and every other plan still appears. Results come back
// in the files' order.
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { formatMessage } from '../messages/index.js';
import { envMillis } from '../io/env.js';
import { isPlanSummary, type PlanSummary } from './summary.js';
import { cacheGet, cacheKey, cachePut } from '../io/cache.js';
import { readBytes } from '../io/read.js';
import { dataKey, failedRow, readPlanText, settingsKey, type Summarised, type SummariseJob } from './summarise-files.js';

export interface PoolLimits {
  /** How long one plan may take (CAMPAIGN_PLAN_TIMEOUT_MS; default 60 s). */
  timeoutMs: number;
  /** Heap of each worker, in MB: a plan too big for it fails alone. */
  workerHeapMb: number;
}

export const defaultLimits = (env: Readonly<Record<string, string | undefined>>, threads: number): PoolLimits => ({
  timeoutMs: envMillis(env, 'CAMPAIGN_PLAN_TIMEOUT_MS', 60_000),
  workerHeapMb: Math.max(256, Math.floor(getHeapStatistics().heap_size_limit / 1_000_000 / Math.max(1, threads))),
});

// The built worker (bundled, as the CLI is), from the bundle and from src/rollup alike (tests run the sources;
// workers run JavaScript).
const WORKER = new URL('../../dist/bundle/worker.js', import.meta.url);

/** Files per thread below which another thread costs more (start-up) than it saves. */
const FILES_PER_THREAD = 16;

/**
 * One worker per core but one: the main thread, and V8's compiler and garbage collector working for
 * every thread, need a core too. Measured on 2 cores (bench/run.mjs, 500 plans): one worker 1.09 s,
 * two 1.16 s — two threads that allocate as much as reading plans does slow each other by a third.
 */
export function threadsFor(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_THREAD)));
}

/** Where bin/campaign.js leaves the roll-up thread it started as the program loaded. */
const EARLY_THREAD = Symbol.for('campaign.rollup.thread');

/** That thread, taken once (undefined when there is none, or it was taken). */
function takeEarlyThread(): Worker | undefined {
  const holder = globalThis as { [EARLY_THREAD]?: Worker };
  const thread = holder[EARLY_THREAD];
  delete holder[EARLY_THREAD];
  return thread;
}

/** Stops that thread when the roll-up needed none (every plan cached). */
function releaseEarlyThread(): void {
  void takeEarlyThread()?.terminate();
}

type Outcome = Summarised | { failure: 'timeout' | 'crash'; reason: string };

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
        const bytes = await readBytes(file, 'plan');
        found[at + k] = cacheGet(cache, cacheKey(bytes, job.asOf, job.lang, file, settingsKey(job.settings?.[at + k]), dataKey(job)), isPlanSummary);
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
/** Time a new thread may take to start, on top of its first plan's limit. */
const THREAD_START_MS = 10_000;
/** The longest delay setTimeout takes (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function summariseAll(job: SummariseJob, limits: PoolLimits, onProgress?: (done: number) => void, worker: URL = WORKER): Promise<PlanSummary[]> {
  const { files: all, settings, ...rest } = job;
  const results: PlanSummary[] = await cachedSummaries(job) as PlanSummary[];
  const todo = all.map((_, i) => i).filter((i) => results[i] === undefined);
  const files = todo.map((i) => all[i]!);
  let done = all.length - files.length;
  if (done) onProgress?.(done);
  if (files.length === 0) {
    releaseEarlyThread();
    return results;
  }
  // What is left to hand out, by position in `files`: plans behind one that failed come back to the front.
  const queue = files.map((_, n) => n);
  const start = () => {
    const early = worker === WORKER ? takeEarlyThread() : undefined;
    if (early) {
      early.ref();
      early.postMessage({ job: rest });
      return early;
    }
    return new Worker(worker, { workerData: rest, resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb } });
  };

  /**
   * A thread with its answers: summaries in order, then how it ended if it did. Listened to for its whole
   * life, so that nothing it says between two waits is missed (a plan that throws right after the one
   * before it answered).
   */
  const watch = (thread: Worker) => {
    const said: Outcome[] = [];
    let waiting: ((o: Outcome) => void) | undefined;
    const hear = (o: Outcome) => {
      if (waiting) waiting(o);
      else said.push(o);
    };
    // An error can arrive before answers the thread sent earlier (it comes another way): the crash is
    // told at exit, when Node has delivered every answer sent before it.
    let error: string | undefined;
    thread
      .on('message', (answer: Summarised) => hear(answer))
      .on('error', (err: Error) => {
        error ??= err.message;
      })
      .on('exit', (code: number) => hear({ failure: 'crash', reason: error ?? `exit ${code}` }));
    // A thread's own start-up is not its first plan's time (it can take seconds on a loaded machine).
    let startUp = THREAD_START_MS;
    /** The next answer: a summary, or why there will be none (the per-plan time limit, a crash). */
    const next = (): Promise<Outcome> => {
      const allowance = startUp;
      startUp = 0;
      if (said.length > 0) return Promise.resolve(said.shift()!);
      return new Promise<Outcome>((resolve) => {
        // setTimeout fires at once past 2^31 − 1 ms: a limit that large is as good as none.
        const timer = setTimeout(() => answer({ failure: 'timeout', reason: '' }), Math.min(limits.timeoutMs + allowance, MAX_TIMER_MS));
        const answer = (o: Outcome) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(o);
        };
        waiting = answer;
      });
    };
    return { thread, next };
  };

  /** Reads plans on this thread (their texts, or rows for files that cannot be read). */
  const settingsOf = (n: number) => settings?.[todo[n]!];
  const load = (ns: number[]) => Promise.all(ns.map(async (n) => ({ n, input: await readPlanText(files[n]!, rest, settingsOf(n)) })));
  const settle = (n: number, summary: PlanSummary) => {
    results[todo[n]!] = summary;
    onProgress?.(++done);
  };

  // A few plans at a time to each thread, answered one by one: the thread goes from one plan to the next
  // without waiting for this thread, which meanwhile reads the next few; each plan has its own time limit.
  const lane = async () => {
    let worker = watch(start());
    try {
      let next = queue.length > 0 ? load(queue.splice(0, BATCH)) : undefined;
      while (next) {
        const loaded = await next;
        next = queue.length > 0 ? load(queue.splice(0, BATCH)) : undefined;
        const batch: { n: number; file: string; text: string; key?: string }[] = [];
        for (const { n, input } of loaded) {
          if ('row' in input) settle(n, input.row);
          else batch.push({ n, ...input });
        }
        if (batch.length === 0) continue;
        worker.thread.postMessage(batch.map(({ n, file, text }) => ({ file, text, settings: settingsOf(n) })));
        for (let k = 0; k < batch.length; k++) {
          const { n, file, key } = batch[k]!;
          const o = await worker.next();
          if ('summary' in o) {
            if (job.cache && key && o.cacheable) cachePut(job.cache, key, o.summary);
            settle(n, o.summary);
            continue;
          }
          const messageId = o.failure === 'timeout' ? 'rollup/plan-timeout' : 'rollup/plan-crashed';
          settle(n, failedRow(file, formatMessage(messageId, { seconds: Math.round(limits.timeoutMs / 1000), reason: o.reason }, job.lang), 'plan'));
          void worker.thread.terminate();
          worker = watch(start());
          // The plans after it in the batch were never summarised: they go to the front of the queue.
          queue.unshift(...batch.slice(k + 1).map((b) => b.n));
          next ??= queue.length > 0 ? load(queue.splice(0, BATCH)) : undefined;
          break;
        }
      }
    } finally {
      await worker.thread.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threadsFor(files.length), files.length) }, lane));
  return results;
}
