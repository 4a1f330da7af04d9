// A roll-up worker thread: summarises the files the pool hands it, one after another.
import { parentPort, workerData } from 'node:worker_threads';
import { summariseFile, type SummariseJob } from './summarise-files.js';

const job = workerData as Omit<SummariseJob, 'files'>;
// A few files at a time; each summary goes back as soon as it is made.
parentPort!.on('message', (files: string[]) => {
  for (const file of files) parentPort!.postMessage(summariseFile(file, job));
});
