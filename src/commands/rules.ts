// `campaign rules`: every rule with its default severity and a one-line description.
import { Command } from 'commander';
import stringWidth from 'string-width';
import { RULES } from '../rules/index.js';
import { langOption, resolveFormat, resolveLang } from './options.js';
import type { CommandContext } from './context.js';

export default function rulesCommand(ctx: CommandContext): Command {
  return new Command('rules')
    .description('list the rules validate applies (列出检查规则)')
    .option('-f, --format <format>', 'output format: table or json')
    .addOption(langOption())
    .action((opts: { format?: string; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      const format = resolveFormat(opts.format, ['table', 'json'] as const, 'table');
      const rows = RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description[lang] }));
      if (format === 'json') {
        ctx.io.stdout(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const w0 = Math.max(...rows.map((r) => stringWidth(r.id)));
      const w1 = Math.max(...rows.map((r) => r.severity.length));
      for (const r of rows) ctx.io.stdout(`${r.id.padEnd(w0)}  ${r.severity.padEnd(w1)}  ${r.description}\n`);
    });
}
