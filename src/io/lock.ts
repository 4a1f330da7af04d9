// A lock file beside a plan, so that two `campaign update` runs take turns instead of one losing the
// other's entry. A lock left by a process that no longer runs (killed, crashed) is taken over. The wait
// sleeps between tries and gives up at its timeout — also when a lock cannot be read or removed (a
// folder in its place, another user's lock in a sticky folder). Every failure is one line, and leaves
// no file behind.
import { envMillis } from './env.js';
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, openSync, readdirSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.js';
import { processAlive } from './process.js';
import { realTarget } from './write.js';

/** Older than this, a lock is stale whoever holds it (a process on another machine, a reused pid). */
const STALE_MS = 10 * 60 * 1000;

/** The lock of the file a path names: one lock however the plan is named (a symlink, a relative path). */
export const lockPath = (file: string): string => {
  const real = realTarget(file);
  return join(dirname(real), `.${basename(real)}.campaign-lock`);
};

/** The longest lock campaign writes ("pid token"): what is read of one, so that no file in its place is read whole. */
const LOCK_BYTES = 256;

/**
 * What a lock holds: the start of a regular file (campaign makes its locks as files, never as links). A
 * folder in its place cannot be taken over; anything else — a symlink (to nothing, to a device, to another
 * file), a FIFO — holds no lock of ours, is never followed or opened (a FIFO would block, /dev/zero never
 * ends, a link to nothing once made the wait spin for ever) and reads as empty, so it is taken over.
 */
function lockContent(path: string): string {
  const info = lstatSync(path);
  if (info.isDirectory()) throw Object.assign(new Error('a folder in the lock\'s place'), { code: 'EISDIR' });
  if (!info.isFile()) return '';
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(LOCK_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, LOCK_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The lock at `path` now: free (gone, or stale and removed by us), held by a live process, or stuck —
 * something we may not read or remove (a folder in its place, another user's stale lock in a sticky folder).
 */
function takeOverIfStale(path: string): 'free' | 'held' | 'stuck' {
  let content: string;
  let age: number;
  try {
    content = lockContent(path);
    age = Date.now() - lstatSync(path).mtimeMs;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'free' : 'stuck';
  }
  const pid = Number(content.split(' ')[0]);
  if (processAlive(pid) && age <= STALE_MS) return 'held';
  try {
    // Only the lock we judged stale: if another process replaced it meanwhile, leave theirs.
    if (lockContent(path) === content) unlinkSync(path);
    return 'free';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'free' : 'stuck';
  }
}

/** How long to wait for another command's lock: CAMPAIGN_LOCK_TIMEOUT_MS, else 15 seconds. */
const defaultTimeout = (): number => envMillis(process.env, 'CAMPAIGN_LOCK_TIMEOUT_MS', 15_000);

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
      try { unlinkSync(join(dir, n)); } catch { /* gone, or not ours */ }
    }
  }
}

function lockError(err: unknown, file: string): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UserError('io/lock-permission', { file, dir: dirname(realTarget(file)) });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError('io/no-space', { file });
  if (code === 'EMFILE' || code === 'ENFILE') return new UserError('io/too-many-files', { file });
  return new UserError('io/lock', { file, reason: (err as Error).message });
}

/** Writes the lock's content aside, to be linked into place whole. */
function makePending(path: string, token: string, file: string): string {
  const pending = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  let fd: number | undefined;
  try {
    fd = openSync(pending, 'wx', 0o644);
    writeSync(fd, token);
    closeSync(fd);
    return pending;
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(pending); } catch { /* not made */ }
    throw lockError(err, file);
  }
}

export async function withLock<T>(file: string, fn: () => Promise<T>, timeoutMs = defaultTimeout()): Promise<T> {
  const path = lockPath(file);
  const token = `${process.pid} ${randomBytes(6).toString('hex')}\n`;
  const deadline = Date.now() + timeoutMs;
  // The lock appears with its content already in it (written aside, then hard-linked into place), so
  // no one ever reads an empty lock and takes it for a stale one.
  removeStalePending(path);
  const pending = makePending(path, token, file);
  try {
    for (;;) {
      try {
        linkSync(pending, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(err, file);
      }
      const state = takeOverIfStale(path);
      if (state === 'free') continue;
      if (Date.now() >= deadline) throw new UserError(state === 'held' ? 'io/locked' : 'io/lock-stuck', { file, lock: path });
      await sleep(20 + Math.random() * 40);
    }
  } finally {
    try { unlinkSync(pending); } catch { /* linked and removed, or never made */ }
  }
  try {
    return await fn();
  } finally {
    try {
      if (lockContent(path) === token) unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
}
