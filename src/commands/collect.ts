// `campaign collect PLAN SHEETS…`: the units' returned sheets, every filled cell checked against the plan
// as it is now; findings by file and cell (2020-W25-派出所.xlsx 填报!G7) in validate's formats and exit
// codes; the valid rows recorded as progress entries in one locked, atomic, comment-preserving edit of
// the plan. A sheet with errors gives nothing unless --partial; a row collected before is not added again.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { logOps } from '../edit/progress-update.js';
import { countFindings, type Finding } from '../findings.js';
import { colorLevel } from '../io/env.js';
import { outputWidth } from '../io/cli-io.js';
import { expandInputs } from '../io/inputs.js';
import { readStamped } from '../io/read.js';
import { helpText, type HelpKey } from '../messages/help.js';
import { formatMessage } from '../messages/index.js';
import type { Lang, MessageData, ToolMessageKey } from '../messages/types.js';
import type { SheetFinding } from '../sheets/check.js';
import { gather, type ReturnedFile } from '../sheets/gather.js';
import { csvSheet, type ReturnedSheet } from '../sheets/read.js';
import { readXlsxSheet } from '../sheets/read-xlsx.js';
import { readXlsSheet } from '../sheets/read-xls.js';
import { reportedWeek, weekStartsOf } from '../tracking/weeks.js';
import { visible } from '../text/visible.js';
import type { CommandContext, Outcome } from './context.js';
import { checkDate, offers, resolveChoice, sayingSkipped } from './options.js';
import { runConfig, withConfigOptions, type ConfigOptions } from './config-input.js';
import { configuredPlan, planSettings } from '../config/types.js';
import { diffOf, editedText, editLocked, refuseUneditable, writeIfUnchanged } from './plan-edit.js';
import { LocalCommand } from './program.js';

const COLLECT_FORMATS = ['stylish', 'json'] as const;

interface CollectOptions extends ConfigOptions { dryRun?: boolean; partial?: boolean; format?: string; asOf?: string }

const SHEET = /\.(?:xlsx|xls|csv)$/i;

/** A returned file's kind, by its name, and the size limit that goes with it (src/io/limits.ts). */
const sheetKind = (file: string): { kind: ReturnedSheet['kind']; limit: 'csvSheet' | 'xlsSheet' | 'xlsxSheet' } =>
  /\.csv$/i.test(file) ? { kind: 'csv', limit: 'csvSheet' } : /\.xls$/i.test(file) ? { kind: 'xls', limit: 'xlsSheet' } : { kind: 'xlsx', limit: 'xlsxSheet' };

/**
 * A returned file read as a sheet, whatever kind it is, with when it was last changed. One larger than a
 * sheet of its kind can be (a backup or an export dropped in the folder) is not read: it is a refused sheet,
 * said as a finding, and the others are still collected.
 */
async function readSheet(file: string): Promise<ReturnedFile> {
  const { kind, limit } = sheetKind(file);
  let read: { bytes: Uint8Array; modified: number };
  try {
    read = await readStamped(file, limit);
  } catch (err) {
    if (!(err instanceof UserError && err.messageId === 'io/file-too-large')) throw err;
    const { size, limit: mb } = (err as UserError<'io/file-too-large'>).data;
    return { sheet: { file, kind, sheet: '', header: [], rows: [], unreadable: 'size', refused: { why: 'size', limit: mb, size } }, modified: 0 };
  }
  const { bytes, modified } = read;
  if (kind === 'csv') return { sheet: csvSheet(file, bytes), modified };
  if (kind === 'xls') return { sheet: await readXlsSheet(file, bytes), modified };
  return { sheet: await readXlsxSheet(file, bytes), modified };
}

/** A cell's column as a number (填报!G7 → 7, AB3 → 28); 0 for none. */
function cellColumn(cell: string): number {
  const letters = /([A-Z]+)\d+$/.exec(cell)?.[1] ?? '';
  let n = 0;
  for (const c of letters) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/**
 * A sheet's finding in validate's shape: line is the row, column the cell's column (0 for a whole row,
 * and both 0 for the file as a whole); each check has one message, whose id is the rule's.
 */
function toFinding(f: SheetFinding, lang: Lang): Finding {
  const column = f.cell ? cellColumn(f.cell) : 0;
  return {
    file: f.file, line: f.row, column, endLine: f.row, endColumn: column ? column + 1 : 0, rule: f.id, messageId: f.id,
    data: f.data as Record<string, unknown>, severity: f.severity, message: formatMessage(f.id, f.data as MessageData[typeof f.id], lang),
    ...(f.cell ? { cell: f.cell } : {}),
  };
}

/** Where a finding is, as stylish shows it: the cell, else the row, else (the file as a whole) a dash. */
const place = (f: Finding, lang: Lang): string => f.cell ?? (f.line ? (lang === 'zh' ? `第${f.line}行` : `row ${f.line}`) : '—');

export default function collectCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  const cmd = new LocalCommand('collect', ctx.lang)
    .description(t('cmd.collect'))
    .argument('<plan>', t('arg.plan'))
    .argument('<sheets...>', t('arg.sheets'))
    .option('--dry-run', t('opt.dryRun'))
    .option('--partial', t('opt.partial'))
    .addOption(offers(new Option('-f, --format <format>', t('opt.validateFormat')), COLLECT_FORMATS))
    .option('--as-of <date>', t('opt.collectAsOf'));
  return withConfigOptions(cmd, ctx.lang)
    .action(async (file: string, args: string[], opts: CollectOptions) => {
      ctx.outcome = await collect(file, args, opts, ctx);
    });
}

