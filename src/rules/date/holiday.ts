import type { PlanRule } from '../types.js';
import type { Path } from '../../model/types.js';
import { dayOff } from '../../calendar/describe.js';
import { campaignOf } from '../../data/campaigns.js';

const rule: PlanRule = {
  id: 'date/holiday',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'A due date or report deadline on a public holiday or a weekend that is not a make-up working day',
    zh: '完成时限或报送期限落在法定节假日或非调休的周末',
  },
  check(plan, ctx) {
    const campaign = campaignOf(plan.title);
    const dates: { path: Path; date: string; text: string; what: string }[] = [
      ...plan.allTasks.filter((t) => t.due).map((t) => ({ path: [...t.path, 'due'], date: t.due!, text: `${t.title}${t.text ?? ''}`, what: t.id })),
      ...plan.reports.filter((r) => r.due && !r.every).map((r) => ({ path: [...r.path, 'due'], date: r.due!, text: r.title, what: r.id })),
    ];
    for (const d of dates) {
      const year = Number(d.date.slice(0, 4));
      if (!ctx.calendar.covers(year)) continue; // date/calendar-coverage says so once
      // An activity held on its campaign's national day (咨询日 on June 16 …) is fine on a Sunday.
      const keyDay = campaign?.keyDays(year).find((k) => k.date === d.date && k.names.some((n) => d.text.includes(n)));
      if (keyDay) continue;
      const off = dayOff(d.date, ctx.calendar);
      if (!off) continue;
      ctx.report({
        path: d.path,
        messageId: off.holiday ? 'date/holiday' : 'date/holiday-weekend',
        data: { what: d.what, date: d.date, holidayZh: off.holiday?.zh, holidayEn: off.holiday?.en, weekday: off.weekday, before: off.before },
      });
    }
  },
};
export default rule;
