// The process edges a command talks to, gathered so that commands can be run in tests too.
import { timeOfDay, today } from './env.js';

export interface CliIO {
  stdout(text: string): void;
  stdoutBytes(bytes: Uint8Array): void;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdin: NodeJS.ReadableStream;
  /** Today as YYYY-MM-DD (the default --as-of). */
  today(): string;
  /** The time of day as HH:MM, local: before or after a deadline today. */
  time?(): string;
}

/** Narrowest width anything is laid out to: below it, tables could not keep even their essential columns. */
const MIN_WIDTH = 40;

/**
 * The width output is laid out to: COLUMNS when it is set (also when piped — whoever set it asked for
 * that width), else the terminal's width, else `piped` (for a pipe or a file).
 */
export function outputWidth(io: Pick<CliIO, 'env' | 'columns'>, toTerminal: boolean, piped: number): number {
  const columns = Number.parseInt(io.env.COLUMNS ?? '', 10);
  if (columns > 0) return Math.max(MIN_WIDTH, columns);
  if (toTerminal) return Math.max(MIN_WIDTH, io.columns || 120);
  return piped;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    columns: process.stdout.columns,
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
    today: () => today(),
    time: () => timeOfDay(),
  };
}