async function collect(file: string, args: string[], opts: CollectOptions, ctx: CommandContext): Promise<Outcome> {
  const config = runConfig([file], opts, ctx);
  const lang = config.lang;
  const format = resolveChoice(opts.format, COLLECT_FORMATS);
  const today = opts.asOf !== undefined ? checkDate(opts.asOf, '--as-of') : ctx.io.today();
  const time = opts.asOf === undefined ? ctx.io.time?.() : undefined;
  await refuseUneditable(file);
  const files = expandInputs(args, SHEET, sayingSkipped(ctx, lang)).filter((f) => SHEET.test(f) || !existsSync(f));
  if (files.length === 0) throw new UserError('collect/no-sheets', { args });

  // Every file is read before the plan is locked: a slow or stuck file never holds the lock.
  const returned: ReturnedFile[] = [];
  for (const sheetFile of files) returned.push(await readSheet(sheetFile));

  return editLocked(file, async ({ source, plan: written }) => {
    // The week the units report on: the configuration's week start over the plan's.
    const plan = configuredPlan(written, planSettings(config.configFor(file)).reporting);
    const findings: Finding[] = [];
    const lines: string[] = [];
    const weekStarts = weekStartsOf(plan);
    const { week } = reportedWeek(plan, today, weekStarts, time);
    const gathered = gather(plan, returned, { reported: week, weekStarts, asOf: today, lang, partial: !!opts.partial });
    const taken = gathered.taken;
    for (const g of gathered.files) {
      for (const f of g.findings) findings.push(toFinding(f, lang));
      const say = <K extends ToolMessageKey>(id: K, data: MessageData[K]) => lines.push(formatMessage(id, data, lang));
      if (g.taken.length) say('collect/taken', { file: g.file, rows: g.taken.map((r) => r.row), tasks: [...new Set(g.taken.map((r) => r.task.id))] });
      if (g.again.length) say('collect/already', { file: g.file, rows: g.again.map((r) => r.row) });
      if (g.errorRows.length) say('collect/skipped', { file: g.file, rows: g.errorRows });
      const duplicate = g.findings.some((f) => f.id === 'sheet/duplicate');
      if (g.held.length && !duplicate) say('collect/held', { file: g.file, rows: g.held.map((r) => r.row) });
      if (g.filled === 0 && g.findings.length === 0) say('collect/nothing', { file: g.file });
    }

    const text = taken.length ? editedText(source, logOps(taken)) : source.text;
    // A dry run's diff: printed before the findings, or (JSON) the `diff` field, so that the output stays one JSON value.
    const diff = opts.dryRun && taken.length ? diffOf(source, text) : undefined;
    if (diff && format !== 'json') ctx.io.stdout(visible(diff));
    if (!opts.dryRun && taken.length) {
      await writeIfUnchanged(source, text);
      lines.push(formatMessage('collect/written', { file, count: taken.length }, lang));
    }

    const { errors, warnings } = countFindings(findings);
    if (format === 'json') {
      const { findingObject } = await import('../formats/findings-json.js');
      ctx.io.stdout(`${JSON.stringify({
        schemaVersion: 1,
        // validate's finding, with the cell (null for a whole row or file) and the row (0 for the file).
        findings: findings.map((f) => ({ ...findingObject(f), cell: f.cell ?? null, row: f.line })),
        errors,
        warnings,
        taken: taken.map((r) => ({ file: r.file, row: r.row, task: r.task.id, update: r.entry })),
        written: !opts.dryRun && taken.length > 0,
        ...(diff ? { diff } : {}),
      }, null, 2)}\n`);
    } else {
      const [{ renderStylish }, { Chalk }] = await Promise.all([import('../formats/stylish.js'), import('chalk')]);
      const chalk = new Chalk({ level: colorLevel(ctx.io.env, ctx.io.stdoutIsTTY) });
      const shown = findings.map((f) => ({ ...f, cell: place(f, lang) }));
      if (findings.length) ctx.io.stdout(renderStylish(shown, files.length, lang, chalk, outputWidth(ctx.io, ctx.io.stdoutIsTTY, Number.POSITIVE_INFINITY)));
      for (const line of lines) ctx.io.stdout(`${visible(line)}\n`);
    }
    return errors ? 'findings' : 'ok';
  });
}
