// A month as a township clerk runs it (issue #20): 茶店镇, 8 units, 20 tasks, every unit supporting the
// mobilisation task, several tasks with two leads, Friday-to-Thursday weeks. Each week's folder of returned
// sheets (test/fixtures/month/weekN/, made by make.mjs: sheets filled in by a script, one re-saved by
// LibreOffice, one .xls, one Excel CSV, one sent twice, one of the week before, one not sent) is collected by
// one command, and the week's table is compared with figures worked out by hand from month.mjs: each task's
// status and progress from its leads only, the supporters' notes apart, the open problems by who raised them.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { onePlan } from './helpers/json.js';

const FIXTURES = new URL('./fixtures/month/', import.meta.url).pathname;
let plan: string;
beforeAll(() => {
  plan = join(mkdtempSync(join(tmpdir(), 'campaign-month-')), 'plan.yaml');
  copyFileSync(join(FIXTURES, 'plan.yaml'), plan);
});

type Row = [string, number];
const P = (n: number): Row => ['planned', n];
const I = (n: number): Row => ['in_progress', n];
const D: Row = ['done', 100];
const B = (n: number): Row => ['blocked', n];

interface Week {
  to: string;
  /** The warnings collect gives, as file name and rule; it gives no error. */
  warnings: [string, string][];
  tasks: Record<string, Row>;
  /** Targets' actual values: 1.2 宣讲场次, 2.4 排查自建房. */
  actual: [number, number];
  /** Open problems of the week's table: task → unit:problem (date). */
  problems: Record<string, string[]>;
  /** Units listed as not having reported on the week. */
  notReturned: string[];
}

const WEEKS: Week[] = [
  {
    to: '2026-06-04',
    warnings: [['2026-W23-综治办.xlsx', 'sheet/duplicate']],
    tasks: {
      // 1.1: 综治办 at 60 %; police's 已完成 is its own part, six other supporters' notes are theirs.
      1.1: I(60), 1.2: I(15), 1.3: I(40), 1.4: P(0), 2.1: I(25), 2.2: I(30), 2.3: I(20), 2.4: I(25), 2.5: I(50), 2.6: I(30),
      3.1: P(0), 3.2: P(0), 3.3: P(0), 4.1: I(25), 4.2: I(20), 4.3: I(20), 4.4: P(0), 5.1: P(0), 5.2: I(10), 5.3: P(0),
    },
    actual: [3, 200],
    problems: { 2.2: ['market:2家餐馆未整改 2026-06-04'] },
    notReturned: [],
  },
  {
    to: '2026-06-11',
    warnings: [['2026-W24-交管站.xlsx', 'sheet/duplicate']],
    tasks: {
      // 1.2: police done (100), market 60 → 80; 2.1: traffic blocked (30), police 60 → blocked at 45.
      1.1: D, 1.2: I(80), 1.3: I(70), 1.4: I(50), 2.1: B(45), 2.2: I(30), 2.3: I(50), 2.4: I(40), 2.5: I(80), 2.6: I(60),
      3.1: I(20), 3.2: I(20), 3.3: I(30), 4.1: I(50), 4.2: I(50), 4.3: I(40), 4.4: I(20), 5.1: P(0), 5.2: I(30), 5.3: P(0),
    },
    actual: [9, 260],
    problems: {
      2.1: ['traffic:缺少警示桩 2026-06-11'], 2.2: ['market:2家餐馆未整改 2026-06-04'], 2.3: ['edu:周边流动摊贩多 2026-06-10'],
    },
    notReturned: [],
  },
  {
    to: '2026-06-18',
    warnings: [['农业站第3周.csv', 'sheet/unverified']],
    tasks: {
      // 2.3: police (a supporter) wrote of clearing the stalls: edu's problem stays open.
      1.1: D, 1.2: D, 1.3: D, 1.4: D, 2.1: I(75), 2.2: I(70), 2.3: I(50), 2.4: I(55), 2.5: D, 2.6: I(90),
      3.1: D, 3.2: I(60), 3.3: D, 4.1: I(80), 4.2: I(80), 4.3: I(70), 4.4: I(20), 5.1: P(0), 5.2: I(60), 5.3: P(0),
    },
    actual: [11, 290],
    problems: { 2.2: ['market:1家餐馆未整改 2026-06-17'], 2.3: ['edu:周边流动摊贩多 2026-06-10'] },
    notReturned: ['villages'],
  },
  {
    to: '2026-06-25',
    warnings: [['2026-W25-各村（社区）.xlsx', 'sheet/earlier-week'], ['2026-W26-派出所.xlsx', 'sheet/duplicate'], ['交管站第4周.csv', 'sheet/unverified']],
    tasks: {
      // 4.4: 各村's late sheet of week 3 (40, June 17), then its week-4 sheet (70).
      1.1: D, 1.2: D, 1.3: D, 1.4: D, 2.1: D, 2.2: D, 2.3: I(90), 2.4: D, 2.5: D, 2.6: D,
      3.1: D, 3.2: D, 3.3: D, 4.1: I(90), 4.2: D, 4.3: D, 4.4: I(70), 5.1: I(30), 5.2: I(80), 5.3: I(20),
    },
    actual: [11, 330],
    problems: {},
    notReturned: [],
  },
];

