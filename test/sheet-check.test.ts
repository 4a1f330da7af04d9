// A returned sheet checked against the plan, as a pure function: which unit's sheet of which week it is (its
// hidden match sheet, or the header lines of a sheet saved as CSV), every filled cell's finding with its data,
// and the progress entry each right row becomes; then a week's folder gathered, copies of a sheet taken once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../src/io/holidays.js';
import { buildPlan } from '../src/model/build.js';
import type { Plan } from '../src/model/types.js';
import { buildSheets, type UnitSheet } from '../src/sheets/build.js';
import { alreadyLogged, checkSheet, identifySheet, type CheckContext, type CollectedEntry, type SheetFinding, type SheetResult } from '../src/sheets/check.js';
import { gather, type GatherContext, type ReturnedFile } from '../src/sheets/gather.js';
import { columnLetter, columnOfLabel, columnsOf, taskFingerprint, type SheetColumn } from '../src/sheets/layout.js';
import type { FoundCell, FoundRow, ReturnedSheet } from '../src/sheets/read.js';
import { parseSource } from '../src/source/parse.js';
import { HISTORY } from './helpers/plan.js';

const TEXT = readFileSync(HISTORY, 'utf8');
const planOf = (text: string): Plan => buildPlan(parseSource(text).data, loadCalendar());
const PLAN = planOf(TEXT);
const W25 = { week: '2020-W25', from: '2020-06-15', to: '2020-06-21' };
const made = (plan: Plan, unit: string, lang: 'zh' | 'en' = 'zh'): UnitSheet =>
  buildSheets(plan, { week: W25, weekNo: 3, asOf: '2020-06-14', lang, units: [unit] })[0]!;
// Police's sheet: rows 6–9 are 1.1, 1.2 (supported), 2.1 and 2.4; 1.1 has the target 宣讲场次 (场).
const POLICE = made(PLAN, 'police');

type Cells = Partial<Record<SheetColumn, string | Omit<FoundCell, 'ref'>>>;

/** A row as read back, each cell named by its column's letter on the sheet (填报!H6). */
function row(made: UnitSheet, n: number, cells: Cells, below = false): FoundRow {
  const columns = columnsOf(made.metrics);
  const out: FoundRow['cells'] = {};
  for (const [key, v] of Object.entries(cells) as [SheetColumn, string | Omit<FoundCell, 'ref'>][]) {
    const at = columns.findIndex((c) => c.key === key || columnOfLabel(c.label.zh) === key || columnOfLabel(c.label.en) === key);
    out[key] = { ...(typeof v === 'string' ? { text: v } : v), ref: `填报!${columnLetter(at < 0 ? columns.length : at)}${n}` };
  }
  return { row: n, cells: out, below };
}

/** The sheet as made, its rows filled in by task id, with rows added after them. */
function returned(fill: Record<string, Cells>, opts: { made?: UnitSheet; added?: FoundRow[]; file?: string } & Partial<ReturnedSheet> = {}): ReturnedSheet {
  const { made: m = POLICE, added = [], file = 'p.xlsx', ...over } = opts;
  const rows = m.rows.map((r, i) => row(m, 6 + i, { id: r.id, task: r.task, ...fill[r.id] }));
  return { file, kind: 'xlsx', sheet: '填报', meta: m.meta, header: [], rows: [...rows, ...added], ...over };
}

const CTX: CheckContext = { current: { from: '2020-06-15', to: '2020-06-21', label: '第3周（6月15日—6月21日）', weekNo: 3 }, asOf: '2020-06-21', lang: 'zh' };
const check = (sheet: ReturnedSheet, plan = PLAN, ctx = CTX) => checkSheet(plan, sheet, ctx);
const said = (findings: readonly SheetFinding[]) => findings.map((f) => [f.cell, f.id, f.data, f.severity]);
const entries = (r: SheetResult) => r.rows.map((x): [number, string, CollectedEntry] => [x.row, x.task.id, x.entry]);

