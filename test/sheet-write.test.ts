// What goes on a unit's fill-in sheet (its rows, header and match lines) and the sheet as written: the workbook's
// cells, shading, locks, drop-downs and checks, its hidden match sheet, and the CSV for those without a spreadsheet.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../src/io/holidays.js';
import { LABELS } from '../src/messages/labels.js';
import { buildPlan } from '../src/model/build.js';
import type { Plan } from '../src/model/types.js';
import { buildSheets, type SheetRequest, type UnitSheet } from '../src/sheets/build.js';
import { COLUMNS, metaRows, planFingerprint, taskFingerprint } from '../src/sheets/layout.js';
import { sheetCsv, sheetWorkbook, statusChoices, TABLE_ROW } from '../src/sheets/write.js';
import { parseSource } from '../src/source/parse.js';
import { HISTORY } from './helpers/plan.js';

const TEXT = readFileSync(HISTORY, 'utf8');
const planOf = (text: string): Plan => buildPlan(parseSource(text).data, loadCalendar());
const PLAN = planOf(TEXT);
const REQ: SheetRequest = { week: { week: '2020-W25', from: '2020-06-15', to: '2020-06-21' }, weekNo: 3, asOf: '2020-06-14', lang: 'zh', units: [] };
const TITLE = '测试乡2020年“安全生产月”活动方案';

describe('what goes on each unit\'s sheet', () => {
  it('a sheet for each unit with a task of its own, external units left out', () => {
    expect(buildSheets(PLAN, REQ).map((s) => [s.meta.unit, s.rows.map((r) => r.id)])).toEqual([
      ['police', ['1.1', '1.2', '2.1', '2.4']], ['edu', ['1.2', '3']], ['market', ['1.3', '2.2']],
    ]);
    // Asked for by id: that unit's only, even with no task; an external unit never.
    const plan = planOf(TEXT.replace('  - {id: county-office', '  - {id: fire, name: 消防队}\n  - {id: county-office'));
    expect(buildSheets(plan, { ...REQ, units: ['fire', 'edu', 'county-office'] }).map((s) => [s.meta.unit, s.rows.length])).toEqual([['edu', 2], ['fire', 0]]);
    expect(buildSheets(plan, REQ).map((s) => s.meta.unit)).toEqual(['police', 'edu', 'market']);
  });

  it('each row: the task, the unit\'s role, its due date, where it stands as of the date, its last note and its metrics', () => {
    const [police] = buildSheets(PLAN, { ...REQ, units: ['police'] });
    expect(police!.rows).toEqual([
      { id: '1.1', task: '主题宣讲进企业', role: 'lead', due: '2020-06-12', status: '已完成', progress: 100, lastNote: '宣讲4场，全部完成', metrics: ['宣讲场次'] },
      { id: '1.2', task: '安全知识进校园', role: 'support', due: '2020-06-16', status: '进行中', progress: 50, lastNote: '完成2所学校', metrics: [] },
      { id: '2.1', task: '道路交通隐患排查', role: 'lead', due: '2020-06-18', status: '未开始', progress: 0, lastNote: '', metrics: [] },
      { id: '2.4', task: '重点企业专项检查', role: 'lead', due: '2020-06-30', status: '未开始', progress: 0, lastNote: '', metrics: [] },
    ]);
    expect(police!.metrics).toEqual([{ metric: '宣讲场次', unit: '场' }]);
    // A cancelled task is not on its unit's sheet; a task with no due date has none.
    const edu = buildSheets(planOf(TEXT.replace('    lead: [edu]\n    due: 2020-06-29\n', '    lead: [edu]\n')), { ...REQ, units: ['edu'], lang: 'en' })[0]!;
    expect(edu.rows.map((r) => [r.id, r.due, r.status])).toEqual([['1.2', '2020-06-16', 'In progress'], ['3', null, 'Planned']]);
  });

  it('the header: unit, plan, week and when to send it back, in the sheet\'s language; the match lines', () => {
    const [zh] = buildSheets(PLAN, { ...REQ, units: ['police'] });
    expect([zh!.title, zh!.header]).toEqual([`${TITLE} — 进展情况填报表`, [['填报单位', '派出所'], ['方案', TITLE], ['周次', '第3周（6月15日—6月21日）'], ['报送期限', '2020-06-19前']]]);
    const friday = planOf(TEXT.replace('reports:\n', 'reports:\n  - {id: weekly, title: 每周进展, to: county-office, every: friday, time: "12:00"}\n'));
    const [en] = buildSheets(friday, { ...REQ, units: ['police'], lang: 'en', weekNo: null });
    expect([en!.title, en!.header]).toEqual([`${TITLE} — progress sheet to fill in`, [['Reporting unit', '派出所'], ['Plan', TITLE], ['Week', '2020-06-15 to 2020-06-21'], ['Deadline', '2020-06-19 12:00']]]);
    const none = buildSheets(planOf(TEXT.replace(/\nreports:\n[\s\S]*$/, '\n')), { ...REQ, units: ['police'] })[0]!;
    expect(none.header.map(([k]) => k)).toEqual(['填报单位', '方案', '周次']);
    expect(zh!.meta).toEqual({
      format: 'campaign-sheet/2', planTitle: TITLE, planFingerprint: planFingerprint(PLAN.allTasks), unit: 'police', unitName: '派出所',
      week: '2020-W25', from: '2020-06-15', to: '2020-06-21', lang: 'zh',
      tasks: ['1.1', '1.2', '2.1', '2.4'].map((id) => ({ id, fingerprint: taskFingerprint(PLAN.allTasks.find((t) => t.id === id)!) })),
    });
  });

  it('a plan with no title: the sheet\'s title, its 方案 line and its match lines without one', () => {
    const [untitled] = buildSheets(planOf(TEXT.replace(`title: ${TITLE}\n`, '')), { ...REQ, units: ['police'] });
    expect([untitled!.title, untitled!.header[1], untitled!.meta.planTitle]).toEqual([' — 进展情况填报表', ['方案', ''], '']);
  });

  it('a 完成值 column per metric of the unit\'s tasks, in order of first appearance, each with its unit when it has one', () => {
    const plan = planOf(TEXT.replace('          - {metric: 宣讲场次, unit: 场, target: 10, actual: 4}', '          - {metric: 宣讲场次, unit: 场, target: 10}\n          - {metric: 覆盖人数, target: 500}')
      .replace('        title: 道路交通隐患排查\n', '        title: 道路交通隐患排查\n        targets:\n          - {metric: 排查路段, unit: 处, target: 5}\n          - {metric: 宣讲场次, unit: 次, target: 2}\n'));
    const [police] = buildSheets(plan, { ...REQ, units: ['police'] });
    expect(police!.metrics).toEqual([{ metric: '宣讲场次', unit: '场' }, { metric: '覆盖人数' }, { metric: '排查路段', unit: '处' }]);
    expect(police!.rows.map((r) => r.metrics)).toEqual([['宣讲场次', '覆盖人数'], [], ['排查路段', '宣讲场次'], []]);
  });
});

