// A campaign plan template from a short description: its period and key day from the campaign
// calendar, the national theme where known, a task skeleton, and the usual report duties — every
// due date moved onto a working day, so that the new plan validates with no findings.
import { campaignOf, CAMPAIGNS, type CampaignKind } from '../data/campaigns.js';
import { NATIONAL_CAMPAIGNS, themeOf } from '../data/national-campaigns.js';
import { PLACEHOLDER_THEMES } from '../data/themes.js';
import { workdayOnOrBefore } from '../calendar/dates.js';
import { flowText } from '../edit/scalar.js';
import { header, q } from './yaml-text.js';
import type { Template, TemplateOptions } from './types.js';

export interface TaskSpec {
  title: string;
  lead: string[];
  support?: string[];
  /** "MM-DD" (moved to the working day on or before), or "key" for the campaign's key day itself. */
  due: string;
  start?: string;
}

export interface CampaignTemplateSpec {
  name: string;
  campaign: keyof typeof PLACEHOLDER_THEMES & CampaignKind['id'];
  description: { en: string; zh: string };
  /** The title's campaign name, e.g. “安全生产月”. */
  titleName: string;
  sections: { title: string; tasks: TaskSpec[] }[];
  /** The campaign summary's deadline, "MM-DD" of the same year. */
  summaryDue: string;
}

export const UNITS = `units:
  - {id: safety, name: 应急办}
  - {id: police, name: 派出所}
  - {id: school, name: 中心学校}
  - {id: market, name: 市场所}
  - {id: health, name: 卫生院}
  - {id: villages, name: 各村(社区)}
  - {id: county-office, name: 县安委会办公室, external: true}
`;

/** A task as a block mapping, its first key after the list's dash at `indent`; lists stay on one line. */
function blockTask(fields: Record<string, string | string[]>, indent: string): string {
  return Object.entries(fields)
    .map(([k, v], i) => `${i ? `${indent}  ` : `${indent}- `}${k}: ${k === 'id' ? JSON.stringify(v) : Array.isArray(v) ? flowText(v) : q(v)}`)
    .join('\n');
}

export function campaignTemplate(spec: CampaignTemplateSpec): Template {
  const campaign = CAMPAIGNS.find((c) => c.id === spec.campaign)!;
  return {
    name: spec.name,
    description: spec.description,
    render({ year, organizer, schemaRef, isWorkday }: TemplateOptions) {
      const period = campaign.period(year);
      const keyDay = campaign.keyDays(year)[0];
      const due = (md: string) => (md === 'key' ? keyDay!.date : workdayOnOrBefore(`${year}-${md}`, isWorkday));
      // The year's national theme where the data lists it; else a placeholder that theme/placeholder reports.
      const known = themeOf(NATIONAL_CAMPAIGNS.find((c) => c.id === spec.campaign)!, year)?.theme;
      const theme = { title: known ?? PLACEHOLDER_THEMES[spec.campaign], known: known !== undefined };
      const title = `${organizer}${year}年${spec.titleName}活动方案`;
      if (campaignOf(title)?.id !== spec.campaign) throw new Error(`template ${spec.name}: its title is not recognised`);
      // Tasks in block style, a field a line: `campaign update` then adds each entry of the log as a
      // line of its own beneath the task, and `git diff` shows just that line.
      const tasks = spec.sections.map((s, i) => {
        const subtasks = s.tasks.map((t, j) => blockTask({
          id: `${i + 1}.${j + 1}`, title: t.title, theme: 'main', lead: t.lead, ...(t.support ? { support: t.support } : {}),
          ...(t.start ? { start: `${year}-${t.start}` } : {}), due: due(t.due),
        }, '      '));
        return `${blockTask({ id: `${i + 1}`, title: s.title }, '  ')}\n    tasks:\n${subtasks.join('\n')}`;
      });
      return `${header(schemaRef, `${spec.description.zh}模板：按本乡镇实际修改任务、责任单位与日期，然后运行 campaign validate 检查。`)}title: ${q(title)}
organizer: ${q(organizer)}
year: ${year}
basis: [${q(`《${year}年全县${spec.titleName}活动方案》`)}]
themes:
  - id: main
    title: ${q(theme.title)}${theme.known ? `   # ${year}年全国主题` : '   # 改为当年的主题'}
period: {start: ${period.start}, end: ${period.end}}
contact: {unit: ${q(organizer)}}   # 周报表表头：填报单位、填报人（person）、联系电话（phone）、审核人（reviewer）

${UNITS}
tasks:
${tasks.join('\n')}

requirements:
  - {id: R1, title: 加强组织领导, text: 各单位主要负责人亲自部署，明确专人负责。}
  - {id: R2, title: 及时报送信息, text: 每周五12点前报送进展情况，活动结束后报送总结。}

reports:
  - {id: weekly, title: 进展情况, to: county-office, every: friday, time: "12:00"}   # 每周五12点前上报；逢节假日提前
  - {id: summary, title: 活动总结, to: county-office, due: ${workdayOnOrBefore(`${year}-${spec.summaryDue}`, isWorkday)}}
`;
    },
  };
}
