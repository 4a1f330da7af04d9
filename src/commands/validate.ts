// `campaign validate FILE...`: schema and semantic checks with positions, stylish or JSON output.
import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import type { CliIO } from '../io/cli-io.js';
import { colorLevel } from '../io/env.js';
import { readSource } from '../io/read.js';
import { loadSchemas } from '../io/schemas.js';
import { UserError } from '../errors.js';
import { compileSchemas } from '../schema/validator.js';
import { parseSource } from '../source/parse.js';
import { lint } from '../lint.js';
import { compareFindings, toFinding, type Finding } from '../findings.js';
import { RULES } from '../rules/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { nearest } from '../model/nearest.js';
import { renderStylish } from '../formats/stylish.js';
import { renderFindingsJson } from '../formats/findings-json.js';
import { asOfOption, collect, langOption, resolveAsOf, resolveFormat, resolveLang } from './options.js';
import type { CommandContext } from './context.js';

const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function parseRuleSettings(values: readonly string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const m = /^([^=\s]+)=(\w+)$/.exec(value.trim());
    if (!m || !SETTINGS.includes(m[2] as SeveritySetting)) throw new UserError('cli/rule', { value });
    const id = m[1]!;
    if (!RULES.some((r) => r.id === id)) throw new UserError('cli/unknown-rule', { id, suggestion: nearest(id, RULES.map((r) => r.id)) });
    out[id] = m[2] as SeveritySetting;
  }
  return out;
}

interface ValidateOptions { format?: string; asOf?: string; strict?: boolean; rule?: string[]; lang?: string }

export default function validateCommand(ctx: CommandContext): Command {
  return new Command('validate')
    .description('check plans against the schemas and the rules (检查方案)')
    .argument('<files...>', 'plan files (YAML); - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format: stylish or json').default(undefined))
    .addOption(asOfOption())
    .option('--strict', 'exit 1 on warnings too')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect, [])
    .addOption(langOption())
    .action(async (files: string[], opts: ValidateOptions) => {
      ctx.exitCode = await runValidate(files, opts, ctx.io, ctx);
    });
}

async function runValidate(files: string[], opts: ValidateOptions, io: CliIO, ctx: CommandContext): Promise<number> {
  const lang = resolveLang(opts.lang, io);
  ctx.lang = lang;
  const format = resolveFormat(opts.format, ['stylish', 'json'] as const, 'stylish');
  const asOf = resolveAsOf(opts.asOf, io);
  const severities = parseRuleSettings(opts.rule ?? []);
  const schema = compileSchemas(loadSchemas());

  const findings: Finding[] = [];
  let unreadable = 0;
  for (const file of files) {
    let source;
    try {
      source = await readSource(file, io.stdin);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.reportError(err);
      unreadable++;
      continue;
    }
    const { problems } = lint(parseSource(source.text), { asOf, schema, severities });
    findings.push(...problems.map((p) => toFinding(source.name, p, lang)));
  }
  findings.sort(compareFindings);

  if (format === 'json') io.stdout(renderFindingsJson(findings));
  else io.stdout(renderStylish(findings, files.length - unreadable, lang, new Chalk({ level: colorLevel(io.env, io.stdoutIsTTY) })));

  if (unreadable) return 2;
  const errors = findings.some((f) => f.severity === 'error');
  const warnings = findings.some((f) => f.severity === 'warning');
  return errors || (opts.strict && warnings) ? 1 : 0;
}
