// Hardening II: what a file really is (symlinks, hard links, owners, FIFOs, devices), locks and disk
// faults, names that are properties of every JavaScript object, plan text that tries to take over an
// output, and inputs that would hang or crash the tool or a county roll-up. Each class failed before.
// Tests that need root (another user, a read-only mount, a tiny disk) run as root — as CI does — and are
// skipped with the reason printed elsewhere.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheGet, cachePut } from '../src/io/cache.js';
import { MB } from '../src/io/limits.js';
import { summariseAll } from '../src/rollup/pool.js';
import { isPlanSummary } from '../src/rollup/summary.js';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';
import { BIN, run, STACK } from './helpers/run.js';
import { onePlan } from './helpers/json.js';

const HISTORY_TEXT = readFileSync(HISTORY, 'utf8');
const isRoot = process.getuid?.() === 0;
const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'campaign-hard2-'));
  chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}
afterAll(() => {
  // Read-only folders made for a test are made writable again, so the temp folder can be cleaned.
  for (const d of dirs) spawnSync('chmod', ['-R', 'u+w', d]);
});

/** Skips with the reason printed, where a test needs root. */
function needsRoot(): boolean {
  if (!isRoot) console.warn('skipped: needs root (runs as root in CI)');
  return isRoot;
}

/** Files in a folder, but the plan: what a failed command must not leave behind. */
const leftovers = (d: string, plan = 'p.yaml') => readdirSync(d).filter((n) => n !== plan);

function planIn(d: string, text = HISTORY_TEXT): string {
  const file = join(d, 'p.yaml');
  writeFileSync(file, text);
  return file;
}

describe('writing a plan in place', () => {
  it('through a symlink: the file it points to is updated, and the link stays a link', async () => {
    const d = dir();
    const real = planIn(d);
    mkdirSync(join(d, 'desk'));
    const link = join(d, 'desk', 'plan.yaml');
    symlinkSync(real, link);
    const r = await cli(['update', link, '2.1', '-s', 'done', '-d', '2020-06-20']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('status: done');
    expect(readdirSync(join(d, 'desk'))).toEqual(['plan.yaml']);
    // validate --fix too.
    writeFileSync(real, HISTORY_TEXT.replace('year: 2020', 'year: 2020').replace('start: 2020-06-01, end: 2020-06-30', 'start: 2019-06-01, end: 2019-06-30'));
    expect((await cli(['validate', '--fix', link, '--as-of', '2020-06-01'])).stderr).toContain('fixed 1 problem');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('start: 2020-06-01');
  });

  it('with several hard links: refused, with why, and every name keeps the same file', async () => {
    const d = dir();
    const file = planIn(d);
    linkSync(file, join(d, 'copy.yaml'));
    const r = await cli(['update', file, '2.1', '-s', 'done']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^campaign: .*p\.yaml has 2 names \(hard links\); replacing it would leave the others with the old plan/);
    expect(statSync(file).ino).toBe(statSync(join(d, 'copy.yaml')).ino);
    expect(readFileSync(file, 'utf8')).toBe(HISTORY_TEXT);
  });

  it('keeps the owner and group, also when root edits a clerk\'s plan', async () => {
    if (!needsRoot()) return;
    const d = dir();
    const file = planIn(d);
    chownSync(file, 1234, 2345);
    chmodSync(file, 0o640);
    expect((await cli(['update', file, '2.1', '-s', 'done'])).code).toBe(0);
    const st = statSync(file);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 2345, 0o640]);
  });

  it('a user who may not write the plan cannot replace it, even in a folder they may write', () => {
    if (!needsRoot()) return;
    const d = dir();
    chmodSync(d, 0o777);
    const file = planIn(d);
    chmodSync(file, 0o444);
    // Root without the capability to override file permissions: as a clerk without write access.
    const r = spawnSync('setpriv', ['--bounding-set', '-dac_override,-dac_read_search,-fowner', '--', process.execPath, BIN, 'update', file, '2.1', '-s', 'done'], {
      encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' },
    });
    expect([r.status, r.stderr]).toEqual([2, `campaign: ${file}: permission denied (cannot write it)\n`]);
    expect(readFileSync(file, 'utf8')).toBe(HISTORY_TEXT);
    expect(leftovers(d)).toEqual([]);
  });

  it('new lines follow the line ending most lines use: one stray CRLF changes nothing', async () => {
    const d = dir();
    const lines = HISTORY_TEXT.split('\n');
    lines[3] += '\r'; // one CRLF among LF lines
    const file = planIn(d, lines.join('\n'));
    expect((await cli(['update', file, '2.1', '-s', 'done', '-n', '已排查', '-d', '2020-06-20'])).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.split('\r\n')).toHaveLength(2);
    const crlfFile = planIn(dir(), HISTORY_TEXT.replace(/\n/g, '\r\n'));
    expect((await cli(['update', crlfFile, '2.1', '-s', 'done', '-d', '2020-06-20'])).code).toBe(0);
    expect(readFileSync(crlfFile, 'utf8')).not.toMatch(/[^\r]\n/);
  });
});

