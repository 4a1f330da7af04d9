// `campaign validate FILE...`: schema and semantic checks with positions, in the formats of
// src/formats/findings-formats.ts (for people, scripts, editors and CI); --quiet and --max-warnings as in ESLint.
import { visible } from '../text/visible.js';
import { Option, type Command } from 'commander';
import { outputWidth, type CliIO } from '../io/cli-io.js';
import { colorLevel } from '../io/env.js';
import { packageVersion } from '../io/package-info.js';
import { readPlanFile, readSource, type PlanFile } from '../io/read.js';
import { withLock } from '../io/lock.js';
import type { EditOp } from '../edit/apply.js';
import { formatMessage } from '../messages/index.js';
import type { LocatedProblem } from '../lint.js';
import { planValidator } from '../io/schemas.js';
import { expandInputs } from '../io/inputs.js';
import { loadCalendar } from '../io/holidays.js';
import { UserError } from '../errors.js';
import { parseSource } from '../source/parse.js';
import { lint } from '../lint.js';
import { compareFindings, countFindings, toFinding, type Finding } from '../findings.js';
import { RULES } from '../rules/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { nearest } from '../model/nearest.js';
import { FINDINGS_FORMAT_NAMES, FINDINGS_FORMATS, SHOWS_FIXES } from '../formats/findings-formats.js';
import { bracket } from '../messages/labels.js';
import type { Lang } from '../messages/types.js';
import { asOfOption, collect, offers, resolveAsOf, resolveChoice, skipsToSay } from './options.js';
import { runConfig, withConfigOptions, type ConfigOptions } from './config-input.js';
import { planSettings } from '../config/types.js';
import { helpText, type HelpKey } from '../messages/help.js';
import { LocalCommand } from './program.js';
import type { Outcome } from './context.js';
import type { CommandContext } from './context.js';

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function parseRuleSettings(values: readonly string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = Object.create(null);
  for (const value of values) {
    const m = /^([^=\s]+)=(\w+)$/.exec(value.trim());
    if (!m || !SETTINGS.includes(m[2] as SeveritySetting)) throw new UserError('cli/rule', { value });
    const id = m[1]!;
    if (!RULES.some((r) => r.id === id)) throw new UserError('cli/unknown-rule', { id, suggestion: nearest(id, RULES.map((r) => r.id)) });
    out[id] = m[2] as SeveritySetting;
  }
  return out;
}

interface ValidateOptions extends ConfigOptions {
  format?: string; asOf?: string; strict?: boolean; rule?: string[]; fix?: boolean; quiet?: boolean; maxWarnings?: string;
}

/** -f with each format named and described, the default first (from the registry). */
function formatOption(lang: Lang): Option {
  const comma = lang === 'zh' ? '，' : ', ';
  const list = FINDINGS_FORMAT_NAMES.map((f, i) => `${f}${bracket(lang, i === 0 ? `${helpText(lang, `fmt.${f}`)}${comma}${helpText(lang, 'fmt.default')}` : helpText(lang, `fmt.${f}`))}`);
  return new Option('-f, --format <format>', helpText(lang, 'opt.format', { formats: list.join(lang === 'zh' ? '、' : ', ') }));
}

/** `--max-warnings N`: a whole number of warnings. */
export function resolveMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UserError('cli/max-warnings', { value });
  return Number(value);
}

export default function validateCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  const cmd = new LocalCommand('validate', ctx.lang)
    .description(t('cmd.validate'))
    .argument('<files...>', t('arg.plans'))
    .addOption(offers(formatOption(ctx.lang), FINDINGS_FORMAT_NAMES))
    .addOption(asOfOption(ctx.lang))
    .option('--strict', t('opt.strict'))
    .option('--quiet', t('opt.quiet'))
    .option('--max-warnings <n>', t('opt.maxWarnings'))
    .option('--fix', t('opt.fix'))
    .option('--rule <id=severity>', t('opt.rule'), collect, []);
  return withConfigOptions(cmd, ctx.lang)
    .action(async (files: string[], opts: ValidateOptions) => {
      ctx.record(await runValidate(files, opts, ctx.io, ctx));
    });
}

