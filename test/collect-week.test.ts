// A week's folder of returned sheets, as it really comes back: several units on one task, a sheet sent twice,
// last week's sheet, rows typed below the table, a sheet Excel saved as CSV (its hidden part gone, its dates
// rewritten, its text in GBK), 完成值 filled in — collected by one command, in one locked edit.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { lintText } from './helpers/lint.js';
import { HISTORY } from './helpers/plan.js';
import { onePlan } from './helpers/json.js';

let dir: string;
let plan: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'campaign-collect-'));
  plan = join(dir, 'plan.yaml');
  copyFileSync(HISTORY, plan);
});

const sheets = (week = '2020-W25', ...args: string[]) => cli(['sheets', plan, '--week', week, '-o', join(dir, 'out'), '--lang', 'zh', ...args]);
const collect = (...args: string[]) => cli(['collect', plan, ...args, '--lang', 'zh']);
const sheetOf = (unit: string, week = '2020-W25', ext = 'xlsx') => join(dir, 'out', `${week}-${unit}.${ext}`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const json = async (...args: string[]) => JSON.parse((await collect(...args, '-f', 'json')).stdout);

/** Fills cells of a returned workbook as a unit would. */
async function fill(file: string, cells: Record<string, string | number | Date>, to = file): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  await wb.xlsx.writeFile(to);
}

/** The fill-in sheet as Excel's "CSV" saves it: the shown texts of its first sheet only, dates as 2020/6/19, in GBK. */
async function asExcelCsv(file: string, to: string, encoding = 'gbk'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getRow(r).getCell(c);
      const v = cell.isMerged && cell.master !== cell ? null : cell.value;
      if (v instanceof Date) row.push(`${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`);
      else if (typeof v === 'number' && /%/.test(cell.numFmt ?? '')) row.push(`${Math.round(v * 100)}%`);
      else row.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(row);
  }
  writeFileSync(to, iconv.encode(stringify(rows, { record_delimiter: '\r\n' }), encoding));
}

