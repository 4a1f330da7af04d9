// What the tool reads from its surroundings: today's date, the language, whether to use colour.
import { localDate } from '../calendar/dates.js';
import type { Lang } from '../messages/types.js';
import { UserError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Today's date in the local time zone, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return localDate(now);
}

/** The time of day in the local time zone, as HH:MM. */
export function timeOfDay(now: Date = new Date()): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** zh when the locale (LC_ALL, then LC_MESSAGES, then LANG) is Chinese, else en. */
export function langFromEnv(env: Env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Colour level 0–3: NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal. */
export function colorLevel(env: Env, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    return Number.isNaN(n) ? 1 : (Math.max(0, Math.min(3, n)) as 0 | 1 | 2 | 3);
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

/** The longest a time limit may be set to: a day, in milliseconds. */
const MAX_MILLIS = 86_400_000;

/**
 * A time limit set in the environment (CAMPAIGN_PLAN_TIMEOUT_MS, CAMPAIGN_LOCK_TIMEOUT_MS): unset or empty,
 * the default; else a whole number of milliseconds from 1 to a day, or the command stops with a usage
 * error — never a negative, zero or not-a-number limit that would fire at once or never.
 */
export function envMillis(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= MAX_MILLIS)) throw new UserError('cli/env-millis', { name, value, max: MAX_MILLIS });
  return n;
}