describe('which sheet it is', () => {
  it('by its match sheet: the unit, the week and the tasks it was made with', () => {
    const { identity, findings } = identifySheet(PLAN, returned({}));
    expect([identity, findings]).toEqual([{
      unit: 'police', unitName: '派出所', from: '2020-06-15', to: '2020-06-21', format: 'campaign-sheet/2', lang: 'zh',
      tasks: ['1.1', '1.2', '2.1', '2.4'].map((id) => ({ id, fingerprint: taskFingerprint(PLAN.allTasks.find((t) => t.id === id)!) })),
    }, []]);
  });

  it.each<[string, Partial<ReturnedSheet>, SheetFinding['id'], object]>([
    ['refused by a reader\'s limit', { refused: { why: 'timeout', limit: 10 }, unreadable: 'timeout' }, 'sheet/refused', { file: 'p.xlsx', why: 'timeout', limit: 10 }],
    ['unreadable, with no match sheet', { meta: undefined, unreadable: 'no worksheet' }, 'sheet/not-a-sheet', { file: 'p.xlsx', reason: 'no worksheet' }],
    ['of another format', { meta: { ...POLICE.meta, format: 'campaign-sheet/9' } }, 'sheet/format', { file: 'p.xlsx', format: 'campaign-sheet/9', expected: 'campaign-sheet/2' }],
    ['of another plan', { meta: { ...POLICE.meta, planTitle: '白河乡方案' } }, 'sheet/other-plan', { file: 'p.xlsx', sheetPlan: '白河乡方案', plan: '测试乡2020年“安全生产月”活动方案' }],
    ['of a unit no longer in the plan', { meta: { ...POLICE.meta, unit: 'fire', unitName: '消防队' } }, 'sheet/unit', { file: 'p.xlsx', unit: 'fire', unitName: '消防队' }],
    ['matched, but with no table', { unreadable: 'no table header' }, 'sheet/not-a-sheet', { file: 'p.xlsx', reason: 'no table header' }],
  ])('none when it is %s, with the finding that says why', (_, over, id, data) => {
    const r = check(returned({ '2.1': { note: '排查2处' } }, over));
    expect([said(r.findings), r.rows, r.filled, r.identity, r.errorRows, [...r.filledRows]]).toEqual([[['', id, data, 'error']], [], 0, undefined, [], []]);
  });

  it('refused for its size: the size said with the limit; refused for another limit: no size at all', () => {
    const big = identifySheet(PLAN, returned({}, { refused: { why: 'size', limit: 20, size: 21 }, unreadable: 'size' })).findings;
    expect(said(big)).toEqual([['', 'sheet/refused', { file: 'p.xlsx', why: 'size', limit: 20, size: 21 }, 'error']]);
    const slow = identifySheet(PLAN, returned({}, { refused: { why: 'timeout', limit: 10 }, unreadable: 'timeout' })).findings;
    expect(Object.keys(slow[0]!.data)).toEqual(['file', 'why', 'limit']);
  });

  it.each<[string, NonNullable<ReturnedSheet['csvDamage']>, SheetFinding['id'], object]>([
    ['in an encoding no CSV sheet comes in', { why: 'encoding', encoding: 'UTF-16' }, 'sheet/file-encoding', { file: 'p.csv', encoding: 'UTF-16' }],
    ['cut by a quote never closed', { why: 'quote', line: 7 }, 'sheet/csv-quote', { file: 'p.csv', line: 7 }],
  ])('none when it is a CSV %s, with the finding that says where', (_, csvDamage, id, data) => {
    const sheet: ReturnedSheet = { file: 'p.csv', kind: 'csv', sheet: '', header: [], rows: [], csvDamage };
    const r = check(sheet);
    expect([said(r.findings), r.rows, r.identity]).toEqual([[['', id, data, 'error']], [], undefined]);
    expect(Object.keys(r.findings[0]!.data)).toEqual(Object.keys(data));
  });

  it('the plan\'s title as the sheet was made with it, spaces aside, is the plan\'s', () => {
    const meta = { ...POLICE.meta, planTitle: ' 测试乡2020年 “安全生产月” 活动方案 ' };
    expect(identifySheet(PLAN, returned({}, { meta })).identity?.unit).toBe('police');
  });

  describe('by its header lines, when a spreadsheet saved it as CSV', () => {
    const header = ['测试乡2020年“安全生产月”活动方案 — 进展情况填报表', '填报单位：派出所 周次：第3周（6月15日—6月21日） 报送期限：2020-06-19前', '方案：测试乡2020年“安全生产月”活动方案'];
    const csv = (lines: string[], plan = PLAN) => identifySheet(plan, { ...returned({}), meta: undefined, kind: 'csv', header: lines });

    it('names the unit, the week in the plan\'s year, and warns that it could not be verified', () => {
      expect([csv(header).identity, said(csv(header).findings)]).toEqual([
        { unit: 'police', unitName: '派出所', from: '2020-06-15', to: '2020-06-21', lang: 'zh' }, [['', 'sheet/unverified', { file: 'p.xlsx' }, 'warning']],
      ]);
      // An English sheet, its week written with its days; a field alone on its line.
      const en = ['Reporting unit: edu', 'Week: week 3 (2020-06-15 to 2020-06-21)', 'Plan: 测试乡2020年“安全生产月”活动方案'];
      expect(csv(en).identity).toEqual({ unit: 'edu', unitName: '教育站', from: '2020-06-15', to: '2020-06-21', lang: 'en' });
    });

    it('a week in days without a year: the year nearest the plan\'s period, or its year', () => {
      const week = (text: string, plan = PLAN) => csv([header[0]!, `填报单位：派出所 周次：${text}`, header[2]!], plan).identity;
      expect(week('12月28日至1月3日')).toMatchObject({ from: '2019-12-28', to: '2020-01-03' }); // each day nearest June 2020
      expect(week('6月21日至6月15日')).toBeUndefined();
      expect(week('6月15日~6月21日')).toMatchObject({ from: '2020-06-15', to: '2020-06-21' });
      expect(week('6月15日 - 6月21日')).toMatchObject({ from: '2020-06-15', to: '2020-06-21' });
      expect(week('6月15日——6月21日')).toMatchObject({ from: '2020-06-15', to: '2020-06-21' });
      expect(week('9月28日至10月4日')).toMatchObject({ from: '2020-09-28', to: '2020-10-04' });
      expect(week('2020-06-15至2020-06-21')).toMatchObject({ from: '2020-06-15', to: '2020-06-21' });
      expect(week('2020-06-15  ~  2020-06-21')).toMatchObject({ from: '2020-06-15', to: '2020-06-21' });
      expect(week('2月30日至3月5日')).toBeUndefined();
      expect(week('6月15日至2月30日')).toBeUndefined();
      const yearOnly = planOf(TEXT.replace('period: {start: 2020-06-01, end: 2020-06-30}\n', ''));
      expect(week('第3周（6月15日—6月21日）', yearOnly)).toMatchObject({ from: '2020-06-15', to: '2020-06-21' });
      const neither = planOf(TEXT.replace('period: {start: 2020-06-01, end: 2020-06-30}\n', '').replace('year: 2020\n', ''));
      expect(csv([header[0]!, header[1]!, header[2]!], neither).findings.map((f) => [f.id, f.data])).toEqual([['sheet/unidentified', { file: 'p.xlsx', missing: ['week'] }]]);
    });

    it.each<[string, string[], SheetFinding['id'], object]>([
      ['says no unit, week or plan', ['进展情况填报表'], 'sheet/unidentified', { file: 'p.xlsx', missing: ['unit', 'week', 'plan'] }],
      ['says no week', ['填报单位：派出所', '方案：测试乡2020年“安全生产月”活动方案'], 'sheet/unidentified', { file: 'p.xlsx', missing: ['week'] }],
      ['says a week that is no week', ['填报单位：派出所 周次：下周', '方案：测试乡2020年“安全生产月”活动方案'], 'sheet/unidentified', { file: 'p.xlsx', missing: ['week'] }],
      ['names another plan', ['填报单位：派出所 周次：第3周（6月15日—6月21日）', '方案：白河乡方案'], 'sheet/other-plan', { file: 'p.xlsx', sheetPlan: '白河乡方案', plan: '测试乡2020年“安全生产月”活动方案' }],
      ['names no unit of the plan', ['填报单位：消防队 周次：第3周（6月15日—6月21日）', '方案：测试乡2020年“安全生产月”活动方案'], 'sheet/unit', { file: 'p.xlsx', unit: '消防队', unitName: '消防队' }],
    ])('is none when its header %s', (_, lines, id, data) => {
      expect(csv(lines).findings.map((f) => [f.id, f.data, f.severity])).toEqual([[id, data, 'error']]);
    });
  });
});

