// A lock file beside a plan, so that two `campaign update` runs take turns instead of one losing the
// other's entry. A lock left by a process that no longer runs (killed, crashed) is taken over.
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.js';

/** Older than this, a lock is stale whoever holds it (a process on another machine, a reused pid). */
const STALE_MS = 10 * 60 * 1000;

export const lockPath = (file: string): string => join(dirname(resolve(file)), `.${basename(file)}.campaign-lock`);

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTakeOver(path: string): boolean {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return true; // gone already: try again
  }
  const pid = Number(content.split(' ')[0]);
  let old = false;
  try {
    old = Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return true;
  }
  if (processAlive(pid) && !old) return false;
  try {
    // Only the lock we judged stale: if another process replaced it meanwhile, leave theirs.
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch {
    /* someone else took it over first */
  }
  return true;
}

/** How long to wait for another command's lock: CAMPAIGN_LOCK_TIMEOUT_MS, else 15 seconds. */
const defaultTimeout = (): number => Number(process.env.CAMPAIGN_LOCK_TIMEOUT_MS) || 15_000;

/** Half-made locks (`…campaign-lock.<pid>.<random>`) of processes that were killed while making them. */
function removeStalePending(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const n of names) {
    if (!processAlive(Number(n.slice(prefix.length).split('.')[0]))) {
      try { unlinkSync(join(dir, n)); } catch { /* gone */ }
    }
  }
}

export async function withLock<T>(file: string, fn: () => Promise<T>, timeoutMs = defaultTimeout()): Promise<T> {
  const path = lockPath(file);
  const token = `${process.pid} ${randomBytes(6).toString('hex')}\n`;
  const deadline = Date.now() + timeoutMs;
  // The lock appears with its content already in it (written aside, then hard-linked into place), so
  // no one ever reads an empty lock and takes it for a stale one.
  removeStalePending(path);
  const pending = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(pending, 'wx', 0o644);
  writeSync(fd, token);
  closeSync(fd);
  for (;;) {
    try {
      linkSync(pending, path);
      unlinkSync(pending);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        try { unlinkSync(pending); } catch { /* gone */ }
        throw new UserError('io/lock', { file, reason: (err as Error).message });
      }
      if (tryTakeOver(path)) continue;
      if (Date.now() > deadline) {
        try { unlinkSync(pending); } catch { /* gone */ }
        throw new UserError('io/locked', { file, lock: path });
      }
      await sleep(20 + Math.random() * 40);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(path, 'utf8') === token) unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
}
