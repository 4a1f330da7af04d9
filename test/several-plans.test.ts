// Several plans in one CSV or one workbook: CSV has each table once — one header row, the plan's file in a
// first column, every plan's rows under it, no blank row between plans; a workbook has a sheet per plan,
// named after it (within Excel's 31 characters, without []:*?/\, unique).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { ROOT } from './helpers/run.js';

const A = 'examples/tongzhong-2020.yaml';
const B = 'examples/shifan-2025.yaml';
const C = 'test/fixtures/tracking/history.yaml';
const AS_OF = ['--as-of', '2020-06-21'];

const csv = async (...args: string[]): Promise<string[][]> => {
  const r = await cli([...args, '-f', 'csv', ...AS_OF], { cwd: ROOT });
  expect(r.code, r.stderr).toBeLessThan(2);
  return parseCsv(r.stdout, { bom: true, relax_column_count: true }) as string[][];
};

/** The tables of a CSV: runs of rows between blank ones. */
const blocks = (rows: string[][]): string[][][] => {
  const out: string[][][] = [[]];
  for (const r of rows) {
    if (r.length === 1 && r[0] === '') out.push([]);
    else out.at(-1)!.push(r);
  }
  return out.filter((b) => b.length);
};

describe('CSV of several plans', () => {
  it('export: one header row, the plan\'s file first, every plan\'s rows as each alone gives them, no blank row', async () => {
    const all = await csv('export', A, B, C);
    const alone = await Promise.all([A, B, C].map((f) => csv('export', f)));
    expect(all[0]).toEqual(['File', ...alone[0]![0]!]);
    expect(all.slice(1)).toEqual([A, B, C].flatMap((f, i) => alone[i]!.slice(1).map((r) => [f, ...r])));
    expect(all.filter((r) => r.every((c) => c === ''))).toEqual([]);
    expect(all.filter((r) => r[0] === 'File')).toHaveLength(1);
    // In Chinese too: 文件, as the roll-up names its file column.
    expect((await csv('export', A, B, '--lang', 'zh'))[0]!.slice(0, 3)).toEqual(['文件', '编号', '上级编号']);
  });

  it('status: a table of the plans (title, header fields, notes), then each table once with every plan\'s rows', async () => {
    const all = blocks(await csv('status', A, B, C));
    expect(all[0]).toEqual([
      ['File', 'Title', 'As of', 'Completion', 'Notes'],
      [A, '铜钟乡2020年“安全生产月”活动方案 — Status', '2020-06-21', '14.3%', 'the activity period ended on 2019-06-30; these figures are as of 2020-06-21'],
      [B, '示范乡2025年“安全生产月”活动方案 — Status', '2020-06-21', '0%', 'the activity period starts on 2025-06-01: as of 2020-06-21 nothing of it has happened yet'],
      [C, '测试乡2020年“安全生产月”活动方案 — Status', '2020-06-21', '25%', ''],
    ]);
    const headings = all.slice(1).map((b) => b[0]![0]);
    expect(headings).toEqual(['Overall', 'By unit', 'Overdue tasks', 'Tasks done late', 'Targets', 'Reports']);
    // Every table: its heading, one header row starting with File, then rows of the plans in order.
    for (const b of all.slice(1)) {
      expect(b[1]![0]).toBe('File');
      expect(b.slice(2).filter((r) => r[0] === 'File')).toEqual([]);
      const files = b.slice(2).map((r) => r[0]);
      expect(files).toEqual([...files].sort((x, y) => [A, B, C].indexOf(x!) - [A, B, C].indexOf(y!)));
    }
    const overall = all.find((b) => b[0]![0] === 'Overall')!;
    expect(overall.slice(2).map((r) => [r[0], r[1]])).toEqual([[A, '14'], [B, '4'], [C, '8']]);
    // A plan's rows are those its own CSV has.
    const byUnit = all.find((b) => b[0]![0] === 'By unit')!;
    const aloneC = blocks(await csv('status', C)).find((b) => b[0]![0] === 'By unit')!;
    expect(byUnit.slice(2).filter((r) => r[0] === C).map((r) => r.slice(1))).toEqual(aloneC.slice(2));
  });

  it('weekly and report: no blank row inside a table, and never two in a row', async () => {
    for (const kind of ['weekly', 'report']) {
      const rows = await csv(kind, A, B, C);
      const blank = rows.map((r, i) => (r.length === 1 && r[0] === '' ? i : -1)).filter((i) => i >= 0);
      // A blank row only before a table's heading.
      for (const i of blank) {
        expect(rows[i + 1]!.length, `${kind} row ${i + 2}`).toBe(1);
        expect(rows[i + 2]![0], `${kind} row ${i + 3}`).toBe('File');
      }
      expect(rows.filter((r) => r[0] === 'File').length).toBe(blank.length + 1);
    }
  });

  it('one plan is as before: no plan column', async () => {
    expect((await csv('export', A))[0]![0]).toBe('Id');
    expect((await csv('status', A))[0]).toEqual(['铜钟乡2020年“安全生产月”活动方案 — Status']);
  });
});

