#!/usr/bin/env node
// npm run check:pack — the package as a user gets it. Packs the tarball (`npm pack`, whose prepack script
// builds), installs it into an empty folder with production dependencies only, offline and from an empty
// npm cache (so it must need nothing but itself: what an offline machine has), and globally into a prefix of
// its own; then runs there every command, and every report in every format it offers — the formats are
// asked of the installed tool itself, so a new one is run without editing this file: validate, rules,
// schema, status/weekly/report/export/rollup/agenda of one plan and of two, init of each template, update, a config and a data file,
// sheets and collect of xlsx and csv, import of each kind of document. Fails (exit 1) on a missing package
// or module, an internal error, a stack trace, an exit code other than the one expected, or an output that
// is not what its format says; prints one row per command.
//
//   node scripts/check-pack.mjs [--tarball FILE] [--keep]
//     --tarball FILE  check this tarball instead of packing one
//     --keep          leave the temporary folder (its path is printed) to look at
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const given = args.includes('--tarball') ? resolve(args[args.indexOf('--tarball') + 1] ?? '') : undefined;
const keep = args.includes('--keep');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const tmp = mkdtempSync(join(tmpdir(), 'campaign-pack-'));
const problems = [];
const started = Date.now();

function die(message) {
  console.error(`check:pack: ${message}`);
  console.error(keep ? `  (left in ${tmp})` : '');
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}

/** npm, in a folder, with nothing of this repository's around it (no NODE_PATH, no npm_config_ of a parent npm run). */
function npm(npmArgs, cwd) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_PATH'));
  const t = Date.now();
  const r = spawnSync(NPM, npmArgs, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ...r, seconds: (Date.now() - t) / 1000 };
}

const du = (dir) => {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) bytes += e.isDirectory() ? du(join(dir, e.name)) : e.isFile() ? statSync(join(dir, e.name)).size : 0;
  return bytes;
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// A folder above the temporary one that holds node_modules would let a missing package be found there.
for (let d = dirname(tmp); ; d = dirname(d)) {
  if (existsSync(join(d, 'node_modules'))) die(`${join(d, 'node_modules')} exists above the temporary folder: a package missing from the tarball could be found there`);
  if (dirname(d) === d) break;
}

