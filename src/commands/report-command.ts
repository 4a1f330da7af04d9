// The one runner behind every report command (status, weekly, report, export, rollup …): it reads the
// inputs (files, folders, globs, -), the options every kind shares, builds the kind's data, renders the
// chosen format, writes it, and records the outcome. A kind only says what it builds and offers.
import { visibleName } from '../text/visible.js';
import { Argument, type Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { cacheDir } from '../io/cache.js';
import { loadCalendar } from '../io/holidays.js';
import { expandInputs } from '../io/inputs.js';
import { helpText } from '../messages/help.js';
import { formatMessage } from '../messages/index.js';
import { label } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { WEEKDAYS, type Plan } from '../model/types.js';
import type { Doc } from '../formats/doc.js';
import type { KindSettings, PlanKind, PlansKind, ReportKind, SummaryKind } from '../reports/kind.js';
import { jsonOutput } from '../reports/json-output.js';
import { unitByWord } from '../model/units.js';
import { nearest } from '../model/nearest.js';
import { defaultLimits, summariseAll, threadsFor } from '../rollup/pool.js';
import { asOfForSpec, campaignWeeks, parseWeekSpec, weekStartsOf, type WeekSpec } from '../tracking/weeks.js';
import type { CommandContext } from './context.js';
import { loadPlan } from './plan-input.js';
import { LocalCommand } from './program.js';
import { asOfOption, collect, formatOption, offers, resolveAlarm, resolveAsOf, resolveDays, resolveFormat, resolveWeekday, skipsToSay } from './options.js';
import { installedData } from '../io/user-data.js';
import { configOptions, runConfig, type ConfigOptions, type RunConfig } from './config-input.js';
import { planSettings } from '../config/types.js';
import { emit, refuseInputAsOutput } from './output.js';
import type { IsoDate } from '../calendar/dates.js';
import type { Calendar } from '../formats/types.js';

interface RunOptions extends ConfigOptions {
  format?: string; output?: string; asOf?: string; week?: string; weekStart?: string; alarm?: string; days?: string; unit?: string[];
  bom: boolean; cache: boolean;
}

/** The command for a report kind: its options come from what the kind declares. */
export function reportCommand(kind: ReportKind, ctx: CommandContext): Command {
  const t = (key: Parameters<typeof helpText>[1]) => helpText(ctx.lang, key);
  const cmd = new LocalCommand(kind.name, ctx.lang)
    .description(helpText(ctx.lang, `cmd.${kind.name}` as Parameters<typeof helpText>[1]))
    .addArgument(kind.defaultInputs
      ? new Argument('[plans...]', t('arg.plans')).default(kind.defaultInputs, kind.defaultInputs.join(' '))
      : new Argument('<plans...>', t('arg.plans')))
    .addOption(formatOption(kind.formats, ctx.lang))
    .option('-o, --output <file>', t('opt.output'))
    .addOption(asOfOption(ctx.lang));
  if (kind.options?.includes('week')) cmd.option('-w, --week <week>', t('opt.week'));
  if (kind.options?.includes('weekStart')) cmd.addOption(offers(new Option('--week-start <day>', t('opt.weekStart')), WEEKDAYS));
  if (kind.options?.includes('unit')) cmd.option('--unit <unit>', t('opt.unit'), collect);
  if (kind.options?.includes('days')) cmd.option('--days <n>', t('opt.days'));
  if (kind.formats.includes('csv')) cmd.addOption(new Option('--no-bom', t('opt.noBom')));
  if (kind.formats.includes('ics')) cmd.option('--alarm <before>', t('opt.alarm'));
  if (kind.options?.includes('cache')) cmd.addOption(new Option('--no-cache', t('opt.noCache')));
  for (const option of configOptions(ctx.lang)) cmd.addOption(option);
  return cmd.action((args: string[], opts: RunOptions) => run(kind, args, opts, ctx));
}

/**
 * The as-of date, and the week `--week` named — an ISO week, or the campaign's N-th: each plan's report is
 * as of the last day of its own reporting week so named. Without either, today and the time of day.
 */
function resolveDate(opts: RunOptions, ctx: CommandContext): { asOf: IsoDate; week?: WeekSpec; time?: string } {
  if (opts.week === undefined) return { asOf: resolveAsOf(opts.asOf, ctx.io), ...(opts.asOf === undefined && ctx.io.time ? { time: ctx.io.time() } : {}) };
  if (opts.asOf !== undefined) throw new UserError('cli/week-and-as-of');
  const week = parseWeekSpec(opts.week);
  if (!week) throw new UserError('cli/week', { value: opts.week });
  // Plans are validated as of the ISO week's last day, or today for a campaign week (no error depends on it).
  return { asOf: 'iso' in week ? week.iso.to : ctx.io.today(), week };
}

async function run(kind: ReportKind, args: string[], opts: RunOptions, ctx: CommandContext): Promise<void> {
  // A FIFO or device in a folder is said once the language (the plans' configuration's) is known.
  const skipped = skipsToSay();
  const files = expandInputs(args, undefined, skipped.add);
  const config = runConfig(files, opts, ctx);
  const lang = config.lang;
  skipped.say(ctx, lang);
  const format = resolveFormat(opts.format, kind.formats);
  const { asOf, week, time } = resolveDate(opts, ctx);
  const weekStarts = opts.weekStart === undefined ? undefined : resolveWeekday(opts.weekStart, '--week-start');
  const alarm = opts.alarm === undefined ? undefined : resolveAlarm(opts.alarm);
  // Before any work: an output that would overwrite an input is refused, the input untouched.
  refuseInputAsOutput(opts.output, files);
  const settings: KindSettings = {
    asOf, lang, holidays: loadCalendar(), ...(weekStarts ? { weekStarts } : {}), ...(opts.unit ? { units: opts.unit } : {}), ...(time ? { time } : {}),
    ...(opts.days !== undefined ? { days: resolveDays(opts.days) } : {}),
  };
  const built = kind.input === 'plan' ? await planReports(kind, files, settings, week, config, ctx)
    : kind.input === 'plans' ? await plansReport(kind, files, settings, config, ctx)
    : await summaryReport(kind, files, settings, opts, config, ctx);
  if (built.length === 0) return; // every input failed, and each said why
  const docs = built.map(({ data, file, note, title }) => {
    const doc = withContext(kind.docIn?.(format, data, lang) ?? kind.doc(data, lang), built.length > 1 ? { file, title: title ?? '' } : undefined, note, lang);
    if (!doc.official) return doc;
    // An official document carries no words of the tool's own: those are said on stderr.
    for (const text of doc.notes ?? []) ctx.io.stderr(`${file ? `${visibleName(file)}: ` : ''}${visibleName(text)}\n`);
    return { ...doc, notes: [] };
  });
  const calendar = kind.calendar ? mergeCalendars(built.map(({ data }) => kind.calendar!(data, lang))) : undefined;
  await emit({
    docs,
    data: jsonOutput(kind, built),
    ...(calendar ? { calendar } : {}),
  }, { format, output: opts.output, lang, bom: opts.bom, ...(alarm !== undefined ? { alarm } : {}) }, ctx);
}

interface Built { file: string; data: unknown; note?: string; /** The plan's title, in a run over several plans (a workbook's sheet name). */ title?: string }

/**
 * Reads the plans one at a time and hands each that can be read to `use`, so that a report per plan holds
 * only its data, not every plan; a plan with errors is said on stderr, one that cannot be read too.
 */
async function eachPlan(files: string[], settings: KindSettings, config: RunConfig, ctx: CommandContext, use: (file: string, plan: Plan) => void): Promise<void> {
  for (const file of files) {
    try {
      const { name, plan, errors } = await loadPlan(file, settings.asOf, settings.lang, ctx.io, planSettings(config.configFor(file)));
      if (errors.count) {
        ctx.reportError(new UserError('plan/has-errors', { file: name, errors: errors.count, rules: errors.rules }, 'findings'));
      }
      use(name, plan);
    } catch (err) {
      // One plan that cannot be read does not stop the others.
      if (!(err instanceof UserError)) throw err;
      ctx.reportError(err);
    }
  }
}

async function planReports(kind: PlanKind<unknown>, files: string[], settings: KindSettings, week: WeekSpec | undefined, config: RunConfig, ctx: CommandContext): Promise<Built[]> {
  const out: Built[] = [];
  // With --week, each report is as of the last day of the plan's own reporting week so named (a plan
  // without that campaign week is said on stderr, and the others are still reported).
  await eachPlan(files, settings, config, ctx, (file, plan) => {
    const starts = weekStartsOf(plan, settings.weekStarts);
    const asOf = week ? asOfForSpec(week, starts, plan.period) : settings.asOf;
    if (!asOf) {
      const n = 'campaign' in week! ? week.campaign : 0;
      ctx.reportError(new UserError('cli/no-such-week', { file, week: n, weeks: campaignWeeks(plan.period, starts) }));
      return;
    }
    out.push({ file, data: kind.build(plan, { ...settings, asOf }), note: periodNote(plan, asOf, settings.lang), title: plan.title ?? '' });
  });
  return out;
}

/** One report from every plan read; each --unit must name a unit of one of them. */
async function plansReport(kind: PlansKind<unknown>, files: string[], settings: KindSettings, config: RunConfig, ctx: CommandContext): Promise<Built[]> {
  const plans: { file: string; plan: Plan }[] = [];
  await eachPlan(files, settings, config, ctx, (file, plan) => plans.push({ file, plan }));
  if (plans.length === 0) return [];
  for (const word of settings.units ?? []) {
    if (plans.some(({ plan }) => unitByWord(plan, word))) continue;
    const known = [...new Set(plans.flatMap(({ plan }) => plan.units.flatMap((u) => [u.id, u.name])))];
    throw new UserError('cli/unknown-unit', { value: word, suggestion: nearest(word, known) });
  }
  return [{ file: '', data: kind.build(plans, settings) }];
}

async function summaryReport(kind: SummaryKind<unknown>, args: string[], settings: KindSettings, opts: RunOptions, config: RunConfig, ctx: CommandContext): Promise<Built[]> {
  const files = args.filter((f) => f !== '-');
  if (files.length === 0) throw new UserError('rollup/no-plans', { args });
  // A progress bar on a terminal while more than a handful of files are read.
  const bar = ctx.io.stderrIsTTY && files.length > 5;
  const progress = (done: number) => {
    const width = 30;
    const filled = Math.round((done / files.length) * width);
    ctx.io.stderr(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${files.length}`);
  };
  // The workers read their own holiday table: a calendar's functions cannot be sent to them.
  const { holidays: _, ...sent } = settings;
  const data = installedData();
  const job = { files, ...sent, cache: opts.cache ? cacheDir(ctx.io.env) : undefined, settings: files.map((f) => planSettings(config.configFor(f))), ...(data.length ? { data } : {}) };
  const summaries = await summariseAll(job, defaultLimits(ctx.io.env, threadsFor(files.length)), bar ? progress : undefined);
  if (bar) ctx.io.stderr('\r\u001b[K');
  for (const s of summaries) {
    if (s.failure) ctx.record(s.failedOn === 'io' ? 'failed' : 'findings');
    else if (s.errors > 0) ctx.record('findings');
  }
  return [{ file: '', data: kind.build(summaries, settings) }];
}

/** A note when the report's date lies outside the plan's period: the figures are then of another time. */
function periodNote(plan: Plan, asOf: IsoDate, lang: Lang): string | undefined {
  const p = plan.period;
  if (!p || p.end < p.start) return undefined;
  if (asOf < p.start) return formatMessage('report/before-period', { start: p.start, asOf }, lang);
  if (asOf > p.end) return formatMessage('report/after-period', { end: p.end, asOf }, lang);
  return undefined;
}

/** A plan's document in a run over several plans names its plan: its file first in the header block, and `plan`. */
function withContext(doc: Doc, plan: Doc['plan'], note: string | undefined, lang: Lang): Doc {
  return {
    ...doc,
    ...(plan ? { plan } : {}),
    meta: plan ? [[label(lang, 'file'), plan.file], ...doc.meta] : doc.meta,
    notes: [...(note ? [note] : []), ...(doc.notes ?? [])],
  };
}

function mergeCalendars(calendars: Calendar[]): Calendar {
  return { name: calendars.map((c) => c.name).join(' / '), events: calendars.flatMap((c) => c.events) };
}
