#!/usr/bin/env node
// npm run check:print — how the outputs people print come out of the programs they print them with:
// every XLSX and DOCX converted by LibreOffice (headless), every HTML printed by Chromium to PDF, and the
// page count and page size of each. Needs Debian's libreoffice-calc, libreoffice-writer, chromium and
// poppler-utils (pdfinfo); CI has none of them, so the tests read the files' XML instead.
//
//   node scripts/check-print.mjs [--png DIR]     DIR: first pages as PNG pictures, for looking at them
//
// Exits 1 when an output runs over the pages it must fit on (the months' 活动总结 and weekly forms).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'bin', 'campaign.js');
const args = process.argv.slice(2);
const pngDir = args.includes('--png') ? resolve(args[args.indexOf('--png') + 1] ?? 'print-check') : undefined;

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'chromium', 'pdfinfo', ...(pngDir ? ['pdftoppm'] : [])].filter((c) => !have(c));
if (missing.length) {
  console.error(`check:print needs ${missing.join(', ')} (Debian: apt-get install libreoffice-calc libreoffice-writer chromium poppler-utils fonts-noto-cjk)`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'campaign-print-'));
if (pngDir) mkdirSync(pngDir, { recursive: true });

/** The dates the README's examples use; for another plan, a date a little past the middle of its period. */
const AS_OF = { 'tongzhong-2020': '2020-06-17' };

function asOfOf(plan) {
  const known = AS_OF[basename(plan, '.yaml')];
  if (known) return known;
  const text = readFileSync(plan, 'utf8');
  const start = /start:\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  const end = /end:\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  if (!start || !end) return undefined;
  const mid = new Date((Date.parse(start) * 2 + Date.parse(end) * 3) / 5);
  return mid.toISOString().slice(0, 10);
}

function campaign(argv, out) {
  const r = spawnSync(process.execPath, [CLI, ...argv, '-o', out, '--lang', 'zh'], { encoding: 'utf8' });
  if (!existsSync(out)) throw new Error(`campaign ${argv.join(' ')}: ${r.stderr}`);
}

function toPdf(file) {
  const pdf = file.replace(/\.\w+$/, '.pdf');
  if (file.endsWith('.html')) {
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`], { stdio: 'ignore', timeout: 120_000 });
  } else {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'ignore', timeout: 180_000 });
  }
  return pdf;
}

function pages(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map(Number);
  const a4 = Math.abs(Math.min(w, h) - 595.3) < 2 && Math.abs(Math.max(w, h) - 841.9) < 2;
  return { count, size: `${a4 ? 'A4' : `${Math.round(w)}×${Math.round(h)} pt`} ${w > h ? 'landscape' : 'portrait'}` };
}

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'examples', f));
const jobs = [];
for (const plan of examples) {
  const asOf = asOfOf(plan);
  const name = basename(plan, '.yaml');
  for (const [kind, formats] of [['weekly', ['xlsx', 'html', 'docx']], ['status', ['xlsx', 'html']], ['report', ['xlsx', 'html', 'docx']]]) {
    for (const format of formats) jobs.push({ label: `${name} ${kind}`, argv: [kind, plan, ...(asOf ? ['--as-of', asOf] : [])], format, file: join(work, `${name}-${kind}.${format}`) });
  }
}
for (const format of ['xlsx', 'html']) jobs.push({ label: 'examples rollup', argv: ['rollup', join(ROOT, 'examples'), '--no-cache'], format, file: join(work, `rollup.${format}`) });

// Two township months and the pages they must fit on (issue #22): the 活动总结 of a 20-task month on at most
// six A4 pages, and the weekly form of 茶店镇 (13 to 18 rows a week, collected from its units' sheets) on two
// landscape pages. 青石镇's weeks, written to be wordy (every note a running total), are printed for a look.
const month = join(work, 'chadian');
mkdirSync(month);
copyFileSync(join(ROOT, 'test', 'fixtures', 'month', 'plan.yaml'), join(month, 'plan.yaml'));
const WEEK_ENDS = ['2026-06-04', '2026-06-11', '2026-06-18', '2026-06-25'];
WEEK_ENDS.forEach((day, i) => {
  spawnSync(process.execPath, [CLI, 'collect', join(month, 'plan.yaml'), join(ROOT, 'test', 'fixtures', 'month', `week${i + 1}`), '--as-of', day], { encoding: 'utf8' });
});
const wordy = join(ROOT, 'test', 'fixtures', 'summary-month', 'plan.yaml');
for (const [name, plan] of [['茶店镇', join(month, 'plan.yaml')], ['青石镇', wordy]]) {
  jobs.push({ label: `${name} 活动总结`, argv: ['report', plan, '--as-of', '2026-07-02'], format: 'docx', file: join(work, `${name}-summary.docx`), limit: 6 });
  WEEK_ENDS.forEach((day, i) => {
    jobs.push({ label: `${name} week ${i + 1}`, argv: ['weekly', plan, '--as-of', day], format: 'docx', file: join(work, `${name}-week${i + 1}.docx`), ...(name === '茶店镇' ? { limit: 2 } : {}) });
  });
}

const rows = [];
for (const job of jobs) {
  campaign([...job.argv, '-f', job.format], job.file);
  const pdf = toPdf(job.file);
  const p = pages(pdf);
  const over = job.limit !== undefined && p.count > job.limit;
  rows.push([job.label, job.format, String(p.count), `${p.size}${job.limit === undefined ? '' : over ? `  OVER ${job.limit}` : `  (≤ ${job.limit})`}`]);
  if (over) process.exitCode = 1;
  if (pngDir) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(pngDir, basename(job.file).replace('.', '-'))]);
}

// Columns as wide as their text on a terminal, where a Chinese character takes two.
const cols = (text) => [...text].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (text, width, start = false) => (start ? ' '.repeat(width - cols(text)) + text : text + ' '.repeat(width - cols(text)));
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => cols(r[i])), ['output', 'format', 'pages', 'page size'][i].length));
const line = (r) => r.map((c, i) => pad(c, widths[i], i === 2)).join('  ').trimEnd();
console.log(line(['output', 'format', 'pages', 'page size']));
for (const r of rows) console.log(line(r));
if (pngDir) console.log(`\nfirst pages as PNG in ${pngDir}`);
