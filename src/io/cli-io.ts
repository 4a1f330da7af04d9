// The process edges a command talks to, gathered so that commands can be run in tests too.
import { today } from './env.js';

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
  };
}
