// The process a PDF is read in (bundled as dist/bundle/pdf-worker.js): the file's bytes on standard input, its
// paragraphs and tables — or why it could not be read — as JSON on standard output. index.ts bounds its memory
// and its time (src/io/isolated.ts): pdf.js can be kept busy for minutes inside one page of a crafted file,
// and no timer in its own process can stop it there.
import { PDF_READER, pdfDocument } from './read-pdf.js';

// pdf.js reports what it does not understand of a file on the console: only the answer goes to standard output.
for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = () => undefined;

// Its own deadline too, a little after the parent's, for when the parent is gone; it fires whenever pdf.js yields.
setTimeout(() => process.exit(3), PDF_READER.timeoutMs + 5_000).unref();

const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', async () => {
  let answer: unknown;
  try {
    answer = { doc: await pdfDocument(new Uint8Array(Buffer.concat(chunks))) };
  } catch (err) {
    answer = { error: err instanceof Error ? err.message.split('\n')[0] : String(err).split('\n')[0], problem: (err as { problem?: string }).problem ?? 'damaged' };
  }
  process.stdout.write(JSON.stringify(answer), () => process.exit(0));
});
