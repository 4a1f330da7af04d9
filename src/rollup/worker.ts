// A roll-up worker thread: summarises one file at a time, as the pool hands them out.
import { parentPort, workerData } from 'node:worker_threads';
import { summariseFile, type SummariseJob } from './summarise-files.js';

const job = workerData as Omit<SummariseJob, 'files'>;
parentPort!.on('message', (file: string) => {
  void summariseFile(file, job).then((summary) => parentPort!.postMessage(summary));
});
