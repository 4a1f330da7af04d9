// `campaign sheets PLAN`: one fill-in workbook per unit for a week (2020-W25-派出所.xlsx), written into a
// folder; never over a file that is already there (a unit may have filled it in) unless --force.
import { Option, type Command } from 'commander';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { addDays } from '../calendar/dates.js';
import { asOfForSpec, campaignWeeks, parseWeekSpec, reportingWeek, weekStartsOf } from '../tracking/weeks.js';
import { sameFile, writeFileAtomic } from '../io/write.js';
import { helpText, type HelpKey } from '../messages/help.js';
import { formatMessage } from '../messages/index.js';
import { nearest } from '../model/nearest.js';
import { unitByWord } from '../model/units.js';
import { WEEKDAYS, type Plan } from '../model/types.js';
import { buildSheets } from '../sheets/build.js';
import { sheetFileNames } from '../sheets/layout.js';
import { sheetCsv, sheetWorkbook } from '../sheets/write.js';
import { visible } from '../text/visible.js';
import type { CommandContext } from './context.js';
import { checkDate, collect, offers, resolveChoice, resolveWeekday } from './options.js';
import { runConfig, withConfigOptions, type ConfigOptions } from './config-input.js';
import { planSettings } from '../config/types.js';
import { loadPlan } from './plan-input.js';
import { LocalCommand } from './program.js';

const SHEET_FORMATS = ['xlsx', 'csv'] as const;

interface SheetsOptions extends ConfigOptions { unit: string[]; week?: string; weekStart?: string; asOf?: string; output: string; format?: string; force?: boolean }

/** The units asked for, by id or name; a word that names none is refused with the nearest id. */
function unitsAsked(plan: Plan, words: readonly string[]): string[] {
  return words.map((w) => {
    const unit = unitByWord(plan, w);
    if (unit) return unit.id;
    const suggestion = nearest(w, plan.units.map((u) => u.id));
    throw new UserError('sheets/unknown-unit', { value: w, suggestion, suggestionName: plan.units.find((u) => u.id === suggestion)?.name });
  });
}

export default function sheetsCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  const cmd = new LocalCommand('sheets', ctx.lang)
    .description(t('cmd.sheets'))
    .argument('<plan>', t('arg.plan'))
    .option('--unit <unit>', t('opt.sheetUnit'), collect, [])
    .option('-w, --week <week>', t('opt.sheetWeek'))
    .addOption(offers(new Option('--week-start <day>', t('opt.weekStart')), WEEKDAYS))
    .option('--as-of <date>', t('opt.sheetAsOf'))
    .option('-o, --output <dir>', t('opt.outputDir'), '.')
    .addOption(offers(new Option('-f, --format <format>', t('opt.sheetFormat')), SHEET_FORMATS))
    .option('--force', t('opt.force'));
  return withConfigOptions(cmd, ctx.lang)
    .action(async (file: string, opts: SheetsOptions) => {
      const config = runConfig([file], opts, ctx);
      const lang = config.lang;
      const format = resolveChoice(opts.format, SHEET_FORMATS);
      const spec = opts.week === undefined ? undefined : parseWeekSpec(opts.week);
      if (opts.week !== undefined && !spec) throw new UserError('cli/week', { value: opts.week });
      const override = opts.weekStart === undefined ? undefined : resolveWeekday(opts.weekStart, '--week-start');
      const given = opts.asOf !== undefined ? checkDate(opts.asOf, '--as-of') : undefined;
      const { plan, errors, name } = await loadPlan(file, given ?? ctx.io.today(), lang, ctx.io, planSettings(config.configFor(file)));
      if (errors.count) ctx.reportError(new UserError('plan/has-errors', { file: name, errors: errors.count, rules: errors.rules }, 'findings'));
      // The plan's reporting week (Monday to Sunday, or from the day it names): --week names it by the ISO
      // week it ends in, as weekly does; without --week, the week of the date.
      const starts = weekStartsOf(plan, override);
      const last = spec ? asOfForSpec(spec, starts, plan.period) : (given ?? ctx.io.today());
      if (!last) throw new UserError('cli/no-such-week', { file: name, week: spec && 'campaign' in spec ? spec.campaign : 0, weeks: campaignWeeks(plan.period, starts) });
      const reporting = reportingWeek(last, starts, plan.period);
      const week = { week: reporting.week, from: reporting.from, to: reporting.to };
      const asOf = given ?? (spec ? addDays(week.from, -1) : ctx.io.today());
      const units = unitsAsked(plan, opts.unit);
      const sheets = buildSheets(plan, { week, weekNo: reporting.weekNo, asOf, lang, units });
      if (existsSync(opts.output) && !statSync(opts.output).isDirectory()) throw new UserError('io/directory', { file: opts.output });
      mkdirSync(opts.output, { recursive: true });
      // A sheet already in the folder may hold what a unit filled in: it is left alone (--force replaces it),
      // and the others are still written.
      const written = sheets.filter((sheet) => sheet.rows.length > 0);
      const names = sheetFileNames(week.week, written.map((s) => ({ id: s.meta.unit, name: s.meta.unitName })), format);
      for (const sheet of sheets) {
        if (sheet.rows.length === 0) {
          ctx.io.stderr(`${visible(formatMessage('sheets/no-tasks', { unit: sheet.meta.unitName }, lang))}\n`);
          continue;
        }
        const target = join(opts.output, names[written.indexOf(sheet)]!);
        if (existsSync(target) && !opts.force) {
          ctx.reportError(new UserError('sheets/exists', { file: target }));
          continue;
        }
        // Never through a link (or a second name) onto the plan itself: --force replaces a sheet, not the plan.
        if (sameFile(target, file)) {
          ctx.reportError(new UserError('io/overwrite-input', { file: target, input: file }));
          continue;
        }
        writeFileAtomic(target, format === 'xlsx' ? await sheetWorkbook(sheet) : sheetCsv(sheet));
        ctx.io.stdout(`${visible(formatMessage('sheets/written', { file: target, unit: sheet.meta.unitName, tasks: sheet.rows.length }, lang))}\n`);
      }
    });
}
