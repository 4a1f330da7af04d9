// A cache of per-plan roll-up results keyed by the plan's bytes, the as-of date, the language and the
// build of campaign itself, in the user's cache folder. Repeated county roll-ups read only what changed.
// The folder is the user's own (made 0700; a symlink or another user's folder is not used); entries are
// written to fresh, exclusively created files and renamed into place; an entry that is not what this
// build writes is ignored (and replaced by the next write).
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

let build: string | undefined;

/** Changes with every build (written by scripts/build-schema.js), so a new campaign ignores old results. */
function buildId(): string {
  try {
    build ??= readFileSync(new URL('../build-id', import.meta.url), 'utf8').trim();
  } catch {
    build = 'dev';
  }
  return build;
}

export function cacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.XDG_CACHE_HOME || join(env.LOCALAPPDATA || env.HOME || homedir(), env.LOCALAPPDATA ? '' : '.cache'), 'campaign', 'rollup');
}

export function cacheKey(bytes: Uint8Array, ...parts: string[]): string {
  const h = createHash('sha256');
  h.update(buildId());
  for (const p of parts) h.update(`\u0000${p}`);
  h.update('\u0000');
  h.update(bytes);
  return h.digest('hex');
}

/** The entry, when it is there and is what `valid` expects. */
export function cacheGet<T>(dir: string, key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    if (!ownFolder(dir)) return undefined;
    const file = join(dir, `${key}.json`);
    if (!lstatSync(file).isFile()) return undefined;
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A real folder (not a symlink) of this user, readable by no one else; made so when missing. */
function ownFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const uid = process.getuid?.();
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) return false;
    if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
    return true;
  } catch {
    return false;
  }
}

export function cachePut(dir: string, key: string, value: unknown): void {
  if (!ownFolder(dir)) return;
  const tmp = join(dir, `.${key}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    writeSync(fd, JSON.stringify(value));
    closeSync(fd);
    fd = undefined;
    // A rename replaces whatever has the entry's name — a symlink included — and never writes through it.
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    /* a cache that cannot be written is only a slower next run */
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(tmp); } catch { /* not made */ }
  }
}
