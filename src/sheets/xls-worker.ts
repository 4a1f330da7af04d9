// The process an .xls is read in (bundled as dist/bundle/xls-worker.js): the workbook's bytes on standard
// input, its grids — or why it could not be read — as JSON on standard output. read-xls.ts bounds its memory
// and its time; a process of its own, because a worker thread that runs out of memory can take the whole
// program down with it (seen here at heaps of 64 and 128 MB).
// Stryker disable all: it runs as its own process from the built bundle, which mutation testing does not mutate;
// what it does is xls-parse.ts's work, tested in-process, and the process's bounds are tested in test/xls.test.ts.
import { parseXls } from './xls-parse.js';

// SheetJS writes what it does not know of a file to the console ("Missing Info for XLS Record 0x6e"): only the
// answer goes to standard output.
for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = () => undefined;

const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', () => {
  let answer: unknown;
  try {
    answer = { grids: parseXls(new Uint8Array(Buffer.concat(chunks))) };
  } catch (err) {
    // SheetJS's own errors describe the file ("Unsupported file"); a TypeError or RangeError is a slip inside it
    // ("Cannot read properties of undefined"), which tells the clerk nothing: the file is only said to be damaged.
    const internal = err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError;
    answer = { error: internal ? '' : err instanceof Error ? err.message.split('\n')[0] : String(err).split('\n')[0] };
  }
  process.stdout.write(JSON.stringify(answer));
});