describe('-o onto what is not a regular file', () => {
  it('a FIFO is written into, and stays a FIFO', async () => {
    const d = dir();
    const fifo = join(d, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b) => { got += b; });
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = await cli(['status', HISTORY, '--as-of', '2020-06-21', '-f', 'json', '-o', fifo]);
    await done;
    expect(r.code).toBe(0);
    expect(onePlan(got).overall.tasks).toBe(8);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(d)).toEqual(['pipe']);
  });

  it('a device is written into, never replaced', async () => {
    const r = await cli(['export', HISTORY, '-o', '/dev/null']);
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout is the process\'s standard output', () => {
    const r = run(['status', HISTORY, '--as-of', '2020-06-21', '-f', 'json', '-o', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(onePlan(r.stdout).overall.tasks).toBe(8);
  });
});

describe('locks and disk faults', () => {
  const env = { CAMPAIGN_LOCK_TIMEOUT_MS: '400' };

  it('a folder where the lock should be: waits, gives up at its timeout, one line, nothing left', () => {
    const d = dir();
    const file = planIn(d);
    mkdirSync(join(d, '.p.yaml.campaign-lock'));
    const started = Date.now();
    const r = run(['update', file, '2.1', '-s', 'done'], { env });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([r.code, r.stderr]).toEqual([2, `campaign: ${file}: the lock ${join(d, '.p.yaml.campaign-lock')} is in the way and cannot be removed (a folder, or another user's lock); remove it and try again\n`]);
    expect(leftovers(d).sort()).toEqual(['.p.yaml.campaign-lock']);
    expect(readFileSync(file, 'utf8')).toBe(HISTORY_TEXT);
  });

  it("another user's stale lock in a sticky folder: the same, not a busy loop", () => {
    if (!needsRoot()) return;
    const d = dir();
    chmodSync(d, 0o1777);
    const file = planIn(d);
    chmodSync(file, 0o666);
    const lock = join(d, '.p.yaml.campaign-lock');
    writeFileSync(lock, '999999 dead\n');
    chownSync(lock, 4321, 4321);
    const started = Date.now();
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, BIN, 'update', file, '2.1', '-s', 'done'], {
      encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', ...env },
    });
    if (r.stderr.includes('Cannot find module') || r.stderr.includes('EACCES')) {
      console.warn('skipped: this checkout cannot be read by another user');
      return;
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is in the way and cannot be removed');
    expect(readFileSync(file, 'utf8')).toBe(HISTORY_TEXT);
  });

  it('a read-only folder: one line, exit 2, no leftovers', () => {
    if (!needsRoot()) return;
    const d = dir();
    const file = planIn(d);
    chmodSync(d, 0o555);
    const r = spawnSync('setpriv', ['--bounding-set', '-dac_override,-dac_read_search,-fowner', '--', process.execPath, BIN, 'update', file, '2.1', '-s', 'done'], {
      encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' },
    });
    expect([r.status, r.stderr]).toEqual([2, `campaign: ${file}: cannot create a lock file in ${d} (no permission, or a read-only folder); the plan was not changed\n`]);
    expect(leftovers(d)).toEqual([]);
  });

  it('a full disk: one line, exit 2, no leftovers', () => {
    if (!needsRoot()) return;
    const d = dir();
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', d]);
    if (mount.status !== 0) {
      console.warn(`skipped: cannot mount a tmpfs here (${mount.stderr})`);
      return;
    }
    try {
      const file = planIn(d, HISTORY_TEXT.slice(0, 2000) + '#'.repeat(8000));
      // Fill what is left, so that not even the lock's few bytes fit.
      spawnSync('sh', ['-c', `cat /dev/zero > ${join(d, 'filler')}`]);
      const r = run(['update', file, '2.1', '-s', 'done']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^campaign: .*: the disk is full; nothing was written\n$/);
      expect(leftovers(d).sort()).toEqual(['filler']);
    } finally {
      spawnSync('umount', [d]);
    }
  });

  it('too many open files: one line, exit 2, never "internal error"', () => {
    const d = dir();
    const file = planIn(d);
    // Shells with low limits on open files: the program fails to load, or fails to write; never a stack trace.
    for (const limit of [20, 30, 40, 50]) {
      const r = spawnSync('sh', ['-c', `ulimit -n ${limit} && exec "${process.execPath}" "${BIN}" update "${file}" 2.1 -s done`], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr.split('\n').length, r.stderr).toBeLessThanOrEqual(2);
      expect([0, 2], r.stderr).toContain(r.status);
      if (r.status === 0) expect(readFileSync(file, 'utf8')).toContain('status: done');
      else expect(readFileSync(file, 'utf8')).toBe(HISTORY_TEXT);
    }
    expect(leftovers(d).filter((n) => !n.startsWith('.p.yaml.campaign-lock'))).toEqual([]);
  });
});

