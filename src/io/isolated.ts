// Reading an untrusted file in a process of its own: the bytes on its standard input, its answer as JSON on
// standard output, with a heap limit and a time limit. A hostile file costs one stopped process and a line
// saying why — never the program (a worker thread that runs out of memory takes the whole process down with
// it: seen at heaps of 64 and 128 MB) and never a hang (a library busy inside one call cannot be interrupted
// from the same process). Used for .xls (SheetJS) and PDF (pdf.js).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface IsolatedLimits { heapMb: number; timeoutMs: number }

export type Isolated<T> = { answer: T } | { refused: { why: 'timeout' | 'memory'; limit: number } } | { error: string };

export function runIsolated<T>(worker: URL, bytes: Uint8Array, limits: IsolatedLimits): Promise<Isolated<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${limits.heapMb}`, fileURLToPath(worker)], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => { if (err.length < 4096) err += c; });
    child.stdin.on('error', () => undefined); // the reader may stop before it has read everything
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ error: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ refused: { why: 'timeout', limit: limits.timeoutMs / 1000 } });
      if (/heap out of memory|Allocation failed/.test(err)) return resolve({ refused: { why: 'memory', limit: limits.heapMb } });
      try {
        if (code === 0) return resolve({ answer: JSON.parse(Buffer.concat(out).toString('utf8')) as T });
      } catch {
        // an answer cut short: said below
      }
      resolve({ error: `the reader stopped (${code})` });
    });
  });
}
