// Atomic writes: a temporary file in the same folder, flushed, then renamed over the target, so a
// reader (or a crash) only ever sees the old file or the new one. An existing file keeps its mode.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { processAlive } from './lock.js';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = dirname(resolve(file));
  let mode = 0o666;
  try {
    if (!statSync(dir).isDirectory()) throw new UserError('io/no-folder', { file, dir });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('io/no-folder', { file, dir });
  }
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError('io/directory', { file });
    mode = st.mode & 0o7777;
  } catch (err) {
    if (err instanceof UserError) throw err;
  }
  removeStaleTemps(dir, basename(file));
  const tmp = join(dir, `.${basename(file)}.campaign-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === 'EACCES' || code === 'EPERM' ? 'io/write-permission' : 'io/write', { file, reason: (err as Error).message });
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

/** True when two paths name the same file (the output would overwrite the input). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