describe('each filled row', () => {
  it('becomes the unit\'s entry: its date, status, progress, note, problems, next steps and figures', () => {
    const r = check(returned({
      '1.1': { note: '回头看1场', newStatus: '已完成', date: { text: '2020-06-18', date: '2020-06-18' }, 'actual:宣讲场次（场）': { text: '5', number: 5 } },
      '2.1': { note: '排查5处', newStatus: '进展中', newProgress: { text: '60', number: 60 }, problems: '缺警示牌', next: '协调交管站', date: '6月19日', person: '张三' },
    }));
    expect(said(r.findings)).toEqual([]);
    expect(entries(r)).toEqual([
      [6, '1.1', { date: '2020-06-18', status: 'done', progress: 100, note: '回头看1场', by: 'police', actual: { 宣讲场次: 5 } }],
      [8, '2.1', { date: '2020-06-19', status: 'in_progress', progress: 60, note: '排查5处', problems: '缺警示牌', next: '协调交管站', by: 'police' }],
    ]);
    expect([r.filled, [...r.filledRows], r.latest]).toEqual([2, [[6, '1.1'], [8, '2.1']], '2020-06-19']);
  });

  it('a row with only a date and a name says nothing, and a row with a figure alone says something', () => {
    const r = check(returned({ '2.1': { date: '2020-06-19', person: '张三' }, '1.1': { 'actual:宣讲场次（场）': '6' } }));
    expect([r.filled, entries(r)]).toEqual([1, [[6, '1.1', { date: '2020-06-21', by: 'police', actual: { 宣讲场次: 6 } }]]]);
    expect(r.latest).toBeUndefined();
  });

  it('a blank 填报日期 is the week\'s last day, or its weekly deadline when that comes first; never later than today without a warning', () => {
    expect(entries(check(returned({ '2.1': { note: 'a' } })))).toEqual([[8, '2.1', { date: '2020-06-21', note: 'a', by: 'police' }]]);
    const friday = planOf(TEXT.replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: friday, time: "12:00"}\n'));
    expect(entries(check(returned({ '2.1': { note: 'a' } }, { made: made(friday, 'police') }), friday))).toEqual([[8, '2.1', { date: '2020-06-19', note: 'a', by: 'police' }]]);
    // A deadline on the Monday after the week: the week's last day still.
    const monday = planOf(TEXT.replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: monday, time: "12:00"}\n'));
    expect(entries(check(returned({ '2.1': { note: 'a' } }, { made: made(monday, 'police') }), monday))).toEqual([[8, '2.1', { date: '2020-06-21', note: 'a', by: 'police' }]]);
    const early = check(returned({ '2.1': { note: 'a' } }), PLAN, { ...CTX, asOf: '2020-06-18' });
    // Said on the date cell, which a spreadsheet leaves out when it is empty: then on the note.
    expect(said(early.findings)).toEqual([['填报!H8', 'sheet/blank-date-future', { date: '2020-06-21', asOf: '2020-06-18' }, 'warning']]);
    expect(early.rows).toHaveLength(1);
  });

  it('a date on the report day after the week is the week\'s last day; a later one, or one before the week, is not the week\'s', () => {
    const friday = planOf(TEXT.replace('units:\n', 'reporting: {weekStarts: friday}\nunits:\n').replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: friday}\n'));
    const sheet = buildSheets(friday, { week: { week: '2020-W25', from: '2020-06-12', to: '2020-06-18' }, weekNo: 3, asOf: '2020-06-11', lang: 'zh', units: ['police'] })[0]!;
    const ctx = { ...CTX, current: { ...CTX.current, from: '2020-06-12', to: '2020-06-18' } };
    const dated = (date: string) => checkSheet(friday, returned({ '2.1': { note: 'a', date } }, { made: sheet }), ctx);
    expect(entries(dated('2020-06-19'))).toEqual([[8, '2.1', { date: '2020-06-18', note: 'a', by: 'police' }]]);
    expect(dated('2020-06-19').latest).toBe('2020-06-18');
    expect(said(dated('2020-06-20').findings)).toEqual([['填报!M8', 'sheet/date-week', { value: '2020-06-20', from: '2020-06-12', to: '2020-06-18' }, 'error']]);
    expect(said(dated('2020-06-11').findings)).toEqual([['填报!M8', 'sheet/date-week', { value: '2020-06-11', from: '2020-06-12', to: '2020-06-18' }, 'error']]);
    expect(said(dated('2020-06-12').findings)).toEqual([]);
  });

  it('a date still to come is taken with a warning; a date that is none is an error', () => {
    const r = check(returned({ '2.1': { note: 'a', date: '2020-06-20' }, '2.4': { note: 'b', date: { text: '#NUM!' } } }), PLAN, { ...CTX, asOf: '2020-06-19' });
    expect(said(r.findings)).toEqual([
      ['填报!M8', 'sheet/date-future', { value: '2020-06-20', asOf: '2020-06-19' }, 'warning'],
      ['填报!M9', 'sheet/date', { value: '#NUM!' }, 'error'],
    ]);
    expect(entries(r)).toEqual([[8, '2.1', { date: '2020-06-20', note: 'a', by: 'police' }]]);
    // A day number in a cell with no text is read too.
    expect(entries(check(returned({ '2.1': { note: 'a', date: { text: '', number: 43999 } } })))).toEqual([[8, '2.1', { date: '2020-06-17', note: 'a', by: 'police' }]]);
  });

  it('settles status and progress: 已完成 is 100 %, 100 % is 已完成, and says what contradicts', () => {
    const r = check(returned({
      '1.1': { newProgress: '100', note: 'a', date: '2020-06-15' },
      '1.2': { newStatus: '已取消', newProgress: '100' },
      '2.1': { newStatus: '已完成', newProgress: '80', note: 'c', date: '2020-06-18' },
      '2.4': { newStatus: '受阻', newProgress: '100', note: 'd' },
    }), PLAN, { ...CTX, asOf: '2020-06-21' });
    expect(said(r.findings)).toEqual([
      ['填报!J8', 'sheet/status-progress', { status: '已完成', progress: 80 }, 'error'],
      ['填报!J9', 'sheet/status-progress', { status: '受阻', progress: 100 }, 'error'],
    ]);
    expect(entries(r)).toEqual([
      [6, '1.1', { date: '2020-06-15', status: 'done', progress: 100, note: 'a', by: 'police' }],
      [7, '1.2', { date: '2020-06-21', status: 'cancelled', progress: 100, by: 'police' }],
    ]);
    // 进行中 at 100 %: the same finding, on the progress cell; with no progress cell, on the status.
    expect(said(check(returned({ '2.1': { newStatus: '进行中', newProgress: '100', note: 'e' } })).findings)).toEqual([['填报!J8', 'sheet/status-progress', { status: '进行中', progress: 100 }, 'error']]);
  });

  it('a done row with no date after the task\'s due date is late, and said', () => {
    // 2.1 is due June 18: its blank date is June 21.
    const r = check(returned({ '2.1': { newStatus: '完成', note: 'a' }, '2.4': { newStatus: '完成', note: 'b' } }));
    // Said on the date cell, or with none, on the status.
    expect(said(r.findings)).toEqual([['填报!I8', 'sheet/blank-date-late', { task: '2.1', date: '2020-06-21', due: '2020-06-18' }, 'warning']]);
    expect(said(check(returned({ '2.1': { newStatus: '完成', note: 'a', date: '' } })).findings)).toEqual([['填报!M8', 'sheet/blank-date-late', { task: '2.1', date: '2020-06-21', due: '2020-06-18' }, 'warning']]);
    expect(entries(r).map(([n]) => n)).toEqual([8, 9]);
    // A typed date is the unit's word: no warning; nor for a row not done.
    expect(check(returned({ '2.1': { newStatus: '完成', note: 'a', date: '2020-06-19' } })).findings).toEqual([]);
    expect(check(returned({ '2.1': { newStatus: '进行中', note: 'a' } })).findings).toEqual([]);
  });

  it('a progress below the unit\'s own last needs a note', () => {
    // Police's last on 1.1 is 100 (June 10); on 1.2 it said 80 (June 17).
    const r = check(returned({ '1.1': { newProgress: '90' }, '1.2': { newProgress: '70', note: '返工' }, '2.4': { newProgress: '10' } }));
    expect(said(r.findings)).toEqual([['填报!J6', 'sheet/progress-down', { task: '1.1', was: 100, now: 90 }, 'error']]);
    expect(entries(r).map(([n]) => n)).toEqual([7, 9]);
    expect(check(returned({ '1.2': { newProgress: '80' } })).findings).toEqual([]);
  });

  it('past 20 findings of one kind the rest are counted in one finding, a warning when they are warnings', () => {
    const added = Array.from({ length: 22 }, (_, i) => row(POLICE, 11 + i, { id: '2.4', note: `补充${i + 1}` }, true));
    const r = check(returned({}, { added }));
    expect(said(r.findings.slice(19))).toEqual([['填报!A30', 'sheet/added-row', { task: '2.4' }, 'warning'], ['', 'sheet/more', { rule: 'sheet/added-row', count: 2 }, 'warning']]);
    expect([r.findings.length, r.errorRows]).toEqual([21, []]);
  });

  it('a finding\'s row is its cell\'s, on a fill-in sheet whose name ends in a number too', () => {
    const sheet = returned({ '2.1': { newStatus: '乱写' } });
    const renamed: ReturnedSheet = { ...sheet, sheet: 'Sheet2', rows: sheet.rows.map((r) => ({ ...r, cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { ...c!, ref: c!.ref.replace('填报!', 'Sheet2!') }])) })) };
    const r = check(renamed);
    expect([r.findings.map((f) => [f.cell, f.row, f.id]), r.errorRows]).toEqual([[['Sheet2!I8', 8, 'sheet/status']], [8]]);
  });

  it('names each wrong cell with its value, and takes nothing from that row', () => {
    const r = check(returned({
      '1.1': { newStatus: '进展', 'actual:宣讲场次（场）': '很多' },
      '2.1': { newProgress: '120', date: '6月31日' },
      '2.4': { note: '检查\uFFFD家', 'actual:宣讲场次（场）': '3' },
    }));
    expect(said(r.findings)).toEqual([
      ['填报!I6', 'sheet/status', { value: '进展', allowed: ['未开始', '进行中', '已完成', '受阻', '已取消'], suggestion: '进行中' }, 'error'],
      ['填报!O6', 'sheet/figure', { value: '很多', metric: '宣讲场次' }, 'error'],
      ['填报!J8', 'sheet/progress', { value: '120' }, 'error'],
      ['填报!M8', 'sheet/date', { value: '6月31日' }, 'error'],
      ['填报!H9', 'sheet/encoding', { value: '检查\uFFFD家', column: 'note' }, 'error'],
      ['填报!O9', 'sheet/no-target', { task: '2.4', metric: '宣讲场次' }, 'error'],
    ]);
    expect([r.rows, r.filled]).toEqual([[], 3]);
    // A status nothing is near: no suggestion; a bad character in a long cell: its first 20 characters.
    const far = check(returned({ '2.1': { newStatus: 'zzzzzzzz', next: `${'一二三四五六七八九十'.repeat(3)}\uFFFD` } }));
    expect(far.findings.map((f) => f.data)).toEqual([
      { value: `${'一二三四五六七八九十'.repeat(2)}`, column: 'next' },
      { value: 'zzzzzzzz', allowed: ['未开始', '进行中', '已完成', '受阻', '已取消'], suggestion: undefined },
    ]);
  });

  it('a figure past 10^12 is no count: said with the limit; a column for no target named with a unit of two characters, the metric without it', () => {
    const r = check(returned({ '1.1': { 'actual:宣讲场次（场）': { text: '1e13', number: 1e13 } }, '2.4': { note: 'x', 'actual:培训人数（人次）': '3' } }));
    expect(said(r.findings)).toEqual([
      ['填报!O6', 'sheet/figure-limit', { value: '1e13', metric: '宣讲场次', limit: 1e12 }, 'error'],
      ['填报!P9', 'sheet/no-target', { task: '2.4', metric: '培训人数' }, 'error'],
    ]);
  });

  it('a figure cell a spreadsheet left empty (a formula with no value kept) says nothing', () => {
    const r = check(returned({ '1.1': { 'actual:宣讲场次（场）': '' } }));
    expect([r.findings, r.filled, r.rows]).toEqual([[], 0, []]);
  });

  it('of a sheet\'s 填报日期, the latest typed is the sheet\'s; none typed, none', () => {
    expect(check(returned({ '2.1': { note: 'a', date: '2020-06-19' }, '2.4': { note: 'b', date: '2020-06-17' } })).latest).toBe('2020-06-19');
    expect(check(returned({ '2.1': { note: 'a', date: '2020-06-17' }, '2.4': { note: 'b' } })).latest).toBe('2020-06-17');
    expect('latest' in check(returned({ '2.1': { note: 'a' } }))).toBe(false);
  });

  it('figures under a column named with the metric\'s unit, in either language, or with none', () => {
    const en = made(PLAN, 'police', 'en');
    const ctx = { ...CTX, lang: 'en' as const };
    const r = checkSheet(PLAN, returned({ '1.1': { 'actual:宣讲场次 (场)': '5' } }, { made: en }), ctx);
    expect(entries(r)).toEqual([[6, '1.1', { date: '2020-06-21', by: 'police', actual: { 宣讲场次: 5 } }]]);
    const bare = check(returned({ '1.1': { 'actual:宣讲场次': '4' } }));
    expect(entries(bare)).toEqual([[6, '1.1', { date: '2020-06-21', by: 'police', actual: { 宣讲场次: 4 } }]]);
    // A column for a metric the task has none of, named with a unit: the metric without it.
    expect(said(check(returned({ '1.1': { 'actual:检查家数（家）': '4' } })).findings)).toEqual([['填报!P6', 'sheet/no-target', { task: '1.1', metric: '检查家数' }, 'error']]);
    expect(said(check(returned({ '1.1': { 'actual:检查家数 (家)': 'x' } })).findings)).toEqual([['填报!P6', 'sheet/figure', { value: 'x', metric: '检查家数' }, 'error']]);
  });
});

