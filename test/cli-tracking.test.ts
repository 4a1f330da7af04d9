// The tracking commands end to end: every format, parsed back where a parser exists.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import ExcelJS from 'exceljs';
import { parse as parseHtml } from 'parse5';
import { ANSI, STACK } from './helpers/run.js';
import { cli } from './helpers/in-process.js';
import { expectGolden } from './helpers/golden.js';
import { HISTORY } from './helpers/plan.js';
import { onePlan } from './helpers/json.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'campaign-track-'));

type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[]; attrs?: { name: string; value: string }[] };
function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  for (const c of n.childNodes ?? []) walk(c, visit);
  const content = (n as { content?: Node }).content;
  if (content) walk(content, visit);
}
function textOf(n: Node): string {
  let s = '';
  walk(n, (x) => { if (x.nodeName === '#text') s += x.value; });
  return s;
}

describe('campaign weekly', () => {
  it('--format json carries the contract fields and the counts of the semantics', async () => {
    const r = await cli(['weekly', HISTORY, '--week', '2020-W25', '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const w = onePlan(r.stdout);
    for (const k of ['week', 'from', 'to', 'asOf', 'overall', 'units', 'dueThisWeek', 'completedThisWeek', 'updatedThisWeek', 'overdue', 'dueNextWeek']) expect(w).toHaveProperty(k);
    expect([w.week, w.from, w.to, w.asOf]).toEqual(['2020-W25', '2020-06-15', '2020-06-21', '2020-06-21']);
    expect(w.overall).toEqual({ done: 2, in_progress: 1, planned: 3, blocked: 1, cancelled: 1, overdue: 2, tasks: 8, completion: 0.25 });
    expect(w.units.map((u: { id: string; completion: number }) => [u.id, u.completion])).toEqual([['police', 0.25], ['edu', 0.5], ['market', 0]]);
    for (const t of [...w.dueThisWeek, ...w.overdue, ...w.dueNextWeek]) {
      for (const k of ['id', 'title', 'lead', 'due', 'status', 'progress', 'light']) expect(t).toHaveProperty(k);
    }
    expect(w.overdue.map((t: { id: string; light: string }) => [t.id, t.light])).toEqual([['1.3', 'red'], ['2.1', 'red']]);
  });

  it('--as-of and --week agree; both together is a usage error', async () => {
    const a = (await cli(['weekly', HISTORY, '--as-of', '2020-06-21', '--format', 'json'])).stdout;
    expect(a).toBe((await cli(['weekly', HISTORY, '--week', '2020-W25', '--format', 'json'])).stdout);
    const r = await cli(['weekly', HISTORY, '--as-of', '2020-06-21', '--week', '2020-W25']);
    expect([r.code, r.stderr]).toEqual([2, 'campaign: --week and --as-of cannot be used together\n']);
    expect((await cli(['weekly', HISTORY, '--week', '2020-25'])).stderr).toContain('give an ISO week such as 2020-W25, or the campaign\'s week number');
  });

  it('--week N and 第N周 count the campaign\'s weeks; a week the campaign does not have is refused', async () => {
    const head = (r: { stdout: string }) => { const w = onePlan(r.stdout); return [w.weekNo, w.from, w.to, w.asOf]; };
    const third = [3, '2020-06-15', '2020-06-21', '2020-06-21'];
    for (const week of ['3', '第3周', '第三周', '３']) expect(head(await cli(['weekly', HISTORY, '--week', week, '-f', 'json'])), week).toEqual(third);
    expect(head(await cli(['weekly', HISTORY, '--week', '1', '-f', 'json']))).toEqual([1, '2020-06-01', '2020-06-07', '2020-06-07']);
    const r = await cli(['weekly', HISTORY, '--week', '9', '--lang', 'zh']);
    expect([r.code, r.stderr]).toEqual([2, `campaign: ${HISTORY}：活动只有 5 周，没有第9周\n`]);
  });

  it('on report day, before its deadline, shows the week that just ended, and says so', async () => {
    const dir = tmp();
    // Friday-to-Thursday weeks, reported every Friday by 12:00.
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace('units:\n', 'reporting: {weekStarts: friday}\nunits:\n')
      .replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: friday, time: "12:00"}\n'));
    const at = async (time: string | undefined, ...args: string[]) =>
      cli(['weekly', 'p.yaml', ...args, '-f', 'json', '--lang', 'zh'], { cwd: dir, today: '2020-06-19', ...(time ? { time } : {}) });
    const morning = onePlan((await at('09:30')).stdout);
    expect([morning.weekNo, morning.from, morning.to, morning.asOf, morning.reportDay]).toEqual([3, '2020-06-12', '2020-06-18', '2020-06-18', { date: '2020-06-19', time: '12:00' }]);
    const afternoon = onePlan((await at('12:30')).stdout);
    expect([afternoon.weekNo, afternoon.from, afternoon.reportDay]).toEqual([4, '2020-06-19', null]);
    // --as-of names the day: before its deadline; --week names the week.
    expect(onePlan((await at(undefined, '--as-of', '2020-06-19')).stdout).weekNo).toBe(3);
    expect(onePlan((await at('09:30', '--week', '4')).stdout).weekNo).toBe(4);
    const table = await cli(['weekly', 'p.yaml', '--lang', 'zh'], { cwd: dir, today: '2020-06-19', time: '09:30' });
    expect(table.stdout).toContain('2020-06-19 是报送日：12:00 截止前显示刚结束的第3周（6月12日—6月18日），为截至 2020-06-18 的情况；本周的表请用 --week 指定');
  });

  it('names who wrote each note when several did: a lead unit, or the office by its name', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace(
      '          - {date: 2020-06-16, status: in_progress, progress: 40, note: 检查餐饮场所12家, problems: 2家未整改, next: 下周复查, by: market}\n',
      '          - {date: 2020-06-16, status: in_progress, progress: 40, note: 检查餐饮场所12家, problems: 2家未整改, next: 下周复查, by: market}\n          - {date: 2020-06-17, note: 召开燃气安全协调会}\n',
    ));
    const md = (await cli(['weekly', 'p.yaml', '--as-of', '2020-06-21', '-f', 'md', '--lang', 'zh'], { cwd: dir })).stdout;
    expect(md.split('\n').find((l) => l.includes('| 2.2 |'))).toContain('| 市场所：检查餐饮场所12家；测试乡安委办：召开燃气安全协调会 |');
  });

  it('lists the units with tasks this week that have not reported on it', async () => {
    const w = onePlan((await cli(['weekly', HISTORY, '--as-of', '2020-06-14', '-f', 'json'])).stdout);
    // Week 2 (June 8–14): police reported on 1.1 (June 10), edu on 1.2 (June 9); the market office on nothing.
    expect(w.notReturned).toEqual([{ unit: 'market', name: '市场所', tasks: ['1.3', '2.2'] }]);
    expect(onePlan((await cli(['weekly', HISTORY, '--as-of', '2020-06-07', '-f', 'json'])).stdout).notReturned.map((u: { unit: string }) => u.unit)).toEqual(['edu', 'market']);
    // The plan's own office — a unit marked self, or the contact unit — is never asked to report to itself.
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace('  - {id: market, name: 市场所}', '  - {id: market, name: 市场所, self: true}'));
    expect(onePlan((await cli(['weekly', 'p.yaml', '--as-of', '2020-06-14', '-f', 'json'], { cwd: dir })).stdout).notReturned).toEqual([]);
    writeFileSync(join(dir, 'q.yaml'), readFileSync(HISTORY, 'utf8').replace('contact: {unit: 测试乡安委办', 'contact: {unit: market'));
    const q = onePlan((await cli(['weekly', 'q.yaml', '--as-of', '2020-06-14', '-f', 'json'], { cwd: dir })).stdout);
    // The contact unit named by its id fills in the tables by its name.
    expect([q.notReturned, q.plan.contact.unit, q.plan.office]).toEqual([[], 'market', '市场所']);
    expect(onePlan((await cli(['weekly', HISTORY, '--as-of', '2020-06-21', '-f', 'json'])).stdout).notReturned).toEqual([]);
  });

  it('--week-start friday, or the plan\'s reporting.weekStarts: Friday-to-Thursday weeks, numbered from the period\'s', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace('units:\n', 'reporting: {weekStarts: 周五}\nunits:\n'));
    const head = (w: { week: string; weekStarts: string; weekNo: number; label: string; from: string; to: string; asOf: string }) => [w.week, w.weekStarts, w.weekNo, w.label, w.from, w.to, w.asOf];
    const friday = ['2020-W25', 'friday', 3, '第3周（6月12日—6月18日）', '2020-06-12', '2020-06-18', '2020-06-18'];
    const cliWeek = await cli(['weekly', HISTORY, '--week', '2020-W25', '--week-start', 'friday', '-f', 'json', '--lang', 'zh']);
    expect([cliWeek.code, cliWeek.stderr, head(onePlan(cliWeek.stdout))]).toEqual([0, '', friday]);
    const planWeek = await cli(['weekly', 'p.yaml', '--week', '2020-W25', '-f', 'json', '--lang', 'zh'], { cwd: dir });
    expect(head(onePlan(planWeek.stdout))).toEqual(friday);
    // The same week by a day in it; the command line beats the plan.
    expect(head(onePlan((await cli(['weekly', 'p.yaml', '--as-of', '2020-06-18', '-f', 'json', '--lang', 'zh'], { cwd: dir })).stdout))).toEqual(friday);
    const monday = onePlan((await cli(['weekly', 'p.yaml', '--week', '2020-W25', '--week-start', 'monday', '-f', 'json', '--lang', 'zh'], { cwd: dir })).stdout);
    expect(head(monday)).toEqual(['2020-W25', 'monday', 3, '第3周（6月15日—6月21日）', '2020-06-15', '2020-06-21', '2020-06-21']);
    const md = await cli(['weekly', 'p.yaml', '--week', '2020-W25', '-f', 'md', '--lang', 'zh'], { cwd: dir });
    expect(md.stdout.split('\n')[0]).toBe('# 测试乡2020年“安全生产月”活动方案 — 进展情况周报 第3周（6月12日—6月18日）');
    expect(md.stdout).toContain('- **填报日期**: 2020-06-18');
    // Several plans, several week starts: --week gives each plan the reporting week of its own that ends in W25.
    const both = JSON.parse((await cli(['weekly', 'p.yaml', join(process.cwd(), HISTORY), '--week', '2020-W25', '-f', 'json', '--lang', 'zh'], { cwd: dir })).stdout);
    expect(both.map((w: { from: string; to: string; asOf: string }) => [w.from, w.to, w.asOf])).toEqual([['2020-06-12', '2020-06-18', '2020-06-18'], ['2020-06-15', '2020-06-21', '2020-06-21']]);
    const bad = await cli(['weekly', HISTORY, '--week-start', 'fri']);
    expect([bad.code, bad.stdout, bad.stderr]).toEqual([2, '', 'campaign: --week-start "fri": use a day of the week, monday … sunday (or 周一 … 周日)\n']);
  });

  it('本周任务 keeps what is blocked or has an open problem, with the problem and the day it was recorded', async () => {
    const r = await cli(['weekly', HISTORY, '--week', '2020-W26', '--lang', 'zh', '-f', 'md']);
    const rows = r.stdout.split('## 本周任务')[1]!.split('\n## ')[0]!.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows).toEqual([
      '| 1 | 1.3 | 安全宣传进市场 | 市场所 |  | 2020-06-19 | 受阻 | 10% | 红 |  | 场地未落实（6月15日） |  | 受阻未解决 |',
      '| 2 | 2.2 | 燃气安全检查, "餐饮"场所 | 市场所 |  | 2020-06-24 | 进行中 | 40% | 红 |  | 2家未整改（6月16日） |  | 到期、问题未解决 |',
      '| 3 | 2.4 | 重点企业专项检查 | 派出所 |  | 2020-06-30 | 进行中 | 20% | 黄 | 已检查2家 |  |  | 更新 |',
    ]);
    const en = await cli(['weekly', HISTORY, '--week', '2020-W26', '--lang', 'en', '-f', 'md']);
    expect(en.stdout).toContain('| 场地未落实 (2020-06-15) |  | still blocked |');
    expect(onePlan((await cli(['weekly', HISTORY, '--week', '2020-W26', '-f', 'json'])).stdout).unresolved.map((t: { id: string }) => t.id)).toEqual(['1.3', '2.2']);
  });

  it('a week outside the period has dates but no number', async () => {
    const r = await cli(['weekly', HISTORY, '--week', '2020-W28', '-f', 'md', '--lang', 'zh']);
    expect(r.stdout.split('\n')[0]).toBe('# 测试乡2020年“安全生产月”活动方案 — 进展情况周报（7月6日—7月12日）');
    expect(onePlan((await cli(['weekly', HISTORY, '--week', '2020-W28', '-f', 'json'])).stdout)).toMatchObject({ week: '2020-W28', weekNo: null, label: '2020-07-06 to 2020-07-12' });
  });

  it('terminal table in Chinese, aligned (golden)', async () => {
    const r = await cli(['weekly', HISTORY, '--week', '2020-W25', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expectGolden('weekly-2020-W25.zh.txt', r.stdout);
    // Every row of a table has the same display width.
    const widths = r.stdout.split('\n').filter((l) => /^[│┌├└]/.test(l)).map((l) => [...l].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[─│┌┐└┘├┤┬┴┼“”]/.test(ch) ? 2 : 1), 0));
    const blocks = new Set(widths);
    expect(blocks.size).toBeLessThanOrEqual(5); // one width per table
  });

  it('Markdown in Chinese (golden), CSV with the header fields', async () => {
    expectGolden('weekly-2020-W25.zh.md', (await cli(['weekly', HISTORY, '--week', '2020-W25', '--lang', 'zh', '--format', 'md'])).stdout);
    const csv = (await cli(['weekly', HISTORY, '--week', '2020-W25', '--lang', 'zh', '--format', 'csv'])).stdout;
    const rows: string[][] = parseCsv(csv, { bom: true, relax_column_count: true });
    expect(rows.slice(1, 6)).toEqual([['填报单位', '测试乡安委办'], ['填报人', '张三'], ['联系电话', '0710-1234567'], ['审核人', '李四'], ['填报日期', '2020-06-21']]);
  });

  it('XLSX to a file: one sheet, the form — title, header block, every table, the signature line', async () => {
    const dir = tmp();
    const out = join(dir, 'w.xlsx');
    expect((await cli(['weekly', HISTORY, '--week', '2020-W25', '--lang', 'zh', '--format', 'xlsx', '-o', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['测试乡2020年“安全生产月”活动方案']);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string' && !texts.includes(c.value)) texts.push(c.value); }));
    expect(texts[0]).toBe('测试乡2020年“安全生产月”活动方案 — 进展情况周报 第3周（6月15日—6月21日）');
    expect(texts.slice(1, 6)).toEqual(['填报单位：测试乡安委办', '填报人：张三', '联系电话：0710-1234567', '审核人：李四', '填报日期：2020-06-21']);
    for (const heading of ['各单位完成情况', '本周任务', '逾期任务', '下周到期任务', '报送事项', '任务', '督办灯']) expect(texts).toContain(heading);
    expect(texts.at(-1)).toMatch(/^填报人：\u3000+\u3000审核人：\u3000+\u3000单位（盖章）：\u3000+\u3000日期：\u3000+$/);
  });
});

describe('campaign status', () => {
  it('terminal table in English (golden), JSON', async () => {
    expectGolden('status-2020-06-21.en.txt', (await cli(['status', HISTORY, '--as-of', '2020-06-21', '--lang', 'en'])).stdout);
    const s = onePlan((await cli(['status', HISTORY, '--as-of', '2020-06-21', '--format', 'json'])).stdout);
    expect(Object.keys(s)).toEqual(['schemaVersion', 'file', 'asOf', 'plan', 'overall', 'units', 'overdue', 'completedLate', 'targets', 'reports']);
    expect(s.completedLate.map((t: { id: string; due: string; doneOn: string }) => [t.id, t.due, t.doneOn])).toEqual([['1.2', '2020-06-16', '2020-06-18']]);
    expect(s.overall.completion).toBe(0.25);
  });

  it('a plan with validation errors: still reported, one line on stderr naming the rules, exit 1', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace('        due: 2020-06-18\n', '        due: 2020-06-18\n        dueDate: x\n'));
    const r = await cli(['status', 'p.yaml', '--as-of', '2020-06-21', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('campaign: p.yaml: the plan has 1 error (schema); figures may be wrong — campaign validate p.yaml lists them\n');
    expect(onePlan(r.stdout).overall.tasks).toBe(8);
  });

  it('refuses a plan whose YAML cannot be read, with its position (exit 1)', async () => {
    const r = await cli(['status', '-'], { input: 'version: 1\ntasks: [\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^campaign: <stdin>:3:1: the plan cannot be read: YAML syntax error/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('campaign report', () => {
  it('Markdown in Chinese (golden)', async () => {
    expectGolden('report-2020-06-21.zh.md', (await cli(['report', HISTORY, '--as-of', '2020-06-21', '--lang', 'zh'])).stdout);
  });

  it('HTML: one self-contained file with a chart and a timeline, all plan text escaped', async () => {
    const dir = tmp();
    const hostile = readFileSync(HISTORY, 'utf8')
      .replace('title: 道路交通隐患排查', 'title: "<script>alert(1)</script>道路"')
      .replace('name: 市场所', 'name: "<img src=x onerror=alert(1)>"')
      .replace('title: 重点企业专项检查', 'title: "<img src=x onerror=alert(1)>"');
    writeFileSync(join(dir, 'p.yaml'), hostile);
    const r = await cli(['report', 'p.yaml', '--as-of', '2020-06-21', '--format', 'html', '--lang', 'zh', '-o', 'r.html'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const doc = parseHtml(html) as unknown as Node;
    const tags = new Map<string, number>();
    const urls: string[] = [];
    walk(doc, (n) => {
      if (n.tagName) tags.set(n.tagName, (tags.get(n.tagName) ?? 0) + 1);
      for (const a of n.attrs ?? []) if (/^(src|href)$/.test(a.name) || /^on/.test(a.name)) urls.push(`${n.tagName} ${a.name}=${a.value}`);
    });
    expect(tags.get('script')).toBeUndefined();
    expect(tags.get('img')).toBeUndefined();
    expect(tags.get('link')).toBeUndefined();
    expect(urls).toEqual([]);
    expect(tags.get('svg')).toBe(2);
    expect(tags.get('h1')).toBe(1);
    const text = textOf(doc);
    expect(text).toContain('<script>alert(1)</script>道路');
    expect(text.split('<img src=x onerror=alert(1)>').length - 1).toBeGreaterThanOrEqual(3); // unit name, task title, timeline
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('截至 2020-06-21');
  });

  it('JSON', async () => {
    const r = onePlan((await cli(['report', HISTORY, '--as-of', '2020-06-21', '--format', 'json'])).stdout);
    expect(r.reports.map((d: { state: string }) => d.state)).toEqual(['submitted', 'missing', 'pending']);
  });
});

describe('campaign export', () => {
  it('CSV: BOM, RFC 4180 quoting, formula injection neutralised; --no-bom', async () => {
    const csv = (await cli(['export', HISTORY, '--as-of', '2020-06-21', '--lang', 'zh'])).stdout;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows: string[][] = parseCsv(csv, { bom: true });
    expect(rows[0]).toEqual(['编号', '上级编号', '层级', '任务', '牵头单位', '配合单位', '开始日期', '完成时限', '状态', '进度', '逾期', '逾期完成', '最近更新', '最近进展']);
    expect(rows).toHaveLength(11);
    const byId = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byId['2.2']![3]).toBe('燃气安全检查, "餐饮"场所');
    expect(byId['2.3']![3]).toBe(`'=HYPERLINK("http://example.invalid","点击")`);
    expect(byId['1.2']).toEqual(['1.2', '1', '2', '安全知识进校园', '教育站', '派出所', '2020-06-05', '2020-06-16', '已完成', '100%', '否', '是', '2020-06-18', '全部学校完成']);
    expect((await cli(['export', HISTORY, '--no-bom'])).stdout.startsWith('编号') || (await cli(['export', HISTORY, '--no-bom'])).stdout.startsWith('Id')).toBe(true);
  });

  it('ICS: every due date and report deadline as an all-day event with a stable UID', async () => {
    const a = (await cli(['export', HISTORY, '--format', 'ics', '--as-of', '2020-06-21'])).stdout;
    const b = (await cli(['export', HISTORY, '--format', 'ics', '--as-of', '2020-06-25'])).stdout;
    const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const ev = events(a);
    expect(ev).toHaveLength(11);
    const uids = ev.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(11);
    expect(events(b).map((e) => String(e.getFirstPropertyValue('uid')))).toEqual(uids);
    const first = ev[0]!;
    const start = first.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.isDate, start.toString()]).toEqual([true, '2020-06-12']);
    expect(String(first.getFirstPropertyValue('summary'))).toContain('1.1 主题宣讲进企业');
    expect(a.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
    // RFC 5545: lines of at most 75 octets, folded without splitting a UTF-8 character.
    expect(Math.max(...a.split('\r\n').map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    expect(a).not.toContain('\uFFFD');
  });

  it('XLSX: header row, frozen panes, dates as dates, widths fitted to Chinese text', async () => {
    const dir = tmp();
    expect((await cli(['export', join(process.cwd(), HISTORY), '--format', 'xlsx', '-o', 'tasks.xlsx', '--lang', 'zh'], { cwd: dir })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tasks.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, '编号', '上级编号', '层级', '任务', '牵头单位', '配合单位', '开始日期', '完成时限', '状态', '进度', '逾期', '逾期完成', '最近更新', '最近进展']);
    const row = ws.getRow(3); // task 1.1
    expect(row.getCell(1).value).toBe('1.1');
    expect(row.getCell(8).value).toEqual(new Date(Date.UTC(2020, 5, 12)));
    expect(row.getCell(10).value).toBe(1);
    expect(row.getCell(10).numFmt).toBe('0%');
    // A string cell, never a formula: no leading ' (that is for CSV, which a spreadsheet evaluates).
    expect(ws.getRow(9).getCell(4).value).toBe(`=HYPERLINK("http://example.invalid","点击")`);
    expect(ws.getRow(9).getCell(4).type).toBe(ExcelJS.ValueType.String);
    // 主题宣讲进企业 is 7 characters, 14 columns wide.
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(16);
  });

  it('-o refuses to overwrite the plan or to write into a missing folder', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY));
    const before = readFileSync(join(dir, 'p.yaml'));
    const a = await cli(['export', 'p.yaml', '-o', 'p.yaml'], { cwd: dir });
    expect([a.code, a.stderr]).toEqual([2, 'campaign: -o p.yaml would overwrite the input itself; choose another output file\n']);
    expect(readFileSync(join(dir, 'p.yaml'))).toEqual(before);
    const b = await cli(['export', 'p.yaml', '-o', 'nope/out.csv'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/nope\/out\.csv: the folder .*nope does not exist/);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('recurring duties in the calendar export', () => {
  it('one event per deadline, at its time on the working day it is due, with a UID that stays put', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace(
      'reports:\n',
      'reports:\n  - {id: weekly, title: 周报, to: county-office, every: 周五, time: "12:00", submitted: [2020-06-05]}\n',
    ));
    const ics = (await cli(['export', 'p.yaml', '-f', 'ics', '--lang', 'zh'], { cwd: dir })).stdout;
    const weekly = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')
      .filter((e) => String(e.getFirstPropertyValue('uid')).startsWith('report-weekly-'));
    expect(weekly.map((e) => [String(e.getFirstPropertyValue('uid')).split('-').slice(0, 3).join('-'), (e.getFirstPropertyValue('dtstart') as ICAL.Time).toString()])).toEqual([
      ['report-weekly-20200605', '2020-06-05T12:00:00'],
      ['report-weekly-20200612', '2020-06-12T12:00:00'],
      ['report-weekly-20200619', '2020-06-19T12:00:00'],
      ['report-weekly-20200626', '2020-06-24T12:00:00'], // 端午: due the Wednesday before
    ]);
    expect(String(weekly[0]!.getFirstPropertyValue('summary'))).toBe('【报送事项】周报 12:00前');
  });
});

describe('calendar reminders', () => {
  const WEEKLY_DUTY = 'reports:\n  - {id: weekly, title: 周报, to: county-office, every: 周五, time: "12:00", submitted: [2020-06-05]}\n';
  const calendarOf = async (...args: string[]) => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(HISTORY, 'utf8').replace('reports:\n', WEEKLY_DUTY));
    const r = await cli(['export', 'p.yaml', '-f', 'ics', '--lang', 'zh', '--as-of', '2020-06-21', ...args], { cwd: dir });
    return { ...r, cal: r.code === 0 ? new ICAL.Component(ICAL.parse(r.stdout)) : undefined };
  };
  const event = (cal: ICAL.Component, uid: string) => cal.getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('uid')).startsWith(uid))!;
  const triggers = (cal: ICAL.Component, uid: string) => event(cal, uid).getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')));

  it('a deadline with a time is a timed event in Beijing time, with its VTIMEZONE; a date alone stays all-day', async () => {
    const { stdout, cal } = await calendarOf();
    expect(stdout).toContain('\r\nDTSTART;TZID=Asia/Shanghai:20200619T120000\r\nDTEND;TZID=Asia/Shanghai:20200619T123000\r\n');
    expect(stdout).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n');
    expect(cal!.getAllSubcomponents('vtimezone')).toHaveLength(1);
    // A calendar that reads the zone puts 12:00 in Beijing at 04:00 UTC.
    ICAL.TimezoneService.register(cal!.getFirstSubcomponent('vtimezone')!);
    const start = event(cal!, 'report-weekly-20200619').getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.isDate, start.zone?.tzid, start.toUnixTime()]).toEqual([false, 'Asia/Shanghai', Date.UTC(2020, 5, 19, 4) / 1000]);
    ICAL.TimezoneService.remove('Asia/Shanghai');
    const due = event(cal!, 'task-2.2').getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([due.isDate, due.toString()]).toEqual([true, '2020-06-24']);
    // Without a timed entry, no VTIMEZONE.
    expect((await cli(['export', HISTORY, '-f', 'ics'])).stdout).not.toContain('VTIMEZONE');
  });

  it('an alarm a day before by default: at the hour for a timed deadline, at 9:00 the day before for an all-day one', async () => {
    const { stdout, cal } = await calendarOf();
    expect(triggers(cal!, 'report-weekly-20200619')).toEqual(['-P1D']);
    expect(triggers(cal!, 'task-2.2')).toEqual(['-PT15H']);
    expect(stdout).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:【报送事项】周报 12:00前\r\nTRIGGER:-P1D\r\nEND:VALARM\r\n');
    // Nothing to remind of: a task done or cancelled, a report submitted.
    for (const uid of ['task-1.1', 'task-2.3', 'report-weekly-20200605', 'report-plan']) expect(triggers(cal!, uid), uid).toEqual([]);
    expect(triggers(cal!, 'report-midterm')).toEqual(['-PT15H']);
  });

  it('--alarm 2h, 2d, 1d12h, 30m or none', async () => {
    const at = async (alarm: string) => {
      const { cal } = await calendarOf('--alarm', alarm);
      return [triggers(cal!, 'report-weekly-20200619'), triggers(cal!, 'task-2.2')];
    };
    expect(await at('2h')).toEqual([['-PT2H'], ['PT9H']]); // all-day: 9:00 on the day
    expect(await at('30m')).toEqual([['-PT30M'], ['PT9H']]);
    expect(await at('2d')).toEqual([['-P2D'], ['-P1DT15H']]);
    expect(await at('1d12h')).toEqual([['-P1DT12H'], ['-PT15H']]);
    expect(await at('none')).toEqual([[], []]);
    const { stdout } = await calendarOf('--alarm', 'none');
    expect(stdout).not.toContain('VALARM');
    for (const bad of ['1 day', '1x', '', '-1d', '400d']) {
      const r = await cli(['export', HISTORY, '-f', 'ics', '--alarm', bad]);
      expect([r.code, r.stdout, r.stderr], bad).toEqual([2, '', `campaign: --alarm "${bad}": write how long before the deadline, such as 1d, 2h, 30m or 1d12h (at most 366 days), or none\n`]);
    }
  });

  it('every command that offers ics takes --alarm', async () => {
    for (const cmd of ['status', 'weekly', 'report', 'export']) {
      const r = await cli([cmd, HISTORY, '-f', 'ics', '--as-of', '2020-06-21', '--alarm', '3h']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain('TRIGGER:PT9H'); // 3h before an all-day deadline: 9:00 that day
    }
    expect((await cli(['rollup', HISTORY, '--alarm', '1d'])).code).toBe(2);
  });
});