describe('names that every JavaScript object has are nothing special', () => {
  const NAMES = Object.getOwnPropertyNames(Object.prototype);
  it.each(NAMES)('%s', async (name) => {
    const d = dir();
    const file = planIn(d);
    const attempts: string[][] = [
      ['update', file, name, '-s', 'done'],
      ['update', file, '2.1', '-s', name],
      ['update', file, '2.1', '-s', 'done', '--by', name],
      ['update', file, '1.1', '--actual', `${name}=1`],
      ['update', file, '--report', name, '--submitted', '2020-06-20'],
      ['validate', file, '--rule', `${name}=off`],
      ['status', file, '-f', name],
      ['status', file, '--lang', name],
      ['init', join(d, 'n.yaml'), '--template', name],
      [name],
    ];
    for (const args of attempts) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/internal error/);
    }
    expect(readFileSync(file, 'utf8')).toBe(HISTORY_TEXT);
    // In the plan itself: a status or a weekday alias so named is no status and no weekday.
    const odd = await cli(['validate', '-f', 'json', '-'], { input: HISTORY_TEXT.replace('status: cancelled', `status: "${name}"`).replace('reports:\n', `reports:\n  - {id: w, title: 周报, every: "${name}"}\n`) });
    expect(odd.code).toBe(1);
    expect(JSON.parse(odd.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('schema');
  });
});