describe('the workbook', () => {
  const [POLICE] = buildSheets(PLAN, { ...REQ, units: ['police'] });
  async function read(sheet: UnitSheet): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await sheetWorkbook(sheet)) as unknown as ArrayBuffer);
    return wb;
  }

  it('the fill-in sheet, and a very hidden sheet with the match lines', async () => {
    const wb = await read(POLICE!);
    expect([wb.creator, wb.created.toISOString(), wb.modified.toISOString()]).toEqual(['campaign', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z']);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['填报', 'visible'], ['_campaign', 'veryHidden']]);
    const meta: string[][] = [];
    wb.worksheets[1]!.eachRow((r) => meta.push((r.values as string[]).slice(1)));
    expect(meta).toEqual(metaRows(POLICE!.meta));
  });

  it('its title and header block over the table\'s width, its columns\' widths, labels and shading', async () => {
    const ws = (await read(POLICE!)).worksheets[0]!;
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:O1', 'A2:D2', 'E2:J2', 'K2:O2', 'A3:O3', 'A11:O11']);
    expect([ws.getCell('A1').value, ws.getCell('A1').font.size, ws.getCell('A1').font.bold, ws.getCell('A1').alignment, ws.getRow(1).height]).toEqual([
      `${TITLE} — 进展情况填报表`, 14, true, { horizontal: 'center', vertical: 'middle' }, 24,
    ]);
    expect(['A2', 'E2', 'K2', 'A3'].map((a) => [ws.getCell(a).value, !!ws.getCell(a).font.bold])).toEqual([
      ['填报单位：派出所', true], ['周次：第3周（6月15日—6月21日）', false], ['报送期限：2020-06-19前', true], [`方案：${TITLE}`, false],
    ]);
    expect(ws.columns.map((c) => c.width)).toEqual([...COLUMNS.map((c) => c.width), 10]);
    const header = ws.getRow(TABLE_ROW);
    expect(header.height).toBe(30);
    expect(Array.from({ length: 15 }, (_, j) => header.getCell(j + 1).value)).toEqual([...COLUMNS.map((c) => c.label.zh), '完成值：宣讲场次（场）']);
    expect(Array.from({ length: 15 }, (_, j) => (header.getCell(j + 1).fill as ExcelJS.FillPattern).fgColor?.argb)).toEqual([...COLUMNS.map((c) => (c.fill ? 'FFFFF2CC' : 'FFD9D9D9')), 'FFFFF2CC']);
    expect([header.getCell(1).fill, header.getCell(8).fill]).toEqual([expect.objectContaining({ type: 'pattern', pattern: 'solid' }), expect.objectContaining({ type: 'pattern', pattern: 'solid' })]);
    expect([header.getCell(1).font.bold, header.getCell(1).border, header.getCell(1).alignment]).toEqual([true, expect.objectContaining({ top: { style: 'thin' } }), { horizontal: 'center', vertical: 'middle', wrapText: true }]);
    // In English, the header block's fields are separated by ": ".
    const en = (await read(buildSheets(PLAN, { ...REQ, units: ['police'], lang: 'en' })[0]!)).worksheets[0]!;
    expect([en.name, en.getCell('A2').value, en.getCell('A5').value]).toEqual(['Fill in', 'Reporting unit: 派出所', 'Id']);
  });

  it('each task\'s row: the plan\'s cells shaded and locked, the unit\'s open and checked', async () => {
    const ws = (await read(POLICE!)).worksheets[0]!;
    const r6 = ws.getRow(6);
    expect(Array.from({ length: 15 }, (_, j) => r6.getCell(j + 1).value)).toEqual([
      '1.1', '主题宣讲进企业', '牵头', new Date('2020-06-12T00:00:00Z'), '已完成', 1, '宣讲4场，全部完成', null, null, null, null, null, null, null, null,
    ]);
    expect([ws.getCell('D6').numFmt, ws.getCell('F6').numFmt, ws.getCell('M6').numFmt, ws.getCell('C7').value]).toEqual(['yyyy-mm-dd', '0%', 'yyyy-mm-dd', '配合']);
    const shaded = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFF2F2F2';
    const open = (a: string) => ws.getCell(a).protection?.locked === false;
    expect(['A6', 'G6', 'H6', 'N6', 'O6', 'O7'].map((a) => [a, shaded(a), open(a)])).toEqual([
      ['A6', true, false], ['G6', true, false], ['H6', false, true], ['N6', false, true], ['O6', false, true], ['O7', true, false],
    ]);
    expect([ws.getCell('H6').border, ws.getCell('H6').alignment, ws.getCell('H6').font.size]).toEqual([expect.objectContaining({ left: { style: 'thin' } }), { vertical: 'top', wrapText: true }, 11]);
    const dv = (a: string) => ws.getCell(a).dataValidation;
    expect(dv('I6')).toEqual({ type: 'list', allowBlank: true, formulae: ['"未开始,进行中,已完成,受阻,已取消"'], showErrorMessage: true, errorTitle: '状态', error: '未开始、进行中、已完成、受阻、已取消' });
    expect(dv('J7')).toEqual({ type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: '进度%', error: '0 – 100' });
    expect(dv('O6')).toEqual({ type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '完成值：宣讲场次（场）', error: '≥ 0' });
    expect(dv('M9')).toMatchObject({ type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true, errorTitle: '填报日期', error: '2020-06-15 ~ 2020-06-21' });
    expect((dv('M9')!.formulae as unknown[]).map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))).toEqual(['2020-06-15', '2020-06-21']);
    expect([dv('H6'), dv('N6'), dv('O7'), dv('A6')]).toEqual([undefined, undefined, undefined, undefined]);
    // Only the date columns are dates: text and the unit's columns keep no format.
    expect(['A6', 'B6', 'G6', 'H6', 'I6', 'O6'].map((a) => ws.getCell(a).numFmt)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    // In English, the statuses a list check names are separated by commas.
    const en = (await read(buildSheets(PLAN, { ...REQ, units: ['police'], lang: 'en' })[0]!)).worksheets[0]!;
    expect(en.getCell('I6').dataValidation.error).toBe(statusChoices('en').join(', '));
  });

  it('a plan with no reports: the header block\'s third field left empty', async () => {
    const none = buildSheets(planOf(TEXT.replace(/\nreports:\n[\s\S]*$/, '\n')), { ...REQ, units: ['police'] })[0]!;
    const ws = (await read(none)).worksheets[0]!;
    expect(['A2', 'E2', 'K2', 'A3'].map((a) => ws.getCell(a).value ?? '')).toEqual(['填报单位：派出所', '周次：第3周（6月15日—6月21日）', '', `方案：${TITLE}`]);
  });

  it('each row room for three lines, or the task\'s own; the 说明 line under the table; one page, the header repeated, frozen, protected', async () => {
    const long = { ...POLICE!, rows: POLICE!.rows.map((r, i) => (i === 1 ? { ...r, task: '安全知识进校园'.repeat(12) } : r)) };
    const ws = (await read(long)).worksheets[0]!;
    expect([6, 7, 8, 9].map((n) => ws.getRow(n).height)).toEqual([46.5, 90, 46.5, 46.5]);
    expect([ws.getCell('A11').value, ws.getCell('A11').font.size, ws.getCell('A11').font.color, ws.getCell('A11').alignment, ws.getRow(11).height]).toEqual([
      LABELS.zh.sheetHelp, 10, { argb: 'FF595959' }, { wrapText: true }, 30,
    ]);
    expect([ws.pageSetup.printTitlesRow, ws.pageSetup.orientation, ws.pageSetup.paperSize, ws.views]).toEqual(['5:5', 'landscape', 9, [expect.objectContaining({ state: 'frozen', ySplit: 5, xSplit: 2 })]]);
  });

  it('is protected with no password: every cell may be selected, rows and columns resized', async () => {
    const zip = await JSZip.loadAsync(await sheetWorkbook(POLICE!));
    expect((await zip.file('xl/worksheets/sheet1.xml')!.async('string')).match(/<sheetProtection[^>]*>/g)).toEqual(['<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>']);
  });

  it('a title with characters XML forbids is written as the round trip reads it back', async () => {
    const ws = (await read({ ...POLICE!, title: 'a\vb\uFFFEc' })).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('a\nb\uFFFDc');
  });
});

