// Writing files so that nothing is ever lost or half-written, and nothing is written where it should
// not be. A regular file is replaced atomically: a temporary file in the same folder, flushed, then
// renamed over it, so a reader (or a crash) only ever sees the old file or the new one. The file named
// is what is written: through a symlink, the file it points to (the link stays a link); a FIFO, a
// device or /dev/stdout is written into, never replaced. A replaced file keeps its mode, owner and group.
import { randomBytes } from 'node:crypto';
import {
  accessSync, closeSync, constants, fchownSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { processAlive } from './process.js';

/** The file a path names once symlinks are followed (the path itself when nothing is there yet). */
export function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    // Not there (yet): a dangling symlink's target, or the path in the real folder.
    try {
      return join(realpathSync(dirname(resolve(file))), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
}

function writeError(err: unknown, file: string): UserError {
  if (err instanceof UserError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UserError('io/write-permission', { file });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError('io/no-space', { file });
  if (code === 'EMFILE' || code === 'ENFILE') return new UserError('io/too-many-files', { file });
  return new UserError('io/write', { file, reason: (err as Error).message });
}

/** /dev/stderr, /dev/fd/3, /proc/self/fd/3: a descriptor this process has open (it may be a socket, which has no path to open). */
function openDescriptor(file: string): number | undefined {
  if (file === '/dev/stderr') return 2;
  const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(file);
  return m ? Number(m[1]) : undefined;
}

/** Writes into a FIFO, a device or a terminal as it is: there is nothing to replace atomically. */
function writeInto(file: string, data: string | Uint8Array): void {
  const own = openDescriptor(resolve(file));
  let fd: number | undefined;
  try {
    if (own !== undefined) writeAll(own, data);
    else {
      fd = openSync(file, 'w');
      writeAll(fd, data);
    }
  } catch (err) {
    throw writeError(err, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface WriteOptions {
  /**
   * Replacing a plan in place (update, --fix): the plan must be one the user may write, and it must
   * not have other names (hard links) that a replacement would leave behind with the old content.
   */
  inPlace?: boolean;
}

/** /dev/stdout, /dev/fd/3, /proc/self/fd/1: names of what a process has open, written into as they are. */
const PROCESS_FILE = /^\/(?:dev|proc)\//;

export function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  // What the name refers to, following symlinks (and /proc's links to pipes and terminals).
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) throw new UserError('io/directory', { file });
  if ((existing && !existing.isFile()) || (!opts.inPlace && PROCESS_FILE.test(resolve(file)))) {
    writeInto(file, data);
    return;
  }
  const target = realTarget(file);
  const dir = dirname(target);
  if (!statOrUndefined(dir)?.isDirectory()) throw new UserError('io/no-folder', { file, dir: dirname(resolve(file)) });
  if (existing && opts.inPlace) {
    if (existing.nlink > 1) throw new UserError('io/hard-links', { file, links: existing.nlink });
    // A writable folder would let anyone replace the file: only someone who may write it may.
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw new UserError('io/write-permission', { file });
    }
  }
  removeStaleTemps(dir, basename(target));
  const tmp = join(dir, `.${basename(target)}.campaign-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    if (existing) keepOwner(fd, existing, file);
    writeAll(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(tmp); } catch { /* not made, or gone */ }
    throw writeError(err, file);
  }
}

/** The new file gets the old one's owner and group, or nothing is written. */
function keepOwner(fd: number, old: Stats, file: string): void {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || (old.uid === uid && old.gid === gid)) return;
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    throw new UserError('io/owner', { file });
  }
}

/** Temporary files a killed campaign left behind (its pid no longer runs): never the plan itself. */
function removeStaleTemps(dir: string, base: string): void {
  const prefix = `.${base}.campaign-tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && !processAlive(pid)) {
      try { unlinkSync(join(dir, name)); } catch { /* gone */ }
    }
  }
}

/** True when two paths name the same file (the output would overwrite the input): device and inode, not names. */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  if (sa && sb) return sa.ino === sb.ino && sa.dev === sb.dev;
  return realTarget(a) === realTarget(b);
}
