// Summarising many plans on every core: the files are dealt out to worker threads (a few files are
// quicker in this thread than a worker takes to start), results come back in the files' order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanSummary } from './summary.js';
import { summariseFiles, type SummariseJob } from './summarise-files.js';

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;

export async function summariseAll(job: SummariseJob, onProgress?: (done: number) => void): Promise<PlanSummary[]> {
  const threads = Math.min(availableParallelism(), Math.floor(job.files.length / MIN_FILES_FOR_WORKERS));
  if (threads < 2) {
    const out: PlanSummary[] = [];
    for (const file of job.files) {
      out.push(...(await summariseFiles({ ...job, files: [file] })));
      onProgress?.(out.length);
    }
    return out;
  }
  // Interleaved, so that a folder of big plans next to small ones is shared out evenly.
  const chunks = Array.from({ length: threads }, (_, t) => job.files.filter((_, i) => i % threads === t));
  let done = 0;
  const results = await Promise.all(chunks.map((files) => new Promise<PlanSummary[]>((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { ...job, files } });
    worker.once('message', (m: { summaries?: PlanSummary[]; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      else {
        done += files.length;
        onProgress?.(done);
        resolve(m.summaries!);
      }
      void worker.terminate();
    });
    worker.once('error', reject);
  })));
  const byFile = new Map(results.flat().map((s) => [s.file, s]));
  return job.files.map((f) => byFile.get(f)!);
}