describe('rows that are not as the sheet was made', () => {
  it('a task\'s title cleared: edited, said on the row', () => {
    const sheet = returned({ '2.1': { note: 'a' } });
    delete sheet.rows[2]!.cells.task;
    const r = check(sheet);
    expect(r.findings.map((f) => [f.cell, f.row, f.id, f.data])).toEqual([['', 8, 'sheet/edited', { column: '任务', was: '道路交通隐患排查', now: '' }]]);
  });

  it('a row of no task of the unit, with a progress and a figure but no note, or done with no date: not assigned, nothing more', () => {
    const r = check(returned({}, { added: [row(POLICE, 11, { id: '9.9', newProgress: '50', 'actual:宣讲场次（场）': '2' }, true), row(POLICE, 12, { id: '9.8', newStatus: '已完成' }, true)] }));
    expect(said(r.findings)).toEqual([['填报!A11', 'sheet/not-assigned', { task: '9.9', unit: '派出所' }, 'error'], ['填报!A12', 'sheet/not-assigned', { task: '9.8', unit: '派出所' }, 'error']]);
  });

  it('an id typed over a row of the table whose own task moved below it: that id not assigned, the task taken below', () => {
    const r = check(returned({ '2.1': { id: '9.9', note: 'x' } }, { added: [row(POLICE, 11, { id: '2.1', task: '道路交通隐患排查', note: 'y' }, true)] }));
    expect(said(r.findings)).toEqual([['填报!A8', 'sheet/not-assigned', { task: '9.9', unit: '派出所' }, 'error'], ['填报!A11', 'sheet/added-row', { task: '2.1' }, 'warning']]);
  });

  it('on a sheet saved as CSV, the table is the unit\'s leaf tasks: a row for a heading (1) is no task of the unit', () => {
    const header = ['填报单位：派出所 周次：第3周（6月15日—6月21日）', '方案：测试乡2020年“安全生产月”活动方案'];
    const sheet: ReturnedSheet = { ...returned({ '2.1': { note: 'a' } }, { added: [row(POLICE, 10, { id: '1', note: 'b' })] }), meta: undefined, kind: 'csv', header };
    const r = check(sheet);
    expect(said(r.findings)).toEqual([['', 'sheet/unverified', { file: 'p.xlsx' }, 'warning'], ['填报!A10', 'sheet/not-assigned', { task: '1', unit: '派出所' }, 'error']]);
    expect(entries(r).map(([n, id]) => [n, id])).toEqual([[8, '2.1']]);
  });

  it('a task\'s title edited, apart from spaces and line breaks: refused on the title\'s cell', () => {
    const r = check(returned({ '2.1': { task: '道路交通隐患排查（已改）', note: 'a' }, '2.4': { task: ' 重点企业\n专项检查 ', note: 'b' } }));
    expect(said(r.findings)).toEqual([['填报!B8', 'sheet/edited', { column: '任务', was: '道路交通隐患排查', now: '道路交通隐患排查（已改）' }, 'error']]);
    expect(entries(r).map(([n]) => n)).toEqual([9]);
  });

  it('a task changed since: stale, on its title; a task gone from the plan: stale, on its id', () => {
    const changed = planOf(TEXT.replace('        title: 道路交通隐患排查\n        lead: [police]\n        due: 2020-06-18', '        title: 道路交通隐患排查\n        lead: [police]\n        due: 2020-06-25'));
    expect(said(check(returned({ '2.1': { note: 'a' } }), changed).findings)).toEqual([['填报!B8', 'sheet/stale', { task: '2.1', title: '道路交通隐患排查' }, 'error']]);
    const gone = planOf(TEXT.replace('      - id: "2.1"\n        title: 道路交通隐患排查\n        lead: [police]\n        due: 2020-06-18\n', ''));
    expect(said(check(returned({ '2.1': { note: 'a' } }), gone).findings)).toEqual([['填报!A8', 'sheet/stale', { task: '2.1', title: '' }, 'error']]);
  });

  it('a version 1 sheet (its tasks fingerprinted by id and title) whose task is no longer the unit\'s: not assigned', () => {
    const moved = planOf(TEXT.replace('        title: 道路交通隐患排查\n        lead: [police]', '        title: 道路交通隐患排查\n        lead: [market]'));
    const meta = { ...POLICE.meta, format: 'campaign-sheet/1', tasks: POLICE.meta.tasks.map((t) => ({ id: t.id, fingerprint: taskFingerprint(PLAN.allTasks.find((x) => x.id === t.id)!, 'campaign-sheet/1') })) };
    const r = check(returned({ '2.1': { note: 'a' }, '2.4': { note: 'b' } }, { meta }), moved);
    expect(said(r.findings)).toEqual([['填报!A8', 'sheet/not-assigned', { task: '2.1', unit: '派出所' }, 'error']]);
    expect(entries(r).map(([n]) => n)).toEqual([9]);
  });

  it('an id typed over another task\'s row, or a row moved within the table: matched by id', () => {
    const r = check(returned({ '2.1': { id: '1.3', note: 'a' } }));
    expect(said(r.findings)).toEqual([['填报!A8', 'sheet/edited', { column: '编号', was: '2.1', now: '1.3' }, 'error']]);
    // Rows sorted otherwise: each still its task's.
    const sorted = returned({ '2.4': { note: 'b' }, '1.1': { note: 'a' } });
    sorted.rows.reverse();
    expect([check(sorted).findings, entries(check(sorted)).map(([n, id]) => [n, id])]).toEqual([[], [[9, '2.4'], [6, '1.1']]]);
  });

  it('rows added below the table: for one of the unit\'s tasks taken with a warning, else said why not', () => {
    const added = [
      row(POLICE, 11, { id: '2.4', note: '补充' }, true),
      row(POLICE, 12, { id: '1.3', note: '帮忙' }, true),
      row(POLICE, 13, { id: '9.9', note: '?' }, true),
      row(POLICE, 14, { note: '没有编号' }, true),
      row(POLICE, 15, { id: '2.1', task: '别的任务', note: 'x' }, true),
      row(POLICE, 16, { id: '2.1', task: '道路交通隐患排查', note: 'y' }, true),
      row(POLICE, 17, { problems: '只有问题' }, true),
    ];
    const r = check(returned({}, { added }));
    expect(said(r.findings)).toEqual([
      ['填报!A11', 'sheet/added-row', { task: '2.4' }, 'warning'],
      ['填报!A12', 'sheet/not-assigned', { task: '1.3', unit: '派出所' }, 'error'],
      ['填报!A13', 'sheet/not-assigned', { task: '9.9', unit: '派出所' }, 'error'],
      ['填报!H14', 'sheet/no-task', {}, 'error'],
      ['填报!B15', 'sheet/edited', { column: '任务', was: '道路交通隐患排查', now: '别的任务' }, 'error'],
      ['填报!A16', 'sheet/added-row', { task: '2.1' }, 'warning'],
      ['填报!K17', 'sheet/no-task', {}, 'error'],
    ]);
    expect(entries(r).map(([n, id]) => [n, id])).toEqual([[11, '2.4'], [16, '2.1']]);
    expect(r.filled).toBe(7);
  });

  it('a row within the table\'s length whose id is another of the sheet\'s tasks, with the table\'s own row there too: taken as that task\'s', () => {
    const sheet = returned({ '1.1': { note: 'a' } }, { added: [row(POLICE, 10, { id: '1.1', note: 'b' })] });
    expect(said(check(sheet).findings)).toEqual([['填报!A10', 'sheet/added-row', { task: '1.1' }, 'warning']]);
  });
});

