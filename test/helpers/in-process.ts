// Runs the CLI in this process — the same code path as bin/, with its output captured — which is
// fast enough to run hundreds of times. Spawn bin/ (helpers/run.ts) only where the process itself is
// under test: exit statuses, signals, a real stdin, a TTY, the locale of the environment.
import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/io/cli-io.js';
import { today } from '../../src/io/env.js';

export interface CliResult { code: number; stdout: string; stderr: string; /** Binary output written to stdout. */ bytes: Buffer }

export interface CliOptions {
  /** Standard input. */
  input?: string | Buffer;
  /** Environment, on top of LANG=C and NO_COLOR=1 (undefined removes a key). */
  env?: Record<string, string | undefined>;
  /** Working folder for the run (relative paths in args and messages are relative to it). */
  cwd?: string;
  /** The date today is (default: the real today, as for a spawned process). */
  today?: string;
  /** The time of day it is (HH:MM); none by default, as if the day had just begun. */
  time?: string;
  /** Whether stdout and stderr are terminals. */
  tty?: boolean;
  columns?: number;
}

// Runs one at a time: a run may change the working folder for its duration.
let queue: Promise<unknown> = Promise.resolve();

export function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const next = queue.then(() => runOnce(args, opts));
  queue = next.catch(() => undefined);
  return next;
}

async function runOnce(args: string[], opts: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const chunks: Buffer[] = [];
  const env: Record<string, string | undefined> = { LANG: 'C', NO_COLOR: '1', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const io: CliIO = {
    stdout: (t) => { stdout += t; },
    stdoutBytes: (b) => { chunks.push(Buffer.from(b)); },
    stderr: (t) => { stderr += t; },
    env,
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: opts.tty ?? false,
    ...(opts.columns ? { columns: opts.columns } : {}),
    stdin: Readable.from([Buffer.from(opts.input ?? '')]),
    today: () => opts.today ?? today(),
    ...(opts.time ? { time: () => opts.time! } : {}),
  };
  const before = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    const code = await main(args, io);
    return { code, stdout, stderr, bytes: Buffer.concat(chunks) };
  } finally {
    if (opts.cwd) process.chdir(before);
  }
}

/** The property tests' runner: a fixed today, output and errors only. */
export async function runInProcess(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const r = await cli(args, { input: stdin, today: '2020-06-20', env: { NO_COLOR: undefined } });
  return { code: r.code, out: r.stdout + (r.bytes.length ? `<${r.bytes.length} bytes>` : ''), err: r.stderr };
}
