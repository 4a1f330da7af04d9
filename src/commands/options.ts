// Options several commands share, parsed and checked in one place.
import { Option } from 'commander';
import { UserError } from '../errors.js';
import { isRealDate } from '../model/build.js';
import { langFromEnv } from '../io/env.js';
import type { CliIO } from '../io/cli-io.js';
import type { Lang } from '../messages/types.js';

export const langOption = () => new Option('--lang <lang>', 'language of messages and headings: zh or en (default: from LANG / LC_ALL)');
export const asOfOption = () => new Option('--as-of <date>', 'judge status as of this date, YYYY-MM-DD (default: today)');

export function resolveLang(value: string | undefined, io: CliIO): Lang {
  if (value === undefined) return langFromEnv(io.env);
  if (value === 'zh' || value === 'en') return value;
  throw new UserError('cli/lang', { value });
}

export function resolveAsOf(value: string | undefined, io: CliIO): string {
  if (value === undefined) return io.today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) throw new UserError('cli/as-of', { value });
  return value;
}

export function resolveFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UserError('cli/format', { value, allowed });
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
