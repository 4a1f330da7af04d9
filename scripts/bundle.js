// Bundles the compiled CLI (dist/) into dist/bundle/: the commands' code and the small libraries they
// load at every start (date-fns's many modules, js-yaml, commander, chalk …) in a few files, so that
// Node resolves and reads a handful of modules instead of hundreds — about 50 ms off every command
// (npm run bench). Each command stays its own chunk, loaded only when it runs. The large libraries of
// one format or command (exceljs, docx, mammoth …) stay outside and load as before; so do the worker of
// the roll-up (and the .xls and PDF readers') and the generated schema code, which are loaded by path.
import { rolldown } from 'rolldown';

const OUTSIDE = ['@e965/xlsx', 'pdfjs-dist', 'saxes', 'exceljs', 'docx', 'mammoth', 'jszip', 'parse5', 'iconv-lite', 'ical.js', 'ajv', 'ajv-formats', 'ajv-i18n', 'yaml', 'diff', 'csv-parse', 'csv-stringify', 'tinyglobby', 'chinese-days'];

const bundle = await rolldown({
  input: {
    cli: new URL('../dist/cli.js', import.meta.url).pathname,
    worker: new URL('../dist/rollup/worker.js', import.meta.url).pathname,
    'xls-worker': new URL('../dist/sheets/xls-worker.js', import.meta.url).pathname,
    'pdf-worker': new URL('../dist/importer/pdf-worker.js', import.meta.url).pathname,
  },
  platform: 'node',
  external: [/^node:/, /\.cjs$/, ...OUTSIDE.map((name) => new RegExp(`^${name}(?:/|$)`))],
  logLevel: 'warn',
});
await bundle.write({ dir: new URL('../dist/bundle/', import.meta.url).pathname, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
