// The round trip with the units: `campaign sheets` writes each unit's fill-in sheet, units fill it in (here
// with exceljs, as a spreadsheet would), `campaign collect` checks every filled cell and records the right
// rows in the plan — comments and layout kept, nothing counted twice.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { lintText } from './helpers/lint.js';

const HISTORY = new URL('./fixtures/tracking/history.yaml', import.meta.url).pathname;
let dir: string;
let plan: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-sheets-'));
  plan = join(dir, 'plan.yaml');
  copyFileSync(HISTORY, plan);
});

const sheets = (...args: string[]) => cli(['sheets', plan, '--week', '2020-W25', '-o', join(dir, 'out'), '--lang', 'zh', ...args]);
const collect = (...args: string[]) => cli(['collect', plan, ...args, '--as-of', '2020-06-19', '--lang', 'zh']);
const sheetOf = (unit: string, ext = 'xlsx') => join(dir, 'out', `2020-W25-${unit}.${ext}`);

/** Fills cells of a returned workbook as a unit would: `G7` = value (a Date for a date cell). */
async function fill(file: string, cells: Record<string, string | number | Date>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  await wb.xlsx.writeFile(file);
}
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('campaign sheets', () => {
  it('writes one workbook per unit with a task, named by week and unit, and never over a file that is there', async () => {
    const r = await sheets();
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['2020-W25-市场所.xlsx', '2020-W25-教育站.xlsx', '2020-W25-派出所.xlsx']);
    expect(r.stdout).toContain('2020-W25-派出所.xlsx：派出所，4 项任务'); // leads 1.1, 2.1, 2.4; supports 1.2
    // A sheet already there is left alone, and said; the others are still written.
    rmSync(sheetOf('教育站'));
    const again = await sheets();
    expect([again.code, again.stderr]).toEqual([2, ['派出所', '市场所'].map((u) => `campaign: ${sheetOf(u)} 已存在，未覆盖（可能已有单位填写的内容）；换个文件夹，或加 --force\n`).join('')]);
    expect(again.stdout).toBe(`${sheetOf('教育站')}：教育站，2 项任务\n`);
    expect((await sheets('--force')).code).toBe(0);
  });

  it('--unit takes an id or a name, and refuses one that is not a unit with the nearest id', async () => {
    expect((await sheets('--unit', '派出所')).stdout.trim().split('\n')).toHaveLength(1);
    const bad = await sheets('--unit', 'polise');
    expect([bad.code, bad.stderr]).toEqual([2, 'campaign: --unit “polise”不是方案中的单位；是否指“police”（派出所）？\n']);
  });

  it('lists every leaf task of the unit with its role, shades and locks the plan\'s columns, and checks what is typed', async () => {
    await sheets('--unit', 'police');
    const zip = await JSZip.loadAsync(readFileSync(sheetOf('派出所')));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    // Protected, with the fill-in cells unlocked; the hidden sheet that matches it back.
    expect(sheet).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(await zip.file('xl/styles.xml')!.async('string')).toMatch(/<protection locked="0"\/>/);
    expect(workbook).toMatch(/<sheet [^>]*name="_campaign"[^>]*state="veryHidden"/);
    // A drop-down of the statuses, a whole number 0–100, a date within the week.
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="I6:I9"><formula1>&quot;未开始,进行中,已完成,受阻,已取消&quot;<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation type="whole"[^>]*sqref="J6:J9"><formula1>0<\/formula1><formula2>100<\/formula2>/);
    // 2020-06-15 and 2020-06-21 as spreadsheet day numbers.
    expect(sheet).toMatch(/<dataValidation type="date"[^>]*sqref="M6:M9"><formula1>43997<\/formula1><formula2>44003<\/formula2>/);
    // One A4 landscape page.
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    for (const text of ['填报单位：派出所', '周次：第3周（6月15日—6月21日）', '报送期限：2020-06-19前', '主题宣讲进企业', '安全知识进校园', '配合', '牵头', '本周进展', '存在问题', '下步计划', '填报人']) {
      expect(strings).toContain(text);
    }
  });

  it('follows the plan\'s reporting week: Friday to Thursday, named by the ISO week it ends in', async () => {
    writeFileSync(plan, readFileSync(HISTORY, 'utf8').replace('units:\n', 'reporting: {weekStarts: friday}\nunits:\n'));
    await sheets('--unit', 'police', '-f', 'csv');
    const rows: string[][] = parseCsv(readFileSync(sheetOf('派出所', 'csv'), 'utf8'), { bom: true, relax_column_count: true });
    expect(rows.filter((r) => ['#week', '#from', '#to'].includes(r[0]!))).toEqual([['#week', '2020-W25'], ['#from', '2020-06-12'], ['#to', '2020-06-18']]);
  });

  it('writes CSV too: the match lines first, then the table', async () => {
    // As of mid-week: each task as its log has it on that day.
    await sheets('-f', 'csv', '--unit', 'market', '--as-of', '2020-06-17');
    const rows: string[][] = parseCsv(readFileSync(sheetOf('市场所', 'csv'), 'utf8'), { bom: true, relax_column_count: true });
    expect(rows[0]).toEqual(['#format', 'campaign-sheet/2']);
    const header = rows.findIndex((r) => r[0] === '编号');
    expect(rows.slice(header + 1).map((r) => [r[0], r[2], r[4], r[5], r[6]])).toEqual([['1.3', '牵头', '受阻', '10%', '方案已拟定'], ['2.2', '牵头', '进行中', '40%', '检查餐饮场所12家']]);
  });
});

