// The command-line entry: registers the commands (loading only the one asked for), turns every
// error into a message and an exit code. The only place that decides exit codes.
import { Command, CommanderError } from 'commander';
import { processIO, type CliIO } from './io/cli-io.js';
import { packageVersion } from './io/package-info.js';
import type { CommandContext } from './commands/context.js';
import { formatMessage } from './messages/index.js';
import type { MessageData, MessageKey } from './messages/types.js';
import { langFromEnv } from './io/env.js';
import { UserError } from './errors.js';

type CommandModule = { default: (ctx: CommandContext) => Command };

/** One line per command; each module is imported only when its command runs (or for --help). */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  validate: () => import('./commands/validate.js'),
  rules: () => import('./commands/rules.js'),
  schema: () => import('./commands/schema.js'),
  status: () => import('./commands/status.js'),
  weekly: () => import('./commands/weekly.js'),
  report: () => import('./commands/report.js'),
  export: () => import('./commands/export.js'),
  update: () => import('./commands/update.js'),
  init: () => import('./commands/init.js'),
  import: () => import('./commands/import.js'),
  rollup: () => import('./commands/rollup.js'),
};

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CommandContext = {
    io,
    exitCode: EXIT.ok,
    reportError: (err) => io.stderr(`campaign: ${message(err.messageId, err.data, ctx)}\n`),
  };
  const program = new Command('campaign')
    .description('Keep a campaign plan (活动方案) as YAML: validate it, track progress, print tables and reports.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(campaign --help lists the commands)');

  const first = argv.find((a) => !a.startsWith('-'));
  const wanted = first && first in COMMANDS ? [first] : argv.some((a) => a === '-V' || a === '--version') ? [] : Object.keys(COMMANDS);
  for (const name of wanted) {
    const cmd = (await COMMANDS[name]!()).default(ctx);
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    program.addCommand(cmd);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UserError) {
      ctx.reportError(err);
      return err.exitCode;
    }
    io.stderr(`campaign: ${message('cli/internal', { message: (err as Error)?.message ?? String(err) }, ctx)}\n`);
    if (io.env.CAMPAIGN_DEBUG) io.stderr(`${(err as Error)?.stack}\n`);
    return EXIT.usage;
  }
}

function message<K extends MessageKey>(id: K, data: MessageData[K], ctx: CommandContext): string {
  return formatMessage(id, data, ctx.lang ?? langFromEnv(ctx.io.env));
}
