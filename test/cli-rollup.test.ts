// Many plans: validate and status over folders and globs, and the county roll-up.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
// @ts-expect-error — the bench's generator is plain JavaScript
import { generateCounty, generatePlan } from '../bench/generate.mjs';
import { cli } from './helpers/in-process.js';
import { threadsFor } from '../src/rollup/pool.js';

function county(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-county-'));
  generateCounty(dir, n, 20);
  return dir;
}

describe('several plans at once', () => {
  it('validate takes folders and globs; one unreadable file is reported and the rest checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-many-'));
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `plan-00${i}.yaml`), generatePlan(20, { seed: i + 1 }));
    writeFileSync(join(dir, 'broken.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(join(dir, 'late.yaml'), generatePlan(5, { done: 0 }));
    const r = await cli(['validate', '--format', 'json', '--as-of', '2020-06-30', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml: is not a text file/);
    const files = new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file));
    expect([...files]).toEqual([join(dir, 'late.yaml')]);
    const g = await cli(['validate', '--format', 'json', '--as-of', '2020-06-30', join(dir, 'plan-*.yaml')]);
    expect([g.code, JSON.parse(g.stdout).findings]).toEqual([0, []]);
  });

  it('status of several plans: a list in JSON', async () => {
    const dir = county(2);
    const r = await cli(['status', '--format', 'json', '--as-of', '2020-06-30', dir]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((s: { file: string; overall: { tasks: number } }) => [s.file, s.overall.tasks])).toEqual([
      [join(dir, 'plan-000.yaml'), 20], [join(dir, 'plan-001.yaml'), 20],
    ]);
  });
});

describe('campaign rollup', () => {
  it('uses a worker per core but one, and one for a few plans', () => {
    expect([threadsFor(500, 2), threadsFor(500, 1), threadsFor(500, 8), threadsFor(100, 8), threadsFor(20, 8), threadsFor(3, 8)]).toEqual([1, 1, 7, 6, 1, 1]);
  });

  it('one row per plan, lowest completion first, totals, units merged by name; a broken plan is a row', async () => {
    const dir = county(4);
    writeFileSync(join(dir, 'z-broken.yaml'), 'version: 1\ntasks: [\n');
    // Another township calls its market unit 市场监管所: it counts with the others' 市场所.
    const renamed = readFileSync(join(dir, 'plan-001.yaml'), 'utf8').replace('name: 市场所', 'name: 市场监管所');
    writeFileSync(join(dir, 'plan-001.yaml'), renamed);
    const r = await cli(['rollup', dir, '--as-of', '2020-06-30', '--format', 'json'], { env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'cache-')) } });
    expect(r.code).toBe(1); // a plan could not be read
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['schemaVersion', 'asOf', 'plans', 'totals', 'units']);
    expect(Object.keys(j.plans[1])).toEqual(['file', 'organizer', 'title', 'period', 'tasks', 'done', 'in_progress', 'blocked', 'overdue', 'completion', 'lastUpdate', 'errors', 'warnings']);
    expect(j.plans[0]).toMatchObject({ file: join(dir, 'z-broken.yaml'), error: expect.stringMatching(/^3:1 YAML syntax error/) });
    const completions = j.plans.slice(1).map((p: { completion: number }) => p.completion);
    expect(completions).toEqual([...completions].sort((a, b) => a - b));
    expect(j.totals.tasks).toBe(80);
    expect(j.totals.done).toBe(j.plans.reduce((s: number, p: { done: number }) => s + p.done, 0));
    expect(j.totals).toMatchObject({ plans: 5, unreadable: 1 });
    const market = j.units.find((u: { name: string }) => u.name === '市场所');
    expect(market.plans).toBeGreaterThanOrEqual(2);
    expect(j.units.some((u: { name: string }) => u.name === '市场监管所')).toBe(false);
    expect(j.units.reduce((s: number, u: { tasks: number }) => s + u.tasks, 0)).toBe(80);
  });

  it('caches per-plan results by content: a changed plan is read again', async () => {
    const dir = county(3);
    const cache = mkdtempSync(join(tmpdir(), 'cache-'));
    const env = { XDG_CACHE_HOME: cache };
    const first = (await cli(['rollup', dir, '--as-of', '2020-06-30', '-f', 'json'], { env })).stdout;
    expect(readdirSync(join(cache, 'campaign', 'rollup'))).toHaveLength(3);
    expect((await cli(['rollup', dir, '--as-of', '2020-06-30', '-f', 'json'], { env })).stdout).toBe(first);
    writeFileSync(join(dir, 'plan-000.yaml'), generatePlan(20, { done: 0, organizer: '铜钟乡' }));
    const after = JSON.parse((await cli(['rollup', dir, '--as-of', '2020-06-30', '-f', 'json'], { env })).stdout);
    expect(after.plans[0]).toMatchObject({ organizer: '铜钟乡', done: 0 });
    expect(readdirSync(join(cache, 'campaign', 'rollup'))).toHaveLength(4);
  });

  it('every format: table, CSV, XLSX, HTML', async () => {
    const dir = county(3);
    const t = await cli(['rollup', dir, '--as-of', '2020-06-30', '--lang', 'zh', '--no-cache']);
    expect(t.stdout).toContain('全县汇总（截至 2020-06-30）');
    expect(t.stdout).toMatch(/│\s+合计\s+│/);
    const rows: string[][] = parseCsv((await cli(['rollup', dir, '--as-of', '2020-06-30', '-f', 'csv', '--lang', 'zh'])).stdout, { bom: true, relax_column_count: true });
    expect(rows.find((r) => r[0] === '序号')).toBeDefined();
    const out = join(dir, 'county.xlsx');
    expect((await cli(['rollup', dir, '--as-of', '2020-06-30', '-f', 'xlsx', '-o', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['County roll-up']);
    const html = (await cli(['rollup', dir, '--as-of', '2020-06-30', '-f', 'html'])).stdout;
    expect(html).toContain('<svg');
    const none = await cli(['rollup', join(dir, 'nothing-*.yaml'), '-f', 'json']);
    // A file that is not there is an I/O problem (exit 2), as for every command.
    expect([none.code, JSON.parse(none.stdout).plans[0].error]).toEqual([2, `${join(dir, 'nothing-*.yaml')}: no such file`]);
  });
});
