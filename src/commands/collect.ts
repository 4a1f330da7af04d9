// `campaign collect PLAN SHEETS…`: the units' returned sheets, every filled cell checked against the plan
// as it is now; findings by file and cell (2020-W25-派出所.xlsx 填报!G7) in validate's formats and exit
// codes; the valid rows recorded as progress entries in one locked, atomic, comment-preserving edit of
// the plan. A sheet with errors gives nothing unless --partial; a row collected before is not added again.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { EditOp } from '../edit/apply.js';
import type { Finding } from '../findings.js';
import { decodeDocument } from '../importer/decode.js';
import { colorLevel } from '../io/env.js';
import { outputWidth } from '../io/cli-io.js';
import { expandInputs } from '../io/inputs.js';
import { readBytes } from '../io/read.js';
import { helpText, type HelpKey } from '../messages/help.js';
import { formatMessage } from '../messages/index.js';
import type { Lang, MessageData, ToolMessageKey } from '../messages/types.js';
import type { Task } from '../model/types.js';
import { alreadyLogged, checkSheet, type CollectedRow, type SheetFinding } from '../sheets/check.js';
import { readCsvSheet, readXlsxSheet, type ReturnedSheet } from '../sheets/read.js';
import { visible } from '../formats/visible.js';
import type { CommandContext, Outcome } from './context.js';
import { checkDate, langOption, resolveChoice, resolveLang } from './options.js';
import { diffOf, editedText, editLocked, refuseUneditable, writeIfUnchanged } from './plan-edit.js';
import { LocalCommand } from './program.js';

interface CollectOptions { dryRun?: boolean; partial?: boolean; format?: string; asOf?: string; lang?: string }

const SHEET = /\.(?:xlsx|csv)$/i;

async function readSheet(file: string): Promise<ReturnedSheet> {
  const bytes = await readBytes(file);
  if (/\.csv$/i.test(file)) return readCsvSheet(file, decodeDocument(bytes).text);
  return readXlsxSheet(file, bytes);
}

/** The progress entries as edits: each appended to its task's log; the task's own status and progress follow the latest. */
export function collectOps(rows: readonly CollectedRow[]): EditOp[] {
  const ops: EditOp[] = [];
  const latest = new Map<Task, CollectedRow>();
  for (const r of rows) {
    // A task on one line is written out in block style first, its log an entry a line (as update does).
    if (!latest.has(r.task)) ops.push({ kind: 'block', path: r.task.path }, { kind: 'block', path: [...r.task.path, 'updates'] });
    ops.push({ kind: 'append', path: [...r.task.path, 'updates'], value: { ...r.entry } });
    const was = latest.get(r.task);
    if (!was || r.entry.date >= was.entry.date) latest.set(r.task, r);
  }
  for (const [task, r] of latest) {
    if (!task.updates.every((u) => u.date <= r.entry.date)) continue;
    if (r.entry.status !== undefined) ops.push({ kind: 'set', path: [...task.path, 'status'], value: r.entry.status });
    if (r.entry.progress !== undefined) ops.push({ kind: 'set', path: [...task.path, 'progress'], value: r.entry.progress });
  }
  return ops;
}

function toFinding(f: SheetFinding, lang: Lang): Finding {
  return {
    file: f.file, line: f.row, column: 0, rule: f.id, severity: 'error',
    message: formatMessage(f.id, f.data as MessageData[typeof f.id], lang), path: '', ...(f.cell ? { cell: f.cell } : {}),
  };
}

export default function collectCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  return new LocalCommand('collect', ctx.lang)
    .description(t('cmd.collect'))
    .argument('<plan>', t('arg.plan'))
    .argument('<sheets...>', t('arg.sheets'))
    .option('--dry-run', t('opt.dryRun'))
    .option('--partial', t('opt.partial'))
    .option('-f, --format <format>', t('opt.validateFormat'))
    .option('--as-of <date>', t('opt.collectAsOf'))
    .addOption(langOption(ctx.lang))
    .action(async (file: string, args: string[], opts: CollectOptions) => {
      ctx.outcome = await collect(file, args, opts, ctx);
    });
}

