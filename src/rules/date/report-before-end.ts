import { defineRule } from '../types.js';
import type { Report } from '../../model/types.js';
import { effectivePeriod } from '../../model/period.js';
import { isLeaf } from '../../model/build.js';
import { daysBetween, workdayOnOrBefore } from '../../calendar/dates.js';

/**
 * The plan's final report — its 总结 (a one-off duty named 总结 or summary), or its last one-off duty — due
 * before the campaign ends: it cannot tell how the campaign went. The end is the period's last working day (a
 * summary due Friday June 28 when June 30 is a Sunday is on time). Left alone: a phase's or a half year's
 * 总结 (阶段总结, 半年总结, 中期, 季度, 小结); a duty the campaign starts with (活动方案, 联络员名单) that happens
 * to be the last one-off; the units' 总结 that the office gathers for a later report (各单位6月28日前报镇应急办,
 * 镇应急办7月2日前报县) — the later one is judged, so that one early summary is one finding. Only a note: a
 * campaign of more than three months whose summary is due in its last month (全年总结 due December 20).
 */
const SUMMARY = /总结|summary|final\s*report/i;
const PART = /阶段|半年|中期|季度|月度|每月|每周|周报|月报|小结/;
const START = /方案|计划|名单|联络员|安排|部署|启动|动员|报名|备案|承诺/;
/** A campaign longer than this many days asks for its summary in its last month without being wrong. */
const LONG = 92;
const LAST_MONTH = 31;

const rule = defineRule({
  id: 'date/report-before-end',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'The final or summary report is due before the activity period ends',
    zh: '活动总结（或最后一项报送事项）的报送期限早于活动结束',
  },
  messages: { early: { report: 'summary', title: '活动总结', due: '2020-06-20', end: '2020-06-30', task: '3.2' as string | undefined, taskDue: '2020-06-28' as string | undefined } },
  check(plan, ctx) {
    const period = effectivePeriod(plan);
    if (!period || period.end < period.start) return;
    const oneOff = plan.reports.filter((r): r is Report & { due: string } => r.every === undefined && r.due !== undefined);
    if (oneOff.length === 0) return;
    const end = workdayOnOrBefore(period.end, ctx.calendar.isWorkday);
    const last = oneOff.reduce((a, b) => (b.due >= a.due ? b : a));
    const long = daysBetween(period.start, period.end) > LONG;
    // The last leaf task due inside the period: named when the report comes before it too.
    let lastTask: { id: string; due: string } | undefined;
    for (const t of plan.allTasks) {
      if (isLeaf(t) && t.due && t.due <= period.end && (!lastTask || t.due > lastTask.due)) lastTask = { id: t.id, due: t.due };
    }
    for (const r of oneOff) {
      if (r.due >= end) continue;
      const summary = SUMMARY.test(r.title) && !PART.test(r.title);
      const final = r === last && !START.test(r.title) && !PART.test(r.title);
      if (!summary && !final) continue;
      // Gathered for a later report (the units' summaries for the office's): that one is judged, once.
      if (oneOff.some((o) => o.due > r.due && !START.test(o.title))) continue;
      const before = lastTask && lastTask.due > r.due ? lastTask : undefined;
      ctx.report({
        path: [...r.path, 'due'], messageId: 'early',
        data: { report: r.id, title: r.title, due: r.due, end: period.end, task: before?.id, taskDue: before?.due },
        ...(long && daysBetween(r.due, period.end) <= LAST_MONTH ? { note: true } : {}),
      });
    }
  },
});
export default rule;
