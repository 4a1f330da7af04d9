// The report pipeline: the registry of kinds and formats, and the defects found by using every command —
// each test here failed before the pipeline was one shape.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../src/formats/index.js';
import { KINDS } from '../src/reports/index.js';
import type { ReportKind } from '../src/reports/kind.js';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';
import { onePlan } from './helpers/json.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-pipe-'));
const HISTORY_TEXT = readFileSync(HISTORY, 'utf8');

function planFile(text: string): string {
  const file = join(tmp(), 'p.yaml');
  writeFileSync(file, text);
  return file;
}

async function kinds(): Promise<ReportKind[]> {
  return Promise.all(Object.values(KINDS).map(async (load) => (await load()).default));
}

describe('the registry of report kinds', () => {
  it('every kind offers only registered formats, and ics exactly when its data has dated events', async () => {
    for (const kind of await kinds()) {
      for (const f of kind.formats) expect(Object.keys(FORMATS), `${kind.name}: ${f}`).toContain(f);
      expect(kind.formats.includes('ics'), kind.name).toBe(kind.calendar !== undefined);
    }
  });

  it("-f's help lists exactly the kind's formats, default first; any other format is refused with the list", async () => {
    for (const kind of await kinds()) {
      const help = (await cli([kind.name, '--help'], { env: { COLUMNS: '400' } })).stdout.replace(/\s+/g, ' ');
      const listed = [...help.matchAll(/\b(table|md|csv|json|html|xlsx|docx|ics|text) \(/g)].map((m) => m[1]);
      expect(listed, kind.name).toEqual(kind.formats);
      expect(help).toContain(`${kind.formats[0]} (`);
      const r = await cli([kind.name, HISTORY, '-f', 'pdf']);
      expect([r.code, r.stderr]).toEqual([2, `campaign: --format "pdf": use one of ${kind.formats.join(', ')}\n`]);
    }
  });

  it('ics works for every kind whose data has dated events', async () => {
    for (const kind of await kinds()) {
      if (!kind.calendar) continue;
      const r = await cli([kind.name, HISTORY, '-f', 'ics', '--as-of', '2020-06-21']);
      expect(r.code, kind.name).toBe(0);
      const events = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent');
      expect(events.length, kind.name).toBeGreaterThan(0);
      const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
      expect(new Set(uids).size).toBe(uids.length);
    }
  });

  it('several plans: one document per plan (each titled, with its file), JSON a list', async () => {
    const a = planFile(HISTORY_TEXT);
    const b = planFile(HISTORY_TEXT.replace('organizer: 测试乡', 'organizer: 另一乡'));
    const md = await cli(['weekly', a, b, '--week', '2020-W25', '-f', 'md', '--lang', 'zh']);
    expect(md.stdout.match(/^# .*进展情况周报/gm)).toHaveLength(2);
    expect(md.stdout).toContain(`- **文件**: ${a}`);
    const json = JSON.parse((await cli(['report', a, b, '--as-of', '2020-06-21', '-f', 'json'])).stdout);
    expect(json.map((r: { file: string; plan: { organizer: string } }) => [r.file, r.plan.organizer])).toEqual([[a, '测试乡'], [b, '另一乡']]);
  });
});

describe('defects found by using every command', () => {
  it('nothing after the as-of date is seen: a task done after it is not "done late" yet', async () => {
    const r = await cli(['export', HISTORY, '--as-of', '2020-06-17', '-f', 'json']);
    const t12 = onePlan(r.stdout).tasks.find((t: { id: string }) => t.id === '1.2');
    // 1.2 was due on the 16th and marked done on the 18th: as of the 17th it is simply overdue.
    expect(t12).toMatchObject({ status: 'in_progress', overdue: true, doneLate: false, doneOn: null });
    const later = onePlan((await cli(['export', HISTORY, '--as-of', '2020-06-20', '-f', 'json'])).stdout);
    expect(later.tasks.find((t: { id: string }) => t.id === '1.2')).toMatchObject({ status: 'done', overdue: false, doneLate: true, doneOn: '2020-06-18' });
    const status = (asOf: string) => cli(['status', HISTORY, '--as-of', asOf, '-f', 'md', '--lang', 'zh']);
    expect((await status('2020-06-17')).stdout).not.toContain('逾期完成');
    expect((await status('2020-06-20')).stdout).toContain('## 逾期完成任务\n\n| 编号 | 任务 | 牵头单位 | 完成时限 | 完成日期 | 逾期天数 |\n| --- | --- | --- | --- | --- | ---: |\n| 1.2 | 安全知识进校园 | 教育站 | 2020-06-16 | 2020-06-18 | 2 |\n');
  });

  it('a unit that leads no task shows "—" for completion in every format, null in JSON', async () => {
    const file = planFile(HISTORY_TEXT.replace('  - {id: county-office', '  - {id: justice, name: 司法所}\n  - {id: county-office')
      .replace('        lead: [police]\n        start: 2020-06-01', '        lead: [police]\n        support: [justice]\n        start: 2020-06-01'));
    const args = ['status', file, '--as-of', '2020-06-21', '--lang', 'zh'];
    const json = onePlan((await cli([...args, '-f', 'json'])).stdout);
    expect(json.units.find((u: { id: string }) => u.id === 'justice')).toMatchObject({ tasks: 0, support: 1, completion: null });
    expect((await cli(args)).stdout).toMatch(/│ 司法所 │\s+0 │(\s+0 │){5}\s+— │\s+1 │/);
    expect((await cli([...args, '-f', 'md'])).stdout).toContain('| 司法所 | 0 | 0 | 0 | 0 | 0 | 0 | — | 1 |');
    const csv: string[][] = parseCsv((await cli([...args, '-f', 'csv'])).stdout, { bom: true, relax_column_count: true });
    expect(csv.find((r) => r[0] === '司法所')).toEqual(['司法所', '0', '0', '0', '0', '0', '0', '—', '1']);
    expect((await cli([...args, '-f', 'html'])).stdout).toMatch(/<td>司法所<\/td>(<td class="num">0<\/td>){6}<td class="num">—<\/td>/);
    const out = join(tmp(), 's.xlsx');
    await cli([...args, '-f', 'xlsx', '-o', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === '司法所')!;
    const values = (row.values as unknown[]).filter((v, i, all) => v !== undefined && all.indexOf(v) === i);
    expect(values).toEqual(['司法所', 0, '—', 1]);
    const html = (await cli(['report', file, '--as-of', '2020-06-21', '-f', 'html', '--lang', 'zh'])).stdout;
    expect(html).toMatch(/>司法所<\/text><rect[^>]*fill="#eceff1"\/><text[^>]*>—<\/text>/);
  });

  it('a plan with validation errors: the report, one line on stderr naming the rules, exit 1', async () => {
    const file = planFile(HISTORY_TEXT.replace('start: 2020-06-01, end: 2020-06-30', 'start: 2019-06-01, end: 2019-06-30'));
    for (const cmd of ['status', 'weekly', 'report', 'export']) {
      const r = await cli([cmd, file, '--as-of', '2020-06-21']);
      expect(r.code, cmd).toBe(1);
      expect(r.stdout.length, cmd).toBeGreaterThan(100);
      expect(r.stderr).toBe(`campaign: ${file}: the plan has 1 error (date/period-year); figures may be wrong — campaign validate ${file} lists them\n`);
    }
  });

  it('an as-of date or week outside the period is said in the output', async () => {
    const after = await cli(['weekly', HISTORY, '--week', '2025-W27', '--lang', 'en']);
    expect(after.stdout).toContain('the activity period ended on 2020-06-30; these figures are as of 2025-07-06');
    const before = await cli(['status', HISTORY, '--as-of', '2020-05-20', '-f', 'md', '--lang', 'zh']);
    expect(before.stdout).toContain('> 活动时间从 2020-06-01 开始：截至 2020-05-20 尚未开始');
    const inside = await cli(['status', HISTORY, '--as-of', '2020-06-20']);
    expect(inside.stdout).not.toMatch(/activity period (ended|starts)/);
  });

  it('due next week leaves out what is done already', async () => {
    // Week 26 ends on 2020-06-28: 3 (due 06-29) and 2.4 (due 06-30) fall due the week after it.
    const done = planFile(HISTORY_TEXT.replace('          - {date: 2020-06-22, status: in_progress, progress: 20, note: 已检查2家}', '          - {date: 2020-06-22, status: done, progress: 100, note: 全部检查完}'));
    const w = onePlan((await cli(['weekly', done, '--week', '2020-W26', '-f', 'json'])).stdout);
    expect(w.dueNextWeek.map((t: { id: string }) => t.id)).toEqual(['3']);
    const open = onePlan((await cli(['weekly', HISTORY, '--week', '2020-W26', '-f', 'json'])).stdout);
    expect(open.dueNextWeek.map((t: { id: string }) => t.id)).toEqual(['2.4', '3']);
  });

  it('one rounding rule for percentages: CSV, terminal, Markdown and XLSX show the same figure', async () => {
    // 2.1 recorded at 6.666 %: every format shows 6.7 %.
    const file = planFile(HISTORY_TEXT.replace('        lead: [police]\n        due: 2020-06-18\n', '        lead: [police]\n        due: 2020-06-18\n        updates:\n          - {date: 2020-06-17, progress: 6.666}\n'));
    const rows: string[][] = parseCsv((await cli(['export', file, '--as-of', '2020-06-21'])).stdout, { bom: true });
    const csv21 = rows.find((r) => r[0] === '2.1')![9];
    expect(csv21).toBe('6.7%');
    const out = join(tmp(), 'e.xlsx');
    await cli(['export', file, '--as-of', '2020-06-21', '-f', 'xlsx', '-o', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.worksheets[0]!.getRows(1, 20)!.find((r) => r.getCell(1).value === '2.1')!.getCell(10);
    expect([cell.value, cell.numFmt]).toEqual([0.067, '0.0%']);
    const whole = wb.worksheets[0]!.getRows(1, 20)!.find((r) => r.getCell(1).value === '1.1')!.getCell(10);
    expect([whole.value, whole.numFmt]).toEqual([1, '0%']);
  });

  it('English weekly: ASCII brackets in the title, and no two columns with the same heading', async () => {
    const r = await cli(['weekly', HISTORY, '--week', '2020-W25', '--lang', 'en', '-f', 'md']);
    const title = r.stdout.split('\n')[0]!;
    expect(title).toBe('# 测试乡2020年“安全生产月”活动方案 — Weekly status, week 3 (2020-06-15 to 2020-06-21)');
    const headers = r.stdout.split('\n').filter((_, i, all) => all[i + 1]?.startsWith('|---') || all[i + 1]?.startsWith('| ---'));
    for (const h of headers) {
      const cells = h.split('|').map((c) => c.trim()).filter(Boolean);
      expect(new Set(cells).size, h).toBe(cells.length);
    }
  });
});

describe('the README', () => {
  it("lists every report command with the registry's formats, default first", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const kind of await kinds()) {
      const row = new RegExp(`^\\| \`${kind.name}\` \\|[^|]*\\| ([^|]*) \\|`, 'm').exec(readme);
      expect(row, kind.name).not.toBeNull();
      expect(row![1]!.split(', ').map((f) => f.trim()), kind.name).toEqual(kind.formats);
    }
  });
});
