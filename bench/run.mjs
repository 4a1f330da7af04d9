// `npm run bench`: campaign side by side with ajv-cli (same YAML, same schemas/) and with the bare
// parsers, on generated plans; medians over several runs, peak memory, and the targets of issue #16.
//
// Fair by construction: every plan is generated with its dates quoted ("2020-06-01"), which campaign
// reads exactly as the unquoted spelling (checked below) and ajv-cli's js-yaml 3 reads as text rather
// than as a timestamp, so both tools read the same files in full. Every timed run is checked: ajv-cli
// must print "<file> valid" for each file and exit 0, campaign must exit 0 with the findings expected;
// the bench stops with an error (exit 1) rather than print a row where one side did less work.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCounty, generatePlan } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'campaign.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const RSS = join(ROOT, 'bench', 'rss.cjs');
const QUICK = process.argv.includes('--quick');
const dir = mkdtempSync(join(tmpdir(), 'campaign-bench-'));
// campaign's roll-up cache goes to folders of the bench's own, never to the user's.
const cacheHome = join(dir, 'cache');
const scratchCacheHome = join(dir, 'cache-unused');
// A plan with this share of its tasks done reports about 3,000 overdue warnings at 10k tasks as of 2020-06-30.
const DONE_FOR_3000 = 0.68;
const LATE = '2020-06-30';
const EARLY = '2020-06-01';

class BenchFailure extends Error {}
const fail = (message) => {
  throw new BenchFailure(message);
};
const excerpt = (text) => (text.length > 600 ? `${text.slice(0, 600)} …` : text).trim();

const baseEnv = { ...process.env, NODE_OPTIONS: `--require=${RSS}`, NO_COLOR: '1', LANG: 'C', LC_ALL: 'C', XDG_CACHE_HOME: scratchCacheHome };
delete baseEnv.COLUMNS;
delete baseEnv.FORCE_COLOR;

/** One run of `node args`: wall time, peak RSS (from rss.cjs), and its output, checked by `check`. */
function once(args, { env = {}, check } = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...baseEnv, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) fail(`could not run node ${args.join(' ')}: ${r.error.message}`);
  const rssKb = Math.max(0, ...[...r.stderr.matchAll(/__peak_rss_kb__ (\d+)/g)].map((m) => Number(m[1])));
  if (rssKb === 0) fail(`no peak RSS reported by node ${args.slice(0, 3).join(' ')} … (exit ${r.status}): ${excerpt(r.stderr)}`);
  const stderr = r.stderr.replace(/\n?__peak_rss_kb__ \d+\n/g, '');
  (check ?? exitsZero)({ ...r, stderr }, args);
  return { seconds, rssMb: rssKb / 1024, stdout: r.stdout };
}

function exitsZero(r, args) {
  if (r.status !== 0) fail(`node ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${excerpt(r.stderr || r.stdout)}`);
}

const summarise = (results) => {
  const times = results.map((r) => r.seconds).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], rssMb: Math.max(...results.map((r) => r.rssMb)), runs: results.length };
};

/** Medians of `runs` runs of each spec, taken in turn (A B A B …) so that a drift of the machine hits all alike. */
function measureTogether(specs, runs) {
  const results = specs.map(() => []);
  for (let i = 0; i < runs; i++) {
    specs.forEach(([args, opts], j) => {
      results[j].push(once(args, opts));
    });
  }
  return results.map(summarise);
}
const measure = (args, runs, opts) => measureTogether([[args, opts]], runs)[0];

// ajv-cli prints "<file> valid" on standard output for each file that passes, "<file> invalid" and the
// errors on standard error for one that does not.
const ajvArgs = (files) => [AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', join(ROOT, 'schemas/campaign.schema.json'),
  '-r', join(ROOT, 'schemas/[!c]*.schema.json'), ...files.flatMap((f) => ['-d', f])];
