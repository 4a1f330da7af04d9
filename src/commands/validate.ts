// `campaign validate FILE...`: schema and semantic checks with positions, stylish or JSON output.
import { visible } from '../formats/visible.js';
import type { Command } from 'commander';
import { outputWidth, type CliIO } from '../io/cli-io.js';
import { colorLevel } from '../io/env.js';
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
import { compareFindings, toFinding, type Finding } from '../findings.js';
import { RULES } from '../rules/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { nearest } from '../model/nearest.js';
import { renderFindingsJson } from '../formats/findings-json.js';
import { asOfOption, collect, langOption, resolveAsOf, resolveChoice, resolveLang, sayingSkipped } from './options.js';
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

interface ValidateOptions { format?: string; asOf?: string; strict?: boolean; rule?: string[]; lang?: string; fix?: boolean }

export default function validateCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  return new LocalCommand('validate', ctx.lang)
    .description(t('cmd.validate'))
    .argument('<files...>', t('arg.plans'))
    .option('-f, --format <format>', t('opt.validateFormat'))
    .addOption(asOfOption(ctx.lang))
    .option('--strict', t('opt.strict'))
    .option('--fix', t('opt.fix'))
    .option('--rule <id=severity>', t('opt.rule'), collect, [])
    .addOption(langOption(ctx.lang))
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
  const lang = resolveLang(opts.lang, io);
  ctx.lang = lang;
  const files = expandInputs(args, undefined, sayingSkipped(ctx, lang));
  const format = resolveChoice(opts.format, ['stylish', 'json'] as const);
  const asOf = resolveAsOf(opts.asOf, io);
  const severities = parseRuleSettings(opts.rule ?? []);
  const schema = planValidator();
  const calendar = loadCalendar();

  const findings: Finding[] = [];
  let unreadable = 0;
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
    let { problems } = lint(parseSource(source.text), { asOf, schema, severities, calendar });
    if (planFile) {
      try {
        const fixed = await fixFile(planFile, problems);
        if (fixed) {
          problems = lint(parseSource(fixed.text), { asOf, schema, severities, calendar }).problems;
          io.stderr(`${visible(formatMessage('validate/fixed', { file, count: fixed.count }, lang))}\n`);
        }
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        ctx.reportError(err);
        unreadable++;
      }
    }
    // One at a time: spreading hundreds of thousands of findings into push() would overflow the stack.
    for (const p of problems) findings.push(toFinding(source.name, p, lang));
  }
  findings.sort(compareFindings);

  if (format === 'json') io.stdout(renderFindingsJson(findings));
  else {
    // Loaded only for people: scripts asking for JSON need neither colours nor CJK widths.
    const [{ renderStylish }, { Chalk }] = await Promise.all([import('../formats/stylish.js'), import('chalk')]);
    const width = outputWidth(io, io.stdoutIsTTY, Number.POSITIVE_INFINITY);
    io.stdout(renderStylish(findings, files.length - unreadable, lang, new Chalk({ level: colorLevel(io.env, io.stdoutIsTTY) }), width));
  }

  if (unreadable) return 'failed';
  const errors = findings.some((f) => f.severity === 'error');
  const warnings = findings.some((f) => f.severity === 'warning');
  return errors || (opts.strict && warnings) ? 'findings' : 'ok';
}