/** Applies every fix the problems offer, in place and atomically; undefined when there is none. */
async function fixFile(source: PlanFile, problems: readonly LocatedProblem[]): Promise<{ text: string; count: number } | undefined> {
  const ops: EditOp[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const p of problems) {
    const fixes = (p.fixes ?? []).filter((f) => !seen.has(JSON.stringify(f.path)));
    if (fixes.length === 0) continue;
    count++;
    for (const f of fixes) {
      seen.add(JSON.stringify(f.path));
      ops.push({ kind: 'set', path: f.path, value: f.value });
    }
  }
  if (ops.length === 0) return undefined;
  // The editor (and eemeli/yaml under it) is loaded only when there is something to fix.
  const { editedText, writeIfUnchanged } = await import('./plan-edit.js');
  const text = editedText(source, ops);
  await withLock(source.name, () => writeIfUnchanged(source, text));
  return { text, count };
}

async function runValidate(args: string[], opts: ValidateOptions, io: CliIO, ctx: CommandContext): Promise<Outcome> {
  // A FIFO or device in a folder is said once the language (the plans' configuration's) is known.
  const skipped = skipsToSay();
  const files = expandInputs(args, undefined, skipped.add);
  const config = runConfig(files, opts, ctx);
  const lang = config.lang;
  skipped.say(ctx, lang);
  const format = resolveChoice(opts.format, FINDINGS_FORMAT_NAMES);
  const maxWarnings = resolveMaxWarnings(opts.maxWarnings);
  const asOf = resolveAsOf(opts.asOf, io);
  const severities = parseRuleSettings(opts.rule ?? []);
  const schema = planValidator();
  const calendar = loadCalendar();

  const findings: Finding[] = [];
  let unreadable = 0;
  let quietWarnings = 0;
  for (const file of files) {
    let source: { name: string; text: string };
    let planFile: PlanFile | undefined;
    try {
      if (opts.fix && file === '-') throw new UserError('validate/fix-stdin');
      planFile = opts.fix ? await readPlanFile(file) : undefined;
      source = planFile ?? (await readSource(file, io.stdin));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.reportError(err);
      unreadable++;
      continue;
    }
    // Each plan's configuration's rules, and --rule over them.
    const settings = planSettings(config.configFor(file), severities);
    let { problems } = lint(parseSource(source.text), { asOf, schema, calendar, ...settings });
    if (planFile) {
      try {
        const fixed = await fixFile(planFile, problems);
        if (fixed) {
          problems = lint(parseSource(fixed.text), { asOf, schema, calendar, ...settings }).problems;
          io.stderr(`${visible(formatMessage('validate/fixed', { file, count: fixed.count }, lang))}\n`);
        }
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        ctx.reportError(err);
        unreadable++;
      }
    }
    // Only errors with --quiet (warnings are still counted, for --max-warnings).
    if (opts.quiet) {
      for (const p of problems) if (p.severity === 'warning') quietWarnings++;
      problems = problems.filter((p) => p.severity === 'error');
    }
    // The fixes rules offer, as text replacements, for the formats that carry them (the editor is loaded only then).
    const fixes = SHOWS_FIXES.has(format) && problems.some((p) => p.fixes?.length) ? await fixesOf(source.text, problems) : [];
    // One at a time: spreading hundreds of thousands of findings into push() would overflow the stack.
    for (let i = 0; i < problems.length; i++) findings.push(toFinding(source.name, problems[i]!, lang, fixes[i]));
  }
  findings.sort(compareFindings);

  const render = await FINDINGS_FORMATS[format]();
  io.stdout(render({
    findings, files: files.length - unreadable, lang, cwd: process.cwd(), version: packageVersion,
    color: colorLevel(io.env, io.stdoutIsTTY), width: outputWidth(io, io.stdoutIsTTY, Number.POSITIVE_INFINITY),
  }));

  const { errors, warnings } = countFindings(findings);
  let outcome: Outcome = unreadable ? 'failed' : errors || (opts.strict && warnings) ? 'findings' : 'ok';
  const counted = warnings + quietWarnings;
  if (maxWarnings !== undefined && counted > maxWarnings) {
    ctx.reportError(new UserError('validate/max-warnings', { warnings: counted, max: maxWarnings }, 'findings'));
    if (outcome === 'ok') outcome = 'findings';
  }
  return outcome;
}

/** Each problem's fixes as one replacement of the text (ESLint's {range, text}), where they can be made. */
async function fixesOf(text: string, problems: readonly LocatedProblem[]) {
  const { replacementsOf } = await import('../edit/apply.js');
  return replacementsOf(text, problems.map((p) => (p.fixes ?? []).map((f) => ({ kind: 'set' as const, path: f.path, value: f.value }))));
}