describe('campaign collect', () => {
  it('records the right rows in one edit that keeps every other line, and says which rows were taken', async () => {
    await sheets();
    // Rows 6–9: 1.1, 1.2 (supported), 2.1, 2.4.
    await fill(sheetOf('派出所'), { H6: '宣讲回头看1场', I6: '已完成', M6: day('2020-06-18'), H8: '排查路段5处', I8: '进行中', J8: 60, K8: '缺少警示牌', L8: '协调交管站', M8: day('2020-06-19') });
    const before = readFileSync(plan, 'utf8');
    const r = await collect(join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${sheetOf('派出所')}：采用第 6、8 行（任务 1.1、2.1）`);
    expect(r.stdout).toContain(`已将 2 条进展写入 ${plan}`);
    const after = readFileSync(plan, 'utf8');
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(added).toEqual(expect.arrayContaining([
      '          - {date: 2020-06-18, status: done, progress: 100, note: 宣讲回头看1场, by: police}',
    ]));
    expect(after).toMatch(/date: 2020-06-19, status: in_progress, progress: 60, note: 排查路段5处, problems: 缺少警示牌, next: 协调交管站, by: police/);
    // Every line of the plan that was there is still there (comments included).
    for (const line of before.split('\n')) expect(after).toContain(line);
    expect(lintText(after, { asOf: '2020-06-19' }).filter((p) => p.severity === 'error')).toEqual([]);
    // Collecting the same sheets again adds nothing.
    const again = await collect(join(dir, 'out'));
    expect(again.stdout).toContain(`${sheetOf('派出所')}：第 6、8 行已收录过，未重复记录`);
    expect(readFileSync(plan, 'utf8')).toBe(after);
  });

  it('writes a task kept on one line out in block style, its entry one line beneath it, and leaves the others alone', async () => {
    writeFileSync(plan, [
      'version: 1', 'title: 测试乡2020年“安全生产月”活动方案', 'organizer: 测试乡', 'year: 2020', 'period: {start: 2020-06-01, end: 2020-06-30}',
      'units:', '  - {id: police, name: 派出所}', 'tasks:', '  # 宣传',
      '  - {id: "1", title: 主题宣讲, lead: [police], due: 2020-06-19}   # 派出所负责', '  - {id: "2", title: 隐患排查, lead: [police], due: 2020-06-26}', '',
    ].join('\n'));
    await sheets();
    await fill(sheetOf('派出所'), { H6: '宣讲2场', J6: 50, M6: day('2020-06-17') });
    expect((await collect(join(dir, 'out'))).code).toBe(0);
    expect(readFileSync(plan, 'utf8').split('\n').slice(8)).toEqual([
      '  # 宣传',
      '  - id: "1"   # 派出所负责',
      '    title: 主题宣讲',
      '    lead: [police]',
      '    due: 2020-06-19',
      '    updates:',
      '      - {date: 2020-06-17, progress: 50, note: 宣讲2场, by: police}',
      '    status: in_progress',
      '    progress: 50',
      '  - {id: "2", title: 隐患排查, lead: [police], due: 2020-06-26}',
      '',
    ]);
  });

  it('names every wrong cell by file and cell, with the rule, and takes nothing from that sheet (exit 1)', async () => {
    await sheets();
    // Rows 6–9: 1.1 (police's, done since June 10), 1.2 (edu's at 50 %; police supports it, and said 80 % on June 17), 2.1, 2.4.
    // Progress is checked against the unit's own last figure: 30 on 1.1 and on 1.2 are both falls.
    await fill(sheetOf('派出所'), {
      I6: '差不多了', J6: 30, J7: 30, J8: '120', M8: '2020-06-31', A9: '1.9', H9: '检查2家', M9: day('2020-06-28'),
    });
    const r = await collect(join(dir, 'out'), '-f', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`)).toEqual([
      '填报!I6 sheet/status', '填报!J6 sheet/progress-down', '填报!J7 sheet/progress-down', '填报!J8 sheet/progress', '填报!M8 sheet/date', '填报!A9 sheet/edited', '填报!M9 sheet/date-week',
    ]);
    expect(out.findings[0]).toMatchObject({ file: sheetOf('派出所'), row: 6, severity: 'error', message: '状态“差不多了”无效，应为 未开始、进行中、已完成、受阻、已取消 之一' });
    expect([out.taken, out.written]).toEqual([[], false]);
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync(HISTORY, 'utf8'));
  });

  it('--partial takes the right rows of a sheet with errors; --dry-run prints the diff and writes nothing', async () => {
    await sheets();
    await fill(sheetOf('市场所'), { I6: '已取消了', H7: '复查餐饮场所12家', J7: 80, M7: day('2020-06-19') });
    const dry = await collect(join(dir, 'out'), '--partial', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/\+\s+- \{date: 2020-06-19, progress: 80, note: 复查餐饮场所12家, by: market\}/);
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync(HISTORY, 'utf8'));
    const partial = await collect(join(dir, 'out'), '--partial');
    expect(partial.stdout).toContain(`${sheetOf('市场所')}：采用第 7 行（任务 2.2）`);
    expect(partial.stdout).toContain(`${sheetOf('市场所')}：第 6 行有错误，未采用`);
  });

  it('refuses a sheet of another plan, and a row whose task changed since the sheet was made', async () => {
    await sheets();
    await fill(sheetOf('教育站'), { H7: '完成总结初稿', M7: day('2020-06-19') });
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('title: 活动总结\n', 'title: 活动总结及表彰\n'));
    const stale = await collect(sheetOf('教育站'));
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('填报!B7');
    expect(stale.stdout).toContain('任务 3 在填报表生成后已修改（现为“活动总结及表彰”），请用新的填报表重填本行');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('title: 测试乡2020年“安全生产月”活动方案', 'title: 白河乡2020年“安全生产月”活动方案'));
    const other = await collect(sheetOf('教育站'));
    expect(other.stdout).toContain('是另一个方案的填报表（“测试乡2020年‘安全生产月’活动方案”），不是“白河乡2020年‘安全生产月’活动方案”');
  });

  it('reads a CSV sheet filled in and saved by a spreadsheet', async () => {
    await sheets('-f', 'csv', '--unit', 'market');
    const file = sheetOf('市场所', 'csv');
    const rows: string[][] = parseCsv(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
    const at = rows.findIndex((r) => r[0] === '2.2');
    rows[at]![7] = '复查完毕';
    rows[at]![8] = '已完成';
    rows[at]![12] = '2020/6/19';
    writeFileSync(file, `\uFEFF${stringify(rows)}`);
    const r = await collect(file);
    expect(r.code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain('- {date: 2020-06-19, status: done, progress: 100, note: 复查完毕, by: market}');
  });

  it('says a file is not a sheet, and that a folder holds none (exit 2)', async () => {
    const other = join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['x']);
    await wb.xlsx.writeFile(other);
    const r = await collect(other);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('不是 campaign sheets 生成的填报表');
    const none = await collect(join(dir, 'nothing'));
    expect(none.code).toBe(2);
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});
