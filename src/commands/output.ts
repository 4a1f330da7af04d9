// Where a command's output goes: standard output, or with -o a file written atomically — never one
// of the run's own input files, however it is named (relative, absolute, through a symlink, a hard link).
import { Chalk } from 'chalk';
import { UserError } from '../errors.js';
import { outputWidth } from '../io/cli-io.js';
import { colorLevel } from '../io/env.js';
import { sameFile, writeFileAtomic } from '../io/write.js';
import type { Lang } from '../messages/types.js';
import { FORMATS, renderer, type FormatEntry, type FormatName } from '../formats/index.js';
import type { RenderInput } from '../formats/types.js';
import type { CommandContext } from './context.js';
import { xmlSafeDeep } from '../text/xml-safe.js';
import { visibleLines } from '../text/visible.js';

/** `-o -`, `-o /dev/stdout` and no -o alike mean standard output (which may be a pipe, a socket, a terminal). */
export const toStdout = (output: string | undefined): boolean => output === undefined || output === '-' || output === '/dev/stdout';

/** Refuses an output file that is one of the inputs (compared by device and inode, not by name). */
export function refuseInputAsOutput(output: string | undefined, inputs: readonly string[]): void {
  if (toStdout(output)) return;
  const input = inputs.find((i) => i !== '-' && sameFile(output!, i));
  if (input !== undefined) throw new UserError('io/overwrite-input', { file: output!, input });
}

export interface OutputOptions { format: FormatName; output?: string; lang: Lang; bom?: boolean; alarm?: number | null }

export async function emit(input: RenderInput, opts: OutputOptions, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  const stdout = toStdout(opts.output);
  if (stdout && FORMATS[opts.format].binary && io.stdoutIsTTY) throw new UserError('io/binary-to-terminal', { format: opts.format });
  const toTerminal = stdout && io.stdoutIsTTY;
  const render = await renderer(opts.format);
  const entry: FormatEntry = FORMATS[opts.format];
  const rendered = await render(entry.xml ? { ...input, docs: xmlSafeDeep(input.docs) } : input, {
    lang: opts.lang,
    chalk: new Chalk({ level: stdout ? colorLevel(io.env, io.stdoutIsTTY) : 0 }),
    // A file gets the width of a landscape page.
    width: stdout ? outputWidth(io, toTerminal, 160) : 160,
    bom: opts.bom ?? true,
    ...(opts.alarm !== undefined ? { alarm: opts.alarm } : {}),
  });
  // md, csv, html and ics on a terminal: a plan's ESC or bidi override shown, never obeyed.
  const out = toTerminal && entry.raw && typeof rendered === 'string' ? visibleLines(rendered) : rendered;
  if (!stdout) writeFileAtomic(opts.output!, out);
  else if (typeof out === 'string') io.stdout(out);
  else io.stdoutBytes(out);
}