describe('plan text cannot take over an output', () => {
  const hostile = (title: string) => HISTORY_TEXT.replace('title: 道路交通隐患排查', `title: ${JSON.stringify(title)}`);

  it('CSV: a cell with a line break is quoted, whichever break; formulas after spaces, breaks and in full width are neutralised', async () => {
    for (const [title, shown] of [
      ['第一行\n=cmd|"/c calc"!A1', '第一行\n=cmd|"/c calc"!A1'],
      ['a\rb', 'a\rb'],
      ['  =1+1', "'  =1+1"],
      ['\n@SUM(A1)', "'\n@SUM(A1)"],
      ['＝HYPERLINK("x")', `'＝HYPERLINK("x")`],
      ['－1', "'－1"],
    ] as const) {
      const csv = (await cli(['export', planIn(dir(), hostile(title)), '--as-of', '2020-06-21'])).stdout;
      const rows: string[][] = parseCsv(csv, { bom: true });
      expect(rows).toHaveLength(11);
      expect(rows.find((r) => r[0] === '2.1')![3], JSON.stringify(title)).toBe(shown);
    }
  });

  it('ICS: every text escaped, the calendar name too; no bare CR or LF; 9999-12-31 has a valid DTEND', async () => {
    const text = HISTORY_TEXT.replace('title: 测试乡2020年“安全生产月”活动方案', 'title: "乡\\r\\nBEGIN:VEVENT\\r\\nUID:evil"')
      .replace('title: 道路交通隐患排查', 'title: "a\\rEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:x"')
      .replace('    due: 2020-06-29', '    due: 9999-12-31');
    const r = await cli(['export', planIn(dir(), text), '-f', 'ics', '--as-of', '2020-06-21']);
    const lines = r.stdout.split('\r\n');
    expect(lines.filter((l) => /\r|\n/.test(l))).toEqual([]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(11);
    const cal = new ICAL.Component(ICAL.parse(r.stdout));
    expect(String(cal.getFirstPropertyValue('x-wr-calname'))).toBe('乡\nBEGIN:VEVENT\nUID:evil');
    const last = cal.getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('summary')).startsWith('【Due】3 '))!;
    const [start, end] = [last.getFirstPropertyValue('dtstart') as ICAL.Time, last.getFirstPropertyValue('dtend') as ICAL.Time];
    expect(end.compare(start)).toBe(1);
    expect(end.year).toBe(9999);
  });

  it('terminal: control characters and bidi overrides in plan text are shown escaped, colour or not', async () => {
    const file = planIn(dir(), hostile('\u001b[2J\u001b[31m清屏\u0007\u009b31m\u202e反向'));
    for (const env of [{}, { NO_COLOR: undefined, FORCE_COLOR: '1' }]) {
      const out = (await cli(['weekly', file, '--week', '2020-W25'], { env })).stdout;
      expect(out).toContain('\\x1b[2J\\x1b[31m清屏\\x07\\x9b31m\\u202e反向');
      for (const raw of ['\u001b[2J', '\u0007', '\u009b', '\u202e']) expect(out).not.toContain(raw);
    }
    const findings = (await cli(['validate', planIn(dir(), HISTORY_TEXT.replace('title: 道路交通隐患排查', 'title: "\\e[31m“道路"'))])).stdout;
    expect(findings).toContain('\\x1b[31m');
    expect(findings).not.toContain('\u001b[31m');
  });

  it('XLSX: a text longer than a cell holds is cut with a visible marker and a note, quickly', async () => {
    const file = planIn(dir(), hostile('长'.repeat(1_000_000)));
    const out = join(dir(), 'e.xlsx');
    const started = Date.now();
    expect((await cli(['export', file, '-f', 'xlsx', '-o', out, '--lang', 'zh'])).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.worksheets[0]!.getRows(1, 20)!.find((r) => r.getCell(1).value === '2.1')!.getCell(4);
    const value = String(cell.value);
    expect(value.length).toBeLessThanOrEqual(32_767);
    expect(value.endsWith('……（内容过长，以下从略）')).toBe(true);
    expect(String(cell.note)).toContain('1000000');
  });
});

