// Reading an untrusted file in a process of its own: the bytes on its standard input, its answer as JSON on
// standard output, with a heap limit, a time limit and a limit on the answer. A hostile file costs one stopped
// process and a line saying why — never the program (a worker thread that runs out of memory takes the whole
// process down with it: seen at heaps of 64 and 128 MB) and never a hang (a library busy inside one call cannot
// be interrupted from the same process). The child is killed when this program exits first. Used for .xls
// (SheetJS) and PDF (pdf.js).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface IsolatedLimits { heapMb: number; timeoutMs: number }

export type Isolated<T> = { answer: T } | { refused: { why: 'timeout' | 'memory'; limit: number } } | { error: string };

/** Far above any document's paragraphs and tables; a bound on what the parent holds. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export function runIsolated<T>(worker: URL, bytes: Uint8Array, limits: IsolatedLimits): Promise<Isolated<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${limits.heapMb}`, fileURLToPath(worker)], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let size = 0;
    let tail = '';
    let outOfMemory = false;
    let timedOut = false;
    let tooLong = false;
    const stop = () => child.kill('SIGKILL');
    // Ctrl-C or an error here must not leave a reader running on its own (on Windows it is not in our group).
    process.once('exit', stop);
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, limits.timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_ANSWER_BYTES) {
        tooLong = true;
        stop();
      } else out.push(c);
    });
    // What the child says on stderr is kept as a short tail; running out of memory is noticed wherever it is said.
    child.stderr.on('data', (c: Buffer) => {
      tail = (tail + c.toString('utf8')).slice(-4096);
      if (/heap out of memory|Allocation failed/.test(tail)) outOfMemory = true;
    });
    child.stdin.on('error', () => undefined); // the reader may stop before it has read everything
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const done = (r: Isolated<T>) => {
      clearTimeout(timer);
      process.removeListener('exit', stop);
      resolve(r);
    };
    child.on('error', (e) => done({ error: e.message }));
    child.on('close', (code) => {
      if (timedOut) return done({ refused: { why: 'timeout', limit: limits.timeoutMs / 1000 } });
      if (outOfMemory) return done({ refused: { why: 'memory', limit: limits.heapMb } });
      if (tooLong) return done({ error: `the reader's answer was longer than ${MAX_ANSWER_BYTES / 1024 / 1024} MB` });
      try {
        if (code === 0) return done({ answer: JSON.parse(Buffer.concat(out).toString('utf8')) as T });
      } catch {
        // an answer cut short: said below
      }
      done({ error: `the reader stopped (${code})` });
    });
  });
}