async function sheets(args: string[]): Promise<ExcelJS.Worksheet[]> {
  const out = join(mkdtempSync(join(tmpdir(), 'several-')), 'out.xlsx');
  const r = await cli([...args, ...AS_OF, '-f', 'xlsx', '-o', out], { cwd: ROOT });
  expect(r.code, r.stderr).toBeLessThan(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb.worksheets;
}

describe('XLSX of several plans', () => {
  it('export: a sheet per plan named after it, each a list from its first row', async () => {
    const ws = await sheets(['export', A, B, C]);
    expect(ws.map((w) => w.name)).toEqual(['铜钟乡2020年“安全生产月”活动方案', '示范乡2025年“安全生产月”活动方案', '测试乡2020年“安全生产月”活动方案']);
    for (const w of ws) {
      expect(w.getRow(1).getCell(1).value).toBe('Id');
      expect(w.autoFilter).toBeDefined();
      expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const alone = await sheets(['export', C]);
    expect(alone.map((w) => w.name)).toEqual(['Tasks']);
    expect(ws[2]!.rowCount).toBe(alone[0]!.rowCount);
  });

  it('status and weekly: a form per plan, its sheet named after the plan', async () => {
    for (const kind of ['status', 'weekly']) {
      const ws = await sheets([kind, A, B]);
      expect(ws.map((w) => w.name)).toEqual(['铜钟乡2020年“安全生产月”活动方案', '示范乡2025年“安全生产月”活动方案']);
    }
  });

  it('a name Excel takes: forbidden characters replaced, 31 characters at most, unique; a plan without a title by its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    const text = readFileSync(join(ROOT, C), 'utf8');
    const long = '测试乡[2020]年：“安全*生产?月”活动/方案\\附件一 关于进一步做好安全生产工作的实施方案';
    writeFileSync(join(dir, 'one.yaml'), text.replace(/^title: .*$/m, `title: "${long.replace(/\\/g, '\\\\')}"`));
    writeFileSync(join(dir, 'two.yaml'), text.replace(/^title: .*$/m, `title: "${long.replace(/\\/g, '\\\\')}"`));
    writeFileSync(join(dir, 'untitled-plan.yaml'), text.replace(/^title: .*$/m, 'title: ""'));
    const ws = await sheets(['export', join(dir, 'one.yaml'), join(dir, 'two.yaml'), join(dir, 'untitled-plan.yaml')]);
    const names = ws.map((w) => w.name);
    expect(names[0]).toBe('测试乡 2020 年：“安全 生产 月”活动 方案 附件一 关');
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    expect(names[1]).toMatch(/ 2$/);
    expect(names[2]).toBe('untitled-plan');
  });
});