describe('no input hangs or crashes', () => {
  it('a UTF-32 plan gets its own message', async () => {
    const file = join(dir(), 'p.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('v\u0000\u0000\u0000:\u0000\u0000\u0000', 'latin1')]));
    const r = await cli(['validate', file]);
    expect([r.code, r.stderr]).toEqual([2, `campaign: ${file}: the file is in UTF-32; save it as UTF-8 and try again\n`]);
  });

  it('a plan too large for this process is refused with one line, never a crash', () => {
    const d = dir();
    const file = planIn(d, HISTORY_TEXT + `guidance: ${'长'.repeat(3_000_000)}\n`);
    const r = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', NODE_OPTIONS: '--max-old-space-size=120' } });
    expect(r.status).toBe(2);
    // 9,000,000 bytes and more: 8.6 MB of 1,024 × 1,024 bytes (not the 10 "MB" of a million bytes, rounded up, it once said).
    const size = statSync(file).size;
    expect(r.stderr).toMatch(new RegExp(`^campaign: .* is ${Math.ceil((size / MB) * 10) / 10} MB, more than this process can read safely \\(\\d(\\.\\d)? MB\\); give Node more memory, e\\.g\\. NODE_OPTIONS=--max-old-space-size=${Math.ceil((size * 30) / MB)}\n$`));
  });

  it('100,000 sibling tasks with a finding on each validate in seconds', async () => {
    const tasks = Array.from({ length: 100_000 }, (_, i) => `  - {id: "${i + 1}", title: 任务, lead: [nobody]}`).join('\n');
    const text = `version: 1\ntitle: 测试乡2020年活动方案\norganizer: 测试乡\nyear: 2020\nperiod: {start: 2020-06-01, end: 2020-06-30}\nunits: [{id: p, name: 派出所}]\ntasks:\n${tasks}\n`;
    const started = Date.now();
    const r = await cli(['validate', '-f', 'json', '-'], { input: text });
    expect(Date.now() - started).toBeLessThan(20_000);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(100_000);
    const last = text.split('\n')[100_006]!;
    expect(out.findings[99_999]).toMatchObject({ line: 100_007, column: last.indexOf('nobody') + 1, rule: 'ref/unit' });
  }, 60_000);
});

describe('the county roll-up isolates each plan', () => {
  const WORKER = new URL('./fixtures/pool/misbehaving-worker.mjs', import.meta.url);
  const job = (files: string[]) => ({ files, asOf: '2020-06-21', lang: 'en' as const });

  it('a plan that hangs, throws or runs out of memory, or a file that cannot be read, is a row with its reason; every other plan appears', async () => {
    const folder = dir();
    const names = ['a.yaml', 'hang.yaml', 'b.yaml', 'throw.yaml', 'c.yaml', 'oom.yaml', 'missing.yaml', 'd.yaml'];
    for (const name of names) if (name !== 'missing.yaml') writeFileSync(join(folder, name), 'version: 1\n');
    const rows = await summariseAll(job(names.map((n) => join(folder, n))), { timeoutMs: 1_500, workerHeapMb: 64 }, undefined, WORKER);
    expect(rows.map((r) => [r.file.slice(folder.length + 1), r.failure ?? 'ok', r.failedOn ?? '-'])).toEqual([
      ['a.yaml', 'ok', '-'],
      ['hang.yaml', 'took longer than 2 s and was stopped (CAMPAIGN_PLAN_TIMEOUT_MS sets the limit)', 'plan'],
      ['b.yaml', 'ok', '-'],
      ['throw.yaml', 'could not be read: boom', 'plan'],
      ['c.yaml', 'ok', '-'],
      ['oom.yaml', expect.stringMatching(/^could not be read: .*memory/i), 'plan'],
      ['missing.yaml', expect.stringMatching(/missing\.yaml/), 'io'],
      ['d.yaml', 'ok', '-'],
    ]);
  }, 30_000);

  it('a per-plan limit past what a timer can wait (CAMPAIGN_PLAN_TIMEOUT_MS=1e12) is no limit, not an instant timeout', async () => {
    const folder = dir();
    const names = ['a.yaml', 'b.yaml'];
    for (const name of names) writeFileSync(join(folder, name), 'version: 1\n');
    const rows = await summariseAll(job(names.map((n) => join(folder, n))), { timeoutMs: 1e12, workerHeapMb: 64 }, undefined, WORKER);
    expect(rows.map((r) => r.failure ?? 'ok')).toEqual(['ok', 'ok']);
  });

  it('a damaged or foreign cache entry is ignored, then replaced; the folder is 0700; a symlink is never written through', () => {
    const cache = join(dir(), 'cache');
    const good = { file: 'x.yaml', organizer: null, title: null, period: null, lastUpdate: null, errors: 0, warnings: 0, units: [],
      counts: { done: 0, in_progress: 0, planned: 0, blocked: 0, cancelled: 0, overdue: 0, tasks: 0, completion: null } };
    cachePut(cache, 'k', good);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(cacheGet(cache, 'k', isPlanSummary)).toEqual(good);
    for (const bad of ['{}', '[]', '{"file": 1}', 'not json', JSON.stringify({ ...good, counts: { tasks: -1 } })]) {
      writeFileSync(join(cache, 'k.json'), bad);
      expect(cacheGet(cache, 'k', isPlanSummary), bad).toBeUndefined();
    }
    cachePut(cache, 'k', good);
    expect(cacheGet(cache, 'k', isPlanSummary)).toEqual(good);
    const outside = join(dir(), 'victim.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(cache, 's.json'));
    cachePut(cache, 's', good);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(lstatSync(join(cache, 's.json')).isFile()).toBe(true);
    expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(cache, 's.json'))).toBe(true);
  });
});
