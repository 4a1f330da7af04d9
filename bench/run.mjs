// `npm run bench`: campaign side by side with ajv-cli (same YAML, same schemas/) and with the bare
// parsers, on generated plans; medians over several runs, peak memory, and the targets of the issue.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
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

function once(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, NODE_OPTIONS: `--require=${RSS}`, NO_COLOR: '1', LANG: 'C' }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Math.max(0, ...[...r.stderr.matchAll(/__peak_rss_kb__ (\d+)/g)].map((m) => Number(m[1])));
  return { seconds, rssMb: rss / 1024, status: r.status };
}

function measure(args, runs) {
  const results = Array.from({ length: runs }, () => once(args));
  const times = results.map((r) => r.seconds).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], rssMb: Math.max(...results.map((r) => r.rssMb)), status: results[0].status };
}

const ajvArgs = (files) => [AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '-s', join(ROOT, 'schemas/campaign.schema.json'),
  '-r', join(ROOT, 'schemas/[!c]*.schema.json'), ...files.flatMap((f) => ['-d', f])];
const parseScript = (lib, file) => lib === 'js-yaml'
  ? ['-e', `require(${JSON.stringify(join(ROOT, 'node_modules/js-yaml'))}).load(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]
  : ['-e', `require(${JSON.stringify(join(ROOT, 'node_modules/yaml'))}).parseDocument(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];

const rows = [];
const row = (what, m, note = '') => {
  rows.push([what, `${m.median.toFixed(2)} s`, `${m.rssMb.toFixed(0)} MB`, note]);
  process.stderr.write(`  ${what}: ${m.median.toFixed(2)} s\n`);
  return m;
};

process.stderr.write(`generating plans in ${dir} …\n`);
const sizes = QUICK ? [1000, 10000] : [1000, 10000, 100000];
const plans = Object.fromEntries(sizes.map((n) => {
  const file = join(dir, `plan-${n}.yaml`);
  writeFileSync(file, generatePlan(n));
  return [n, file];
}));
const county = join(dir, 'county');
generateCounty(county, 500, 100);
const countyFiles = readdirSync(county).map((f) => join(county, f));

const runs = (n) => (n >= 100000 ? 3 : 5);
const results = {};
const nodeBase = row('node -e 0', measure(['-e', '0'], 7));
const version = row('campaign --version', measure([BIN, '--version'], 7));
for (const n of sizes) {
  const file = plans[n];
  const label = n >= 1000 ? `${n / 1000}k` : String(n);
  results[n] = {
    campaign: row(`validate ${label}: campaign`, measure([BIN, 'validate', '--as-of', '2020-06-30', file], runs(n))),
    ajv: row(`validate ${label}: ajv-cli`, measure(ajvArgs([file]), runs(n)), 'stops at its first error: js-yaml 3 reads dates as timestamps'),
    jsyaml: row(`validate ${label}: js-yaml load (floor)`, measure(parseScript('js-yaml', file), runs(n))),
    yaml: row(`validate ${label}: yaml parseDocument`, measure(parseScript('yaml', file), n >= 100000 ? 1 : runs(n)), n >= 100000 ? 'one run' : ''),
  };
}
const cacheHome = join(dir, 'cache');
mkdirSync(cacheHome);
const rollupArgs = (extra) => [BIN, 'rollup', county, '--as-of', '2020-06-30', '-f', 'json', ...extra];
const rollupCold = row('rollup 500×100: campaign, no cache', measure(rollupArgs(['--no-cache']), 3));
once([...rollupArgs([]), '--lang', 'en']); // fill the cache
process.env.XDG_CACHE_HOME = cacheHome;
once(rollupArgs([]));
const rollupWarm = row('rollup 500×100: campaign, cached', measure(rollupArgs([]), 5));
const rollupAjv = row('rollup 500×100: ajv-cli on the same files', measure(ajvArgs(countyFiles), 3));

const ratio = (a, b) => (a / b).toFixed(2);
const r10 = results[10000];
const targets = [
  ['--version ≤ 1.5× node -e 0', `${ratio(version.median, nodeBase.median)}×`, version.median <= 1.5 * nodeBase.median],
  ['validate 10k ≤ 1.0× ajv-cli', `${ratio(r10.campaign.median, r10.ajv.median)}×`, r10.campaign.median <= r10.ajv.median],
  ['validate 10k ≤ 2× floor (js-yaml load)', `${ratio(r10.campaign.median, r10.jsyaml.median)}×`, r10.campaign.median <= 2 * r10.jsyaml.median],
  ...(results[100000] ? [
    ['validate 100k ≤ 12× validate 10k', `${ratio(results[100000].campaign.median, r10.campaign.median)}×`, results[100000].campaign.median <= 12 * r10.campaign.median],
    ['peak RSS ≤ 300 MB at 100k', `${results[100000].campaign.rssMb.toFixed(0)} MB (js-yaml alone: ${results[100000].jsyaml.rssMb.toFixed(0)} MB)`, results[100000].campaign.rssMb <= 300],
  ] : []),
  ['rollup 500 ≤ 0.5× ajv-cli, no cache', `${ratio(rollupCold.median, rollupAjv.median)}×`, rollupCold.median <= 0.5 * rollupAjv.median],
  ['rollup 500 ≤ 0.5× ajv-cli, cached', `${ratio(rollupWarm.median, rollupAjv.median)}×`, rollupWarm.median <= 0.5 * rollupAjv.median],
];

const table = (head, body) => [
  `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of 3–7 runs.\n`);
console.log(table(['run', 'median', 'peak RSS', 'note'], rows));
console.log('');
console.log(table(['target', 'measured', 'met'], targets.map(([t, m, ok]) => [t, m, ok ? 'yes' : 'no'])));
rmSync(dir, { recursive: true, force: true });
