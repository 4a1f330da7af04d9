// Options several commands share, described in the user's language, parsed and checked in one place.
import { Option, type Argument } from 'commander';
import { UserError } from '../errors.js';
import { isRealDate } from '../calendar/dates.js';
import { langFromEnv } from '../io/env.js';
import type { CliIO } from '../io/cli-io.js';
import { helpText } from '../messages/help.js';
import { bracket } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { isFormat, type FormatName } from '../formats/index.js';
import { weekday } from '../model/build.js';
import type { Weekday } from '../model/types.js';
import type { OnSkip, SpecialKind } from '../io/inputs.js';
import { formatMessage } from '../messages/index.js';
import type { CommandContext } from './context.js';

/**
 * Records the fixed list of values an option or argument takes, for shell completion (src/completion).
 * Commander's own field, set without its check: the command checks the value itself, in the user's language.
 */
export function offers<T extends Option | Argument>(item: T, values: readonly string[]): T {
  item.argChoices = [...values];
  return item;
}

export const langOption = (lang: Lang) => offers(new Option('--lang <lang>', helpText(lang, 'opt.lang')), ['zh', 'en']);
export const asOfOption = (lang: Lang) => new Option('--as-of <date>', helpText(lang, 'opt.asOf'));

/** -f with the formats a command offers, each named and described, the default first. */
export function formatOption(formats: readonly FormatName[], lang: Lang): Option {
  const comma = lang === 'zh' ? '，' : ', ';
  const list = formats.map((f, i) => {
    const what = helpText(lang, `fmt.${f}`);
    return `${f}${bracket(lang, i === 0 ? `${what}${comma}${helpText(lang, 'fmt.default')}` : what)}`;
  });
  return offers(new Option('-f, --format <format>', helpText(lang, 'opt.format', { formats: list.join(lang === 'zh' ? '、' : ', ') })), formats);
}

export function resolveLang(value: string | undefined, io: CliIO): Lang {
  if (value === undefined) return langFromEnv(io.env);
  if (value === 'zh' || value === 'en') return value;
  throw new UserError('cli/lang', { value });
}

/** A YYYY-MM-DD date that exists, or a message that says which of the two it is not. */
export function checkDate(value: string, option: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UserError('cli/date', { option, value });
  if (!isRealDate(value)) throw new UserError('cli/date-unreal', { option, value });
  return value;
}

export function resolveAsOf(value: string | undefined, io: CliIO): string {
  return value === undefined ? io.today() : checkDate(value, '--as-of');
}

export function resolveFormat(value: string | undefined, allowed: readonly FormatName[]): FormatName {
  if (value === undefined) return allowed[0]!;
  if (isFormat(value) && allowed.includes(value)) return value;
  throw new UserError('cli/format', { value, allowed });
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** One of a command's own choices (validate's stylish|json, rules' table|json). */
export function resolveChoice<C extends string>(value: string | undefined, allowed: readonly C[]): C {
  if (value === undefined) return allowed[0]!;
  if ((allowed as readonly string[]).includes(value)) return value as C;
  throw new UserError('cli/format', { value, allowed });
}

/** monday … sunday, or 周一 … 周日 (as a plan writes them), any case. */
export function resolveWeekday(value: string, option: string): Weekday {
  const day = weekday(value.toLowerCase());
  if (!day) throw new UserError('cli/weekday', { option, value });
  return day;
}

/** The longest alarm: a year ahead is already no reminder. */
const MAX_ALARM_MINUTES = 366 * 24 * 60;

/** `--alarm`: 1d, 2h, 30m, 1w, 1d12h … before the deadline, in minutes; `none` for no alarm. */
export function resolveAlarm(value: string): number | null {
  if (value === 'none') return null;
  const m = /^(?:(\d{1,6})w)?(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?$/.exec(value);
  const minutes = m && value !== '' ? ((Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0)) * 24 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0) : NaN;
  if (!(minutes <= MAX_ALARM_MINUTES)) throw new UserError('cli/alarm', { value });
  return minutes;
}

/** `--days N`: a whole number of days ahead, up to a year. */
export function resolveDays(value: string): number {
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n <= 366)) throw new UserError('cli/days', { value });
  return n;
}

/** What a command says of a FIFO, socket or device its folder or glob held: one line on stderr, and on. */
export const sayingSkipped = (ctx: CommandContext, lang: Lang): OnSkip => (file, kind) => {
  ctx.io.stderr(`${formatMessage('io/skipped', { file, kind }, lang)}\n`);
};

/** Skipped files kept until the run's language is known (it may come from the plans' configuration), then said. */
export function skipsToSay(): { add: OnSkip; say: (ctx: CommandContext, lang: Lang) => void } {
  const held: [string, SpecialKind][] = [];
  return {
    add: (file, kind) => {
      held.push([file, kind]);
    },
    say: (ctx, lang) => {
      for (const [file, kind] of held) sayingSkipped(ctx, lang)(file, kind);
    },
  };
}