describe('the CSV', () => {
  it('the match lines, the labels, and each row with its due date and progress as written', () => {
    const [police] = buildSheets(PLAN, { ...REQ, units: ['police'] });
    const text = sheetCsv({ ...police!, rows: [...police!.rows, { ...police!.rows[3]!, id: '9', task: '一\r\n二', due: null, progress: 12.5 }] });
    expect(text.startsWith('\uFEFF#format,campaign-sheet/2\r\n#planTitle,')).toBe(true);
    const rows: string[][] = parseCsv(text, { bom: true, relax_column_count: true });
    expect(rows.slice(0, 13).map((r) => r[0])).toEqual(metaRows(police!.meta).map(([k]) => `#${k}`));
    expect(rows.slice(13)).toEqual([
      [...COLUMNS.map((c) => c.label.zh), '完成值：宣讲场次（场）'],
      ['1.1', '主题宣讲进企业', '牵头', '2020-06-12', '已完成', '100%', '宣讲4场，全部完成', '', '', '', '', '', '', '', ''],
      ['1.2', '安全知识进校园', '配合', '2020-06-16', '进行中', '50%', '完成2所学校', '', '', '', '', '', '', '', ''],
      ['2.1', '道路交通隐患排查', '牵头', '2020-06-18', '未开始', '0%', '', '', '', '', '', '', '', '', ''],
      ['2.4', '重点企业专项检查', '牵头', '2020-06-30', '未开始', '0%', '', '', '', '', '', '', '', '', ''],
      ['9', '一\r\n二', '牵头', '', '未开始', '12.5%', '', '', '', '', '', '', '', '', ''],
    ]);
    // Only a cell with a line break is quoted.
    expect(text).toContain('\r\n9,"一\r\n二",牵头,,未开始,12.5%,');
    expect(text).toContain('\r\n1.1,主题宣讲进企业,牵头,');
    expect(statusChoices('en')).toEqual(['Planned', 'In progress', 'Done', 'Blocked', 'Cancelled']);
  });
});