const ajvValid = (files) => (r) => {
  const lines = new Set(r.stdout.split('\n'));
  const missing = files.filter((f) => !lines.has(`${f} valid`));
  if (r.status !== 0 || missing.length > 0) {
    fail(`ajv-cli did not report every plan valid (exit ${r.status}; ${missing.length} of ${files.length} not "valid", e.g. ${missing[0] ?? '-'}): ${excerpt(r.stderr || r.stdout)}`);
  }
};
const ajvOpts = (files) => ({ check: ajvValid(files) });

const parseScript = (lib, file) => lib === 'js-yaml'
  ? ['-e', `require(${JSON.stringify(join(ROOT, 'node_modules/js-yaml'))}).load(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]
  : ['-e', `require(${JSON.stringify(join(ROOT, 'node_modules/yaml'))}).parseDocument(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];

// campaign validate, stylish output (the default) to a pipe. A finding is a line that starts with its
// line:column; the run must exit 0 (warnings only) and list exactly the findings expected.
const validateArgs = (file, asOf, extra = []) => [BIN, 'validate', '--as-of', asOf, ...extra, file];
const stylishFindings = (text) => text.split('\n').filter((l) => /^\s+\d+:\d+\s/.test(l)).length;
const validateOpts = (expected) => ({
  check: (r) => {
    const found = stylishFindings(r.stdout);
    if (r.status !== 0 || found !== expected) fail(`campaign validate: exit ${r.status}, ${found} findings listed where ${expected} were expected: ${excerpt(r.stderr || r.stdout)}`);
  },
});
/** What `campaign validate -f json` finds (untimed), without the file names. */
function findingsJson(file, asOf, extra = []) {
  const { stdout } = once(validateArgs(file, asOf, [...extra, '-f', 'json']));
  const report = JSON.parse(stdout);
  // A finding's end: a quoted date's token is its quotes too ("2020-06-30" ends two columns later), so the
  // comparison of quoted and unquoted plans leaves ends out; where each finding starts, and all else, must agree.
  const starts = report.findings.map(({ endLine, endColumn, ...f }) => ({ ...f, file: '<plan>' }));
  return { count: report.findings.length, text: JSON.stringify(starts), rules: [...new Set(report.findings.map((f) => f.rule))] };
}

const rows = [];
const row = (what, m, note = '') => {
  rows.push([what, `${m.median.toFixed(2)} s`, `${m.rssMb.toFixed(0)} MB`, note]);
  process.stderr.write(`  ${what}: ${m.median.toFixed(2)} s\n`);
  return m;
};
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A township's plan with `units` units, each leading three tasks, all supporting the mobilisation task 1.1. */
function townshipPlan(units) {
  const ids = Array.from({ length: units }, (_, i) => `u${String(i + 1).padStart(2, '0')}`);
  const lines = [
    'version: 1', 'title: 测试镇2020年“安全生产月”活动方案', 'organizer: 测试镇', 'year: 2020', 'period: {start: "2020-06-01", end: "2020-06-30"}',
    'units:', ...ids.map((id, i) => `  - {id: ${id}, name: 单位${i + 1}}`),
    'tasks:', '  - id: "1"', '    title: 宣传发动', '    tasks:', `      - {id: "1.1", title: 召开动员会, lead: [u01], support: [${ids.slice(1).join(', ')}], due: "2020-06-30"}`,
    '  - id: "2"', '    title: 隐患排查', '    tasks:',
    ...ids.flatMap((id, i) => [0, 1, 2].map((k) => `      - {id: "2.${i * 3 + k + 1}", title: 排查任务${i * 3 + k + 1}, lead: [${id}], due: "2020-06-30"}`)),
  ];
  return `${lines.join('\n')}\n`;
}

function main() {
  process.stderr.write(`generating plans in ${dir} …\n`);
  const sizes = QUICK ? [1000, 10000] : [1000, 10000, 100000];
  const write = (name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const plans = Object.fromEntries(sizes.map((n) => [n, write(`plan-${n}.yaml`, generatePlan(n, { quoteDates: true }))]));
  const late = write('plan-10k-late.yaml', generatePlan(10000, { done: DONE_FOR_3000, quoteDates: true }));
  const county = join(dir, 'county');
  generateCounty(county, 500, 100, { quoteDates: true });
  const countyFiles = readdirSync(county).sort().map((f) => join(county, f));
  mkdirSync(cacheHome);
  mkdirSync(scratchCacheHome);

  // Quoting the dates changes nothing for campaign: same findings, same positions, on a plan with findings.
  const sameUnquoted = write('plan-1k-late-unquoted.yaml', generatePlan(1000, { done: DONE_FOR_3000 }));
  const sameQuoted = write('plan-1k-late-quoted.yaml', generatePlan(1000, { done: DONE_FOR_3000, quoteDates: true }));
  const [u, q] = [findingsJson(sameUnquoted, LATE), findingsJson(sameQuoted, LATE)];
  if (u.count === 0 || u.text !== q.text) fail(`campaign does not read quoted dates as it reads unquoted ones (${u.count} vs ${q.count} findings)`);

  // The plan with about 3,000 findings, and the same plan as of a date where it has (next to) none — its
  // progress entries, all dated after that day, not reported as entries from the future.
  const EARLY_RULES = ['--rule', 'status/future-entry=off'];
  const lateFindings = findingsJson(late, LATE);
  const earlyFindings = findingsJson(late, EARLY, EARLY_RULES);
  if (lateFindings.count < 2500 || lateFindings.count > 3500) fail(`the 10k plan with findings has ${lateFindings.count} findings as of ${LATE}, not about 3,000`);
  if (earlyFindings.count > 50) fail(`the 10k plan's clean run has ${earlyFindings.count} findings as of ${EARLY}, not few`);

  const runs = (n) => (n >= 100000 ? 3 : 5);
  const results = {};
  const nodeBase = row('node -e 0', measure(['-e', '0'], 7));
  const version = row('campaign --version', measure([BIN, '--version'], 7, {
    check: (r) => {
      if (r.status !== 0 || !/^\d+\.\d+\.\d+/.test(r.stdout.trim())) fail(`campaign --version printed ${JSON.stringify(r.stdout)} (exit ${r.status})`);
    },
  }));
  const ajvNote = 'same file; checked: printed "valid", exit 0';
  for (const n of sizes) {
    const file = plans[n];
    const [campaign, ajv] = measureTogether([[validateArgs(file, LATE), validateOpts(0)], [ajvArgs([file]), ajvOpts([file])]], runs(n));
    results[n] = {
      campaign: row(`validate ${label(n)}: campaign`, campaign, `as of ${LATE}; checked: 0 findings, exit 0`),
      ajv: row(`validate ${label(n)}: ajv-cli`, ajv, ajvNote),
      jsyaml: row(`validate ${label(n)}: js-yaml load (floor)`, measure(parseScript('js-yaml', file), runs(n))),
      yaml: row(`validate ${label(n)}: yaml parseDocument`, measure(parseScript('yaml', file), n >= 100000 ? 1 : runs(n)), n >= 100000 ? 'one run' : ''),
    };
    if (n === 10000) {
      const [withFindings, clean] = measureTogether([
        [validateArgs(late, LATE), validateOpts(lateFindings.count)],
        [validateArgs(late, EARLY, EARLY_RULES), validateOpts(earlyFindings.count)],
      ], 7);
      results.findings = row('validate 10k with findings: campaign, stylish', withFindings,
        `as of ${LATE}: ${plural(lateFindings.count, 'finding', 'findings')} (${lateFindings.rules.join(', ')}), listed to a pipe`);
      results.clean = row('validate 10k with findings: its clean run', clean,
        `same plan as of ${EARLY}: ${plural(earlyFindings.count, 'finding', 'findings')}`);
    }
  }

  // Roll-up of the county: 500 plans of 100 tasks, a third to all of their tasks done.
  const rollupArgs = (format, extra = []) => [BIN, 'rollup', county, '--as-of', LATE, '-f', format, ...extra];
  let reference;
  const rollupJson = (r) => {
    exitsZero(r, ['campaign', 'rollup']);
    const plansRead = JSON.parse(r.stdout).plans;
    if (plansRead.length !== countyFiles.length || plansRead.some((p) => p.errors !== 0)) {
      fail(`campaign rollup read ${plansRead.length} of ${countyFiles.length} plans, ${plansRead.filter((p) => p.errors !== 0).length} with errors`);
    }
    reference ??= r.stdout;
    if (r.stdout !== reference) fail('campaign rollup printed a different roll-up cached than uncached');
  };
  const rollupTable = (r) => {
    exitsZero(r, ['campaign', 'rollup']);
    const planLines = r.stdout.split('\n').filter((l) => l.startsWith('│') && l.includes('乡')).length;
    if (planLines < countyFiles.length) fail(`campaign rollup -f table drew ${planLines} plan lines for ${countyFiles.length} plans`);
  };
  const cached = { XDG_CACHE_HOME: cacheHome, COLUMNS: '160' };
  const [rollupCold, rollupAjv] = measureTogether([
    [rollupArgs('json', ['--no-cache']), { env: { COLUMNS: '160' }, check: rollupJson }],
    [ajvArgs(countyFiles), ajvOpts(countyFiles)],
  ], 5);
  row('rollup 500×100: campaign, no cache', rollupCold, '-f json');
  row('rollup 500×100: ajv-cli on the same files', rollupAjv, `same files; checked: all ${countyFiles.length} "valid", exit 0`);
  once(rollupArgs('json'), { env: cached, check: rollupJson }); // fills the cache
  once(rollupArgs('table'), { env: cached, check: rollupTable });
  const [rollupWarm, rollupDrawn] = measureTogether([
    [rollupArgs('json'), { env: cached, check: rollupJson }],
    [rollupArgs('table'), { env: cached, check: rollupTable }],
  ], 9);
  row('rollup 500×100: campaign, cached', rollupWarm, '-f json; cache in a fresh folder, filled once');
  row('rollup 500×100: campaign, cached, terminal table', rollupDrawn, '-f table, COLUMNS=160');
  const drawing = rollupDrawn.median - rollupWarm.median;

  // A week's folder of 40 returned workbooks collected into a township plan (issue #20): 40 units, each leading
  // three tasks and supporting the mobilisation task, every row of every sheet filled in. A dry run does all the
  // work but the write, so that each run reads the same plan; each is checked to take every row.
  const township = write('township.yaml', townshipPlan(40));
  const sheetsDir = join(dir, 'returned');
  once([BIN, 'sheets', township, '--week', '2020-W25', '-o', sheetsDir, '--lang', 'zh']);
  const filled = spawnSync(process.execPath, [join(ROOT, 'bench', 'fill-sheets.mjs'), sheetsDir, '2020-06-19'], { encoding: 'utf8' });
  if (filled.status !== 0) fail(`could not fill the returned sheets: ${excerpt(filled.stderr)}`);
  const sheetFiles = readdirSync(sheetsDir).filter((f) => f.endsWith('.xlsx'));
  if (sheetFiles.length !== 40) fail(`campaign sheets wrote ${sheetFiles.length} workbooks, not 40`);
  const collected = row('collect 40 returned workbooks: campaign', measure([BIN, 'collect', township, sheetsDir, '--as-of', '2020-06-21', '--dry-run', '-f', 'json'], 5, {
    check: (r) => {
      exitsZero(r, ['campaign', 'collect']);
      const out = JSON.parse(r.stdout);
      if (out.errors !== 0 || out.taken.length !== 160) fail(`campaign collect took ${out.taken.length} of 160 rows with ${out.errors} errors`);
    },
  }), '40 units × 4 rows (3 led, 1 supported), --dry-run -f json; checked: 160 rows taken');

  // A 22-page plan printed to PDF by LibreOffice (issue #21): read, laid out into paragraphs and tables, imported.
  const longPdf = join(ROOT, 'test', 'fixtures', 'import-formats', 'pdf-long-plan.pdf');
  const imported = row('import a 22-page PDF: campaign', measure([BIN, 'import', longPdf], 5, {
    check: (r) => {
      exitsZero(r, ['campaign', 'import']);
      if (!/^title: /m.test(r.stdout) || (r.stdout.match(/^\s+- id: /gm) ?? []).length < 20) fail('campaign import of the 22-page PDF gave no plan with its tasks');
    },
  }), 'test/fixtures/import-formats/pdf-long-plan.pdf to standard output; checked: a plan with its tasks');

  const x = (a, b) => `${(a / b).toFixed(2)}×`;
  const r10 = results[10000];
  const r100 = results[100000];
  const notMeasured = ['— (not run with --quick)', undefined];
  const targets = [
    ['validate 10k (few findings) ≤ 1.0× ajv-cli, same work', `${x(r10.campaign.median, r10.ajv.median)}`, r10.campaign.median <= r10.ajv.median],
    ['validate 10k, ~3,000 findings, stylish ≤ 1.15× its clean run',
      `${x(results.findings.median, results.clean.median)} (${lateFindings.count} vs ${earlyFindings.count} findings)`, results.findings.median <= 1.15 * results.clean.median],
    ['peak RSS at 100k ≤ 1.2× js-yaml floor', ...(r100
      ? [`${x(r100.campaign.rssMb, r100.jsyaml.rssMb)} (${r100.campaign.rssMb.toFixed(0)} vs ${r100.jsyaml.rssMb.toFixed(0)} MB)`, r100.campaign.rssMb <= 1.2 * r100.jsyaml.rssMb]
      : notMeasured)],
    ['rollup 500×100 uncached ≤ 1.0× ajv-cli', x(rollupCold.median, rollupAjv.median), rollupCold.median <= rollupAjv.median],
    ['rollup 500×100 cached ≤ 0.25× ajv-cli', x(rollupWarm.median, rollupAjv.median), rollupWarm.median <= 0.25 * rollupAjv.median],
    ['rollup terminal table drawn ≤ 0.2 s', `${drawing.toFixed(2)} s (cached: table − json)`, drawing <= 0.2],
    ['--version ≤ 1.5× node -e 0', x(version.median, nodeBase.median), version.median <= 1.5 * nodeBase.median],
    ['collect 40 returned workbooks ≤ 2 s', `${collected.median.toFixed(2)} s`, collected.median <= 2],
    ['import a 20-page PDF ≤ 2 s', `${imported.median.toFixed(2)} s (22 pages)`, imported.median <= 2],
    ['validate 100k ≤ 12× validate 10k (linear)', ...(r100 ? [x(r100.campaign.median, r10.campaign.median), r100.campaign.median <= 12 * r10.campaign.median] : notMeasured)],
  ];

  const table = (head, body) => [
    `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of 3–9 runs (one where noted); pairs compared in a target are run in turn.\n`);
  console.log(table(['run', 'median', 'peak RSS', 'note'], rows));
  console.log(`
Both tools read the same files: every plan is generated with its dates quoted ("2020-06-01"), which
campaign reads exactly as unquoted (same findings, checked on a 1k plan) and ajv-cli's js-yaml 3 reads
as text, so ajv-cli validates each plan in full; every ajv-cli run is checked to print "valid" for each
file and exit 0, every campaign run to exit 0 with the findings expected. Output goes to a pipe.
Peak RSS is measured inside every process alike (bench/rss.cjs).`);
  console.log('');
  console.log(table(['target', 'measured', 'met'], targets.map(([t, m, ok]) => [t, m, ok === undefined ? 'not measured' : ok ? 'met' : 'not met'])));
}

try {
  main();
} catch (e) {
  if (!(e instanceof BenchFailure)) throw e;
  process.stderr.write(`\nbench FAILED: ${e.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
