// Rendering a report in the chosen format and sending it to stdout or, with -o, atomically to a file.
import { Chalk } from 'chalk';
import { UserError } from '../errors.js';
import { colorLevel } from '../io/env.js';
import { sameFile, writeFileAtomic } from '../io/write.js';
import type { Lang } from '../messages/types.js';
import type { Doc } from '../reports/doc.js';
import { BINARY_FORMATS, renderer, type FormatName } from '../formats/index.js';
import type { CommandContext } from './context.js';

export interface OutputOptions { format: FormatName; output?: string; input?: string; lang: Lang; bom?: boolean }

export async function emit(doc: Doc, data: unknown, opts: OutputOptions, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  if (opts.output && opts.input && opts.input !== '-' && sameFile(opts.output, opts.input)) {
    throw new UserError('io/overwrite-input', { file: opts.output });
  }
  if (!opts.output && BINARY_FORMATS.includes(opts.format) && io.stdoutIsTTY) {
    throw new UserError('io/binary-to-terminal', { format: opts.format });
  }
  const toTerminal = !opts.output && io.stdoutIsTTY;
  const render = await renderer(opts.format);
  const out = await render({ doc, data }, {
    lang: opts.lang,
    chalk: new Chalk({ level: opts.output ? 0 : colorLevel(io.env, io.stdoutIsTTY) }),
    width: toTerminal ? Math.max(60, Number(io.env.COLUMNS) || io.columns || 120) : 160,
    bom: opts.bom ?? true,
  });
  if (opts.output) writeFileAtomic(opts.output, out);
  else if (typeof out === 'string') io.stdout(out);
  else io.stdoutBytes(out);
}
