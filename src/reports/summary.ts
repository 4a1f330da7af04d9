// The Word draft of a progress report — a 活动总结 (or 进展情况报告 while the campaign runs) in the order
// the county expects one: an opening paragraph, then 一、工作开展情况 written section by section from the
// recorded notes, 二、存在问题 and 三、下步打算 gathered from the updates, the per-unit table, targets against
// actuals, the report duties and whether each was sent, and the organizer and date at the end. A clerk
// edits this draft rather than starting from nothing.
import { label } from '../messages/labels.js';
import { PROSE } from '../messages/prose.js';
import type { Lang } from '../messages/types.js';
import { completionText, percentText, shownPercent } from '../formats/percent.js';
import { deadlineTable, targetTable, unitTable } from './columns.js';
import type { Doc, Section } from './doc.js';
import type { ProgressReport, WorkTask } from './progress.js';

/** The campaign as its plan's title names it: 铜钟乡2020年“安全生产月”活动方案 → “安全生产月”活动. */
export function campaignName(title: string, organizer: string): string {
  const name = title
    .replace(organizer, '')
    .replace(/^\d{4}(?:\s*[—–\-~至]\s*\d{4})?\s*年度?/, '')
    .replace(/(?:实施|工作)?方案$/, '')
    .trim();
  return name || title;
}

export function summaryDoc(r: ProgressReport, lang: Lang): Doc {
  const p = PROSE[lang];
  const h = p.headings;
  const finished = !!r.plan.period && r.asOf >= r.plan.period.end;
  const status = (t: WorkTask) => label(lang, t.doneLate ? 'done_late' : t.status);
  const sections: Section[] = [];
  let n = 0;
  const heading = (text: string): string => `${p.number(++n, 1)}${text}`;

  sections.push({
    paragraphs: [p.opening({
      organizer: r.plan.organizer,
      basis: r.basis,
      period: r.plan.period ? p.span(r.plan.period.start, r.plan.period.end) : null,
      campaign: campaignName(r.plan.title, r.plan.organizer),
      themes: r.plan.themes,
      asOf: p.date(r.asOf),
      tasks: r.overall.tasks,
      done: r.overall.done,
      inProgress: r.overall.in_progress,
      planned: r.overall.planned,
      blocked: r.overall.blocked,
      overdue: r.overall.overdue,
      completion: completionText(r.overall.completion),
      finished,
    })],
  });

  // 一、工作开展情况: a second-level heading per section of the plan, a paragraph per task.
  sections.push({ heading: heading(h.work), level: 1 });
  r.work.forEach((s, i) => {
    sections.push({
      heading: `${p.number(i + 1, 2)}${s.title}`,
      level: 2,
      paragraphs: s.tasks.map((t, k) => p.task({
        n: k + 1, title: t.title, notes: t.notes, status: status(t), supporters: t.supporters,
        progress: t.status === 'in_progress' && t.progress > 0 ? percentText(shownPercent(t.progress, 'percent')) : '',
      })),
    });
  });

  // 二、存在问题 and 三、下步打算, gathered from the updates.
  for (const key of ['problems', 'next'] as const) {
    const items = r.work.flatMap((s) => s.tasks.flatMap((t) => t[key].map((text) => ({ text, task: t.title }))));
    sections.push({
      heading: heading(h[key]),
      level: 1,
      paragraphs: items.length ? items.map((it, i) => p.item({ n: i + 1, ...it })) : [p.nothingRecorded(key)],
    });
  }

  sections.push({ heading: heading(h.units), level: 1, table: unitTable(r.units, lang) });
  if (r.targets.length) sections.push({ heading: heading(h.targets), level: 1, table: targetTable(r.targets, lang) });
  if (r.reports.length) sections.push({ heading: heading(h.reports), level: 1, table: deadlineTable(r.reports, lang) });

  return {
    title: p.title(r.plan.title, finished),
    meta: [],
    sections,
    orientation: 'portrait',
    issuer: { name: r.plan.organizer, date: p.date(r.asOf) },
  };
}
