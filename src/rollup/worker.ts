// A roll-up worker thread: summarises the plans the pool hands it (their texts, read by the pool), one
// after another.
import { parentPort, workerData } from 'node:worker_threads';
import { summariseText, type WorkerJob } from './summarise-files.js';
import type { PlanSettings } from '../config/types.js';

// The job comes with the thread, or as its first message to a thread started before the job was known
// (bin/campaign.js starts the roll-up's first thread while the program loads).
let job = workerData as WorkerJob | undefined;
// A few plans at a time, each with its configuration's settings; each summary goes back as soon as it is made.
parentPort!.on('message', (message: { file: string; text: string; settings?: PlanSettings }[] | { job: WorkerJob }) => {
  if (!Array.isArray(message)) {
    job = message.job;
    return;
  }
  for (const { file, text, settings } of message) parentPort!.postMessage(summariseText(file, text, job!, settings));
});