describe('a sheet of an earlier week', () => {
  it('is said, and its rows may be dated up to the end of the week being collected', () => {
    const w24 = buildSheets(PLAN, { week: { week: '2020-W24', from: '2020-06-08', to: '2020-06-14' }, weekNo: 2, asOf: '2020-06-07', lang: 'zh', units: ['police'] })[0]!;
    const r = check(returned({ '2.1': { note: 'a', date: '2020-06-20' }, '2.4': { note: 'b' } }, { made: w24 }));
    expect(said(r.findings)).toEqual([['', 'sheet/earlier-week', { week: '第2周（6月8日—6月14日）', current: '第3周（6月15日—6月21日）' }, 'warning']]);
    expect(entries(r).map(([n, , e]) => [n, e.date])).toEqual([[8, '2020-06-20'], [9, '2020-06-14']]);
    // Outside the campaign's numbered weeks, or before its first: the week by its days alone.
    const unnumbered = check(returned({}, { made: w24 }), PLAN, { ...CTX, current: { ...CTX.current, weekNo: null } });
    expect(unnumbered.findings[0]!.data).toEqual({ week: '6月8日—6月14日', current: '第3周（6月15日—6月21日）' });
    const second = check(returned({}, { made: w24 }), PLAN, { ...CTX, current: { ...CTX.current, weekNo: 2 } });
    expect(second.findings[0]!.data).toEqual({ week: '第1周（6月8日—6月14日）', current: '第3周（6月15日—6月21日）' });
    const first = check(returned({}, { made: w24 }), PLAN, { ...CTX, current: { ...CTX.current, weekNo: 1 } });
    expect(first.findings[0]!.data).toEqual({ week: '6月8日—6月14日', current: '第3周（6月15日—6月21日）' });
    const noPeriod = planOf(TEXT.replace('period: {start: 2020-06-01, end: 2020-06-30}\n', ''));
    expect(checkSheet(noPeriod, returned({}, { made: w24 }), CTX).findings[0]!.data).toEqual({ week: '6月8日—6月14日', current: '第3周（6月15日—6月21日）' });
  });
});