// --- pack ---------------------------------------------------------------------------------------------
let tarball = given;
if (!tarball) {
  mkdirSync(join(tmp, 'pack'));
  const r = npm(['pack', '--json', '--pack-destination', join(tmp, 'pack')], ROOT);
  if (r.status !== 0) die(`npm pack failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  // The prepack build writes to standard output before npm's JSON.
  const json = JSON.parse(r.stdout.slice(r.stdout.search(/^\[$/m)));
  tarball = join(tmp, 'pack', json[0].filename);
  console.log(`packed ${basename(tarball)} in ${r.seconds.toFixed(0)} s (prepack builds): ${json[0].entryCount} files, ${mb(json[0].size)} packed, ${mb(json[0].unpackedSize)} unpacked`);
}
if (!existsSync(tarball)) die(`no tarball at ${tarball}`);

// --- what the tarball holds -----------------------------------------------------------------------------
const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
for (const must of ['package.json', 'LICENSE', 'README.md', 'bin/campaign.js', 'dist/bundle/cli.js', 'dist/bundle/THIRD-PARTY-LICENSES.txt', 'dist/schema/compiled.cjs', 'dist/schema/config-compiled.cjs', 'dist/schema/data-compiled.cjs', 'dist/build-id', 'schemas/campaign.schema.json']) {
  if (!listed.includes(must)) problems.push(`the tarball lacks ${must}`);
}
const stray = listed.filter((f) => /^(src|test|bench|scripts|node_modules|\.ci)\//.test(f) || (/^dist\//.test(f) && !/^dist\/(bundle|pdfjs)\/|^dist\/schema\/(config-|data-)?compiled\.cjs$|^dist\/build-id$/.test(f)));
if (stray.length) problems.push(`the tarball carries what does not run: ${stray.slice(0, 5).join(', ')}${stray.length > 5 ? ` and ${stray.length - 5} more` : ''}`);
const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout);
if (manifest.name !== '@zhenban/campaign' || manifest.bin?.campaign !== 'bin/campaign.js') problems.push(`package.json: name ${manifest.name}, bin ${JSON.stringify(manifest.bin)}; want @zhenban/campaign with bin campaign`);
for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
  if (manifest.scripts?.[script]) problems.push(`package.json has a "${script}" script: installing the tarball would run it, or warn of it`);
}
for (const field of ['repository', 'bugs', 'homepage', 'license']) if (!manifest[field]) problems.push(`package.json has no "${field}"`);

// --- install: into an empty folder, production only, offline, empty cache; and globally ------------------
const project = join(tmp, 'project');
mkdirSync(project);
const installed = npm(['install', '--omit=dev', '--offline', '--cache', join(tmp, 'npm-cache'), tarball], project);
if (installed.status !== 0) die(`npm install --omit=dev --offline of the tarball failed (exit ${installed.status}); it must install from itself alone:\n${installed.stderr}`);
const warnings = installed.stderr.split('\n').filter((l) => /^npm (warn|error)/i.test(l));
if (warnings.length) problems.push(`installing the tarball warns:\n    ${warnings.join('\n    ')}`);
const packages = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(project, 'node_modules', n)).map((m) => `${n}/${m}`) : [n]));
console.log(`installed with --omit=dev --offline from an empty cache in ${installed.seconds.toFixed(1)} s: ${packages.length} package${packages.length === 1 ? '' : 's'} (${packages.join(', ')}), node_modules ${mb(du(join(project, 'node_modules')))}`);

const prefix = join(tmp, 'global');
const globalInstall = npm(['install', '-g', '--prefix', prefix, '--offline', '--cache', join(tmp, 'npm-cache-global'), tarball], tmp);
if (globalInstall.status !== 0) problems.push(`npm install -g --prefix of the tarball failed (exit ${globalInstall.status}): ${globalInstall.stderr.trim()}`);

// --- the runs ------------------------------------------------------------------------------------------
const BIN = join(project, 'node_modules', '.bin', 'campaign');
const GLOBAL_BIN = join(prefix, 'bin', 'campaign');
const PKG = join(project, 'node_modules', '@zhenban', 'campaign');
const work = join(tmp, 'work');
mkdirSync(join(work, 'out'), { recursive: true });
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && !['NODE_PATH', 'NODE_OPTIONS', 'FORCE_COLOR', 'CAMPAIGN_DEBUG'].includes(k))),
  NO_COLOR: '1',
  XDG_CACHE_HOME: join(tmp, 'cache-home'),
};
// The examples as the package ships them: the clean plan, and the README's plan with its error.
for (const f of ['shifan-2025.yaml', 'tongzhong-2020.yaml']) {
  if (existsSync(join(PKG, 'examples', f))) copyFileSync(join(PKG, 'examples', f), join(work, f));
  else die(`the package has no examples/${f}`);
}
const CLEAN = 'shifan-2025.yaml';
const FLAWED = 'tongzhong-2020.yaml';
const AS_OF = '2025-06-18';

/** Signs that the program broke rather than answered: its own words for it, or Node's. */
const BROKEN = /Cannot find (package|module)|ERR_MODULE_NOT_FOUND|ERR_REQUIRE_ESM|internal error|内部错误|cannot start|无法启动|^\s+at .+:\d+:\d+\)?$/m;

const results = [];

/** One run of the installed campaign: `expect` its exit code, `check` what it wrote. */
function run(group, argv, { expect = 0, check, bin = BIN, lang = 'en' } = {}) {
  return new Promise((done) => {
    const t = Date.now();
    const child = spawn(bin, argv, { cwd: work, env: { ...env, LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'C.UTF-8', LC_ALL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', (err) => (stderr += String(err)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const why = [];
      if (code !== expect) why.push(`exit ${code ?? signal}, expected ${expect}`);
      if (BROKEN.test(stderr) || BROKEN.test(stdout)) why.push(`broke: ${(BROKEN.exec(stderr) ?? BROKEN.exec(stdout))[0].trim()}`);
      if (why.length === 0 && check) {
        try {
          const wrong = check(stdout);
          if (wrong) why.push(wrong);
        } catch (err) {
          why.push(String(err.message ?? err));
        }
      }
      results.push({ group, argv, ok: why.length === 0, why, stderr, seconds: (Date.now() - t) / 1000 });
      done({ stdout, stderr, code });
    });
  });
}

/** Runs tasks two at a time (the machine's cores), in order of starting. */
async function all(tasks, width = 2) {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

/** The values an option takes, as the tool lists them when given one it does not know. */
function choices(argv) {
  const r = spawnSync(BIN, argv, { cwd: work, env: { ...env, LANG: 'C.UTF-8' }, encoding: 'utf8' });
  const m = /use one of ([^\n]+)/.exec(r.stderr);
  if (!m) die(`could not learn the choices of campaign ${argv.join(' ')} (exit ${r.status}): ${r.stderr.trim()}`);
  // The list may close a bracket: (use one of a, b, c).
  return m[1].replace(/\)\s*$/, '').split(',').map((s) => s.trim().replace(/[.;]$/, '')).filter(Boolean);
}

/** What a file written in a format must look like. */
function fileCheck(file, format) {
  return () => {
    const path = join(work, file);
    if (!existsSync(path)) return `wrote no ${file}`;
    const bytes = readFileSync(path);
    if (bytes.length === 0) return `${file} is empty`;
    const text = bytes.toString('utf8');
    if (format === 'xlsx' || format === 'docx') return bytes.subarray(0, 2).toString('latin1') === 'PK' ? undefined : `${file} is no ${format} (zip) file`;
    if (format === 'json') return JSON.parse(text) && undefined;
    if (format === 'ics') return text.startsWith('BEGIN:VCALENDAR') ? undefined : `${file} is no iCalendar file`;
    if (format === 'html') return /<html[\s>]/i.test(text) ? undefined : `${file} is no HTML page`;
    return undefined;
  };
}
const jsonOut = (stdout) => JSON.parse(stdout) && undefined;
const nonEmpty = (stdout) => (stdout.trim() ? undefined : 'printed nothing');

// Every command the installed tool lists, each with --help.
const helpRun = await run('help', ['--help'], { check: nonEmpty });
const commands = [...helpRun.stdout.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
if (commands.length < 10) die(`campaign --help lists only ${commands.length} commands: ${commands.join(', ')}`);
const version = manifest.version;
const phase1 = [
  () => run('help', ['--version'], { check: (out) => (out.trim() === version ? undefined : `printed ${out.trim()}, not ${version}`) }),
  ...commands.map((c) => () => run('help', [c, '--help'], { check: nonEmpty })),
  () => run('help', ['--help'], { bin: GLOBAL_BIN, check: nonEmpty }),
  () => run('help', ['--version'], { bin: GLOBAL_BIN, check: (out) => (out.trim() === version ? undefined : `printed ${out.trim()}`) }),
];

for (const f of choices(['validate', CLEAN, '-f', '?'])) {
  phase1.push(() => run('validate', ['validate', CLEAN, '-f', f, '--as-of', AS_OF], { check: f === 'json' ? jsonOut : undefined }));
  phase1.push(() => run('validate', ['validate', FLAWED, '-f', f], { expect: 1, check: f === 'json' ? jsonOut : nonEmpty }));
}
for (const f of choices(['rules', '-f', '?'])) phase1.push(() => run('rules', ['rules', '-f', f], { check: f === 'json' ? jsonOut : nonEmpty }));
phase1.push(() => run('schema', ['schema'], { check: jsonOut }));
const schemaHelp = spawnSync(BIN, ['schema', '--help'], { cwd: work, env, encoding: 'utf8' }).stdout;
if (/--output\b/.test(schemaHelp)) {
  for (const kind of choices(['schema', '--output', '?'])) phase1.push(() => run('schema', ['schema', '--output', kind], { check: jsonOut }));
}

// Each report kind in each of its formats, of one plan and of two (the second with an error: exit 1).
for (const kind of ['status', 'weekly', 'report', 'export', 'rollup', 'agenda']) {
  if (!commands.includes(kind)) die(`campaign --help does not list ${kind}`);
  for (const f of choices([kind, CLEAN, '-f', '?'])) {
    const one = `out/${kind}-one.${f}`;
    const two = `out/${kind}-two.${f}`;
    phase1.push(() => run(kind, [kind, CLEAN, '--as-of', AS_OF, '-f', f, '-o', one], { check: fileCheck(one, f) }));
    phase1.push(() => run(kind, [kind, CLEAN, FLAWED, '--as-of', AS_OF, '-f', f, '-o', two], { expect: 1, check: fileCheck(two, f) }));
  }
}

// init: each template, then the new plan validated.
for (const t of choices(['init', '-t', '?', 'x.yaml'])) {
  phase1.push(async () => {
    await run('init', ['init', '-t', t, '--year', '2026', `init-${t}.yaml`], { check: fileCheck(`init-${t}.yaml`, 'yaml') });
    await run('init', ['validate', `init-${t}.yaml`]);
  });
}

// update: a progress entry written into a copy of the plan, which still validates.
copyFileSync(join(work, CLEAN), join(work, 'update.yaml'));
phase1.push(async () => {
  const before = readFileSync(join(work, 'update.yaml'), 'utf8');
  await run('update', ['update', 'update.yaml', '1.1', '-s', 'done', '-n', '检查完毕', '-d', AS_OF], {
    check: () => (readFileSync(join(work, 'update.yaml'), 'utf8') !== before ? undefined : 'the plan was not changed'),
  });
  await run('update', ['validate', 'update.yaml', '--as-of', AS_OF]);
});

// A configuration file (found beside the plan, or named) and a user data file: each is checked by a validator
// compiled at build time, which must be shipped and need no ajv (both once failed with "Cannot find module").
mkdirSync(join(work, 'rc'), { recursive: true });
copyFileSync(join(work, CLEAN), join(work, 'rc', 'plan.yaml'));
copyFileSync(join(work, FLAWED), join(work, 'rc', 'flawed.yaml'));
writeFileSync(join(work, 'rc', '.campaignrc.yaml'), 'lang: zh\n');
writeFileSync(join(work, 'rc-broken.yaml'), 'lang: fr\n');
writeFileSync(join(work, 'data-2026.yaml'), 'themes:\n  - { campaign: safety-month, year: 2026, theme: 人人讲安全、个个会应急——测试主题 }\n');
writeFileSync(join(work, 'data-broken.yaml'), 'themes:\n  - { campaign: safety-month, yeer: 2026 }\n');
const says = (what) => (out) => (out.includes(what) ? undefined : `printed no ${what}`);
phase1.push(() => run('config', ['validate', 'rc/plan.yaml', '--as-of', AS_OF]));
phase1.push(() => run('config', ['validate', 'rc/flawed.yaml'], { expect: 1, check: says('错误') }));
phase1.push(() => run('config', ['validate', CLEAN, '--config', 'rc-broken.yaml'], { expect: 2 }));
phase1.push(() => run('data', ['data', '--data', 'data-2026.yaml'], { check: says('data-2026.yaml') }));
phase1.push(() => run('data', ['validate', CLEAN, '--data', 'data-2026.yaml', '--as-of', AS_OF]));
phase1.push(() => run('data', ['data', '--data', 'data-broken.yaml'], { expect: 2 }));

// import: each kind of document the importer reads, from the repository's fixtures.
const IMPORTS = [
  'import-corpus/01-qingshi-safety-month-2021.txt',
  'import-corpus/09-taoyuan-safety-month-2024.docx',
  'import-corpus/25-maan-anti-drug-2022.pdf',
  'import-corpus/30-jinshan-hazardous-chemicals-2019.doc',
  'import-corpus/33-pingan-road-traffic-2020.ofd',
  'import-corpus/35-hongyan-fire-month-2024-b.xlsx',
  'import-formats/sheet-taoyuan-tasks.xls',
  'import-formats/sheet-taoyuan-tasks-gbk.csv',
  'import-formats/doc-09-taoyuan-safety-month.wps',
  'import-formats/doc-09-as-rtf.doc',
  'import-formats/pdf-cid-font.pdf',
];
for (const [i, fixture] of IMPORTS.entries()) {
  const source = join(ROOT, 'test', 'fixtures', fixture);
  if (!existsSync(source)) die(`no fixture ${fixture}`);
  const doc = `doc-${i}${fixture.slice(fixture.lastIndexOf('.'))}`;
  copyFileSync(source, join(work, doc));
  const plan = `imported-${i}.yaml`;
  phase1.push(() => run('import', ['import', doc, '-o', plan], {
    check: () => (/^title: /m.test(readFileSync(join(work, plan), 'utf8')) ? undefined : `${plan} holds no plan`),
  }));
}

// sheets in both formats (needed by collect below).
for (const f of choices(['sheets', CLEAN, '-f', '?'])) {
  phase1.push(() => run('sheets', ['sheets', CLEAN, '--as-of', AS_OF, '-f', f, '-o', `sheets-${f}`, '--lang', 'zh'], {
    check: () => (readdirSync(join(work, `sheets-${f}`)).some((n) => n.endsWith(`.${f}`)) ? undefined : `wrote no .${f} sheet`),
  }));
}

await all(phase1);

// collect: the sheets filled in as units would, taken into copies of the plan, in each of collect's formats.
const sheetsMade = ['xlsx', 'csv'].filter((f) => existsSync(join(work, `sheets-${f}`)));
if (sheetsMade.includes('xlsx')) {
  const fill = spawnSync(process.execPath, [join(ROOT, 'bench', 'fill-sheets.mjs'), join(work, 'sheets-xlsx'), AS_OF], { encoding: 'utf8' });
  if (fill.status !== 0) die(`could not fill the xlsx sheets: ${fill.stderr}`);
}
if (sheetsMade.includes('csv')) fillCsvSheets(join(work, 'sheets-csv'), AS_OF);
const phase2 = [];
for (const f of choices(['collect', CLEAN, 'x.xlsx', '-f', '?'])) {
  for (const kind of sheetsMade) {
    const plan = `collect-${kind}-${f}.yaml`;
    copyFileSync(join(work, CLEAN), join(work, plan));
    const sheets = readdirSync(join(work, `sheets-${kind}`)).map((n) => `sheets-${kind}/${n}`);
    phase2.push(() => run('collect', ['collect', plan, ...sheets, '-f', f, '--as-of', AS_OF], {
      check: (out) => {
        if (f === 'json') JSON.parse(out);
        return readFileSync(join(work, plan), 'utf8') !== readFileSync(join(work, CLEAN), 'utf8') ? undefined : 'the plan was not changed';
      },
    }));
  }
}
await all(phase2);

/** Fills each CSV sheet's task rows as bench/fill-sheets.mjs fills the workbooks: note, status, progress, date. */
function fillCsvSheets(dir, date) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const rows = parseCsv(readFileSync(join(dir, name)), { bom: true, relax_column_count: true });
    const header = rows.findIndex((r) => r[0] === '编号');
    if (header < 0) die(`${name}: no header row (编号)`);
    for (let r = header + 1, i = 0; r < rows.length && /^\d/.test(rows[r][0] ?? ''); r++, i++) {
      const row = rows[r];
      while (row.length < rows[header].length) row.push('');
      row[7] = `本周开展检查${i + 2}次`;
      row[8] = i % 2 ? '已完成' : '进行中';
      row[9] = i % 2 ? '100' : '60';
      row[12] = date;
    }
    writeFileSync(join(dir, name), stringifyCsv(rows, { bom: true }));
  }
}

// --- the table -----------------------------------------------------------------------------------------
const groups = [...new Set(results.map((r) => r.group))];
const rowsOut = groups.map((g) => {
  const mine = results.filter((r) => r.group === g);
  const formats = [...new Set(mine.flatMap((r) => {
    const at = r.argv.indexOf('-f');
    return at >= 0 ? [r.argv[at + 1]] : [];
  }))];
  return [g, String(mine.length), String(mine.filter((r) => r.ok).length), formats.join(' ') || '-', mine.reduce((s, r) => s + r.seconds, 0).toFixed(1)];
});
const head = ['command', 'runs', 'ok', 'formats', 's'];
const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 1 || i === 2 || i === 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\n${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
for (const r of rowsOut) console.log(line(r));

for (const r of results.filter((x) => !x.ok)) {
  problems.push(`campaign ${r.argv.join(' ')}: ${r.why.join('; ')}${r.stderr.trim() ? `\n    ${r.stderr.trim().split('\n').slice(0, 4).join('\n    ')}` : ''}`);
}
const total = results.length;
const passed = results.filter((r) => r.ok).length;
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all, packing and installing included`);
console.log(`pack: ${passed} passed, ${total - passed} failed`);
if (problems.length) {
  console.error(`\ncheck:pack found ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  if (keep) console.error(`  (left in ${tmp})`);
}
if (!keep) rmSync(tmp, { recursive: true, force: true });
else console.log(`left in ${tmp}`);
process.exit(problems.length ? 1 : 0);
