// `campaign completion bash|zsh|powershell`: prints a tab-completion script for the shell, written from
// the program's own commands and options (src/completion), so it completes what this version accepts.
import { Argument, type Command } from 'commander';
import { UserError } from '../errors.js';
import { packageVersion } from '../io/package-info.js';
import { helpText } from '../messages/help.js';
import type { CommandContext } from './context.js';
import { langOption, offers, resolveLang } from './options.js';
import { LocalCommand } from './program.js';

export const SHELL_NAMES = ['bash', 'zsh', 'powershell'] as const;

export default function completionCommand(ctx: CommandContext): Command {
  const cmd: Command = new LocalCommand('completion', ctx.lang)
    .description(helpText(ctx.lang, 'cmd.completion'))
    .addArgument(offers(new Argument('<shell>', helpText(ctx.lang, 'arg.shell')), SHELL_NAMES))
    .addOption(langOption(ctx.lang))
    .action(async (shell: string, opts: { lang?: string }) => {
      ctx.lang = resolveLang(opts.lang, ctx.io);
      if (!(SHELL_NAMES as readonly string[]).includes(shell)) throw new UserError('completion/shell', { value: shell, allowed: SHELL_NAMES });
      const [{ completionSpec }, { SHELLS }] = await Promise.all([import('../completion/spec.js'), import('../completion/index.js')]);
      // The program with every command added (the CLI entry adds them all for `completion`).
      ctx.io.stdout(SHELLS[shell]!(completionSpec(cmd.parent!, packageVersion())));
    });
  return cmd;
}