async function collect(file: string, args: string[], opts: CollectOptions, ctx: CommandContext): Promise<Outcome> {
  const lang = resolveLang(opts.lang, ctx.io);
  ctx.lang = lang;
  const format = resolveChoice(opts.format, ['stylish', 'json'] as const);
  const today = opts.asOf !== undefined ? checkDate(opts.asOf, '--as-of') : ctx.io.today();
  await refuseUneditable(file);
  const files = expandInputs(args, SHEET).filter((f) => SHEET.test(f) || !existsSync(f));
  if (files.length === 0) throw new UserError('collect/no-sheets', { args });

  return editLocked(file, async ({ source, plan }) => {
    const findings: Finding[] = [];
    const lines: string[] = [];
    const taken: CollectedRow[] = [];
    for (const sheetFile of files) {
      const sheet = await readSheet(sheetFile);
      const result = checkSheet(plan, sheet, { today });
      for (const f of result.findings) findings.push(toFinding(f, lang));
      const say = <K extends ToolMessageKey>(id: K, data: MessageData[K]) => lines.push(formatMessage(id, data, lang));
      const bad = new Set(result.findings.map((f) => f.row));
      const usable = result.findings.length === 0 || opts.partial ? result.rows : [];
      // The same entry recorded before, or given twice in this run, is not added again.
      const fresh = usable.filter((r) => !alreadyLogged(r.task, r.entry) && !taken.some((s) => s.task === r.task && JSON.stringify(s.entry) === JSON.stringify(r.entry)));
      const again = usable.filter((r) => !fresh.includes(r));
      taken.push(...fresh);
      if (fresh.length) say('collect/taken', { file: sheetFile, rows: fresh.map((r) => r.row), tasks: fresh.map((r) => r.task.id) });
      if (again.length) say('collect/already', { file: sheetFile, rows: again.map((r) => r.row) });
      const skipped = [...bad].filter((r) => r > 0).sort((a, b) => a - b);
      if (skipped.length) say('collect/skipped', { file: sheetFile, rows: skipped });
      const held = result.rows.filter((r) => !usable.includes(r)).map((r) => r.row);
      if (held.length) say('collect/held', { file: sheetFile, rows: held });
      if (result.filled === 0 && result.findings.length === 0) say('collect/nothing', { file: sheetFile });
    }

    const text = taken.length ? editedText(source, collectOps(taken)) : source.text;
    if (opts.dryRun) {
      if (taken.length) ctx.io.stdout(visible(diffOf(source, text)));
    } else if (taken.length) {
      await writeIfUnchanged(source, text);
      lines.push(formatMessage('collect/written', { file, count: taken.length }, lang));
    }

    if (format === 'json') {
      const errors = findings.length;
      ctx.io.stdout(`${JSON.stringify({
        findings: findings.map(({ file: f, cell, line, rule, severity, message }) => ({ file: f, cell: cell ?? null, row: line, rule, severity, message })),
        errors,
        warnings: 0,
        taken: taken.map((r) => ({ file: r.file, row: r.row, task: r.task.id, update: r.entry })),
        written: !opts.dryRun && taken.length > 0,
      }, null, 2)}\n`);
    } else {
      const [{ renderStylish }, { Chalk }] = await Promise.all([import('../formats/stylish.js'), import('chalk')]);
      const chalk = new Chalk({ level: colorLevel(ctx.io.env, ctx.io.stdoutIsTTY) });
      if (findings.length) ctx.io.stdout(renderStylish(findings, files.length, lang, chalk, outputWidth(ctx.io, ctx.io.stdoutIsTTY, Number.POSITIVE_INFINITY)));
      for (const line of lines) ctx.io.stdout(`${visible(line)}\n`);
    }
    return findings.length ? 'findings' : 'ok';
  });
}