const json = async (...args: string[]) => {
  const r = await cli([...args, '-f', 'json', '--lang', 'zh']);
  expect(r.stderr).toBe('');
  // A report on each plan is a list, one object per plan: here, one plan.
  return ['status', 'weekly', 'report', 'export'].includes(args[0]!) ? onePlan(r.stdout) : JSON.parse(r.stdout);
};

describe('a township month, collected week by week', () => {
  WEEKS.forEach((week, i) => {
    it(`week ${i + 1}: one command takes the folder, and the table is the leads'`, async () => {
      const folder = join(FIXTURES, `week${i + 1}`);
      const collected = await json('collect', plan, folder, '--as-of', week.to);
      expect(collected.errors).toBe(0);
      expect(collected.findings.map((f: { file: string; rule: string }) => [f.file.split('/').pop(), f.rule]).sort()).toEqual([...week.warnings].sort());
      const rows = (await json('export', plan, '--as-of', week.to)).tasks;
      const leaves = Object.fromEntries(rows.filter((t: { depth: number }) => t.depth === 2).map((t: { id: string; status: string; progress: number }) => [t.id, [t.status, t.progress]]));
      expect(leaves).toEqual(week.tasks);
      const status = await json('status', plan, '--as-of', week.to);
      expect(status.targets.map((t: { actual: number }) => t.actual)).toEqual(week.actual);
      // The table of the week is the one weekly gives by the campaign's week number.
      const weekly = await json('weekly', plan, '--week', String(i + 1));
      expect(weekly.asOf).toBe(week.to);
      const problems = Object.fromEntries([...weekly.unresolved, ...weekly.updatedThisWeek]
        .filter((t: { openProblems: unknown[] }) => t.openProblems.length)
        .map((t: { id: string; openProblems: { unit: string; problems: string; date: string }[] }) => [t.id, t.openProblems.map((p) => `${p.unit}:${p.problems} ${p.date}`)]));
      expect(problems).toEqual(week.problems);
      expect(weekly.notReturned.map((u: { unit: string }) => u.unit)).toEqual(week.notReturned);
      // Collecting the same folder again on another day adds nothing.
      const again = await json('collect', plan, folder, '--as-of', week.to, '--dry-run');
      expect(again.taken).toEqual([]);
      if (i === 2) await chaseWeek3();
    });
  });

  /** On week 3's report day the agenda chases the unit that did not report, and never the township office. */
  async function chaseWeek3() {
    const agenda = await json('agenda', plan, '--as-of', '2026-06-18', '--days', '0');
    expect(agenda.items.filter((i: { kind: string }) => i.kind === 'sheet').map((i: { id: string; units: { id: string }[]; date: string; time: string }) => [i.id, i.units[0]!.id, i.date, i.time]))
      .toEqual([['2026-W25', 'villages', '2026-06-18', '12:00']]);
    const text = await cli(['agenda', plan, '--as-of', '2026-06-18', '--days', '0', '-f', 'text', '--lang', 'zh']);
    expect(text.stdout).toContain('【催报】各村（社区）：请报送第3周（6月12日—6月18日）的进展情况，应于6月18日12:00前报送，今天到期。');
    expect(text.stdout).not.toContain('镇应急办：请报送');
  }

  it('the supporters\' work is theirs: in the week\'s table and its JSON, never in the task\'s state', async () => {
    const w1 = await json('weekly', plan, '--week', '1');
    const t11 = w1.updatedThisWeek.find((t: { id: string }) => t.id === '1.1');
    expect([t11.status, t11.progress]).toEqual(['in_progress', 60]);
    expect(t11.contributions.map((c: { unit: string; status: string | null; note: string }) => [c.unit, c.status, c.note]).sort()).toEqual([
      ['agri', null, '参会'], ['edu', null, '校长参会'], ['health', null, '院长参会'], ['market', null, '参会'],
      ['police', 'done', '所长参加动员会'], ['traffic', null, '参会'], ['villages', null, '村支书参会'],
    ]);
    const table = await cli(['weekly', plan, '--week', '1', '-f', 'md', '--lang', 'zh']);
    expect(table.stdout).toContain('| 召开动员部署会，印发实施方案 |');
    expect(table.stdout).toContain('派出所：所长参加动员会；教育站：校长参会；市场所：参会；卫生院：院长参会；农业站：参会；交管站：参会；各村（社区）：村支书参会');
    // Week 3's 配合单位进展 of 2.3: police's note, while edu's problem of June 10 stays in 存在问题.
    const w3 = await cli(['weekly', plan, '--week', '第3周', '-f', 'md', '--lang', 'zh']);
    const row = w3.stdout.split('\n').find((l) => l.includes('| 2.3 |'))!;
    expect(row).toContain('周边流动摊贩多（6月10日）');
    expect(row).toContain('派出所：配合清理摊贩');
  });

  it('on paper, the week\'s table has the columns a landscape page has room for: supporters\' work under the lead\'s', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'campaign-month-docx-')), 'w2.docx');
    const r = await cli(['weekly', plan, '--week', '2', '-f', 'docx', '-o', out, '--lang', 'zh']);
    expect(r.code).toBe(0);
    const doc = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    const table = doc.match(/<w:tbl>.*?<\/w:tbl>/g)![1]!;
    const cells = (row: string) => (row.match(/<w:tc>.*?<\/w:tc>/g) ?? []).map((c) => (c.match(/<w:p>.*?<\/w:p>/g) ?? []).map((p) => p.replace(/<[^>]+>/g, '')));
    const [header, ...rows] = (table.match(/<w:tr>.*?<\/w:tr>/g) ?? []).map(cells);
    // No 序号 (编号 numbers the rows), no 备注 (its reasons are columns of their own), no 配合单位进展 column;
    // no 下步计划 either, which no one filled in this week.
    expect(header!.map((c) => c.join(''))).toEqual(['编号', '任务', '牵头单位', '配合单位', '完成时限', '状态', '进度', '督办灯', '进展情况', '存在问题']);
    const row = rows.find((c) => c[0]!.join('') === '2.3')!;
    // The lead's work, then on a line of its own what the supporter did; edu's problem stays in its column.
    expect(row[8]).toEqual(['排查学校周边8处', '派出所：配合清理校园周边摊贩']);
    expect(row[9]!.join('')).toBe('周边流动摊贩多');
    // The terminal, md and JSON tables keep every column.
    const md = await cli(['weekly', plan, '--week', '2', '-f', 'md', '--lang', 'zh']);
    expect(md.stdout).toMatch(/\| 序号 \| 编号 \|.*\| 配合单位进展 \| 备注 \|/);
  });
});