describe('already in the log', () => {
  const task = PLAN.allTasks.find((t) => t.id === '1.2')!;
  const logged = { date: '2020-06-17', progress: 80, note: '协助开展校园交通安全宣讲', by: 'police' };
  it('an entry the log has, field for field, figures included', () => {
    expect(alreadyLogged(task, logged)).toBe(true);
    for (const other of [{ date: '2020-06-18' }, { by: 'edu' }, { status: 'done' as const }, { progress: 81 }, { note: 'x' }, { problems: 'x' }, { next: 'x' }, { actual: { 人数: 1 } }]) {
      expect(alreadyLogged(task, { ...logged, ...other }), JSON.stringify(other)).toBe(false);
    }
    const withFigures = { ...task, updates: [{ ...task.updates[1]!, actual: { 人数: 1, 场次: 2 } }] };
    expect(alreadyLogged(withFigures, { ...logged, actual: { 人数: 1, 场次: 2 } })).toBe(true);
    expect(alreadyLogged(withFigures, { ...logged, actual: { 人数: 1, 场次: 3 } })).toBe(false);
    expect(alreadyLogged(withFigures, { ...logged, actual: { 人数: 1 } })).toBe(false);
    expect(alreadyLogged(withFigures, { ...logged, actual: { 人数: 1, 次数: 2 } })).toBe(false);
  });
});