describe('a week\'s folder in one command', () => {
  it('takes every unit\'s rows on one task; the task is its lead\'s, the supporter\'s row its contribution', async () => {
    await sheets();
    // 1.2 is edu's; police supports it (row 7 of police's sheet, row 6 of edu's).
    await fill(sheetOf('派出所'), { H7: '派民警到校宣讲2次', M7: day('2020-06-18') });
    await fill(sheetOf('教育站'), { H6: '又完成3所学校', I6: '进行中', J6: 80, M6: day('2020-06-18') });
    const r = await collect(join(dir, 'out'), '--as-of', '2020-06-21');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain([
      '          - {date: 2020-06-18, status: done, progress: 100, note: 全部学校完成, by: edu}',
      '          - {date: 2020-06-18, status: in_progress, progress: 80, note: 又完成3所学校, by: edu}',
      '          - {date: 2020-06-18, note: 派民警到校宣讲2次, by: police}',
      '        status: in_progress',
      '        progress: 80',
    ].join('\n'));
    const weekly = onePlan((await cli(['weekly', plan, '--as-of', '2020-06-21', '-f', 'json'])).stdout);
    const t12 = weekly.updatedThisWeek.find((t: { id: string }) => t.id === '1.2');
    // edu's latest of June 18 is its "进行中 80" (entered after its "done" of that day): the supporter never decides.
    expect([t12.status, t12.progress]).toEqual(['in_progress', 80]);
    expect(t12.contributions).toEqual([{ unit: 'police', date: '2020-06-18', status: null, progress: null, note: '派民警到校宣讲2次' }]);
  });

  // A 进度% cell holding -0 (hostile report 09) once made collect fail with "the change could not be written
  // safely": the edit wrote 0, which reads back as 0, not -0. It is 0.
  it('takes a progress cell of -0 as 0', async () => {
    await sheets();
    const file = sheetOf('教育站');
    await fill(file, { H6: '又完成3所学校', I6: '进行中', J6: 50, M6: day('2020-06-18') });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const minusZero = xml.replace(/(<c r="J6"[^>]*>)<v>50<\/v>/, '$1<v>-0</v>');
    expect(minusZero).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', minusZero);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await collect(join(dir, 'out'), '--as-of', '2020-06-21');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(plan, 'utf8')).toContain('          - {date: 2020-06-18, status: in_progress, progress: 0, note: 又完成3所学校, by: edu}');
  });

  it('takes a sheet sent twice once — the later 填报日期, else the newer file — and says so', async () => {
    await sheets();
    await fill(sheetOf('派出所'), { H8: '排查路段3处', J8: 30, M8: day('2020-06-17') });
    mkdirSync(join(dir, 'again'));
    await fill(sheetOf('派出所'), { H8: '排查路段5处', J8: 50, M8: day('2020-06-19') }, join(dir, 'out', '2020-W25-派出所(1).xlsx'));
    copyFileSync(sheetOf('派出所'), join(dir, 'again', '2020-W25-派出所.xlsx'));
    const out = await json(join(dir, 'out'), join(dir, 'again'), '--as-of', '2020-06-21');
    expect(out.errors).toBe(0);
    expect(out.taken.map((t: { file: string; task: string; update: { note: string } }) => [t.file.replace(dir, ''), t.task, t.update.note])).toEqual([
      ['/out/2020-W25-派出所(1).xlsx', '2.1', '排查路段5处'],
    ]);
    expect(out.findings.filter((f: { rule: string }) => f.rule === 'sheet/duplicate').map((f: { file: string; severity: string }) => [f.file.replace(dir, ''), f.severity])).toEqual([
      ['/out/2020-W25-派出所.xlsx', 'warning'], ['/again/2020-W25-派出所.xlsx', 'warning'],
    ]);
    // Of two copies filled in alike, the newer file wins.
    const twins = join(dir, 'twins');
    mkdirSync(twins);
    copyFileSync(sheetOf('派出所'), join(twins, 'a.xlsx'));
    await fill(sheetOf('派出所'), { H8: '排查路段4处' }, join(twins, 'b.xlsx'));
    utimesSync(join(twins, 'a.xlsx'), new Date(), new Date(Date.now() + 60_000));
    expect((await json(twins, '--as-of', '2020-06-21', '--dry-run')).taken.map((t: { update: { note: string } }) => t.update.note)).toEqual(['排查路段3处']);
  });

  it('tells a sheet of an earlier week than the folder\'s as such, and takes its rows by their dates', async () => {
    await sheets('2020-W24');
    await sheets('2020-W25');
    await fill(sheetOf('市场所', '2020-W24'), { H7: '检查餐饮场所5家', J7: 20, M7: day('2020-06-12') });
    await fill(sheetOf('派出所'), { H8: '排查路段2处', M8: day('2020-06-19') });
    const out = await json(sheetOf('市场所', '2020-W24'), sheetOf('派出所'), '--as-of', '2020-06-22');
    expect(out.findings.map((f: { rule: string; severity: string; message: string }) => [f.rule, f.severity, f.message])).toEqual([
      ['sheet/earlier-week', 'warning', '这是第2周（6月8日—6月14日）的表，本周为第3周（6月15日—6月21日）；已按表中的填报日期记入'],
    ]);
    expect(out.taken.map((t: { update: { date: string } }) => t.update.date)).toEqual(['2020-06-12', '2020-06-19']);
    // The week's own folder, collected after the week: none of its sheets is an earlier week's.
    expect((await json(sheetOf('派出所'), '--as-of', '2020-06-30', '--dry-run')).findings).toEqual([]);
  });

  it('two copies of a unit\'s sheet filling different tasks are both taken; where both fill a task, the later', async () => {
    await sheets();
    mkdirSync(join(dir, 'two'));
    await fill(sheetOf('派出所'), { H8: '排查路段3处', M8: day('2020-06-17') }, join(dir, 'two', 'a.xlsx'));
    await fill(sheetOf('派出所'), { H8: '排查路段5处', H9: '检查企业2家', M8: day('2020-06-19'), M9: day('2020-06-19') }, join(dir, 'two', 'b.xlsx'));
    await fill(sheetOf('派出所'), { H6: '宣讲回头看1场', M6: day('2020-06-16') }, join(dir, 'two', 'c.xlsx'));
    const out = await json(join(dir, 'two'), '--as-of', '2020-06-21', '--dry-run');
    expect(out.taken.map((t: { file: string; task: string; update: { note: string } }) => [t.file.split('/').pop(), t.task, t.update.note])).toEqual([
      ['c.xlsx', '1.1', '宣讲回头看1场'], ['b.xlsx', '2.1', '排查路段5处'], ['b.xlsx', '2.4', '检查企业2家'],
    ]);
    expect(out.findings.map((f: { file: string; rule: string; message: string }) => [f.file.split('/').pop(), f.rule, f.message.replace(/^.*的填报表：/, '')])).toEqual([
      ['a.xlsx', 'sheet/duplicate', '第 8 行的任务后者也填了，采用后者（填报日期较晚，或文件较新）'],
      ['c.xlsx', 'sheet/duplicate', '两份所填任务不重复，一并采用'],
    ]);
  });

  it('says rows already recorded as such, even from a sheet whose other rows have errors', async () => {
    await sheets();
    await fill(sheetOf('市场所'), { I6: '差不多了', H7: '复查3家', M7: day('2020-06-19') });
    expect((await json(sheetOf('市场所'), '--as-of', '2020-06-21', '--partial')).taken).toHaveLength(1);
    const r = await collect(sheetOf('市场所'), '--as-of', '2020-06-21');
    expect(r.stdout).toContain('第 7 行已收录过，未重复记录');
    expect(r.stdout).not.toContain('未采用（改正后重新收集');
  });

  it('settles what a unit leaves contradictory or blank: 已完成 at 80 %, 100 % with no status, done with no date after its due date', async () => {
    await sheets();
    // Police: 2.1 (due June 18) done with no date; 2.4 100 % with no status; 1.1 已完成 at 80 %.
    await fill(sheetOf('派出所'), { H8: '排查完毕', I8: '已完成', J9: 100, H9: '检查完毕', M9: day('2020-06-19'), I6: '已完成', J6: 80 });
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21', '--partial');
    expect(out.findings.map((f: { cell: string; rule: string; severity: string }) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual([
      // Row 6 is also a fall from police's own 100 % without a note, and done with no date after June 12.
      '填报!J6 sheet/status-progress error', '填报!I6 sheet/blank-date-late warning', '填报!J6 sheet/progress-down error',
      '填报!I8 sheet/blank-date-late warning',
    ]);
    expect(out.taken.map((t: { task: string; update: { status: string; progress: number; date: string } }) => [t.task, t.update.status, t.update.progress, t.update.date])).toEqual([
      ['2.4', 'done', 100, '2020-06-19'], ['2.1', 'done', 100, '2020-06-21'],
    ]);
  });

  it('a number typed into the date cell (6.19, kept by the spreadsheet as a day number of 1900) is the date it means', async () => {
    await sheets();
    await fill(sheetOf('派出所'), { H8: '排查路段2处', M8: 6.19 });
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21');
    expect([out.findings, out.taken.map((t: { update: { date: string } }) => t.update.date)]).toEqual([[], ['2020-06-19']]);
  });

  it('dates a row with no 填报日期 by the week\'s last day, so that collecting again on another day adds nothing', async () => {
    await sheets();
    await fill(sheetOf('市场所'), { H7: '复查3家' });
    expect((await collect(sheetOf('市场所'), '--as-of', '2020-06-19')).code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain('- {date: 2020-06-21, note: 复查3家, by: market}');
    const once = readFileSync(plan, 'utf8');
    for (const asOf of ['2020-06-20', '2020-06-22', '2020-06-25']) {
      expect((await collect(sheetOf('市场所'), '--as-of', asOf)).stdout).toContain('已收录过');
    }
    expect(readFileSync(plan, 'utf8')).toBe(once);
  });

  it('a weekly duty on Friday dates a blank row of a Monday week by that Friday', async () => {
    writeFileSync(plan, readFileSync(HISTORY, 'utf8').replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: friday, time: "12:00"}\n'));
    await sheets();
    await fill(sheetOf('市场所'), { H7: '复查3家' });
    expect((await collect(sheetOf('市场所'), '--as-of', '2020-06-19')).code).toBe(0);
    expect(readFileSync(plan, 'utf8')).toContain('- {date: 2020-06-19, note: 复查3家, by: market}');
  });

  it('reads rows typed below the table or into its blank row, and never the 说明 line', async () => {
    await sheets();
    // Police's sheet: rows 6–9, a blank row 10, the 说明 line 11. A unit types a row into row 10 and one below the 说明.
    await fill(sheetOf('派出所'), { A10: '2.4', H10: '检查企业3家', J10: 40, M10: day('2020-06-19'), A13: '1.3', H13: '帮市场所布置场地' });
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21', '--partial');
    expect(out.findings.map((f: { cell: string; rule: string; severity: string }) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual([
      '填报!A10 sheet/added-row warning', '填报!A13 sheet/not-assigned error',
    ]);
    expect(out.taken.map((t: { row: number; task: string }) => [t.row, t.task])).toEqual([[10, '2.4']]);
  });

  it('reads a sheet Excel saved as CSV: matched by its header and tasks, in GBK, its dates as Excel writes them', async () => {
    await sheets();
    await fill(sheetOf('市场所'), { H7: '复查餐饮场所12家', I7: '完成', M7: day('2020-06-19') });
    const csv = join(dir, 'out', '市场所第3周.csv');
    await asExcelCsv(sheetOf('市场所'), csv);
    const out = await json(csv, '--as-of', '2020-06-21');
    expect(out.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([['sheet/unverified', 'warning']]);
    expect(out.taken.map((t: { task: string; update: object }) => [t.task, t.update])).toEqual([
      ['2.2', { date: '2020-06-19', status: 'done', progress: 100, note: '复查餐饮场所12家', by: 'market' }],
    ]);
    // A CSV whose header names another plan, or no unit, is not taken.
    writeFileSync(csv, iconv.encode(iconv.decode(readFileSync(csv), 'gbk').replace('填报单位：市场所', ''), 'gbk'));
    expect((await json(csv, '--as-of', '2020-06-21')).findings.map((f: { rule: string }) => f.rule)).toEqual(['sheet/unidentified']);
  });

  it('reads the CSV campaign wrote after a spreadsheet rewrote its dates: the plan never gets 2020/6/15', async () => {
    await sheets('2020-W25', '-f', 'csv', '--unit', 'market');
    const file = sheetOf('市场所', '2020-W25', 'csv');
    const rows: string[][] = parseCsv(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
    for (const r of rows) if (r[0] === '#from' || r[0] === '#to') r[1] = r[1]!.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1/$2/$3');
    const row = rows.find((r) => r[0] === '2.2')!;
    row[7] = '复查2家';
    row[12] = '6/19';
    writeFileSync(file, `\uFEFF${stringify(rows)}`);
    expect(readFileSync(file, 'utf8')).toContain('#from,2020/6/15');
    const out = await json(file, '--as-of', '2020-06-21');
    expect(out.findings).toEqual([]);
    expect(out.taken.map((t: { update: { date: string; note: string } }) => [t.update.date, t.update.note])).toEqual([['2020-06-19', '复查2家']]);
  });

  it('a UTF-8 CSV whose typed line an editor saved as GBK: read right, never U+FFFD into the plan', async () => {
    await sheets('2020-W25', '-f', 'csv', '--unit', 'market');
    const file = sheetOf('市场所', '2020-W25', 'csv');
    const rows: string[][] = parseCsv(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true });
    const at = rows.findIndex((r) => r[0] === '2.2');
    rows[at]![7] = '复查餐饮场所，整改2家';
    rows[at]![12] = '2020-06-19';
    const line = (r: string[]) => stringify([r], { record_delimiter: '\r\n' });
    const bytes = Buffer.concat(rows.map((r, i) => (i === at ? iconv.encode(line(r), 'gbk') : Buffer.from(`${i === 0 ? '\uFEFF' : ''}${line(r)}`))));
    writeFileSync(file, bytes);
    expect((await collect(file, '--as-of', '2020-06-21')).code).toBe(0);
    const after = readFileSync(plan, 'utf8');
    expect(after).toContain('note: 复查餐饮场所，整改2家, by: market}');
    expect(after).not.toContain('\uFFFD');
    // A cell that could not be decoded at all is refused, not written.
    rows[at]![7] = 'XX复查';
    const broken = Buffer.concat(rows.map((r, i) => (i === at ? iconv.encode(line(r), 'gbk') : Buffer.from(line(r)))));
    broken.fill(0xff, broken.indexOf('XX'), broken.indexOf('XX') + 2);
    writeFileSync(file, broken);
    const bad = await json(file, '--as-of', '2020-06-21');
    expect(bad.findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`)).toEqual(['CSV!H14 sheet/encoding']);
    expect(bad.taken).toEqual([]);
  });

  it('takes 完成值 into the plan like update --actual, and the words units use for a status', async () => {
    await sheets();
    // Police's sheet: 1.1 has a target 宣讲场次; its 完成值 column is O.
    await fill(sheetOf('派出所'), { H6: '回头看宣讲1场', I6: '完成', O6: 5, M6: day('2020-06-19'), H8: '排查路段2处', I8: '进展中', M8: day('2020-06-19') });
    const r = await collect(sheetOf('派出所'), '--as-of', '2020-06-21');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain('- {metric: 宣讲场次, unit: 场, target: 10, actual: 5}');
    expect(text).toContain('- {date: 2020-06-19, status: done, progress: 100, note: 回头看宣讲1场, by: police, actual: {宣讲场次: 5}}');
    expect(text).toContain('- {date: 2020-06-19, status: in_progress, note: 排查路段2处, by: police}');
    expect(lintText(text, { asOf: '2020-06-21' }).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('suggests a status for a word it does not know, and refuses a figure for a task without that target', async () => {
    await sheets();
    await fill(sheetOf('派出所'), { I8: '进展', O8: 3, M8: day('2020-06-19') });
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21');
    expect(out.findings.map((f: { cell: string; rule: string; message: string }) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([
      '填报!I8 sheet/status 状态“进展”无效，应为 未开始、进行中、已完成、受阻、已取消 之一；是否为“进行中”？',
      '填报!O8 sheet/no-target 任务 2.1 没有指标“宣讲场次”，本格不能填写',
    ]);
  });

  it('a row for a task whose due date, lead or support changed since the sheet was made is stale', async () => {
    await sheets();
    await fill(sheetOf('派出所'), { H8: '排查路段2处', M8: day('2020-06-19') });
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('        title: 道路交通隐患排查\n        lead: [police]\n        due: 2020-06-18', '        title: 道路交通隐患排查\n        lead: [police]\n        due: 2020-06-25'));
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21');
    expect(out.findings.map((f: { cell: string; rule: string }) => `${f.cell} ${f.rule}`)).toEqual(['填报!B8 sheet/stale']);
  });
});

describe('what the review of issue 20 found', () => {
  it('a sheet dated on its report day, after the week, is that week\'s: recorded on the week\'s last day', async () => {
    writeFileSync(plan, readFileSync(HISTORY, 'utf8').replace('units:\n', 'reporting: {weekStarts: friday}\nunits:\n')
      .replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: friday, time: "12:00"}\n'));
    await sheets('3');
    // Week 3 is Friday June 12 to Thursday June 18; its report is due Friday June 19.
    const file = join(dir, 'out', '2020-W25-市场所.xlsx');
    await fill(file, { H7: '复查3家', M7: day('2020-06-19') });
    const out = await json(file, '--as-of', '2020-06-19');
    expect([out.findings, out.taken.map((t: { update: { date: string } }) => t.update.date)]).toEqual([[], ['2020-06-18']]);
    await fill(file, { M7: day('2020-06-20') });
    expect((await json(file, '--as-of', '2020-06-20')).findings.map((f: { rule: string }) => f.rule)).toEqual(['sheet/date-week']);
  });

  it('of two copies, only a typed date makes one the later; then the newer file, then the re-sent copy\'s number', async () => {
    await sheets();
    mkdirSync(join(dir, 'c'));
    // The original left the date blank (it would be dated the week's last day); the correction typed June 19.
    await fill(sheetOf('派出所'), { H8: '排查路段3处' }, join(dir, 'c', '2020-W25-派出所.xlsx'));
    await fill(sheetOf('派出所'), { H8: '排查路段5处', M8: day('2020-06-19') }, join(dir, 'c', '2020-W25-派出所(1).xlsx'));
    const at = new Date('2020-06-20T10:00:00Z');
    utimesSync(join(dir, 'c', '2020-W25-派出所.xlsx'), at, at);
    utimesSync(join(dir, 'c', '2020-W25-派出所(1).xlsx'), at, at);
    const notes = async () => (await json(join(dir, 'c'), '--as-of', '2020-06-21', '--dry-run')).taken.map((t: { update: { note: string } }) => t.update.note);
    expect(await notes()).toEqual(['排查路段5处']);
    // Neither typed a date, both changed at once: the re-sent "(1)" is the later.
    await fill(sheetOf('派出所'), { H8: '排查路段6处' }, join(dir, 'c', '2020-W25-派出所(1).xlsx'));
    utimesSync(join(dir, 'c', '2020-W25-派出所(1).xlsx'), at, at);
    expect(await notes()).toEqual(['排查路段6处']);
  });

  it('a row with only 填报人 and 填报日期 says nothing: no entry', async () => {
    await sheets();
    await fill(sheetOf('派出所'), { M6: day('2020-06-19'), N6: '张三', M8: day('2020-06-19'), N8: '张三', H8: '排查路段2处' });
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21');
    expect(out.taken.map((t: { task: string }) => t.task)).toEqual(['2.1']);
  });

  it('a target whose metric ends in brackets, with no unit of measure, is filled in like any other', async () => {
    writeFileSync(plan, readFileSync(HISTORY, 'utf8').replace('          - {metric: 宣讲场次, unit: 场, target: 10, actual: 4}', '          - {metric: 宣讲人数（人次）, target: 100}'));
    await sheets('2020-W25', '--unit', 'police');
    await fill(sheetOf('派出所'), { H6: '回头看', O6: 120, M6: day('2020-06-19') });
    const out = await json(sheetOf('派出所'), '--as-of', '2020-06-21');
    expect([out.findings, out.taken.map((t: { update: { actual: object } }) => t.update.actual)]).toEqual([[], [{ '宣讲人数（人次）': 120 }]]);
  });
});
