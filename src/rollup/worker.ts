// A roll-up worker thread: summarises the files it is given and posts the summaries back.
import { parentPort, workerData } from 'node:worker_threads';
import { summariseFiles, type SummariseJob } from './summarise-files.js';

summariseFiles(workerData as SummariseJob).then(
  (summaries) => parentPort!.postMessage({ summaries }),
  (err: Error) => parentPort!.postMessage({ error: err.message }),
);
