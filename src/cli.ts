// The command-line entry: registers the commands (loading only the one asked for), and turns what a
// command reports — its outcome, or an error — into an exit code. The only place that picks exit codes:
//   0 ok · 1 findings (or a plan that cannot be read as a plan) · 2 usage or I/O problems.
import { visible } from './text/visible.js';
import { CommanderError, type Command } from 'commander';
import { processIO, type CliIO } from './io/cli-io.js';
import { packageVersion } from './io/package-info.js';
import { worse, type CommandContext, type Outcome } from './commands/context.js';
import { LocalCommand } from './commands/program.js';
import { formatMessage } from './messages/index.js';
import { helpText } from './messages/help.js';
import type { Lang } from './messages/types.js';
import { langFromEnv } from './io/env.js';
import { UserError } from './errors.js';
import { KINDS, type KindName } from './reports/index.js';

type CommandFactory = (ctx: CommandContext) => Promise<Command>;

const plain = (load: () => Promise<{ default: (ctx: CommandContext) => Command }>): CommandFactory => async (ctx) => (await load()).default(ctx);

/** A report kind's command: the kind's file and the one runner behind every report command. */
const report = (name: KindName): CommandFactory => async (ctx) => {
  const [{ reportCommand }, kind] = await Promise.all([import('./commands/report-command.js'), KINDS[name]()]);
  return reportCommand(kind.default, ctx);
};

/** One line per command (report kinds come from their registry); each is imported only when it runs, or for --help. */
const COMMANDS: Record<string, CommandFactory> = {
  validate: plain(() => import('./commands/validate.js')),
  rules: plain(() => import('./commands/rules.js')),
  schema: plain(() => import('./commands/schema.js')),
  ...Object.fromEntries((Object.keys(KINDS) as KindName[]).map((name) => [name, report(name)])),
  update: plain(() => import('./commands/update.js')),
  init: plain(() => import('./commands/init.js')),
  import: plain(() => import('./commands/import.js')),
  sheets: plain(() => import('./commands/sheets.js')),
  collect: plain(() => import('./commands/collect.js')),
  data: plain(() => import('./commands/data.js')),
  completion: plain(() => import('./commands/completion.js')),
};

/** The commands' names, in the order help lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Error codes of the system's limits, as opposed to bugs. */
const SYSTEM_LIMITS = new Set(['EMFILE', 'ENFILE', 'ENOSPC', 'EDQUOT', 'ENOMEM', 'ERR_WORKER_OUT_OF_MEMORY', 'ERR_WORKER_INIT_FAILED']);

export const EXIT: Record<Outcome, number> = { ok: 0, findings: 1, failed: 2 };

/** The language before commander has parsed anything: --lang if given (and valid), else the locale. */
function earlyLang(argv: readonly string[], io: CliIO): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value === 'zh' || value === 'en' ? value : langFromEnv(io.env);
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CommandContext = {
    io,
    lang: earlyLang(argv, io),
    outcome: 'ok',
    record(outcome) {
      ctx.outcome = worse(ctx.outcome, outcome);
    },
    reportError(err) {
      io.stderr(`campaign: ${visible(formatMessage(err.messageId, err.data, ctx.lang))}\n`);
      ctx.record(err.outcome);
    },
  };
  const program = new LocalCommand('campaign', ctx.lang)
    .description(helpText(ctx.lang, 'program'))
    .version(packageVersion(), '-V, --version', helpText(ctx.lang, 'version'))
    .helpCommand('help [command]', helpText(ctx.lang, 'cmd.help'))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const words = argv.filter((a) => !a.startsWith('-'));
  // `campaign help CMD` needs CMD alone, as `campaign CMD --help` does; `completion` needs every command.
  const first = words[0] === 'help' && words[1] && Object.hasOwn(COMMANDS, words[1]) ? words[1] : words[0];
  const wanted = first && first !== 'completion' && Object.hasOwn(COMMANDS, first) ? [first] : argv.some((a) => a === '-V' || a === '--version') ? [] : Object.keys(COMMANDS);
  for (const name of wanted) {
    const cmd = await COMMANDS[name]!(ctx);
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    program.addCommand(cmd);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT[ctx.outcome];
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.failed;
    if (err instanceof UserError) {
      ctx.reportError(err);
      return EXIT[ctx.outcome];
    }
    // The system refused something (open files, memory, disk): not a bug in campaign, one line and exit 2.
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code && SYSTEM_LIMITS.has(code)) {
      ctx.reportError(new UserError('cli/system', { code, message: (err as Error).message }));
      return EXIT.failed;
    }
    io.stderr(`campaign: ${visible(formatMessage('cli/internal', { message: (err as Error)?.message ?? String(err) }, ctx.lang))}\n`);
    if (io.env.CAMPAIGN_DEBUG) io.stderr(`${(err as Error)?.stack}\n`);
    return EXIT.failed;
  }
}
