// The Word draft of a progress report — a 活动总结 (or 进展情况报告 while the campaign runs) in the order
// the county expects one, written from the summary's facts (summary-facts.ts): the 主送机关, an opening,
// 一、工作开展情况 in figures, 二、主要做法和成效 section by section, 三、存在的问题 (open ones, each once),
// 四、下一步工作打算 (steps still ahead, and follow-ups once the campaign is over), the 附件 list, the
// organizer and date, then the attachments: the table of tasks, and the units and figures. A clerk edits
// this draft rather than starting from nothing.
import { labeller } from '../messages/labels.js';
import { PROSE } from '../messages/prose.js';
import type { Lang } from '../messages/types.js';
import { completionText, percentText, shownPercent } from '../formats/percent.js';
import { statusCell, unitTable } from './columns.js';
import type { Attachment, Doc, Section, Table } from '../formats/doc.js';
import type { FactTask, SummaryFacts } from './summary-facts.js';
import type { ProgressReport } from './progress-report.js';

/** The campaign as its plan's title names it: 铜钟乡2020年“安全生产月”活动方案 → “安全生产月”活动 (by 铜钟乡人民政府 too). */
export function campaignName(title: string, organizer: string): string {
  // The organizer's place: 茶店镇人民政府 → 茶店镇, which a title starts with.
  const place = organizer.replace(/(?:人民政府|党委|政府|街道办事处|办事处|安全生产委员会|安委会|安委办|办公室)+$/, '');
  const name = title
    .replace(organizer, '')
    .replace(place && title.startsWith(place) ? place : organizer, '')
    .replace(/^\d{4}(?:\s*[—–\-~至]\s*\d{4})?\s*年度?/, '')
    .replace(/(?:实施|工作)?方案$/, '')
    .trim();
  return name || title;
}

const progressText = (progress: number): string => (progress > 0 ? percentText(shownPercent(progress, 'percent')) : '');

/** The table of tasks (附件1): every task the summary reports, where it stands, and when it was done. */
function taskTable(f: SummaryFacts, lang: Lang): Table {
  const l = labeller(lang);
  return {
    columns: [
      { label: l('id') }, { label: l('task'), wide: true }, { label: l('lead'), kind: 'list' }, { label: l('due'), kind: 'date' },
      { label: l('statusCol'), kind: 'status' }, { label: l('progress'), kind: 'progress' }, { label: l('doneOn'), kind: 'date' },
    ],
    rows: f.sections.flatMap((s) => s.tasks.map((t) => [t.id, t.title, t.leadNames, t.due, statusCell(t), t.progress, t.doneOn])),
  };
}

export function summaryDoc(r: ProgressReport, lang: Lang): Doc {
  const p = PROSE[lang];
  const f = r.summary;
  const h = p.headings;
  const sections: Section[] = [];
  let n = 0;
  const heading = (text: string): Section => ({ heading: `${p.number(++n, 1)}${text}`, level: 1 });
  // Once the campaign is over, the unfinished tasks are named together under 存在的问题 (and stand in the
  // attachment with their progress): a task's sentence then says only 逾期完成 or 已取消.
  const state = (t: FactTask) => (f.finished && t.status !== 'done' && t.status !== 'cancelled' && (t.said.length || t.supporters.some((x) => !x.fragment))
    ? ''
    : p.state({ status: t.status, progress: progressText(t.progress), doneLate: t.doneLate, overdue: t.overdue }));

  sections.push({
    paragraphs: [p.opening({
      organizer: r.plan.organizer,
      basis: r.basis,
      period: r.plan.period ? p.span(r.plan.period.start, r.plan.period.end) : null,
      campaign: campaignName(r.plan.title, r.plan.organizer),
      themes: r.plan.themes,
      finished: f.finished,
    })],
  });

  // 一、工作开展情况: the figures.
  const tasks = f.sections.flatMap((s) => s.tasks);
  sections.push({
    ...heading(h.work),
    paragraphs: p.work({
      asOf: p.date(r.asOf), tasks: f.counts.tasks, sections: f.sections.filter((s) => s.tasks.length).length,
      done: f.counts.done, doneLate: tasks.filter((t) => t.doneLate).length, inProgress: f.counts.in_progress, planned: f.counts.planned,
      blocked: f.counts.blocked, cancelled: f.counts.cancelled, overdue: f.counts.overdue, completion: completionText(f.counts.completion),
      units: f.reach,
      totals: f.totals.filter((t) => t.actual !== null).map((t) => ({ metric: t.metric, unit: t.unit ?? '', actual: t.actual!, target: t.target })),
      duties: f.duties.map((d) => ({ title: d.title, to: d.toName, due: d.due, submitted: d.submitted, late: d.late })),
      finished: f.finished,
    }),
  });

  // 二、主要做法和成效: a second-level heading per section of the plan, a sentence per task that saw work.
  sections.push(heading(h.practice));
  let k = 0;
  for (const s of f.sections) {
    const worked = s.tasks.filter((t) => t.said.length || t.supporters.length || (t.status !== 'planned' && t.status !== 'cancelled'));
    if (worked.length === 0) continue;
    sections.push({
      heading: `${p.number(++k, 2)}${s.title}`,
      level: 2,
      paragraphs: worked.map((t, i) => p.task({
        n: i + 1, title: t.title, state: state(t),
        // With several speakers (two leads, or a lead and the office), each note says whose it is.
        said: t.said.map((x) => ({ name: t.said.length > 1 ? x.name : null, note: x.note })),
        supporters: t.supporters.filter((x) => !x.fragment).map((x) => ({ name: x.name ?? '', note: x.note })),
        joined: t.supporters.filter((x) => x.fragment).map((x) => x.name ?? ''),
      })),
    });
  }

  // 三、存在的问题: the open problems, each once; then the tasks left unfinished once the campaign is over.
  const problems = f.problems.map((q, i) => p.problem({ n: i + 1, text: q.text, tasks: q.taskTitles, units: q.units }));
  if (f.finished && f.open.length) {
    problems.push(p.unfinished({ n: problems.length + 1, asOf: p.date(r.asOf), tasks: f.open.map((t) => t.title) }));
  }
  sections.push({ ...heading(h.problems), paragraphs: problems.length ? problems : [p.noProblems(f.solved)] });

  // 四、下一步工作打算: the steps still ahead; once the campaign is over, the follow-ups of what is open.
  const steps = f.next.map((s, i) => p.step({ n: i + 1, text: s.text, task: s.taskTitle }));
  if (f.finished && f.open.length) steps.push(p.followUnfinished({ n: steps.length + 1, count: f.open.length }));
  if (f.finished && f.problems.length) steps.push(p.followProblems({ n: steps.length + 1, count: f.problems.length }));
  sections.push({ ...heading(h.next), paragraphs: steps.length ? steps : [p.noSteps(f.finished)] });

  // One attachment (附件另面编排: each would start a page of its own): the tasks and the units — what the
  // text cannot say row by row. The figures are not repeated there: 一、工作开展情况 gives each with its plan.
  const tables: Section[] = [{ heading: p.attachment.tasks, table: taskTable(f, lang) }, { heading: p.attachment.units, table: unitTable(f.units, lang) }];
  const attachments: Attachment[] = [{ title: p.attachment.title, sections: tables }];

  return {
    title: p.title(r.plan.title, f.finished),
    meta: [],
    sections,
    orientation: 'portrait',
    issuer: { name: r.plan.organizer, date: p.date(r.asOf) },
    official: { ...(f.duty?.toName ? { recipient: f.duty.toName } : {}), attachments },
  };
}
