// `campaign import DOC`: the text of an official plan (plain text in any usual encoding, or .docx)
// into a plan YAML whose guesses carry comments pointing back at the document's lines.
import { visible } from '../formats/visible.js';
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { helpText, type HelpKey } from '../messages/help.js';
import { LocalCommand } from './program.js';
import { refuseInputAsOutput } from './output.js';
import { UserError } from '../errors.js';
import { isUtf32, readBytes } from '../io/read.js';
import { schemaFilePath } from '../io/schemas.js';
import { writeFileAtomic } from '../io/write.js';
import { importDocument, isZip } from '../importer/index.js';
import { loadCalendar } from '../io/holidays.js';
import { formatMessage } from '../messages/index.js';
import { langOption, resolveLang } from './options.js';
import type { CommandContext } from './context.js';

const countTasks = (ts: { tasks: unknown[] }[]): number => ts.reduce((n, t) => n + 1 + countTasks(t.tasks as { tasks: unknown[] }[]), 0);

export default function importCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  return new LocalCommand('import', ctx.lang)
    .description(t('cmd.import'))
    .argument('<document>', t('arg.document'))
    .option('-o, --output <plan>', t('opt.importOutput'))
    .option('--force', t('opt.force'))
    .addOption(langOption(ctx.lang))
    .action(async (file: string, opts: { output?: string; force?: boolean; lang?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      // Even with --force, the document itself is never overwritten by its own import.
      refuseInputAsOutput(opts.output, [file]);
      const bytes = await readBytes(file);
      const unicodeBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || isUtf32(bytes);
      if (!isZip(bytes) && bytes.subarray(0, 4096).includes(0) && !unicodeBom) throw new UserError('io/binary', { file });
      const target = opts.output === '-' ? undefined : opts.output;
      if (target && existsSync(target) && !opts.force) throw new UserError('init/exists', { file: target });
      const schemaPath = relative(target ? dirname(resolve(target)) : process.cwd(), schemaFilePath()).split(sep).join('/');
      let imported: Awaited<ReturnType<typeof importDocument>>;
      try {
        imported = await importDocument(bytes, { name: basename(file), fallbackYear: Number(ctx.io.today().slice(0, 4)), calendar: loadCalendar(), schemaPath });
      } catch (err) {
        // mammoth could not read the Word file (damaged, or not a .docx inside).
        if (isZip(bytes)) throw new UserError('import/docx', { file, reason: (err as Error).message });
        throw err;
      }
      const { draft, yaml, encoding } = imported;
      if (target) writeFileAtomic(target, yaml);
      else ctx.io.stdout(yaml);
      ctx.io.stderr(`${visible(formatMessage('import/done', { file, encoding, tasks: countTasks(draft.tasks), units: draft.units.length, output: target ?? '-' }, lang))}\n`);
    });
}
