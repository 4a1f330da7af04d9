import { defineRule } from '../types.js';
import type { Update } from '../../model/types.js';

/**
 * A unit's progress on a task falls from one of its entries to its next (60% on June 12, 40% on June 19) and
 * the later entry does not say why: usually a typo, or last week's figure copied into the wrong task. Each
 * unit's entries up to the as-of day are compared (the office's, without `by`, as one more reporter); an entry
 * marked done counts 100. A log out of date order is left to status/log-order. An entry whose note or problems give a reason is left alone: the words in REASON — a figure
 * corrected (调整, 核减, 核实, 更正, 纠正, 修正, 重新, 误报, 有误, 剔除, 扣除), work undone (退回, 返工, 不合格,
 * 未通过, 反弹), the task grown (新增, 扩大), or a cause given (由于, 因为, 原因). Words that name ordinary work
 * (复查, 增加频次) are no reason. A cancelled entry is no progress report.
 */
const REASON =
  /调整|核减|调减|下调|核实|核查后|复核|更正|纠正|修正|订正|重新|重报|误报|错报|多报|有误|剔除|扣除|口径|退回|返工|回退|撤销|撤回|不合格|未通过|未达标|反弹|新增|扩大|由于|因为|原因/;

const explained = (u: Update): boolean => REASON.test(`${u.note ?? ''} ${u.problems ?? ''}`);

const rule = defineRule({
  id: 'status/progress-down',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: "A unit's progress on a task falls from one entry to its next, and the entry does not say why",
    zh: '同一单位对同一任务的进度比上一次填报下降，且未说明原因',
  },
  messages: { down: { task: '2.1', unit: 'police' as string | undefined, name: '派出所' as string | undefined, from: 60, to: 40, fromDate: '2020-06-12', date: '2020-06-19' } },
  check(plan, ctx) {
    for (const t of plan.allTasks) {
      if (t.updates.length < 2) continue;
      // Entries up to the as-of day, as the status rules see them. A log out of date order is status/log-order's
      // finding: which way its figures run is not known until it is put right.
      const log = t.updates.every((u) => u.date <= ctx.asOf) ? t.updates : t.updates.filter((u) => u.date <= ctx.asOf);
      if (log.some((u, i) => i > 0 && u.date < log[i - 1]!.date)) continue;
      // Each reporter's last progress, by `by` ('' for the office).
      const last = new Map<string, { progress: number; date: string }>();
      for (const u of log) {
        if (u.status === 'cancelled') continue;
        const progress = u.progress ?? (u.status === 'done' ? 100 : undefined);
        if (progress === undefined) continue;
        // Stryker disable next-line StringLiteral: only a key for the office's entries, which no unit id can equal either way
        const who = u.by ?? '';
        const before = last.get(who);
        last.set(who, { progress, date: u.date });
        if (!before || progress >= before.progress || explained(u)) continue;
        const unit = plan.units.find((x) => x.id === u.by);
        ctx.report({
          path: [...u.path, 'progress'], messageId: 'down',
          data: { task: t.id, unit: u.by, name: unit?.name, from: before.progress, to: progress, fromDate: before.date, date: u.date },
        });
      }
    }
  },
});
export default rule;
