// `campaign init [FILE]`: writes a starter plan that validates, never over an existing file without --force.
import { visible } from '../text/visible.js';
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { helpText, type HelpKey } from '../messages/help.js';
import { LocalCommand } from './program.js';
import { UserError } from '../errors.js';
import { schemaFileUrl } from '../io/schemas.js';
import { writeFileAtomic } from '../io/write.js';
import { formatMessage } from '../messages/index.js';
import { loadCalendar } from '../io/holidays.js';
import { TEMPLATES } from '../templates/index.js';
import { langOption, offers, resolveLang } from './options.js';
import type { CommandContext } from './context.js';

export default function initCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey, values?: Record<string, string>) => helpText(ctx.lang, key, values);
  return new LocalCommand('init', ctx.lang)
    .description(t('cmd.init'))
    .argument('[file]', t('arg.initFile'), 'plan.yaml')
    .addOption(offers(new Option('-t, --template <name>', t('opt.template', { templates: TEMPLATES.map((x) => x.name).join(', ') })), TEMPLATES.map((x) => x.name)).default('safety-month'))
    .option('-y, --year <year>', t('opt.year'))
    .option('--organizer <name>', t('opt.organizer'), '某某乡')
    .option('--force', t('opt.force'))
    .addOption(langOption(ctx.lang))
    .action((file: string, opts: { template: string; year?: string; organizer: string; force?: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const template = TEMPLATES.find((t) => t.name === opts.template);
      if (!template) throw new UserError('init/template', { value: opts.template, allowed: TEMPLATES.map((t) => t.name) });
      const year = opts.year === undefined ? Number(ctx.io.today().slice(0, 4)) : Number(opts.year);
      if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new UserError('init/year', { value: opts.year });
      if (!opts.organizer.trim()) throw new UserError('init/organizer');
      if (existsSync(file) && !opts.force) throw new UserError('init/exists', { file });
      writeFileAtomic(file, template.render({ year, organizer: opts.organizer.trim(), schemaRef: schemaFileUrl(), isWorkday: loadCalendar().isWorkday }));
      ctx.io.stdout(`${visible(formatMessage('init/done', { file, template: template.name, year }, lang))}\n`);
    });
}
