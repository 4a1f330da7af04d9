// The 活动总结 a leader signs (issue #22), on a township month of its own (test/fixtures/summary-month: 青石镇,
// 20 tasks, 8 units, four weeks of entries with running totals, supporters' fragments, problems raised and
// solved, next steps that pass). expected.json was worked out by hand from the log: what the summary must
// and must not say. Each point is checked on the summary's text, then the frame on the Word file.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../src/io/holidays.js';
import { buildProgress } from '../src/reports/progress.js';
import { summaryDoc } from '../src/reports/summary.js';
import { isFragment } from '../src/reports/summary-facts.js';
import { stepDue } from '../src/text/step-due.js';
import { holidayStarts } from '../src/calendar/china.js';
import type { Doc } from '../src/formats/doc.js';
import { cli } from './helpers/in-process.js';
import { loadPlanFile } from './helpers/plan.js';

const DIR = 'test/fixtures/summary-month';
const PLAN = `${DIR}/plan.yaml`;
interface Expected {
  asOf: string;
  to: string;
  latestNotes: Record<string, Record<string, string>>;
  supersededNotes: string[];
  fragments: string[];
  totals: { metric: string; unit: string; target: number; actual: number }[];
  openProblems: string[];
  solvedProblems: string[];
  nextAhead: string[];
  nextPast: string[];
  summaryTask: string;
}
const E = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Expected;
const plan = loadPlanFile(PLAN);
const report = buildProgress(plan, E.asOf, 'zh', loadCalendar());
const doc = summaryDoc(report, 'zh');

/** The paragraphs under a first-level heading (and its second-level ones). */
function under(d: Doc, word: string): string[] {
  const start = d.sections.findIndex((s) => s.level !== 2 && s.heading?.includes(word));
  const end = d.sections.findIndex((s, i) => i > start && s.heading && s.level !== 2);
  return d.sections.slice(start, end < 0 ? undefined : end).flatMap((s) => s.paragraphs ?? []);
}
const body = doc.sections.flatMap((s) => [s.heading ?? '', ...(s.paragraphs ?? [])]).join('\n');
const practice = under(doc, '主要做法和成效').join('\n');
const trim = (t: string) => t.replace(/[。；，\s]+$/, '');

describe('the summary as data', () => {
  it('tells each task by the newest note of each unit: running totals never strung together', () => {
    for (const [task, units] of Object.entries(E.latestNotes)) {
      for (const note of Object.values(units)) {
        if (E.fragments.includes(note)) continue;
        expect(practice, `${task}: ${note}`).toContain(trim(note));
      }
    }
    for (const old of E.supersededNotes) expect(body, old).not.toContain(trim(old));
    expect(practice).not.toMatch(/累计[^。]*；累计[^。]*；累计/);
  });

  it('folds supporters into the lead task\'s sentence: a fragment as the unit\'s name, never on its own', () => {
    for (const f of E.fragments) expect(isFragment(f), f).toBe(true);
    expect(practice).not.toMatch(/配合单位[^：]*：/);
    const mobilisation = under(doc, '主要做法和成效').find((p) => p.includes('动员部署会'))!;
    expect(mobilisation).toMatch(/^1．.*动员部署会.*，(?:[^，。]+、){6}[^，。]+配合参与。$/);
    for (const name of ['派出所', '卫生院', '交管站']) expect(mobilisation).toContain(name);
    for (const f of ['院长参会', '所长参加动员会', '站长参会']) expect(mobilisation).not.toContain(f);
    // A supporter's note that says what it did stays, under its unit's name.
    expect(practice).toContain('派出所配合开展联合执法检查3次');
    expect(practice).toContain('卫生院派出救护车1台、医护人员3名现场保障');
  });

  it('sums targets and actuals by metric across tasks and units, for 工作开展情况', () => {
    const totals = report.summary.totals.map(({ metric, unit, target, actual }) => ({ metric, unit, target, actual }));
    expect(totals).toEqual(E.totals);
    const work = under(doc, '工作开展情况').join('');
    for (const t of E.totals) expect(work).toContain(`${t.metric}${t.actual}${t.unit}（计划${t.target}${t.unit}）`);
  });

  it('writes 主要做法和成效 grouped by the plan\'s sections, from what was done', () => {
    const headings = doc.sections.filter((s) => s.level === 2).map((s) => s.heading);
    expect(headings).toEqual(plan.tasks.filter((t) => t.tasks.some((l) => l.updates.length)).map((t, i) => `（${'一二三四五'[i]}）${t.title}`));
    // A task nobody worked on is not a practice: it is among the unfinished.
    const idle = plan.allTasks.find((t) => t.id === '5.2')!;
    expect(practice).not.toContain(idle.title);
  });

  it('lists open problems only, each once, merged across weeks and units', () => {
    const problems = under(doc, '存在的问题');
    for (const p of E.openProblems) expect(problems.filter((x) => x.includes(trim(p))), p).toHaveLength(1);
    for (const p of E.solvedProblems) expect(body, p).not.toContain(trim(p));
    expect(report.summary.problems.map((p) => p.text).sort()).toEqual(E.openProblems.map(trim).sort());
    // The same words from both leads of 3.2 are one problem, naming both.
    const flooded = report.summary.problems.find((p) => p.text.includes('演练场地被淹'))!;
    expect(flooded.units).toHaveLength(2);
    // The tasks left unfinished, once the campaign is over, are one more problem.
    expect(problems.at(-1)).toMatch(/^\d+．截至2026年7月2日，仍有7项任务未完成：.*（详见附件）。$/);
  });

  it('plans next steps that lie after the as-of date, never one already past, and follows up what is open', () => {
    const next = under(doc, '下一步工作打算');
    expect(report.summary.next.map((s) => s.text).sort()).toEqual(E.nextAhead.map(trim).sort());
    for (const s of E.nextAhead) expect(next.some((x) => x.includes(trim(s))), s).toBe(true);
    for (const s of E.nextPast) expect(next.join('\n'), s).not.toContain(trim(s));
    // The unfinished tasks are named under 三、存在的问题 just above: the follow-up says 上述, not the names again.
    expect(next.at(-2)).toBe('7．督促牵头单位加快推进上述7项未完成任务，完成后及时报告。');
    expect(next.at(-1)).toMatch(/对尚未解决的5个问题建立台账/);
  });

  it('leaves out the summary\'s own task: not counted, not in its table', () => {
    expect(report.summary.ownTask).toBe(E.summaryTask);
    expect(report.summary.counts.tasks).toBe(19);
    const own = plan.allTasks.find((t) => t.id === E.summaryTask)!;
    expect(body).not.toContain(own.title);
    const tasks = doc.official!.attachments[0]!.sections[0]!.table!;
    expect(tasks.rows.map((r) => r[0])).not.toContain(E.summaryTask);
    expect(tasks.rows).toHaveLength(19);
  });
});

