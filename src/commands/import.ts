// `campaign import DOC [MORE…]`: an official plan — plain text in any usual encoding, Word, WPS, PDF with a
// text layer, OFD, with its 分工表 as a spreadsheet beside it — into a plan YAML whose guesses carry comments
// pointing back at the document's lines, and, with --review, a page to check the import against the document.
import { visible } from '../text/visible.js';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { helpText, type HelpKey } from '../messages/help.js';
import { LocalCommand } from './program.js';
import { refuseInputAsOutput } from './output.js';
import { UserError } from '../errors.js';
import { readBytes } from '../io/read.js';
import { inMb } from '../io/limits.js';
import { schemaFileUrl } from '../io/schemas.js';
import { writeFileAtomic } from '../io/write.js';
import { DocumentReadError, importFiles, type Imported } from '../importer/index.js';
import { DOCUMENT_LIMITS } from '../importer/limits.js';
import { reviewPage } from '../importer/review.js';
import { loadCalendar } from '../io/holidays.js';
import { formatMessage } from '../messages/index.js';
import { langOption, resolveChoice, resolveLang } from './options.js';
import { importJson } from '../importer/json.js';
import type { CommandContext } from './context.js';

const countTasks = (ts: { tasks: unknown[] }[]): number => ts.reduce((n, t) => n + 1 + countTasks(t.tasks as { tasks: unknown[] }[]), 0);

/** What the user is told when a file cannot be read: by what is wrong with it. */
function readError(file: string, err: DocumentReadError): UserError {
  switch (err.problem) {
    case 'scan':
      return new UserError('import/scan', { file, format: err.format });
    case 'empty':
      return new UserError('import/empty', { file, bytes: err.bytes ?? 0 });
    case 'image':
      return new UserError('import/image', { file });
    case 'unsupported':
      return err.format === 'unknown' || err.format === 'image' ? new UserError('import/format', { file }) : new UserError('import/unreadable', { file, format: err.format, reason: err.message });
    case 'encrypted':
      return new UserError('import/encrypted', { file });
    case 'too-large':
      if (err.overLimit) return new UserError('io/file-too-large', { file, size: inMb(err.overLimit.size), limit: inMb(err.overLimit.limit), kind: 'text' });
      return err.limit ? new UserError('import/limit', { file, limit: err.limit, max: DOCUMENT_LIMITS[err.limit] }) : new UserError('import/too-large', { file, reason: err.message });
    default:
      return err.format === 'docx' ? new UserError('import/docx', { file, reason: err.message }) : new UserError('import/unreadable', { file, format: err.format, reason: err.message });
  }
}

export default function importCommand(ctx: CommandContext): Command {
  const t = (key: HelpKey) => helpText(ctx.lang, key);
  return new LocalCommand('import', ctx.lang)
    .description(t('cmd.import'))
    .argument('<documents...>', t('arg.document'))
    .option('-o, --output <plan>', t('opt.importOutput'))
    .option('--review <page>', t('opt.review'))
    .option('-f, --format <format>', t('opt.importFormat'))
    .option('--force', t('opt.force'))
    .addOption(langOption(ctx.lang))
    .action(async (files: string[], opts: { output?: string; review?: string; force?: boolean; lang?: string; format?: string }) => {
      const lang = resolveLang(opts.lang, ctx.io);
      ctx.lang = lang;
      const format = resolveChoice(opts.format, ['yaml', 'json'] as const);
      // Even with --force, a document is never overwritten by its own import.
      refuseInputAsOutput(opts.output, files);
      refuseInputAsOutput(opts.review, files);
      const target = opts.output === '-' ? undefined : opts.output;
      for (const out of [target, opts.review]) if (out && existsSync(out) && !opts.force) throw new UserError('init/exists', { file: out });
      const inputs: { name: string; bytes: Uint8Array }[] = [];
      for (const file of files) inputs.push({ name: basename(file), bytes: await readBytes(file, 'document') });
      let imported: Imported;
      try {
        imported = await importFiles(inputs, { name: inputs.map((i) => i.name).join(' + '), fallbackYear: Number(ctx.io.today().slice(0, 4)), calendar: loadCalendar(), schemaRef: schemaFileUrl() });
      } catch (err) {
        // A file by its place in the list; files that hold too much together, all of them.
        if (err instanceof DocumentReadError) throw readError(err.index === undefined && err.file ? files.join(' + ') : (files[err.index ?? 0] ?? files[0]!), err);
        throw err;
      }
      const { draft, yaml, encoding, doc } = imported;
      if (opts.review) writeFileAtomic(opts.review, reviewPage(doc, draft, { name: inputs.map((i) => i.name).join(' + '), lang }));
      // The documents as named on the command line (the YAML's header names them by their base names).
      const out = format === 'json'
        ? `${JSON.stringify(importJson(yaml, (imported.documents ?? []).map((d, i) => ({ ...d, file: files[i] ?? d.file }))), null, 2)}\n`
        : yaml;
      if (target) writeFileAtomic(target, out);
      else ctx.io.stdout(out);
      ctx.io.stderr(`${visible(formatMessage('import/done', { file: files.join(' + '), encoding, tasks: countTasks(draft.tasks), units: draft.units.length, output: target ?? '-' }, lang))}\n`);
      if (opts.review) ctx.io.stderr(`${visible(formatMessage('import/review', { file: opts.review }, lang))}\n`);
    });
}
