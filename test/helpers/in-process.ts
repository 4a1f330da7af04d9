// Runs the CLI in this process (fast, for property tests): same code path as bin/, captured output.
import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/io/cli-io.js';

export async function runInProcess(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => { out += t; },
    stdoutBytes: (b) => { out += `<${b.length} bytes>`; },
    stderr: (t) => { err += t; },
    env: { LANG: 'C' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdin: Readable.from([Buffer.from(stdin)]),
    today: () => '2020-06-20',
  };
  const code = await main(args, io);
  return { code, out, err };
}