describe('the 公文 frame', () => {
  let xml: string;
  let styles: string;
  let stderr: string;
  beforeAll(async () => {
    const r = await cli(['report', PLAN, '-f', 'docx', '--as-of', E.asOf, '--lang', 'zh']);
    expect(r.code).toBe(0);
    stderr = r.stderr;
    const zip = await JSZip.loadAsync(r.bytes);
    xml = await zip.file('word/document.xml')!.async('string');
    styles = await zip.file('word/styles.xml')!.async('string');
  });
  const paragraphs = () => [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));

  it('addresses the 主送机关 of the report duty it fulfils, under the title', () => {
    const p = paragraphs();
    expect(p[0]).toBe('青石镇2026年“安全生产月”活动总结');
    expect(p[2]).toBe(`${E.to}：`);
  });

  it('ends with the 附件 line, then the organizer and the date; the attachment follows on pages of its own', () => {
    const p = paragraphs();
    const list = p.findIndex((t) => t.startsWith('附件：'));
    expect(p.slice(list, list + 4)).toEqual(['附件：任务完成情况统计表', '', '青石镇人民政府', '2026年7月2日']);
    // The text's last paragraph, the 附件 line and the organizer keep with the date: never alone on a page.
    const all = [...xml.matchAll(/<w:p>.*?<\/w:p>/g)].map((m) => m[0]);
    const date = all.findIndex((x) => x.includes('2026年7月2日</w:t>'));
    expect(all.slice(date - 5, date).map((x) => x.includes('<w:keepNext/>'))).toEqual([true, true, true, true, true]);
    expect(all[date - 5]).toContain('对尚未解决的5个问题');
    expect(p.filter((t) => t === '附件')).toHaveLength(1);
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(p).toEqual(expect.arrayContaining(['一、任务完成情况', '二、各单位完成情况']));
    // The figures are in 一、工作开展情况 with their plans; the attachment does not print them again.
    expect(p).not.toContain('三、量化指标完成情况');
  });

  it('says the tool\'s own notes on stderr, never in the body', () => {
    expect(stderr).toMatch(/活动时间已于 2026-06-30 结束/);
    expect(paragraphs().join('\n')).not.toMatch(/活动时间已于|以下为截至|请补充/);
  });

  it('puts paragraphs on styles: Normal the default, headings with outline levels, zh-CN', () => {
    expect(styles).toMatch(/<w:style w:type="paragraph" w:default="1" w:styleId="Normal">/);
    for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      const style = styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`))![0];
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(style).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    }
    const headings = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/>.*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
    expect(headings).toEqual(['一、工作开展情况', '二、主要做法和成效', '三、存在的问题', '四、下一步工作打算', '一、任务完成情况', '二、各单位完成情况']);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
  });
});

describe('the days of next steps', () => {
  const cal = loadCalendar();
  const ctx = { year: 2026, period: { start: '2026-06-01', end: '2026-06-30' }, isWorkday: cal.isWorkday, holidayStart: holidayStarts(cal) };
  it.each([
    ['6月5日前全部到位', '2026-05-29', '2026-06-05'],
    ['端午节前加强节日道路巡查', '2026-06-11', '2026-06-18'],
    ['下周开展复查', '2026-06-18', '2026-06-28'],
    ['本周内完成', '2026-06-18', '2026-06-21'],
    ['月底前完成整改', '2026-06-10', '2026-06-30'],
    ['下月开展回头看', '2026-06-25', '2026-07-31'],
    ['6月20日前完成初查，7月10日前全部整改', '2026-06-11', '2026-07-10'],
    ['7月10日前全部整改，6月20日前完成初查', '2026-06-11', '2026-07-10'],
    ['6月20日前完成整改，长期坚持', '2026-06-11', '2026-06-20'],
    ['持续开展夏季汛期隐患排查', '2026-06-25', null],
    ['常态化开展巡查', '2026-06-25', null],
  ])('%s (written %s) is due %s', (text, written, due) => {
    expect(stepDue(text, written, ctx)).toBe(due);
  });
});