describe('a week\'s folder', () => {
  const CONTEXT: GatherContext = { asOf: '2020-06-21', lang: 'zh', partial: false, reported: { from: '2020-06-15', to: '2020-06-21', weekNo: 3 }, weekStarts: 'monday' };
  const file = (sheet: ReturnedSheet, modified = 0): ReturnedFile => ({ sheet, modified });
  const notes = (g: ReturnType<typeof gather>) => g.taken.map((t) => [t.file, t.task.id, t.entry.note]);

  it('copies of a unit\'s sheet: each task from the copy with the latest 填报日期, the others said', () => {
    const a = returned({ '2.1': { note: 'a', date: '2020-06-17' }, '2.4': { note: 'a4', date: '2020-06-17' } }, { file: 'a.xlsx' });
    const b = returned({ '2.1': { note: 'b', date: '2020-06-19' } }, { file: 'b.xlsx' });
    const g = gather(PLAN, [file(a), file(b)], CONTEXT);
    expect(notes(g)).toEqual([['a.xlsx', '2.4', 'a4'], ['b.xlsx', '2.1', 'b']]);
    expect(g.files.map((f) => [f.file, said(f.findings), f.taken.length, f.filled])).toEqual([
      ['a.xlsx', [['', 'sheet/duplicate', { file: 'a.xlsx', kept: 'b.xlsx', unit: '派出所', week: '6月15日—6月21日', rows: [8] }, 'warning']], 1, 2],
      ['b.xlsx', [], 1, 1],
    ]);
  });

  it('of copies filled in on one day, the newer file; then the re-sent copy\'s number; then the later name', () => {
    const copy = (name: string, note: string) => returned({ '2.1': { note } }, { file: name });
    const kept = (files: ReturnedFile[]) => gather(PLAN, files, CONTEXT).taken.map((t) => t.entry.note);
    expect(kept([file(copy('x.xlsx', 'old'), 1), file(copy('y.xlsx', 'new'), 2)])).toEqual(['new']);
    expect(kept([file(copy('y.xlsx', 'new'), 2), file(copy('x.xlsx', 'old'), 1)])).toEqual(['new']);
    expect(kept([file(copy('派出所(2).xlsx', 'two')), file(copy('派出所（10）.xlsx', 'ten')), file(copy('派出所.xlsx', 'none'))])).toEqual(['ten']);
    expect(kept([file(copy('b.xlsx', 'b')), file(copy('a.xlsx', 'a'))])).toEqual(['b']);
    expect(kept([file(copy('a.xlsx', 'a')), file(copy('b.xlsx', 'b'))])).toEqual(['b']);
  });

  it('a copy\'s findings on rows a later copy gives are the later copy\'s; its own rows\' findings stay', () => {
    const a = returned({ '2.1': { note: 'a', newStatus: '差不多' }, '2.4': { note: 'a4', newStatus: '还行' } }, { file: 'a.xlsx' });
    const b = returned({ '2.1': { note: 'b', date: '2020-06-19' } }, { file: 'b.xlsx' });
    const g = gather(PLAN, [file(a), file(b)], CONTEXT);
    expect(g.files[0]!.findings.map((f) => [f.cell, f.id])).toEqual([['填报!I9', 'sheet/status'], ['', 'sheet/duplicate']]);
    expect([g.files[0]!.held, g.taken.map((t) => t.entry.note)]).toEqual([[], ['b']]);
    // Its rows with errors likewise: row 8 is b's now, row 9 stays a's.
    expect(g.files.map((f) => [f.file, f.errorRows])).toEqual([['a.xlsx', [9]], ['b.xlsx', []]]);
  });

  it('of two copies saved as CSV, the one not kept says nothing of the sheet as a whole: the kept one does', () => {
    const header = ['填报单位：派出所 周次：第3周（6月15日—6月21日）', '方案：测试乡2020年“安全生产月”活动方案'];
    const csv = (name: string, fill: Record<string, Cells>) => ({ ...returned(fill, { file: name }), meta: undefined, kind: 'csv' as const, header });
    const g = gather(PLAN, [file(csv('a.csv', { '2.1': { note: 'a' }, '2.4': { note: 'a4' } }), 1), file(csv('b.csv', { '2.1': { note: 'b' } }), 2)], CONTEXT);
    expect(g.files.map((f) => [f.file, f.findings.map((x) => x.id)])).toEqual([['a.csv', ['sheet/duplicate']], ['b.csv', ['sheet/unverified']]]);
    expect(notes(g)).toEqual([['a.csv', '2.4', 'a4'], ['b.csv', '2.1', 'b']]);
  });

  it('a sheet with errors gives nothing unless partial; rows in the log already are said as such; entries in date order', () => {
    const market = returned({ '1.3': { newStatus: '差不多' }, '2.2': { note: '复查3家', date: '2020-06-18' } }, { made: made(PLAN, 'market'), file: 'm.xlsx' });
    const police = returned({ '2.1': { note: '排查', date: '2020-06-17' }, '2.4': { note: '检查', date: '2020-06-19' }, '1.2': { progress: '', note: '协助开展校园交通安全宣讲', newProgress: '80', date: '2020-06-17' } }, { file: 'p.xlsx' });
    const strict = gather(PLAN, [file(market), file(police)], CONTEXT);
    expect(strict.files.map((f) => [f.file, f.taken.length, f.again.length, f.held.map((r) => r.task.id)])).toEqual([['m.xlsx', 0, 0, ['2.2']], ['p.xlsx', 2, 1, []]]);
    const partial = gather(PLAN, [file(market), file(police)], { ...CONTEXT, partial: true });
    expect(notes(partial)).toEqual([['p.xlsx', '2.1', '排查'], ['m.xlsx', '2.2', '复查3家'], ['p.xlsx', '2.4', '检查']]);
    // Two files giving one entry: taken once, the second told it was there already.
    const twice = gather(PLAN, [file(police), file({ ...police, file: 'q.xlsx', meta: { ...police.meta!, unit: 'police' } }, 0)], CONTEXT);
    expect(twice.taken).toHaveLength(2);
  });

  it('a day\'s entries in the order of the files, then of the rows', () => {
    const one = returned({ '2.4': { note: 'p4' }, '2.1': { note: 'p1' } }, { file: 'p.xlsx' });
    const edu = returned({ '1.2': { note: 'e' } }, { made: made(PLAN, 'edu'), file: 'e.xlsx' });
    expect(notes(gather(PLAN, [file(edu), file(one)], CONTEXT))).toEqual([['e.xlsx', '1.2', 'e'], ['p.xlsx', '2.1', 'p1'], ['p.xlsx', '2.4', 'p4']]);
    expect(notes(gather(PLAN, [file(one), file(edu)], CONTEXT))).toEqual([['p.xlsx', '2.1', 'p1'], ['p.xlsx', '2.4', 'p4'], ['e.xlsx', '1.2', 'e']]);
    // Days first, whatever the order of files and rows.
    const dated = returned({ '2.1': { note: 'p1', date: '2020-06-19' }, '2.4': { note: 'p4', date: '2020-06-17' } }, { file: 'p.xlsx' });
    const eduDated = returned({ '1.2': { note: 'e', date: '2020-06-18' } }, { made: made(PLAN, 'edu'), file: 'e.xlsx' });
    for (const files of [[file(eduDated), file(dated)], [file(dated), file(eduDated)]]) {
      expect(notes(gather(PLAN, files, CONTEXT))).toEqual([['p.xlsx', '2.4', 'p4'], ['e.xlsx', '1.2', 'e'], ['p.xlsx', '2.1', 'p1']]);
    }
  });

  it('the folder\'s week is the one most of its sheets are of: a sheet of another week among them is an earlier week\'s', () => {
    const w24 = (unit: string) => buildSheets(PLAN, { week: { week: '2020-W24', from: '2020-06-08', to: '2020-06-14' }, weekNo: 2, asOf: '2020-06-07', lang: 'zh', units: [unit] })[0]!;
    const late = { ...CONTEXT, reported: { from: '2020-06-22', to: '2020-06-28', weekNo: 4 } };
    const g = gather(PLAN, [file(returned({}, { made: w24('police'), file: 'p.xlsx' })), file(returned({}, { made: w24('edu'), file: 'e.xlsx' })), file(returned({}, { file: 'q.xlsx' }))], late);
    // Two of week 2, one of week 3: the folder is week 2's, collected in week 4; week 3's sheet is no earlier one.
    expect(g.files.map((f) => f.findings.map((x) => x.id))).toEqual([[], [], []]);
    const tie = gather(PLAN, [file(returned({}, { made: w24('police'), file: 'p.xlsx' })), file(returned({}, { file: 'q.xlsx' }))], late);
    expect(tie.files.map((f) => [f.file, f.findings.map((x) => x.data)])).toEqual([
      ['p.xlsx', [{ week: '第2周（6月8日—6月14日）', current: '第3周（6月15日—6月21日）' }]], ['q.xlsx', []],
    ]);
    const tieTurned = gather(PLAN, [file(returned({}, { file: 'q.xlsx' })), file(returned({}, { made: w24('police'), file: 'p.xlsx' }))], late);
    expect(tieTurned.files.map((f) => [f.file, f.findings.map((x) => x.id)])).toEqual([['q.xlsx', []], ['p.xlsx', ['sheet/earlier-week']]]);
    // No sheet says its week: the week being reported.
    expect(gather(PLAN, [file({ ...returned({}), meta: undefined, unreadable: 'x' })], late).files[0]!.findings.map((f) => f.id)).toEqual(['sheet/not-a-sheet']);
  });
});
