// A cache of per-plan roll-up results keyed by the plan's bytes, the as-of date, the language and the
// build of campaign itself, in the user's cache folder. Repeated county roll-ups read only what changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
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

export function cacheGet<T>(dir: string, key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function cachePut(dir: string, key: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    /* a cache that cannot be written is only a slower next run */
  }
}
