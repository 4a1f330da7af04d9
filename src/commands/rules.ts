// `campaign rules`: every rule with its default severity and a one-line description (wrapped under
// itself on a terminal too narrow for it).
import { Option, type Command } from 'commander';
import { displayWidth, wrapText } from '../formats/width.js';
import { outputWidth } from '../io/cli-io.js';
import { helpText } from '../messages/help.js';
import { label } from '../messages/labels.js';
import { RULES } from '../rules/index.js';
import { langOption, offers, resolveChoice, resolveLang } from './options.js';

const RULES_FORMATS = ['table', 'json'] as const;
import { LocalCommand } from './program.js';
import type { CommandContext } from './context.js';

export default function rulesCommand(ctx: CommandContext): Command {
  return new LocalCommand('rules', ctx.lang)
    .description(helpText(ctx.lang, 'cmd.rules'))
    .addOption(offers(new Option('-f, --format <format>', helpText(ctx.lang, 'opt.rulesFormat')), RULES_FORMATS))
    .addOption(langOption(ctx.lang))
    .action((opts: { format?: string; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      const format = resolveChoice(opts.format, RULES_FORMATS);
      if (format === 'json') {
        // For scripts: the severity as the rule and --rule name it.
        const rows = RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description[lang] }));
        ctx.io.stdout(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const rows = RULES.map((r) => [r.id, label(lang, r.severity), r.description[lang]] as const);
      const w0 = Math.max(...rows.map((r) => displayWidth(r[0])));
      const w1 = Math.max(...rows.map((r) => displayWidth(r[1])));
      const pad = (s: string, w: number) => s + ' '.repeat(w - displayWidth(s));
      const indent = w0 + 2 + w1 + 2;
      const room = Math.max(24, outputWidth(ctx.io, ctx.io.stdoutIsTTY, Number.POSITIVE_INFINITY) - indent);
      for (const [id, severity, description] of rows) {
        const [first, ...more] = wrapText(description, room).split('\n');
        ctx.io.stdout(`${pad(id, w0)}  ${pad(severity, w1)}  ${first}\n${more.map((l) => `${' '.repeat(indent)}${l}\n`).join('')}`);
      }
    });
}
